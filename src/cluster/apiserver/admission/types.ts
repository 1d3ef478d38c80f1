// Admission: plugins run after authorization and before validation/storage, mutating ones first
// (k8s.io/apiserver/pkg/admission/interfaces.go). A plugin rejects by throwing a StatusError.
import type { ResourceInfo } from "../resources";
import type { KObject } from "../registry/types";

export type Operation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";

export interface UserInfo {
  username: string;
  groups: string[];
}

/** Read access to current state, for plugins that look things up (namespace lifecycle, service accounts, priority). */
export interface ObjectReader {
  get(group: string, resource: string, namespace: string | undefined, name: string): KObject | undefined;
  list(group: string, resource: string, namespace?: string): KObject[];
}

export interface AdmissionAttributes {
  operation: Operation;
  resource: ResourceInfo;
  subresource?: string;
  namespace?: string;
  name: string;
  /** The incoming object (mutable by mutating plugins); absent on DELETE/CONNECT. */
  object?: KObject;
  oldObject?: KObject;
  user: UserInfo;
  dryRun: boolean;
  reader: ObjectReader;
  now: Date;
}

export interface AdmissionPlugin {
  /** Upstream plugin name, e.g. "NamespaceLifecycle", "ServiceAccount", "DefaultTolerationSeconds", "Priority". */
  name: string;
  /** Mutating phase. */
  admit?(a: AdmissionAttributes): void;
  /** Validating phase. */
  validate?(a: AdmissionAttributes): void;
}
