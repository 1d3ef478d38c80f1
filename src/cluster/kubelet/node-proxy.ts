// The kubelet's streaming server as the API server reaches it (pods/log, pods/exec, pods/attach):
// logs from the runtime's log table (follow streams in real time at the cluster's clock speed
// until the container exits), and exec/attach over the WebSocket channel protocol
// v5.channel.k8s.io running a process inside the container itself (its file tree, env, programs);
// attach to a container with `stdin: true` joins its PID 1 (attach.ts). Ephemeral containers
// resolve by name like the others.
// Upstream: pkg/kubelet/server/server.go getContainerLogs/getExec, cri streaming server,
// staging/src/k8s.io/apimachinery/pkg/util/remotecommand (channel numbers, v5 close channel).
import type { NodeProxy } from "../apiserver/server";
import type { KObject } from "../apiserver/registry/types";
import { badRequest } from "../apiserver/status";
import { KubeletState } from "./state";
import { attemptLines, formatLines, logOptions, pickAttempt } from "./logs";
import type { VolumeReader } from "./volumes";
import { execInContainer } from "./exec";
import { attachToContainer } from "./attach";
import { runtimeFor } from "./containerd/runtime";
import { Timers } from "../sim/timers";

export interface NodeProxyDeps {
  sql: SqlStorage;
  /** Virtual time (ms). */
  now(): number;
  /** Real milliseconds until virtual time `t` (Infinity when the clock is paused). */
  realDelayUntil?(t: number): number;
  /** Volumes are read by the kubelet when a container starts (kept for callers; unused here). */
  reader?: VolumeReader;
}

export function createNodeProxy(deps: NodeProxyDeps): NodeProxy {
  const state = new KubeletState(deps.sql);
  const runtime = runtimeFor(deps.sql);
  return {
    async podLogs(pod, query) {
      const container = query.get("container") ?? pod.spec?.containers?.[0]?.name;
      const rec = state.pod(pod.metadata.uid!);
      const attempt = pickAttempt(pod, rec, container, query.get("previous") === "true");
      const now = deps.now();
      const opts = logOptions(query, now);
      const lines = await attemptLines(runtime, attempt, now);
      const headers = { "content-type": "text/plain" };
      if (query.get("follow") !== "true" || attempt.finishedAt !== undefined) return new Response(formatLines(lines, opts), { headers });
      const enc = new TextEncoder();
      let sent = lines.length;
      let bytes = 0;
      const stream = new ReadableStream<Uint8Array>({
        start(ctl) {
          const first = formatLines(lines, opts);
          bytes += first.length;
          if (first) ctl.enqueue(enc.encode(first));
        },
        async pull(ctl) {
          for (;;) {
            const cur = state.pod(pod.metadata.uid!)?.containers[container];
            const a = [cur?.current, cur?.previous].find((x) => x?.id === attempt.id);
            const t = deps.now();
            const all = a ? await attemptLines(runtime, a, t) : [];
            const fresh = all.slice(sent);
            sent = all.length;
            if (fresh.length) {
              const text = formatLines(fresh, { ...opts, tailLines: undefined }, sent - fresh.length);
              bytes += text.length;
              ctl.enqueue(enc.encode(text));
            }
            if (!a || a.finishedAt !== undefined || (opts.limitBytes !== undefined && bytes >= opts.limitBytes)) { ctl.close(); return; }
            if (fresh.length) return;
            const wait = Math.min(1000, Math.max(50, deps.realDelayUntil ? deps.realDelayUntil(t + 1000) : 1000));
            await new Promise((r) => setTimeout(r, Number.isFinite(wait) ? wait : 1000));
          }
        },
      });
      return new Response(stream, { headers });
    },

    async podExec(pod, req, query, sub) {
      const container = query.get("container") ?? pod.spec?.containers?.[0]?.name;
      const upgrade = req.headers.get("upgrade")?.toLowerCase();
      const protocols = (req.headers.get("sec-websocket-protocol") ?? "").split(",").map((s) => s.trim());
      if (upgrade !== "websocket") throw badRequest("Upgrade request required");
      const rec = state.pod(pod.metadata.uid!);
      const c = rec?.containers[container];
      if (!c) throw badRequest(`unable to upgrade connection: container not found ("${container}")`);
      if (!c.current || c.current.finishedAt !== undefined) throw badRequest("unable to upgrade connection: container not running");
      const protocol = protocols.find((p) => /^v[45]\.channel\.k8s\.io$/.test(p)) ?? "v5.channel.k8s.io";
      const pair = new WebSocketPair();
      const [client, server] = [pair[0], pair[1]];
      server.accept();
      const argv = query.getAll("command");
      const cid = c.current.id;
      await runtime.advance(cid, deps.now());
      const proc = runtime.process(cid);
      if (!proc) throw badRequest("unable to upgrade connection: container not running");
      // After the session, the kubelet looks at the pod again (a probe's outcome may have changed with the files).
      const resync = () => new Timers(deps.sql).schedule("sync", `kubelet|${pod.metadata.namespace}/${pod.metadata.name}`, deps.now(), undefined, { keepEarlier: true });
      const tty = query.get("tty") === "true", stdin = query.get("stdin") === "true";
      if (sub === "attach" && runtime.attachable(cid)) {
        const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].find((x: KObject) => x.name === container);
        void attachToContainer({ runtime, cid, socket: server, now: deps.now, realDelayUntil: deps.realDelayUntil, tty, stdin, stdinOnce: !!spec?.stdinOnce, resync });
        return new Response(null, { status: 101, webSocket: client, headers: { "sec-websocket-protocol": protocol } });
      }
      void execInContainer({ proc, argv, sub, socket: server, now: deps.now, realDelayUntil: deps.realDelayUntil, tty, stdin })
        .then((r) => { if (r.modified) { runtime.recordExec(cid, r.argv, r.startedAt, r.stdin, r.endedAt - r.startedAt); resync(); } });
      return new Response(null, { status: 101, webSocket: client, headers: { "sec-websocket-protocol": protocol } });
    },
  };
}
