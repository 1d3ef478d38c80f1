// `kubectl describe` and `kubectl events` for the web terminal's kubectl (ports of
// staging/src/k8s.io/kubectl/pkg/describe/describe.go and pkg/cmd/events, v0.32), and
// `kubectl explain` (pkg/explain/v2, see ../explain). Everything is fetched through the
// terminal's KubeTransport as the real kubectl fetches it.
//
// describeResource answers a union instead of throwing:
//   { ok: true, text }   the description (kubectl prints it as-is; several are joined with "\n\n")
//   { ok: false, error } the line kubectl prints on stderr, e.g.
//                        'Error from server (NotFound): pods "x" not found' (exit code 1)
// describeObject describes an object already fetched (describe -l, describe pods with no name);
// it throws ApiError (fetch.ts) only when a related request fails where upstream fails too.
import type { DescribeContext } from "../../types";
import { str, type Json } from "./go-format";
import { ApiError, collectionPath, getJson, listAll } from "./fetch";
import { describerFor, type ResourceInfo } from "./describers";
import { describeEvents } from "./common";
import { tabbedString, LEVEL_0 } from "./prefix-writer";

export type { ResourceInfo } from "./describers";
export { ApiError } from "./fetch";
export { eventsTable, kubectlEvents, type EventsTableOptions, type KubectlEventsOptions } from "./events";
export { explain, type ExplainResult, type ExplainOptions } from "./explain";

export type DescribeResult = { ok: true; text: string } | { ok: false; error: string };

export async function describeObject(ctx: DescribeContext, resource: ResourceInfo, obj: Json): Promise<string> {
  return describerFor(resource)(ctx, obj, resource);
}

export async function describeResource(ctx: DescribeContext, resource: ResourceInfo, namespace: string | undefined, name: string): Promise<DescribeResult> {
  const ns = resource.namespaced ? namespace ?? "default" : undefined;
  const path = `${collectionPath(resource.group, resource.version, resource.resource, ns)}/${encodeURIComponent(name)}`;
  let obj: Json;
  try {
    obj = await getJson(ctx.transport, path);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (resource.group === "" && resource.kind === "Pod" && ctx.showEvents) {
      const found = await podEventsByName(ctx, ns ?? "default", name, e);
      if (found !== undefined) return { ok: true, text: found };
    }
    return { ok: false, error: e.text };
  }
  try {
    return { ok: true, text: await describeObject(ctx, resource, obj) };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: e.text };
    throw e;
  }
}

/** PodDescriber's answer for a missing pod that still has events: "Pod 'x': error '...', but found events." */
async function podEventsByName(ctx: DescribeContext, namespace: string, name: string, err: ApiError): Promise<string | undefined> {
  let events: Json[];
  try {
    events = await listAll(ctx.transport, collectionPath("", "v1", "events", namespace),
      { fieldSelector: `involvedObject.name=${name},involvedObject.namespace=${namespace}` });
  } catch { return undefined; }
  if (events.length === 0) return undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Pod '${name}': error '${err.message}', but found events.\n`);
    describeEvents(events, w, ctx.now());
  });
}

/** The kind a fetched object carries (lists from the server set it on each item only via the list's kind). */
export const kindOf = (obj: Json): string => str(obj.kind);
