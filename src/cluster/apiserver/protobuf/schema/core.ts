// Protobuf field numbers and JSON names of core/v1 Namespace, ConfigMap, Secret, Service, ServiceAccount, ResourceQuota, LimitRange, Endpoints.
// Mirrors k8s.io/api/core/v1/generated.proto (v1.32); flags from the Go types (see ../fields.ts).
import type { Schema } from "../fields";

export const coreObjects: Schema = {
  Namespace: { 1: "metadata:meta.ObjectMeta", 2: "spec:NamespaceSpec", 3: "status:NamespaceStatus" },
  ConfigMap: {
    1: "metadata:meta.ObjectMeta", 2: "data:{string}", 3: "binaryData:{bytes}", 4: "immutable:bool!"
  },
  Secret: {
    1: "metadata:meta.ObjectMeta", 2: "data:{bytes}", 3: "type:string", 4: "stringData:{string}",
    5: "immutable:bool!"
  },
  Service: { 1: "metadata:meta.ObjectMeta", 2: "spec:ServiceSpec", 3: "status:ServiceStatus" },
  ServiceAccount: {
    1: "metadata:meta.ObjectMeta", 2: "secrets:ObjectReference[]",
    3: "imagePullSecrets:LocalObjectReference[]", 4: "automountServiceAccountToken:bool!"
  },
  ResourceQuota: {
    1: "metadata:meta.ObjectMeta", 2: "spec:ResourceQuotaSpec", 3: "status:ResourceQuotaStatus"
  },
  LimitRange: { 1: "metadata:meta.ObjectMeta", 2: "spec:LimitRangeSpec" },
  Endpoints: { 1: "metadata:meta.ObjectMeta", 2: "subsets:EndpointSubset[]" },
  Binding: { 1: "metadata:meta.ObjectMeta", 2: "target:ObjectReference" },
  NamespaceSpec: { 1: "finalizers:string[]" },
  NamespaceStatus: { 1: "phase:string", 2: "conditions:NamespaceCondition[]" },
  ServiceSpec: {
    1: "ports:ServicePort[]", 2: "selector:{string}", 3: "clusterIP:string", 4: "type:string",
    5: "externalIPs:string[]", 7: "sessionAffinity:string", 8: "loadBalancerIP:string",
    9: "loadBalancerSourceRanges:string[]", 10: "externalName:string", 11: "externalTrafficPolicy:string",
    12: "healthCheckNodePort:int32", 13: "publishNotReadyAddresses:bool",
    14: "sessionAffinityConfig:SessionAffinityConfig", 17: "ipFamilyPolicy:string!",
    18: "clusterIPs:string[]", 19: "ipFamilies:string[]", 20: "allocateLoadBalancerNodePorts:bool!",
    21: "loadBalancerClass:string!", 22: "internalTrafficPolicy:string!", 23: "trafficDistribution:string!"
  },
  ServiceStatus: { 1: "loadBalancer:LoadBalancerStatus", 2: "conditions:meta.Condition[]" },
  ObjectReference: {
    1: "kind:string", 2: "namespace:string", 3: "name:string", 4: "uid:string", 5: "apiVersion:string",
    6: "resourceVersion:string", 7: "fieldPath:string"
  },
  ResourceQuotaSpec: { 1: "hard:{Quantity}", 2: "scopes:string[]", 3: "scopeSelector:ScopeSelector" },
  ResourceQuotaStatus: { 1: "hard:{Quantity}", 2: "used:{Quantity}" },
  LimitRangeSpec: { 1: "limits:LimitRangeItem[]" },
  EndpointSubset: {
    1: "addresses:EndpointAddress[]", 2: "notReadyAddresses:EndpointAddress[]", 3: "ports:EndpointPort[]"
  },
  NamespaceCondition: {
    1: "type:string!", 2: "status:string!", 4: "lastTransitionTime:Time", 5: "reason:string",
    6: "message:string"
  },
  ServicePort: {
    1: "name:string", 2: "protocol:string", 3: "port:int32!", 4: "targetPort:IntOrString",
    5: "nodePort:int32", 6: "appProtocol:string!"
  },
  SessionAffinityConfig: { 1: "clientIP:ClientIPConfig" },
  LoadBalancerStatus: { 1: "ingress:LoadBalancerIngress[]" },
  ScopeSelector: { 1: "matchExpressions:ScopedResourceSelectorRequirement[]" },
  LimitRangeItem: {
    1: "type:string!", 2: "max:{Quantity}", 3: "min:{Quantity}", 4: "default:{Quantity}",
    5: "defaultRequest:{Quantity}", 6: "maxLimitRequestRatio:{Quantity}"
  },
  EndpointAddress: {
    1: "ip:string!", 2: "targetRef:ObjectReference", 3: "hostname:string", 4: "nodeName:string!"
  },
  EndpointPort: { 1: "name:string", 2: "port:int32!", 3: "protocol:string", 4: "appProtocol:string!" },
  ClientIPConfig: { 1: "timeoutSeconds:int32!" },
  LoadBalancerIngress: { 1: "ip:string", 2: "hostname:string", 3: "ipMode:string!", 4: "ports:PortStatus[]" },
  ScopedResourceSelectorRequirement: { 1: "scopeName:string!", 2: "operator:string!", 3: "values:string[]" },
  PortStatus: { 1: "port:int32!", 2: "protocol:string!", 3: "error:string!" },
};
