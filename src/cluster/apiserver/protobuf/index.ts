// Decoding of Kubernetes protobuf request bodies (what kubectl's typed `create` commands send)
// into the JSON object kubectl would have sent as JSON. Kinds without a descriptor table are
// decoded generically: field 1 of every top-level object is its ObjectMeta.
// Mirrors k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go (Decode).
import { badRequest, StatusError } from "../status";
import { decodeMessage } from "./decode";
import { decodeEnvelope } from "./envelope";
import { GENERIC_ROOT, rootMessage } from "./schema";
import { guarded, Reader } from "./wire";

export { decodeEnvelope, PROTOBUF_CONTENT_TYPE, PROTOBUF_MAGIC, type Unknown } from "./envelope";

/**
 * Decodes `k8s\0` + runtime.Unknown into the object's JSON form (apiVersion and kind first).
 * Malformed input throws StatusError BadRequest with upstream's decoder message.
 */
export function decodeProtobufObject(body: Uint8Array): Record<string, unknown> {
  const { apiVersion, kind, raw } = decodeEnvelope(body);
  const root = rootMessage(apiVersion, kind);
  if (root) {
    const object = guarded(() => decodeMessage(Reader.create(raw), raw.length, root));
    return { apiVersion, kind, ...object };
  }
  try {
    const object = guarded(() => decodeMessage(Reader.create(raw), raw.length, GENERIC_ROOT));
    return { apiVersion, kind, ...object };
  } catch (e) {
    const why = e instanceof StatusError ? e.message : String(e);
    throw badRequest(`unable to decode ${kind} (${apiVersion}) from protobuf: only its metadata can be read without a schema, and that failed: ${why}`);
  }
}
