// A container's environment as the kubelet builds it (pkg/kubelet/kubelet_pods.go
// makeEnvironmentVariables): the image's Env, HOSTNAME, the kubernetes Service variables, then
// the container's env (value, fieldRef, configMapKeyRef/secretKeyRef) and envFrom.
import type { KObject } from "../apiserver/registry/types";
import type { Image } from "./images";
import type { VolumeReader } from "./volumes";

const KUBERNETES_SERVICE_ENV: Record<string, string> = {
  KUBERNETES_SERVICE_HOST: "10.96.0.1",
  KUBERNETES_SERVICE_PORT: "443",
  KUBERNETES_SERVICE_PORT_HTTPS: "443",
  KUBERNETES_PORT: "tcp://10.96.0.1:443",
  KUBERNETES_PORT_443_TCP: "tcp://10.96.0.1:443",
  KUBERNETES_PORT_443_TCP_PROTO: "tcp",
  KUBERNETES_PORT_443_TCP_PORT: "443",
  KUBERNETES_PORT_443_TCP_ADDR: "10.96.0.1",
};

function fieldRef(pod: KObject, path: string, podIP: string | undefined, hostIP: string | undefined): string {
  switch (path) {
    case "metadata.name": return pod.metadata.name;
    case "metadata.namespace": return pod.metadata.namespace ?? "";
    case "metadata.uid": return pod.metadata.uid ?? "";
    case "spec.nodeName": return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName": return pod.spec?.serviceAccountName ?? "";
    case "status.podIP": return podIP ?? "";
    case "status.hostIP": return hostIP ?? "";
  }
  const m = path.match(/^metadata\.(labels|annotations)\['(.*)'\]$/);
  return m ? (pod.metadata[m[1]!]?.[m[2]!] ?? "") : "";
}

export function containerEnv(pod: KObject, c: KObject, image: Image | undefined, r: VolumeReader, podIP?: string, hostIP?: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of image?.config.env ?? []) {
    const i = kv.indexOf("=");
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  env.HOSTNAME = pod.spec?.hostname ?? pod.metadata.name;
  if (pod.spec?.enableServiceLinks !== false || true) Object.assign(env, KUBERNETES_SERVICE_ENV);
  const ns = pod.metadata.namespace ?? "default";
  for (const from of (c.envFrom ?? []) as KObject[]) {
    const data = from.configMapRef ? r.configMap(ns, from.configMapRef.name)?.data : from.secretRef ? mapValues(r.secret(ns, from.secretRef.name)?.data) : undefined;
    for (const [k, v] of Object.entries((data ?? {}) as Record<string, string>)) env[`${from.prefix ?? ""}${k}`] = v;
  }
  for (const e of (c.env ?? []) as KObject[]) {
    if (e.value !== undefined) env[e.name] = String(e.value).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, k: string) => env[k] ?? m);
    else if (e.valueFrom?.fieldRef) env[e.name] = fieldRef(pod, e.valueFrom.fieldRef.fieldPath, podIP, hostIP);
    else if (e.valueFrom?.configMapKeyRef) env[e.name] = r.configMap(ns, e.valueFrom.configMapKeyRef.name)?.data?.[e.valueFrom.configMapKeyRef.key] ?? "";
    else if (e.valueFrom?.secretKeyRef) env[e.name] = mapValues(r.secret(ns, e.valueFrom.secretKeyRef.name)?.data)[e.valueFrom.secretKeyRef.key] ?? "";
    else env[e.name] = "";
  }
  return env;
}

function mapValues(data: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) { try { out[k] = atob(v); } catch { out[k] = v; } }
  return out;
}
