// kubectl describe, explain and events: argument handling around the describe library
// (../describe): the resource builder's objects described one after another ("\n\n" between
// them), the name-prefix fallback for `describe TYPE NAME`, and the errors kubectl prints.
// Mirrors kubectl pkg/cmd/describe/describe.go, pkg/cmd/explain/explain.go, pkg/cmd/events/events.go.
import type { DescribeContext } from "../../types";
import { type Obj } from "../client";
import type { Kctx } from "../context";
import { gv, objectPath, resolveResource, type ApiResource } from "../discovery";
import { KubectlError, errorText, fail, isNotFound } from "../errors";
import { type FlagSpec, bool, list, str } from "../flags";
import { resourceTargets } from "../builder";
import { describeObject, explain, kubectlEvents, ApiError as DescribeApiError, type ResourceInfo } from "../describe/index";
import { listAll } from "./get";

const SUGGEST = `Use "kubectl api-resources" for a complete list of supported resources.`;

export const describeFlags: FlagSpec[] = [
  { name: "selector", short: "l", type: "string" },
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "show-events", type: "bool", def: true },
  { name: "filename", short: "f", type: "array" },
  { name: "recursive", short: "R", type: "bool" },
  { name: "chunk-size", type: "int", def: 500 },
];

const info = (r: ApiResource): ResourceInfo => ({ group: r.group, version: r.version, resource: r.resource, kind: r.kind, namespaced: r.namespaced });

function describeContext(k: Kctx): DescribeContext {
  return { transport: k.env.transport, now: () => k.env.now(), showEvents: bool(k.flags, "show-events") };
}

/** A describer's failure as the Status error kubectl would print. */
const asError = (e: unknown): unknown => (e instanceof DescribeApiError ? new KubectlError(e.text + "\n") : e);

export async function runDescribe(k: Kctx): Promise<number> {
  const args = k.flags.args;
  if (!args.length) throw fail(`You must specify the type of resource to describe. ${SUGGEST}`);
  const targets = await resourceTargets(k, args);
  const ctx = describeContext(k);
  const found: { r: ApiResource; obj: Obj }[] = [];
  const errors: unknown[] = [];
  for (const t of targets) {
    if (!t.names.length) {
      try { for (const o of await listAll(k, t.resource, "application/json")) found.push({ r: t.resource, obj: o }); } catch (e) { errors.push(e); }
      continue;
    }
    for (const name of t.names) {
      try { found.push({ r: t.resource, obj: await k.client.get(objectPath(t.resource, k.namespace, name)) }); } catch (e) { errors.push(e); }
    }
  }
  // DescribeMatchingResources: `describe TYPE PREFIX` describes every object whose name starts with it.
  if (errors.length === 1 && !found.length && args.length === 2 && !args[0]!.includes("/") && isNotFound(errors[0])) {
    return describeMatching(k, ctx, targets[0]!.resource, args[1]!, errors[0]);
  }
  let first = true;
  const seen = new Set<string>();
  for (const { r, obj } of found) {
    let text: string;
    try { text = await describeObject(ctx, info(r), { apiVersion: gv(r), kind: r.kind, ...obj }); } catch (e) {
      const msg = errorText(asError(e));
      if (!seen.has(msg)) { seen.add(msg); errors.push(asError(e)); }
      continue;
    }
    await k.out(first ? text : `\n\n${text}`);
    first = false;
  }
  if (!found.length && !errors.length) {
    await k.err(k.allNamespaces ? "No resources found\n" : `No resources found in ${k.namespace} namespace.\n`);
  }
  for (const e of errors) await k.err(errorText(e));
  return errors.length ? 1 : 0;
}

async function describeMatching(k: Kctx, ctx: DescribeContext, r: ApiResource, prefix: string, original: unknown): Promise<number> {
  const all = await listAll(k, r, "application/json");
  const matching = all.filter((o) => String(o.metadata?.name ?? "").startsWith(prefix));
  if (!matching.length) throw original;
  for (const obj of matching) {
    try { await k.out(`${await describeObject(ctx, info(r), obj)}\n`); } catch (e) { throw asError(e); }
  }
  return 0;
}

export const explainFlags: FlagSpec[] = [
  { name: "recursive", type: "bool" },
  { name: "api-version", type: "string" },
  { name: "output", short: "o", type: "string", def: "plaintext" },
];

export async function runExplain(k: Kctx): Promise<number> {
  const args = k.flags.args;
  if (!args.length) throw fail(`You must specify the type of resource to explain. ${SUGGEST}`);
  if (args.length > 1) throw fail("We accept only this format: explain RESOURCE");
  const out = str(k.flags, "output");
  if (out !== "plaintext" && out !== "plaintext-openapiv2") throw fail(`unsupported output format: ${out}; supported formats: plaintext, plaintext-openapiv2`);
  const res = await explain(k.env.transport, args[0]!, { recursive: bool(k.flags, "recursive"), apiVersion: str(k.flags, "api-version") || undefined });
  await k.out(res.text);
  if (res.ok) return 0;
  throw new KubectlError(`${res.error.startsWith("error: ") ? res.error : `error: ${res.error}`}\n`);
}

export const eventsFlags: FlagSpec[] = [
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "for", type: "string" },
  { name: "types", type: "strings" },
  { name: "no-headers", type: "bool" },
  { name: "watch", short: "w", type: "bool" },
  { name: "chunk-size", type: "int", def: 500 },
  { name: "output", short: "o", type: "string" },
];

export async function runEvents(k: Kctx): Promise<number> {
  const f = k.flags;
  let forObj: { kind: string; apiVersion: string; name: string } | undefined;
  const forArg = str(f, "for");
  if (forArg) {
    if (!forArg.includes("/")) throw fail("--for must be in resource/name form");
    const seg = forArg.split("/");
    if (seg.length !== 2) throw fail("arguments in resource/name form may not have more than one slash");
    const r = resolveResource(await k.discovery(), seg[0]!);
    forObj = { kind: r.kind, apiVersion: gv(r), name: seg[1]! };
  }
  const types = list(f, "types");
  for (const t of types) if (t.toLowerCase() !== "normal" && t.toLowerCase() !== "warning") throw fail("valid --types are Normal or Warning");
  if (str(f, "output")) throw fail("events -o is not supported in this terminal");
  if (bool(f, "watch")) throw fail("events --watch is not supported in this terminal; use kubectl get events -w");
  const res = await kubectlEvents(k.env.transport, {
    now: k.env.now(), namespace: k.namespace, allNamespaces: k.allNamespaces, for: forObj, types, noHeaders: bool(f, "no-headers"),
  });
  await k.out(res.stdout);
  await k.err(res.stderr);
  return res.exitCode;
}
