// kubectl wait --for=delete|create|condition=NAME[=VALUE]|jsonpath='{...}'[=VALUE]: each object
// listed by name and watched until its condition holds (`pod/x condition met`), or the timeout
// (default 30s) ends with `timed out waiting for the condition on pods/x`.
// Mirrors kubectl pkg/cmd/wait (wait.go, condition.go, delete.go, json.go).
import { type Obj, query, readLines } from "../client";
import type { Kctx } from "../context";
import { collectionPath, kindPrefix, objectPath, type ApiResource } from "../discovery";
import { errorText, fail, isNotFound } from "../errors";
import { type FlagSpec, bool, str } from "../flags";
import { resourceTargets } from "../builder";
import { evalPath } from "../output/jsonpath";
import { listAll } from "./get";
import { durationMs } from "./rollout";

export const waitFlags: FlagSpec[] = [
  { name: "for", type: "string" }, { name: "timeout", type: "string", def: "30s" },
  { name: "all", type: "bool" }, { name: "all-namespaces", short: "A", type: "bool" },
  { name: "selector", short: "l", type: "string" }, { name: "field-selector", type: "string" },
  { name: "filename", short: "f", type: "array" }, { name: "recursive", short: "R", type: "bool" },
  { name: "local", type: "bool" }, { name: "output", short: "o", type: "string" },
];

type Check = (o: Obj | undefined) => boolean;

/** conditionFuncFor: what the object must look like; undefined stands for "gone". */
function checkFor(cond: string): { check: Check; forDelete: boolean } {
  const lower = cond.toLowerCase();
  if (lower === "delete") return { check: (o) => o === undefined, forDelete: true };
  if (lower === "create") return { check: (o) => o !== undefined, forDelete: false };
  if (cond.startsWith("condition=")) {
    let name = cond.slice("condition=".length), value = "true";
    const eq = name.indexOf("=");
    if (eq >= 0) { value = name.slice(eq + 1); name = name.slice(0, eq); }
    return {
      forDelete: false,
      check: (o) => ((o?.status?.conditions ?? []) as Obj[]).some((c) => {
        if (String(c.type).toLowerCase() !== name.toLowerCase() || String(c.status).toLowerCase() !== value.toLowerCase()) return false;
        const observed = c.observedGeneration ?? o?.status?.observedGeneration;
        return observed === undefined || (o?.metadata?.generation ?? 0) <= observed;
      }),
    };
  }
  if (cond.startsWith("jsonpath=")) {
    const input = cond.slice("jsonpath=".length);
    if (!input) throw fail("jsonpath expression cannot be empty");
    const close = input.lastIndexOf("}");
    const expr = close >= 0 ? input.slice(0, close + 1) : input;
    const rest = input.slice(expr.length);
    if (!expr.startsWith("{") || (rest && !rest.startsWith("="))) throw fail("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    if (rest === "=") throw fail("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    const want = rest.slice(1);
    const path = expr.slice(1, -1);
    return {
      forDelete: false,
      check: (o) => {
        if (!o) return false;
        const got = evalPath(path.startsWith(".") ? path : `.${path}`, o);
        if (!got.length) return false;
        if (got.length > 1) throw fail("given jsonpath expression matches more than one value");
        const v = got[0];
        if (v !== null && typeof v === "object") throw fail("jsonpath leads to a nested object or list which is not supported");
        return want === "" ? true : String(v) === want;
      },
    };
  }
  throw fail(`unrecognized condition: ${JSON.stringify(cond)}`);
}

export async function runWait(k: Kctx): Promise<number> {
  const f = k.flags;
  const cond = str(f, "for");
  if (!cond) throw fail("--for must be specified");
  const { check, forDelete } = checkFor(cond);
  const timeout = durationMs(str(f, "timeout"), "--timeout");
  if (!f.args.length) throw fail(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
  const items: { r: ApiResource; ns: string; name: string; obj?: Obj }[] = [];
  for (const t of await resourceTargets(k, f.args)) {
    if (t.names.length) for (const n of t.names) items.push({ r: t.resource, ns: k.namespace, name: n });
    else if (bool(f, "all") || str(f, "selector") || str(f, "field-selector")) {
      for (const o of await listAll(k, t.resource, "application/json")) items.push({ r: t.resource, ns: o.metadata.namespace ?? k.namespace, name: o.metadata.name, obj: o });
    } else throw fail("resource(s) were provided, but no name was specified");
  }
  let status = 0, visited = 0;
  for (const it of items) {
    let obj = it.obj;
    if (!obj) {
      try { obj = await k.client.get(objectPath(it.r, it.ns, it.name)); } catch (e) {
        if (forDelete && isNotFound(e)) continue;
        await k.err(errorText(e)); status = 1; continue;
      }
    }
    visited++;
    try {
      await waitOne(k, it.r, it.ns, it.name, check, timeout);
      await k.out(`${kindPrefix(it.r)}/${it.name} condition met\n`);
    } catch (e) { await k.err(errorText(e)); status = 1; }
  }
  if (!visited && !status && !forDelete) throw fail("no matching resources found");
  return status;
}

/** getObjAndCheckCondition: list by name, check, then watch until the check holds or time runs out. */
async function waitOne(k: Kctx, r: ApiResource, ns: string, name: string, check: Check, timeout: number): Promise<void> {
  const base = collectionPath(r, r.namespaced ? ns : undefined);
  const sel = `metadata.name=${name}`;
  const l = await k.client.get(base + query({ fieldSelector: sel, limit: "500" }));
  const cur = (l.items ?? [])[0] as Obj | undefined;
  if (check(cur)) return;
  if (timeout === 0) throw fail(`condition not met for ${kindPrefix(r)}/${name}`);
  const timedOutErr = fail(`timed out waiting for the condition on ${r.resource}/${name}`);
  let met = false;
  await k.interruptible(async (signal) => {
    const ac = new AbortController();
    signal.addEventListener("abort", () => ac.abort());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<void>((resolve) => { timer = setTimeout(resolve, timeout); });
    const watching = (async () => {
      const res = await k.client.raw("GET", base + query({ allowWatchBookmarks: "true", fieldSelector: sel, resourceVersion: l.metadata?.resourceVersion, timeoutSeconds: String(Math.ceil(timeout / 1000)), watch: "true" }), { signal: ac.signal });
      await readLines(res, (line) => {
        const ev = JSON.parse(line) as Obj;
        if (ev.type === "BOOKMARK") return true;
        met = check(ev.type === "DELETED" ? undefined : ev.object);
        return !met && !ac.signal.aborted;
      });
    })();
    const aborted = new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    try { await Promise.race([watching, expired, aborted]); } finally { if (timer !== undefined) clearTimeout(timer); ac.abort(); watching.catch(() => {}); }
  });
  if (!met) throw timedOutErr;
}
