// kubectl set image: CONTAINER=IMAGE pairs ("*" for every container) applied to the pod spec of
// pods and workloads as a strategic merge patch; `deployment.apps/web image updated`, nothing
// when the image is already set, and the errors after the output. Mirrors kubectl
// pkg/cmd/set/set.go, set_image.go and helper.go (CalculatePatches).
import { type Obj, query } from "../client";
import { Kctx } from "../context";
import { objectPath, type ApiResource } from "../discovery";
import { ApiError, KubectlError, fail, usage } from "../errors";
import { type FlagSpec, bool, list, parseFlags, str } from "../flags";
import { resourceTargets } from "../builder";
import { readManifests } from "../manifest";
import { goJsonCompact } from "../output/json";
import { dryRun, dryRunFlags, mappingOf, objectNamespace, printResult } from "../mutate";
import { listAll } from "./get";
import { reportAll } from "./rollout";

const imageFlags: FlagSpec[] = [
  ...dryRunFlags,
  { name: "all", type: "bool" }, { name: "selector", short: "l", type: "string" }, { name: "local", type: "bool" },
  { name: "filename", short: "f", type: "array" }, { name: "recursive", short: "R", type: "bool" },
  { name: "field-manager", type: "string", def: "kubectl-set" }, { name: "record", type: "bool" },
];

export async function runSet(k: Kctx): Promise<number> {
  const [sub, ...rest] = k.flags.args;
  if (sub === undefined) throw usage("Required resource not specified.", "kubectl set");
  if (sub !== "image") {
    if (["env", "resources", "selector", "serviceaccount", "subject"].includes(sub)) throw fail(`set ${sub} is not supported in this terminal`);
    throw new KubectlError(`error: unknown command "${sub}" for "kubectl set"\n`);
  }
  const path = "kubectl set image";
  return setImage(new Kctx(k.env, k.sh, path, parseFlags(rest, imageFlags, path)));
}

/** The pod spec of an object (UpdatePodSpecForObject), or undefined for kinds without one. */
function podSpecPath(kind: string): string[] | undefined {
  if (kind === "Pod") return ["spec"];
  if (["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "ReplicationController", "Job"].includes(kind)) return ["spec", "template", "spec"];
  if (kind === "CronJob") return ["spec", "jobTemplate", "spec", "template", "spec"];
  return undefined;
}

function nest(path: string[], leaf: Obj): Obj {
  return path.reduceRight<Obj>((acc, key) => ({ [key]: acc }), leaf);
}

async function setImage(k: Kctx): Promise<number> {
  const f = k.flags;
  const images = new Map<string, string>();
  const resources: string[] = [];
  for (const a of f.args) {
    if (a.includes("=")) { const i = a.indexOf("="); images.set(a.slice(0, i), a.slice(i + 1)); } else resources.push(a);
  }
  const problems: string[] = [];
  if (bool(f, "all") && str(f, "selector")) problems.push("cannot set --all and --selector at the same time");
  if (!resources.length && !list(f, "filename").length) problems.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (!images.size) problems.push("at least one image update is required");
  else if (images.size > 1 && images.has("*")) problems.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
  if (problems.length) return reportAll(k, problems);
  const mode = dryRun(k);
  const objs: { r: ApiResource; obj: Obj }[] = [];
  if (list(f, "filename").length) {
    for (const m of await readManifests(k, list(f, "filename"))) {
      const r = await mappingOf(k, m.obj);
      objs.push({ r, obj: await k.client.get(objectPath(r, objectNamespace(k, r, m.obj), m.obj.metadata.name)) });
    }
  } else {
    for (const t of await resourceTargets(k, resources)) {
      if (t.names.length) for (const n of t.names) objs.push({ r: t.resource, obj: await k.client.get(objectPath(t.resource, k.namespace, n)) });
      else if (bool(f, "all") || str(f, "selector")) objs.push(...(await listAll(k, t.resource, "application/json")).map((o) => ({ r: t.resource, obj: o })));
      else throw fail("resource(s) were provided, but no name was specified");
    }
  }
  const errors: string[] = [];
  for (const { r, obj } of objs) {
    const specPath = podSpecPath(r.kind);
    const objName = `${r.group ? `${r.resource}.${r.group}` : r.resource}/${obj.metadata.name}`;
    if (!specPath) { errors.push(`error: ${objName} the object is not a pod or does not have a pod template: *v1.${r.kind}\n`); continue; }
    const spec = specPath.reduce<Obj | undefined>((o, key) => o?.[key], obj) ?? {};
    const changed: Obj[] = [];
    const changedInit: Obj[] = [];
    for (const [name, image] of images) {
      const set = (cs: Obj[] | undefined, out: Obj[]) => {
        let found = false;
        for (const c of cs ?? []) {
          if (name !== "*" && c.name !== name) continue;
          found = true;
          if (c.image !== image) { c.image = image; out.push({ image, name: c.name }); }
        }
        return found;
      };
      const initFound = set(spec.initContainers, changedInit);
      if (!set(spec.containers, changed) && !initFound) errors.push(`error: unable to find container named ${JSON.stringify(name)}`);
    }
    if (!changed.length && !changedInit.length) continue;
    if (mode === "client") { await printResult(k, obj, "image updated", mode); continue; }
    const patch = nest(specPath, { ...(changed.length ? { containers: changed } : {}), ...(changedInit.length ? { initContainers: changedInit } : {}) });
    try {
      const res = await k.client.json("PATCH", objectPath(r, obj.metadata.namespace ?? k.namespace, obj.metadata.name) +
        query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: str(f, "field-manager") }), { body: goJsonCompact(patch), contentType: "application/strategic-merge-patch+json" });
      await printResult(k, { ...res, apiVersion: obj.apiVersion ?? (r.group ? `${r.group}/${r.version}` : r.version), kind: r.kind }, "image updated", mode);
    } catch (e) { errors.push(`failed to patch image update to pod template: ${e instanceof ApiError ? e.status.message : String(e)}`); }
  }
  return reportAll(k, errors);
}
