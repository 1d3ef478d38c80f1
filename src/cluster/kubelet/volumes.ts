// Volume set-up for a pod (the volume manager's reconciler and the configMap, secret, projected,
// downwardAPI, emptyDir and hostPath plugins): decides whether every volume can be mounted now,
// the upstream error for each that cannot (`configmap "y" not found`), and the files each mount
// shows inside a container. Upstream: pkg/kubelet/volumemanager/reconciler, pkg/volume/{configmap,
// secret,projected,downwardapi}, operation_generator.go ("MountVolume.SetUp failed for volume").
import type { KObject } from "../apiserver/registry/types";

export interface VolumeReader {
  configMap(ns: string, name: string): KObject | undefined;
  secret(ns: string, name: string): KObject | undefined;
}

export interface MountFailure { volume: string; message: string }

/** The FailedMount event message for one volume (operation_generator.go MountVolume.SetUp). */
export function failedMountMessage(f: MountFailure): string {
  return `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`;
}

type Source = { configMap?: KObject; secret?: KObject };

function sourceError(src: Source, ns: string, r: VolumeReader): string | undefined {
  if (src.configMap && !src.configMap.optional && !r.configMap(ns, src.configMap.name)) return `configmap "${src.configMap.name}" not found`;
  if (src.secret && !src.secret.optional && !r.secret(ns, src.secret.name ?? src.secret.secretName)) return `secret "${src.secret.name ?? src.secret.secretName}" not found`;
  return undefined;
}

/** Volumes of `pod` that cannot be set up now, in spec order. */
export function mountFailures(pod: KObject, r: VolumeReader): MountFailure[] {
  const ns = pod.metadata.namespace ?? "default";
  const out: MountFailure[] = [];
  for (const v of (pod.spec?.volumes ?? []) as KObject[]) {
    let msg: string | undefined;
    if (v.configMap) msg = sourceError({ configMap: v.configMap }, ns, r);
    else if (v.secret) msg = sourceError({ secret: { ...v.secret, name: v.secret.secretName } }, ns, r);
    else if (v.projected) {
      for (const s of (v.projected.sources ?? []) as KObject[]) {
        msg = sourceError({ configMap: s.configMap, secret: s.secret }, ns, r);
        if (msg) break;
      }
    }
    if (msg) out.push({ volume: v.name, message: msg });
  }
  return out;
}

/** Names of ConfigMaps and Secrets the pod's volumes read (to requeue it when they change). */
export function referencedObjects(pod: KObject): { configMaps: string[]; secrets: string[] } {
  const configMaps: string[] = [];
  const secrets: string[] = [];
  for (const v of (pod.spec?.volumes ?? []) as KObject[]) {
    if (v.configMap) configMaps.push(v.configMap.name);
    if (v.secret) secrets.push(v.secret.secretName);
    for (const s of (v.projected?.sources ?? []) as KObject[]) {
      if (s.configMap) configMaps.push(s.configMap.name);
      if (s.secret) secrets.push(s.secret.name);
    }
  }
  return { configMaps, secrets };
}

function keyFiles(data: Record<string, string> | undefined, items: KObject[] | undefined, decode: boolean): Record<string, string> {
  const val = (v: string) => (decode ? atob(v) : v);
  const out: Record<string, string> = {};
  if (items?.length) for (const it of items) { if (data?.[it.key] !== undefined) out[it.path] = val(data[it.key]!); }
  else for (const [k, v] of Object.entries(data ?? {})) out[k] = val(v);
  return out;
}

function downward(pod: KObject, items: KObject[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items ?? []) {
    const path = (it.fieldRef?.fieldPath ?? "") as string;
    const m = path.match(/^metadata\.(labels|annotations)$/);
    if (m) out[it.path] = Object.entries((pod.metadata[m[1]!] ?? {}) as Record<string, string>).map(([k, v]) => `${k}="${v}"`).join("\n");
    else if (path === "metadata.name") out[it.path] = pod.metadata.name;
    else if (path === "metadata.namespace") out[it.path] = pod.metadata.namespace ?? "";
    else if (path === "metadata.uid") out[it.path] = pod.metadata.uid ?? "";
  }
  return out;
}

/** The files a volume shows (paths relative to the mount point), for exec and programs. */
export function volumeFiles(pod: KObject, v: KObject, r: VolumeReader, token: string): Record<string, string> {
  const ns = pod.metadata.namespace ?? "default";
  if (v.configMap) return keyFiles(r.configMap(ns, v.configMap.name)?.data, v.configMap.items, false);
  if (v.secret) return keyFiles(r.secret(ns, v.secret.secretName)?.data, v.secret.items, true);
  if (v.downwardAPI) return downward(pod, v.downwardAPI.items);
  if (v.projected) {
    let out: Record<string, string> = {};
    for (const s of (v.projected.sources ?? []) as KObject[]) {
      if (s.configMap) out = { ...out, ...keyFiles(r.configMap(ns, s.configMap.name)?.data, s.configMap.items, false) };
      if (s.secret) out = { ...out, ...keyFiles(r.secret(ns, s.secret.name)?.data, s.secret.items, true) };
      if (s.downwardAPI) out = { ...out, ...downward(pod, s.downwardAPI.items) };
      if (s.serviceAccountToken) out[s.serviceAccountToken.path] = token;
    }
    return out;
  }
  return {};
}
