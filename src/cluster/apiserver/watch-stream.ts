// A watch as an HTTP response: newline-delimited JSON WatchEvents over a chunked stream
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/watch.go). Tables per event for `get -w`,
// bookmarks when asked, closed after timeoutSeconds or when the client goes away.
import type { Store, Watcher } from "../store/types";
import type { ResourceInfo } from "./resources";
import { groupVersion } from "./resources";
import { watch, type WatchEvent, type WatchOptions } from "./list-watch";
import { toTable, type IncludeObject } from "./table";

export interface WatchStreamOptions extends WatchOptions {
  timeoutSeconds?: number;
  allowWatchBookmarks?: boolean;
  table?: { include: IncludeObject; version: "v1" | "v1beta1" };
  now: () => Date;
  /** Milliseconds between bookmarks. */
  bookmarkIntervalMs?: number;
  /** Called when the stream ends, for the watch count. */
  onClose?: () => void;
}

const encoder = new TextEncoder();

export function watchResponse(store: Store, ri: ResourceInfo, namespace: string | undefined, opts: WatchStreamOptions): Response {
  let watcher: Watcher | undefined;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let closed = false;
  let first = true;
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;

  const close = () => {
    if (closed) return;
    closed = true;
    watcher?.close();
    for (const t of timers) { clearTimeout(t); clearInterval(t); }
    timers = [];
    try { ctrl.close(); } catch { /* already closed */ }
    opts.onClose?.();
  };

  const send = (e: WatchEvent) => {
    if (closed) return;
    let object = e.object;
    if (opts.table && (e.type === "ADDED" || e.type === "MODIFIED" || e.type === "DELETED")) {
      object = toTable(ri, [e.object], opts.now(), {
        include: opts.table.include, version: opts.table.version, withColumns: first,
        meta: { resourceVersion: e.object.metadata?.resourceVersion },
      }) as typeof object;
      first = false;
    }
    try {
      ctrl.enqueue(encoder.encode(JSON.stringify({ type: e.type, object }) + "\n"));
    } catch {
      close();
    }
    if (e.type === "ERROR") close();
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      ctrl = c;
      watcher = watch(store, ri, namespace, opts, send);
      if (closed) return;
      const timeout = (opts.timeoutSeconds ?? 1800 + Math.floor(Math.random() * 1800)) * 1000;
      timers.push(setTimeout(close, timeout));
      if (opts.allowWatchBookmarks) {
        timers.push(setInterval(() => send({
          type: "BOOKMARK",
          object: { kind: ri.kind, apiVersion: groupVersion(ri), metadata: { resourceVersion: String(store.currentRevision()) } },
        }), opts.bookmarkIntervalMs ?? 60_000) as unknown as ReturnType<typeof setTimeout>);
      }
    },
    cancel() { close(); },
  });
  return new Response(stream, {
    status: 200,
    // "identity": a compressed body would be buffered by proxies (and by wrangler dev), holding events back.
    headers: { "content-type": "application/json", "cache-control": "no-cache, private", "content-encoding": "identity" },
  });
}
