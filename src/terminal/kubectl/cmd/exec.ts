// kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND: the pod and container chosen as kubectl
// does, then the exec subresource over a WebSocket (v5.channel.k8s.io): channel 1 to stdout,
// 2 to stderr, 3 the final Status, 0 carrying stdin when -i; a non-zero exit prints
// `command terminated with exit code N` and exits with N. Mirrors kubectl pkg/cmd/exec/exec.go,
// pkg/cmd/util/podcmd and client-go tools/remotecommand (websocket.go). streamExec and setupTTY
// also serve kubectl debug's attach (pkg/cmd/attach/attach.go).
import { containerNames, DEFAULT_CONTAINER_ANNOTATION, defaultedContainerNotice } from "../podcmd";
import { type Obj, toApiError } from "../client";
import type { Kctx } from "../context";
import { KubectlError, fail, usage } from "../errors";
import { type FlagSpec, bool, str } from "../flags";
import { resourceTargets } from "../builder";
import { collectionPath } from "../discovery";
import { query } from "../client";

export const execFlags: FlagSpec[] = [
  { name: "container", short: "c", type: "string" }, { name: "stdin", short: "i", type: "bool" }, { name: "tty", short: "t", type: "bool" },
  { name: "quiet", short: "q", type: "bool" }, { name: "filename", short: "f", type: "array" }, { name: "pod-running-timeout", type: "string", def: "1m0s" },
];

/**
 * The container to exec in: a named one goes to the server as it is (exec's Run only defaults an
 * empty name; the API server checks it), otherwise FindOrDefaultContainerByName.
 */
export async function defaultContainer(k: Kctx, pod: Obj, name: string): Promise<string> {
  if (name) return name;
  const cs = (pod.spec?.containers ?? []) as Obj[];
  if (!cs.length) throw fail(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`);
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && containerNames(pod).includes(annotated)) return annotated;
  const notice = defaultedContainerNotice(pod);
  if (notice && !bool(k.flags, "quiet")) await k.err(notice);
  return cs[0]!.name;
}

/** The pod behind POD, pod/NAME or TYPE/NAME (the first pod of the object's selector). */
async function podFor(k: Kctx, arg: string): Promise<Obj> {
  if (!arg.includes("/")) return k.client.get(`/api/v1/namespaces/${k.namespace}/pods/${encodeURIComponent(arg)}`);
  const [t] = await resourceTargets(k, [arg]);
  const obj = await k.client.get(`${collectionPath(t!.resource, k.namespace)}/${encodeURIComponent(t!.names[0]!)}`);
  if (t!.resource.kind === "Pod") return obj;
  const sel = obj.spec?.selector?.matchLabels ?? obj.spec?.selector ?? {};
  const selector = Object.entries(sel).map(([a, b]) => `${a}=${b}`).join(",");
  const pods = await k.client.get(`/api/v1/namespaces/${k.namespace}/pods` + query({ labelSelector: selector }));
  const first = ((pods.items ?? []) as Obj[]).sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)))[0];
  if (!first) throw fail("timed out waiting for the condition");
  return first;
}

export async function runExec(k: Kctx): Promise<number> {
  const f = k.flags;
  const args = f.args;
  const atDash = f.dashArgs ? args.length - f.dashArgs.length : -1;
  const podArg = args.length && atDash !== 0 ? args[0]! : "";
  let command: string[] = [];
  if (atDash > -1) command = args.slice(atDash);
  else if (args.length > 1) throw usage("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead", "kubectl exec");
  if (!podArg) throw fail("pod, type/name or --filename must be specified");
  if (!command.length) throw fail("you must specify at least one command for the container");
  const pod = await podFor(k, podArg);
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") throw fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = await defaultContainer(k, pod, str(f, "container"));
  const stdin = bool(f, "stdin");
  const tty = await setupTTY(k, stdin && bool(f, "tty"), bool(f, "quiet"));
  const q = [...command.map((c) => `command=${encodeURIComponent(c)}`), `container=${encodeURIComponent(container)}`,
    ...(stdin ? ["stdin=true"] : []), "stderr=true", "stdout=true", ...(tty ? ["tty=true"] : [])].join("&");
  return streamExec(k, `/api/v1/namespaces/${pod.metadata.namespace}/pods/${encodeURIComponent(pod.metadata.name)}/exec?${q}`, stdin);
}

/** StreamOptions.SetupTTY: a TTY only when the terminal's input is one (else the upstream notice). */
export async function setupTTY(k: Kctx, want: boolean, quiet: boolean): Promise<boolean> {
  if (!want || k.sh.host.tty) return want;
  if (!quiet) await k.err("Unable to use a TTY - input is not a terminal or the right kind of file\n");
  return false;
}

/**
 * Opens the WebSocket (pods/exec or pods/attach) through the transport and copies the channels
 * until the Status arrives; returns the exit code. Shared with kubectl debug's attach.
 */
export async function streamExec(k: Kctx, path: string, withStdin: boolean): Promise<number> {
  const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const res = await k.env.transport.request("GET", path, {
    headers: { upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "v5.channel.k8s.io", "sec-websocket-version": "13", "sec-websocket-key": key, "user-agent": "kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07" },
  });
  const ws = (res as Response & { webSocket?: WebSocket & { accept?(): void } }).webSocket;
  if (res.status !== 101 || !ws) {
    if (res.status >= 400) throw await toApiError(res);
    throw fail("unable to upgrade connection: the terminal's transport cannot open WebSockets");
  }
  ws.accept?.();
  const dec = { 1: new TextDecoder(), 2: new TextDecoder() } as Record<number, TextDecoder>;
  let statusText = "";
  let chain = Promise.resolve();
  const closed = new Promise<void>((resolve) => {
    ws.addEventListener("message", (ev: MessageEvent) => {
      const bytes = frameBytes(ev.data);
      chain = chain.then(async () => {
        const data = await bytes;
        const ch = data[0], body = data.subarray(1);
        if (ch === 1) await k.out(dec[1]!.decode(body, { stream: true }));
        else if (ch === 2) await k.err(dec[2]!.decode(body, { stream: true }));
        else if (ch === 3) statusText += new TextDecoder().decode(body);
      });
    });
    ws.addEventListener("close", () => resolve());
    ws.addEventListener("error", () => resolve());
  });
  if (withStdin) void pumpStdin(k, ws, closed);
  await k.interruptible(async (signal) => {
    signal.addEventListener("abort", () => { try { ws.close(1000); } catch { /* closed */ } });
    await closed;
  });
  await chain;
  return exitCodeOf(statusText);
}

/** A frame's bytes: workerd hands binary frames over as Blobs, Node as ArrayBuffers. */
async function frameBytes(data: unknown): Promise<Uint8Array> {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(await (data as Blob).arrayBuffer());
}

async function pumpStdin(k: Kctx, ws: WebSocket, closed: Promise<void>): Promise<void> {
  let done = false;
  void closed.then(() => { done = true; });
  const enc = new TextEncoder();
  for (;;) {
    const chunk = await k.sh.stdin.read();
    if (done) return;
    try {
      if (chunk === null) { ws.send(new Uint8Array([255, 0])); return; }
      const bytes = enc.encode(chunk);
      const frame = new Uint8Array(bytes.length + 1);
      frame.set(bytes, 1);
      ws.send(frame);
    } catch { return; }
  }
}

/** The Status channel: Success is 0; NonZeroExitCode carries the code (remotecommand's errorDecoderV4). */
function exitCodeOf(text: string): number {
  if (!text) return 0;
  let s: Obj;
  try { s = JSON.parse(text); } catch { throw fail(`error stream protocol error: ${text}`); }
  if (s.status === "Success") return 0;
  if (s.reason === "NonZeroExitCode") {
    const cause = ((s.details?.causes ?? []) as Obj[]).find((c) => c.reason === "ExitCode");
    const code = Number(cause?.message);
    if (Number.isInteger(code)) throw new KubectlError(`command terminated with exit code ${code}\n`, code);
    throw fail(`error stream protocol error: invalid exit code value ${JSON.stringify(cause?.message ?? "")}`);
  }
  throw fail(s.message ?? "unknown error");
}
