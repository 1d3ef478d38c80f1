// kubectl debug (POD | TYPE/NAME) [-- COMMAND...]: an ephemeral debug container added to a running
// pod through a strategic merge patch on pods/NAME/ephemeralcontainers, a copy of the pod with a
// debug container (--copy-to), or a pod in the node's host namespaces with its root at /host
// (node/NAME); with -i it waits for the container to run and attaches as `kubectl attach` does.
// The default profile is "legacy", as in kubectl v1.32 (with its deprecation notice).
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go and profiles.go, pkg/cmd/attach/attach.go.
import { nameSuffix } from "../../../cluster/apiserver/object-meta";
import { containerNames } from "../podcmd";
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import { fail } from "../errors";
import { type FlagSpec, bool, list, str } from "../flags";
import { resourceTargets } from "../builder";
import { setupTTY, streamExec } from "./exec";
import { streamLogs } from "./logs";

export const debugFlags: FlagSpec[] = [
  { name: "arguments-only", type: "bool" }, { name: "attach", type: "bool" }, { name: "container", short: "c", type: "string" },
  { name: "copy-to", type: "string" }, { name: "replace", type: "bool" }, { name: "env", type: "array" }, { name: "image", type: "string" },
  { name: "keep-labels", type: "bool" }, { name: "keep-annotations", type: "bool" }, { name: "keep-liveness", type: "bool" },
  { name: "keep-readiness", type: "bool" }, { name: "keep-startup", type: "bool" }, { name: "keep-init-containers", type: "bool" },
  { name: "set-image", type: "array" }, { name: "image-pull-policy", type: "string" }, { name: "stdin", short: "i", type: "bool" },
  { name: "quiet", short: "q", type: "bool" }, { name: "same-node", type: "bool" }, { name: "share-processes", type: "bool" },
  { name: "target", type: "string" }, { name: "tty", short: "t", type: "bool" }, { name: "profile", type: "string", def: "legacy" },
  { name: "custom", type: "string" },
];

const PROFILES = ["legacy", "general", "baseline", "netadmin", "restricted", "sysadmin"];

/** utilrand.String(5), as kubectl draws it on the client (not from the cluster's seeded source). */
const randomSuffix = () => nameSuffix(() => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32);

/** "A=B" pairs as an env list (the --env StringToString flag). */
function envList(k: Kctx): Obj[] | undefined {
  const pairs = list(k.flags, "env").flatMap((v) => v.split(",")).filter(Boolean);
  return pairs.length ? pairs.map((kv) => ({ name: kv.slice(0, kv.indexOf("=") < 0 ? kv.length : kv.indexOf("=")), value: kv.includes("=") ? kv.slice(kv.indexOf("=") + 1) : "" })) : undefined;
}

interface Opts { image: string; container: string; stdin: boolean; tty: boolean; quiet: boolean; args: string[]; pull: string }

/** The container fields kubectl sets (keys as Go marshals the patch map: sorted). */
function debugContainer(k: Kctx, o: Opts, name: string, extra: Obj = {}): Obj {
  const c: Obj = {};
  if (o.args.length && !bool(k.flags, "arguments-only")) c.command = o.args;
  if (o.args.length && bool(k.flags, "arguments-only")) c.args = o.args;
  const env = envList(k);
  if (env) c.env = env;
  Object.assign(c, { image: o.image });
  if (o.pull) c.imagePullPolicy = o.pull;
  Object.assign(c, { name, resources: {} });
  if (o.stdin) c.stdin = true;
  Object.assign(c, extra, { terminationMessagePolicy: "File" });
  if (o.tty) c.tty = true;
  return c;
}

async function computeDebugContainerName(k: Kctx, o: Opts, pod: Obj): Promise<string> {
  if (o.container) return o.container;
  const taken = new Set(containerNames(pod));
  let cn = "";
  while (!cn || taken.has(cn)) cn = `debugger-${randomSuffix()}`;
  if (!o.quiet) await k.out(`Defaulting debug container name to ${cn}.\n`);
  return cn;
}

/** debugByEphemeralContainer: the two-way strategic merge patch of the pod and its copy with the container. */
async function debugByEphemeralContainer(k: Kctx, o: Opts, pod: Obj): Promise<[Obj, string]> {
  const name = await computeDebugContainerName(k, o, pod);
  const target = str(k.flags, "target");
  const ec = debugContainer(k, o, name, target ? { targetContainerName: target } : {});
  const order = [...(pod.spec?.ephemeralContainers ?? []), ec].map((c: Obj) => ({ name: c.name }));
  const patch = { spec: { "$setElementOrder/ephemeralContainers": order, ephemeralContainers: [ec] } };
  const path = `/api/v1/namespaces/${pod.metadata.namespace}/pods/${encodeURIComponent(pod.metadata.name)}/ephemeralcontainers`;
  const result = await k.client.json("PATCH", path, { body: patch, contentType: "application/strategic-merge-patch+json" });
  return [result, name];
}

/** generatePodCopyWithDebugContainer with the legacy profile (labels dropped), then create (and --replace). */
async function debugByCopy(k: Kctx, o: Opts, pod: Obj): Promise<[Obj, string]> {
  const f = k.flags;
  const spec: Obj = structuredClone(pod.spec ?? {});
  delete spec.ephemeralContainers;
  if (f.changed.has("share-processes")) spec.shareProcessNamespace = bool(f, "share-processes");
  if (!bool(f, "same-node")) delete spec.nodeName;
  const images = Object.fromEntries(list(f, "set-image").flatMap((v) => v.split(",")).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
  for (const c of spec.containers ?? []) if (images[c.name] ?? images["*"]) c.image = images[c.name] ?? images["*"];
  let name = o.container;
  let c = (spec.containers ?? []).concat(spec.initContainers ?? []).find((x: Obj) => x.name === name);
  if (!c) {
    if (!o.image) {
      if (Object.keys(images).length) name = "";
      else throw fail("you must specify image when creating new container");
    } else {
      name ||= await computeDebugContainerName(k, o, { spec });
      c = { name, terminationMessagePolicy: "File" };
      spec.containers = [...(spec.containers ?? []), c];
    }
  }
  if (c) {
    if (o.args.length) { if (bool(f, "arguments-only")) c.args = o.args; else { c.command = o.args; delete c.args; } }
    const env = envList(k);
    if (env) c.env = env;
    if (o.image) c.image = o.image;
    if (o.pull) c.imagePullPolicy = o.pull;
    c.stdin = o.stdin || undefined;
    c.tty = o.tty || undefined;
  }
  const meta: Obj = { name: str(f, "copy-to"), namespace: pod.metadata.namespace };
  if (pod.metadata.annotations) meta.annotations = pod.metadata.annotations;
  const copy = { apiVersion: "v1", kind: "Pod", metadata: meta, spec };
  const created = await k.client.json("POST", `/api/v1/namespaces/${pod.metadata.namespace}/pods`, { body: copy });
  if (bool(f, "replace")) await k.client.raw("DELETE", `/api/v1/namespaces/${pod.metadata.namespace}/pods/${encodeURIComponent(pod.metadata.name)}`, { body: { gracePeriodSeconds: 0 } });
  return [created, name];
}

/** generateNodeDebugPod with the legacy profile: host namespaces and the node's root at /host. */
async function visitNode(k: Kctx, o: Opts, node: Obj): Promise<[Obj, string]> {
  const cn = o.container || "debugger";
  const pn = `node-debugger-${node.metadata.name}-${randomSuffix()}`;
  if (!o.quiet) await k.out(`Creating debugging pod ${pn} with container ${cn} on node ${node.metadata.name}.\n`);
  const c = debugContainer(k, o, cn, { volumeMounts: [{ mountPath: "/host", name: "host-root" }] });
  const pod = {
    apiVersion: "v1", kind: "Pod", metadata: { name: pn },
    spec: { containers: [c], hostIPC: true, hostNetwork: true, hostPID: true, nodeName: node.metadata.name, restartPolicy: "Never",
      tolerations: [{ operator: "Exists" }], volumes: [{ hostPath: { path: "/" }, name: "host-root" }] },
  };
  const created = await k.client.json("POST", `/api/v1/namespaces/${k.namespace}/pods`, { body: pod });
  return [created, cn];
}

export async function runDebug(k: Kctx): Promise<number> {
  const f = k.flags;
  const dash = f.dashArgs ?? [];
  const names = f.args.slice(0, f.args.length - dash.length);
  const o: Opts = { image: str(f, "image"), container: str(f, "container"), stdin: bool(f, "stdin"), tty: bool(f, "tty"), quiet: bool(f, "quiet"), args: dash, pull: str(f, "image-pull-policy") };
  const attach = f.changed.has("attach") ? bool(f, "attach") : o.stdin;
  await validate(k, o, names, attach);
  // ResourceNames("pods", NAME...): a bare name is a pod, TYPE/NAME names its type.
  for (const t of await resourceTargets(k, names.map((n) => (n.includes("/") ? n : `pods/${n}`)))) {
    for (const n of t.names) {
      const kind = t.resource.kind;
      if (kind !== "Pod" && kind !== "Node") throw fail(`"${t.resource.group ? `${t.resource.group}/` : ""}${t.resource.version}, Kind=${kind}" not supported by debug`);
      const obj = await k.client.get(kind === "Node" ? `/api/v1/nodes/${encodeURIComponent(n)}` : `/api/v1/namespaces/${k.namespace}/pods/${encodeURIComponent(n)}`);
      const [pod, container] = kind === "Node" ? await visitNode(k, o, obj) : str(f, "copy-to") ? await debugByCopy(k, o, obj) : await debugByEphemeralContainer(k, o, obj);
      if (attach && container) await handleAttachPod(k, o, pod.metadata.namespace, pod.metadata.name, container);
    }
  }
  return 0;
}

async function validate(k: Kctx, o: Opts, names: string[], attach: boolean): Promise<void> {
  const f = k.flags;
  const copyTo = str(f, "copy-to");
  if (attach && f.changed.has("attach") && !o.image && !o.container) throw fail("you must specify --container or create a new container using --image in order to attach.");
  if (copyTo) {
    if (!o.image && !list(f, "set-image").length && !o.args.length) throw fail("you must specify --image, --set-image or command arguments.");
    if (o.args.length && !o.container && !o.image) throw fail("you must specify an existing container or a new image when specifying args.");
  } else if (bool(f, "replace")) throw fail("--replace may only be used with --copy-to.");
  else if (bool(f, "same-node")) throw fail("--same-node may only be used with --copy-to.");
  else if (list(f, "set-image").length) throw fail("--set-image may only be used with --copy-to.");
  else if (!o.image) throw fail("you must specify --image when not using --copy-to.");
  if (!names.length) throw fail("NAME or filename is required for debug");
  if (!["Always", "IfNotPresent", "Never", ""].includes(o.pull)) throw fail(`invalid image pull policy: ${o.pull}`);
  const target = str(f, "target");
  if (target) {
    if (copyTo) throw fail("--target is incompatible with --copy-to. Use --share-processes instead.");
    if (!o.quiet) await k.out(`Targeting container "${target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  }
  if (o.tty && !o.stdin) throw fail("-i/--stdin is required for containers with -t/--tty=true");
  const profile = str(f, "profile");
  if (!PROFILES.includes(profile)) throw fail(`unknown profile: ${profile}`);
  if (profile !== "legacy") throw fail(`--profile=${profile} is not available in this terminal; only the default "legacy" profile is`);
  await k.err(`--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n`);
}

const statusOf = (pod: Obj, name: string): Obj | undefined =>
  [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])].find((s: Obj) => s.name === name);

/** waitForContainer: until the container runs or has terminated (waiting messages as warnings). */
async function waitForContainer(k: Kctx, o: Opts, ns: string, pod: string, container: string): Promise<Obj> {
  let warned = "";
  for (;;) {
    const p = await k.client.get(`/api/v1/namespaces/${ns}/pods/${encodeURIComponent(pod)}`);
    const s = statusOf(p, container);
    if (s?.state?.running || s?.state?.terminated) return p;
    const msg = s?.state?.waiting?.message;
    if (!o.quiet && msg && msg !== warned) { warned = msg; await k.err(`Warning: container ${container}: ${msg}\n`); }
    await k.sh.sleep(500);
  }
}

/** handleAttachPod: attach when running, the logs when it already terminated. */
async function handleAttachPod(k: Kctx, o: Opts, ns: string, podName: string, container: string): Promise<void> {
  const pod = await waitForContainer(k, o, ns, podName, container);
  if (statusOf(pod, container)?.state?.terminated) { await streamLogs(k, podName, container, {}); return; }
  const tty = await setupTTY(k, o.tty, o.quiet);
  if (!o.quiet) await k.err("If you don't see a command prompt, try pressing enter.\n");
  const q = query({ container, stderr: tty ? undefined : "true", stdin: o.stdin ? "true" : undefined, stdout: "true", tty: tty ? "true" : undefined });
  await streamExec(k, `/api/v1/namespaces/${ns}/pods/${encodeURIComponent(podName)}/attach${q}`, o.stdin);
  if (!o.quiet && o.stdin && tty && (pod.spec?.restartPolicy ?? "Always") === "Always") {
    const eph = (pod.spec?.ephemeralContainers ?? []).some((c: Obj) => c.name === container);
    await k.out(eph
      ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${podName} -c ${container} -i -t' if it is still running\n`
      : `Session ended, resume using 'kubectl attach ${podName} -c ${container} -i -t' command when the pod is running\n`);
  }
}
