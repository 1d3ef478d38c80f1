// ServiceAccount (plugin/pkg/admission/serviceaccount/admission.go): a new pod runs as the
// "default" service account unless it names one, which must exist; its API credentials are
// mounted as the projected kube-api-access-xxxxx volume at /var/run/secrets/kubernetes.io/serviceaccount
// in every container, unless automounting is off or something is already mounted there.
import { NAME_ALPHABET } from "../../sim/rng";
import type { AdmissionAttributes, AdmissionPlugin } from "./types";
import { isPodCreate, newForbidden } from "./forbidden";
import type { Json } from "../validation/common";

export const DEFAULT_SERVICE_ACCOUNT = "default";
export const DEFAULT_API_TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
export const SERVICE_ACCOUNT_VOLUME_NAME = "kube-api-access";
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: 1 h + 7 s. */
export const TOKEN_EXPIRATION_SECONDS = 3607;
const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

/** Five name characters derived from the pod's identity (FNV-1a), standing in for upstream's random suffix. */
export function volumeSuffix(seed: string): string {
  let h = 0x811c9dc5;
  let out = "";
  for (let round = 0; out.length < 5; round++) {
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += NAME_ALPHABET[h % NAME_ALPHABET.length];
  }
  return out;
}

/** TokenVolumeSource: token, the cluster CA and the namespace, mode 0644. */
export function tokenVolume(name: string): Json {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: "token" } },
        { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
        { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
      ],
    },
  };
}

function shouldAutomount(sa: Json, pod: Json): boolean {
  if (pod.spec.automountServiceAccountToken != null) return !!pod.spec.automountServiceAccountToken;
  if (sa.automountServiceAccountToken != null) return !!sa.automountServiceAccountToken;
  return true;
}

function mountToken(pod: Json, seed: string): void {
  const spec = pod.spec;
  const volumes: Json[] = spec.volumes ?? [];
  const existing = volumes.find((v) => String(v.name).startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`));
  const volumeName = existing?.name ?? `${SERVICE_ACCOUNT_VOLUME_NAME}-${volumeSuffix(seed)}`;
  let needsVolume = false;
  for (const list of [spec.initContainers, spec.containers] as (Json[] | undefined)[]) {
    for (const c of list ?? []) {
      const mounts: Json[] = c.volumeMounts ?? [];
      if (mounts.some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
      c.volumeMounts = [...mounts, { name: volumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH }];
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) spec.volumes = [...volumes, tokenVolume(volumeName)];
}

function admitPod(a: AdmissionAttributes): void {
  const pod = a.object!;
  pod.spec ??= {};
  if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
  if (!pod.spec.serviceAccountName) pod.spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
  pod.spec.serviceAccount = pod.spec.serviceAccountName;
  const saName: string = pod.spec.serviceAccountName;
  const sa = a.reader.get("", "serviceaccounts", a.namespace, saName);
  if (!sa) throw newForbidden(a, `error looking up service account ${a.namespace}/${saName}: serviceaccount "${saName}" not found`);
  if (shouldAutomount(sa, pod)) {
    const m = pod.metadata ?? {};
    mountToken(pod, `${a.namespace}/${m.name || m.generateName || ""}/${m.uid ?? ""}/${a.now.getTime()}`);
  }
  if (!(pod.spec.imagePullSecrets ?? []).length && (sa.imagePullSecrets ?? []).length) {
    pod.spec.imagePullSecrets = sa.imagePullSecrets.map((s: Json) => ({ name: s.name }));
  }
}

export const serviceAccount: AdmissionPlugin = {
  name: "ServiceAccount",
  admit(a) {
    if (isPodCreate(a)) admitPod(a);
  },
  validate(a) {
    if (!isPodCreate(a)) return;
    const pod = a.object!;
    if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] === undefined) return;
    if (pod.spec?.serviceAccountName) throw newForbidden(a, "a mirror pod may not reference service accounts");
  },
};
