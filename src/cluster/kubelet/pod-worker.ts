// The kubelet's per-pod worker (pkg/kubelet/pod_workers.go + kubelet.go SyncPod /
// SyncTerminatingPod): admit, mount volumes (FailedMount with the volume manager's back-off),
// set up the sandbox and network (pod IP from the node's podCIDR), run init containers one by
// one, then the containers; on deletion stop them (Killing, TERM, KILL after the grace period)
// and remove the pod. Level-triggered: each sync performs what is due and returns when to look
// again; the facts live in KubeletState.
import type { KObject } from "../apiserver/registry/types";
import { ApiClient } from "../engine/client";
import type { TimingProfile } from "../sim/profiles/index";
import { EventRecorder, apiEventWriter } from "../events/recorder";
import { admitPod } from "./admission";
import { mountFailures, failedMountMessage, type VolumeReader } from "./volumes";
import { advance, finish, newContainerRecord, type WorkerContext } from "./containers";
import { generatePodStatus, rejectedStatus, podPhase } from "./status";
import { containerEnv } from "./env";
import { resolveImage } from "./images";
import type { KubeletState, PodRecord } from "./state";
import type { ContainerConfig, ContainerRuntime } from "./containerd/runtime";
import { volumeFiles } from "./volumes";
import { beginStop, runAttempt } from "./attempt";
import type { Image } from "./images";
import { ephemeralSpecs, syncEphemeralContainers } from "./ephemeral";

export const pods = ApiClient.resource("", "pods");
export const nodes = ApiClient.resource("", "nodes");
const configmaps = ApiClient.resource("", "configmaps");
const secrets = ApiClient.resource("", "secrets");

/** The volume manager's retry back-off (nestedpendingoperations: 500 ms doubling to 2m2s). */
const MOUNT_BACKOFF = { initialMs: 500, maxMs: 122_000 };

export interface SyncDeps {
  api: ApiClient;
  state: KubeletState;
  runtime: ContainerRuntime;
  profile: TimingProfile;
  now: number;
  random(): number;
}

function hex64(random: () => number): string {
  let s = "";
  for (let i = 0; i < 64; i++) s += "0123456789abcdef"[Math.floor(random() * 16)];
  return s;
}

export function volumeReader(api: ApiClient): VolumeReader {
  return {
    configMap: (ns, name) => api.get(configmaps, ns, name),
    secret: (ns, name) => api.get(secrets, ns, name),
  };
}

function hostIP(node: KObject): string | undefined {
  return ((node.status?.addresses ?? []) as KObject[]).find((a) => a.type === "InternalIP")?.address;
}

/** What the runtime starts a container with; volume contents are read now (kept for replay). */
function containerConfig(pod: KObject, node: KObject, spec: KObject, image: Image, env: Record<string, string>, reader: VolumeReader, ip: string | undefined): ContainerConfig {
  const volumes = (pod.spec?.volumes ?? []) as KObject[];
  const mounts = ((spec.volumeMounts ?? []) as KObject[]).flatMap((m) => {
    const v = volumes.find((x) => x.name === m.name);
    return v ? [{ path: m.mountPath as string, files: volumeFiles(pod, v, reader, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), readOnly: !!m.readOnly }] : [];
  });
  const cpus = Math.max(1, Math.floor(Number(node.status?.capacity?.cpu ?? 2)) || 2);
  return {
    image: spec.image, command: spec.command, args: spec.args, env, workingDir: spec.workingDir,
    hostname: pod.spec?.hostname ?? pod.metadata.name, namespace: pod.metadata.namespace ?? "default", podIP: ip, mounts, tty: !!spec.tty, stdin: !!spec.stdin, stdinOnce: !!spec.stdinOnce, cpus,
  };
}

/** Syncs one pod; returns the next virtual time something is due, if any. */
export async function syncPod(d: SyncDeps, ns: string, name: string): Promise<number | undefined> {
  const pod = d.api.get(pods, ns, name);
  const known = d.state.podByName(ns, name);
  if (known && (!pod || pod.metadata.uid !== known.uid)) {
    // The pod is gone (or replaced): tear down what the runtime held.
    d.runtime.removePod(known.uid);
    d.state.forget(known.uid);
    if (!pod) return undefined;
  }
  if (!pod?.spec?.nodeName) return undefined;
  const node = d.api.get(nodes, undefined, pod.spec.nodeName);
  if (!node) return undefined;
  const recorder = new EventRecorder(apiEventWriter(d.api), () => new Date(d.now), { component: "kubelet", host: node.metadata.name }, d.random);
  let rec = d.state.pod(pod.metadata.uid!);
  if (!rec) {
    rec = { uid: pod.metadata.uid!, node: node.metadata.name, ns, name, seenAt: d.now, mount: { failures: 0 }, containers: {} };
    const phase = pod.status?.phase;
    if (phase !== "Succeeded" && phase !== "Failed") {
      const others = d.api.list(pods).filter((o) => o.spec?.nodeName === node.metadata.name && o.metadata.uid !== rec!.uid
        && !["Succeeded", "Failed"].includes(o.status?.phase) && d.state.pod(o.metadata.uid!) && !d.state.pod(o.metadata.uid!)!.rejected);
      const rejection = admitPod(pod, node, others);
      if (rejection) {
        rec.rejected = rejection;
        d.state.save(rec);
        recorder.event({ kind: "Pod", apiVersion: "v1", metadata: pod.metadata }, "Warning", rejection.reason, rejection.message);
        d.api.update(pods, { ...pod, status: rejectedStatus(pod, rec) }, "status");
        return undefined;
      }
    }
  }
  if (rec.rejected) {
    if (pod.metadata.deletionTimestamp) d.api.delete(pods, ns, name, 0);
    return undefined;
  }
  const next: number[] = [];
  const due = (t: number | undefined) => { if (t !== undefined && Number.isFinite(t)) next.push(t); };
  const reader = volumeReader(d.api);
  const w: WorkerContext = {
    now: d.now, pod, rec, state: d.state, profile: d.profile, recorder,
    hex64: () => hex64(d.random),
    env: (c, image) => containerEnv(pod, c, image, reader, rec!.sandbox?.ip, hostIP(node)),
    runtime: d.runtime,
    config: (c, image) => containerConfig(pod, node, c, image, containerEnv(pod, c, image, reader, rec!.sandbox?.ip, hostIP(node)), reader, rec!.sandbox?.ip),
    due,
  };
  if (pod.metadata.deletionTimestamp) {
    const gone = await terminate(d, w, pod);
    d.state.save(rec);
    if (!gone) writeStatus(d, pod, rec, hostIP(node), false);
    return gone ? undefined : Math.min(...next, Infinity);
  }
  await runPod(d, w, pod, node, reader);
  d.state.save(rec);
  writeStatus(d, pod, rec, hostIP(node), false);
  const min = Math.min(...next.filter((t) => t > d.now), Infinity);
  return Number.isFinite(min) ? min : next.some((t) => t <= d.now) ? d.now : undefined;
}

async function runPod(d: SyncDeps, w: WorkerContext, pod: KObject, node: KObject, reader: VolumeReader): Promise<void> {
  const rec = w.rec;
  const now = d.now;
  if (rec.mount.readyAt === undefined) {
    if (rec.mount.nextAt !== undefined && now < rec.mount.nextAt) { w.due(rec.mount.nextAt); return; }
    const failures = mountFailures(pod, reader);
    if (failures.length) {
      for (const f of failures) w.recorder.event({ kind: "Pod", apiVersion: "v1", metadata: pod.metadata }, "Warning", "FailedMount", failedMountMessage(f));
      rec.mount.failures++;
      rec.mount.missing = failures.map((f) => f.volume).join(",");
      rec.mount.nextAt = now + Math.min(MOUNT_BACKOFF.initialMs * 2 ** (rec.mount.failures - 1), MOUNT_BACKOFF.maxMs);
      for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...ephemeralSpecs(pod)] as KObject[]) {
        rec.containers[c.name] ??= newContainerRecord(c.name, kindOf(pod, c));
        rec.containers[c.name]!.waiting ??= { reason: "ContainerCreating" };
      }
      w.due(rec.mount.nextAt);
      return;
    }
    rec.mount.readyAt = now;
    rec.mount.missing = undefined;
  }
  if (!rec.sandbox) {
    // Without a CNI plugin on the node no sandbox network can be set up (host-network pods need none).
    const cidr: string | undefined = d.state.cniPodCIDR(node.metadata.name) ?? node.spec?.podCIDR;
    const cniReady = d.state.networkReady(node.metadata.name);
    const ip = pod.spec?.hostNetwork ? hostIP(node) : cidr && cniReady ? d.state.allocateIP(node.metadata.name, cidr, rec.uid) : undefined;
    if (pod.metadata.annotations?.["kubernetes.io/config.mirror"]) {
      // Static pods' images were pulled by kubeadm before the kubelet started them.
      for (const c of (pod.spec?.containers ?? []) as KObject[]) {
        const img = resolveImage(c.image);
        if (img.ok) d.state.addImage(node.metadata.name, `${img.image.name}:${img.image.tag}`, now);
      }
    }
    if (!ip) {
      w.recorder.event({ kind: "Pod", apiVersion: "v1", metadata: pod.metadata }, "Warning", "NetworkNotReady", "network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized");
      return;
    }
    rec.sandbox = { requestedAt: now, readyAt: now + d.profile.runtime.sandboxCreateMs, ip };
  }
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...ephemeralSpecs(pod)] as KObject[]) {
    rec.containers[c.name] ??= newContainerRecord(c.name, kindOf(pod, c));
    rec.containers[c.name]!.waiting ??= rec.containers[c.name]!.current ? undefined : { reason: "ContainerCreating" };
  }
  if (rec.sandbox.readyAt > now) { w.due(rec.sandbox.readyAt); return; }
  if (rec.sandbox.removedAt !== undefined) return;
  const policy: string = pod.spec?.restartPolicy ?? "Always";
  await syncEphemeralContainers(w);
  for (const spec of (pod.spec?.initContainers ?? []) as KObject[]) {
    const c = rec.containers[spec.name]!;
    await advance(w, spec, c, policy);
    if (c.kind === "sidecar") { if (!c.current || c.op) return; continue; }
    const a = c.current;
    if (!a || a.finishedAt === undefined || a.exitCode !== 0) return;
  }
  for (const spec of (pod.spec?.containers ?? []) as KObject[]) {
    const c = rec.containers[spec.name]!;
    await advance(w, spec, c, policy);
    if (c.op) break;
  }
  const phase = podPhase(pod, rec, false);
  if (phase === "Succeeded" || phase === "Failed") {
    // The pod is done: sidecars are stopped and the sandbox torn down (PodReadyToStartContainers=False).
    for (const c of Object.values(rec.containers)) {
      if (c.current && c.current.finishedAt === undefined) { await d.runtime.signal(c.current.id, "KILL", now); finish(c, now, 0); }
    }
    rec.sandbox.removedAt ??= now;
  }
}

function kindOf(pod: KObject, c: KObject): "init" | "sidecar" | "regular" | "ephemeral" {
  if (ephemeralSpecs(pod).some((e) => e.name === c.name)) return "ephemeral";
  const init = ((pod.spec?.initContainers ?? []) as KObject[]).some((i) => i.name === c.name);
  return !init ? "regular" : c.restartPolicy === "Always" ? "sidecar" : "init";
}

/** SyncTerminatingPod: stop every container (preStop, stop signal, KILL after the grace period); true once the pod is deleted. */
async function terminate(d: SyncDeps, w: WorkerContext, pod: KObject): Promise<boolean> {
  const rec = w.rec;
  const now = d.now;
  const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...ephemeralSpecs(pod)] as KObject[];
  if (!rec.terminating) {
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    rec.terminating = { startedAt: now, graceMs, killAt: now + graceMs };
    for (const spec of specs) {
      const c = rec.containers[spec.name];
      if (!c) continue;
      c.op = undefined;
      const a = c.current;
      if (!a || a.finishedAt !== undefined) continue;
      // A stop already under way (liveness) keeps its own deadline unless deletion's is earlier.
      if (a.stop) { a.stop.killAt = Math.min(a.stop.killAt, now + Math.max(graceMs, 2000)); continue; }
      await beginStop(w, spec, c, now, graceMs, `Stopping container ${c.name}`);
    }
  }
  let pending = false;
  for (const spec of specs) {
    const c = rec.containers[spec.name];
    const a = c?.current;
    if (!c || !a || a.finishedAt !== undefined) continue;
    await runAttempt(w, spec, c);
    if (c.current!.finishedAt === undefined) pending = true;
  }
  if (pending) return false;
  if (rec.sandbox && rec.sandbox.removedAt === undefined) rec.sandbox.removedAt = now;
  d.state.releaseIP(rec.uid);
  writeStatus(d, pod, rec, undefined, true);
  d.api.delete(pods, pod.metadata.namespace, pod.metadata.name, 0);
  d.runtime.removePod(rec.uid);
  d.state.forget(rec.uid);
  return true;
}

function writeStatus(d: SyncDeps, pod: KObject, rec: PodRecord, host: string | undefined, terminal: boolean): void {
  const status = generatePodStatus({ pod, rec, now: d.now, hostIP: host ?? pod.status?.hostIP }, terminal);
  if (JSON.stringify(stripVolatile(status)) === JSON.stringify(stripVolatile(pod.status ?? {}))) return;
  const current = d.api.get(pods, pod.metadata.namespace, pod.metadata.name);
  if (!current || current.metadata.uid !== pod.metadata.uid) return;
  d.api.update(pods, { ...current, status }, "status");
}

function stripVolatile(s: KObject): unknown {
  return s;
}
