// The cluster view's side panel: nodes and pods by phase, kept current by following the store
// with list-then-watch requests (newline-delimited JSON), as an informer does.
import { h } from "./dom";

interface Obj { metadata: { name: string; namespace?: string; resourceVersion?: string; deletionTimestamp?: string }; status?: { phase?: string; conditions?: { type: string; status: string }[] } }

const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];

/** Follow one resource: list, then watch from the list's revision; relist when the watch ends. */
function follow(base: string, path: string, token: string, onChange: (items: Map<string, Obj>) => void, signal: AbortSignal): void {
  const items = new Map<string, Obj>();
  const key = (o: Obj) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
  const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
  const run = async () => {
    while (!signal.aborted) {
      try {
        const list = await (await fetch(`${base}${path}`, { headers, signal })).json() as { items: Obj[]; metadata: { resourceVersion: string } };
        items.clear();
        for (const o of list.items ?? []) items.set(key(o), o);
        onChange(items);
        const res = await fetch(`${base}${path}?watch=1&allowWatchBookmarks=true&resourceVersion=${list.metadata.resourceVersion}`, { headers, signal });
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buf = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i: number;
          while ((i = buf.indexOf("\n")) >= 0) {
            const line = buf.slice(0, i).trim();
            buf = buf.slice(i + 1);
            if (!line) continue;
            const ev = JSON.parse(line) as { type: string; object: Obj };
            if (ev.type === "ADDED" || ev.type === "MODIFIED") items.set(key(ev.object), ev.object);
            else if (ev.type === "DELETED") items.delete(key(ev.object));
            else continue;
            onChange(items);
          }
        }
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  };
  void run();
}

export function sidePanel(server: string, token: string, signal: AbortSignal): HTMLElement {
  const nodes = h("ul", { class: "nodes" });
  const phases = h("dl", { class: "phases" });
  const pods = h("ul", { class: "pods" });
  const panel = h("aside", { class: "panel", "aria-label": "Cluster state" },
    h("h2", {}, "Nodes"), nodes,
    h("h2", {}, "Pods by phase"), phases, pods);
  follow(server, "/api/v1/nodes", token, (items) => {
    nodes.replaceChildren(...[...items.values()].sort(byName).map((n) => {
      const ready = n.status?.conditions?.find((c) => c.type === "Ready")?.status === "True";
      return h("li", {}, h("span", { class: `dot ${ready ? "ok" : "bad"}`, "aria-hidden": "true" }), `${n.metadata.name} `, h("span", { class: "muted" }, ready ? "Ready" : "NotReady"));
    }));
  }, signal);
  follow(server, "/api/v1/pods", token, (items) => {
    const counts = new Map(PHASES.map((p) => [p, 0]));
    for (const p of items.values()) counts.set(p.status?.phase ?? "Pending", (counts.get(p.status?.phase ?? "Pending") ?? 0) + 1);
    phases.replaceChildren(...PHASES.flatMap((p) => [h("dt", {}, p), h("dd", { "data-phase": p }, String(counts.get(p) ?? 0))]));
    const list = [...items.values()].filter((p) => p.metadata.namespace !== "kube-system").sort(byName);
    pods.replaceChildren(...list.map((p) => h("li", {}, `${p.metadata.name} `, h("span", { class: `phase ${(p.status?.phase ?? "Pending").toLowerCase()}` }, p.status?.phase ?? "Pending"))));
  }, signal);
  return panel;
}

const byName = (a: Obj, b: Obj) => a.metadata.name.localeCompare(b.metadata.name);
