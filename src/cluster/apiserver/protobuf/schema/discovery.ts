// Protobuf field numbers and JSON names of discovery.k8s.io/v1 EndpointSlice.
// Mirrors k8s.io/api/discovery/v1/generated.proto (v1.32); flags from the Go types (see ../fields.ts).
import type { Schema } from "../fields";

export const discovery: Schema = {
  EndpointSlice: {
    1: "metadata:meta.ObjectMeta", 2: "endpoints:Endpoint[]", 3: "ports:EndpointPort[]",
    4: "addressType:string!"
  },
  Endpoint: {
    1: "addresses:string[]", 2: "conditions:EndpointConditions", 3: "hostname:string!",
    4: "targetRef:core.ObjectReference", 5: "deprecatedTopology:{string}", 6: "nodeName:string!",
    7: "zone:string!", 8: "hints:EndpointHints"
  },
  EndpointPort: { 1: "name:string!", 2: "protocol:string!", 3: "port:int32!", 4: "appProtocol:string!" },
  EndpointConditions: { 1: "ready:bool!", 2: "serving:bool!", 3: "terminating:bool!" },
  EndpointHints: { 1: "forZones:ForZone[]" },
  ForZone: { 1: "name:string!" },
};
