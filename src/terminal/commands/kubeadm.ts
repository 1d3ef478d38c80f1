// `kubeadm` on the cluster's hosts: `token create [--print-join-command] [--ttl]`, `token list`
// (bootstrap-token Secrets in kube-system, as kubeadm stores them), `init` on the control-plane
// host and `join` on a worker (the cluster side runs in the cluster object through POST
// /hosts/<host>/kubeadm/init|join; preflight fails on a host kubeadm already set up, as on any
// host that runs a control plane or a kubelet). Output of kubeadm v1.32 (OUTPUTS.md §6;
// cmd/kubeadm/app/cmd/token.go, init.go, join.go).
import type { Command, CommandContext } from "../../shell/types";
import { tabwrite } from "../kubectl/describe/tabwriter";
import { HOSTNAME } from "../session/host";
import type { HostEnv } from "./host";
import { HostApiError, type KubeList, getJson, hexId } from "./host-api";
import { goDuration, initOutput, joinOutput } from "./kubeadm-output";

const TOKEN_TYPE = "bootstrap.kubernetes.io/token";
const DEFAULT_GROUPS = "system:bootstrappers:kubeadm:default-node-token";
const STACK_HINT = "To see the stack trace of this error execute with --v=5 or higher\n";

interface Secret { metadata: { name: string }; type?: string; data?: Record<string, string> }

export function kubeadmCommand(env: HostEnv, host: () => string = () => HOSTNAME): Command {
  return async (ctx) => {
    const [verb, sub] = ctx.args;
    try {
      if (verb === "token" && sub === "create") return await tokenCreate(env, ctx);
      if (verb === "token" && sub === "list") return await tokenList(env, ctx);
      if (verb === "init") return await init(env, ctx, host());
      if (verb === "join") return await join(env, ctx, host());
      if (verb === "version") {
        await ctx.stdout.write(`kubeadm version: &version.Info{Major:"1", Minor:"32", GitVersion:"v1.32.4", GitCommit:"59526cd4867447956156ae3a602fcbac10a2c335", GitTreeState:"clean", BuildDate:"2025-04-22T16:02:27Z", GoVersion:"go1.23.6", Compiler:"gc", Platform:"linux/amd64"}\n`);
        return 0;
      }
    } catch (e) {
      if (!(e instanceof HostApiError)) throw e;
      await ctx.stderr.write(`${e.message}\n${STACK_HINT}`);
      return 1;
    }
    await ctx.stderr.write(`unknown command "${verb ?? ""}" for "kubeadm"\nTo see the stack trace of this error execute with --v=5 or higher\n`);
    return 1;
  };
}

const b64 = (s: string) => btoa(s);
const unb64 = (s: string | undefined) => (s ? atob(s) : "");

function randomToken(): string {
  const abc = "0123456789abcdefghijklmnopqrstuvwxyz";
  const pick = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => abc[b % abc.length]).join("");
  return `${pick(6)}.${pick(16)}`;
}

/** "24h0m0s", "2h", "0" → ms (0: never expires). */
function parseTtl(s: string): number {
  let ms = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g)) ms += Number(m[1]) * (m[2] === "h" ? 3600e3 : m[2] === "m" ? 60e3 : 1e3);
  return ms;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(name + "="));
  if (i < 0) return undefined;
  return args[i]!.includes("=") ? args[i]!.slice(name.length + 1) : args[i + 1];
}

async function tokenCreate(env: HostEnv, ctx: CommandContext): Promise<number> {
  const args = ctx.args.slice(2);
  const given = args.find((a, i) => !a.startsWith("-") && !["--ttl", "--description", "--groups", "--usages"].includes(args[i - 1] ?? ""));
  const token = given ?? randomToken();
  if (!/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(token)) {
    await ctx.stderr.write(`the bootstrap token "${token}" was not of the form "^([a-z0-9]{6})\\.([a-z0-9]{16})$"\n${STACK_HINT}`);
    return 1;
  }
  const [id, secret] = token.split(".") as [string, string];
  const ttl = parseTtl(flag(args, "--ttl") ?? "24h0m0s");
  const data: Record<string, string> = {
    "token-id": b64(id), "token-secret": b64(secret),
    "usage-bootstrap-authentication": b64("true"), "usage-bootstrap-signing": b64("true"),
    "auth-extra-groups": b64(DEFAULT_GROUPS),
  };
  if (ttl > 0) data.expiration = b64(new Date(env.now() + ttl).toISOString().replace(/\.\d+Z$/, "Z"));
  const description = flag(args, "--description");
  if (description) data.description = b64(description);
  const body = JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: `bootstrap-token-${id}`, namespace: "kube-system" }, type: TOKEN_TYPE, data });
  const res = await env.transport.request("POST", "/api/v1/namespaces/kube-system/secrets", { headers: { "content-type": "application/json", accept: "application/json" }, body });
  if (!res.ok) {
    const st = (await res.json()) as { message?: string };
    throw new HostApiError(`failed to create or update bootstrap token with name bootstrap-token-${id}: ${st.message ?? res.statusText}`, res.status);
  }
  await ctx.stdout.write(args.includes("--print-join-command") ? `${await joinCommand(env, token)} \n` : `${token}\n`);
  return 0;
}

/** `kubeadm join <control plane>:6443 --token … --discovery-token-ca-cert-hash sha256:…` */
async function joinCommand(env: HostEnv, token: string): Promise<string> {
  const node = await getJson<{ status?: { addresses?: { type: string; address: string }[] } }>(env.transport, `/api/v1/nodes/${HOSTNAME}`);
  const ip = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? HOSTNAME;
  let ca = env.server;
  try {
    const cm = await getJson<{ data?: Record<string, string> }>(env.transport, "/api/v1/namespaces/kube-system/configmaps/kube-root-ca.crt");
    ca = cm.data?.["ca.crt"] ?? ca;
  } catch { /* the hash then derives from the server's address */ }
  return `kubeadm join ${ip}:6443 --token ${token} --discovery-token-ca-cert-hash sha256:${await hexId(ca)}`;
}

async function tokenList(env: HostEnv, ctx: CommandContext): Promise<number> {
  const list = await getJson<KubeList<Secret>>(env.transport, `/api/v1/namespaces/kube-system/secrets?fieldSelector=type%3D${encodeURIComponent(TOKEN_TYPE)}`);
  const rows = [["TOKEN", "TTL", "EXPIRES", "USAGES", "DESCRIPTION", "EXTRA GROUPS"]];
  for (const s of list.items.filter((i) => i.type === TOKEN_TYPE)) {
    const d = s.data ?? {};
    const exp = unb64(d.expiration);
    const usages = ["authentication", "signing"].filter((u) => unb64(d[`usage-bootstrap-${u}`]) === "true").join(",");
    rows.push([`${unb64(d["token-id"])}.${unb64(d["token-secret"])}`, exp ? shortDuration(Date.parse(exp) - env.now()) : "<forever>", exp || "<never>", usages, unb64(d.description) || "<none>", unb64(d["auth-extra-groups"])]);
  }
  await ctx.stdout.write(tabwrite(rows.map((r) => r.join("\t") + "\n").join(""), 3, 10));
  return 0;
}

/** apimachinery's duration.ShortHumanDuration. */
function shortDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 0) return "<invalid>";
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  if (s < 86400 * 365) return `${Math.floor(s / 86400)}d`;
  return `${Math.floor(s / 86400 / 365)}y`;
}

/** Preflight's fatal errors (ports in use, files present) as kubeadm prints them. */
async function preflightFails(ctx: CommandContext, errors: string[]): Promise<number> {
  await ctx.stderr.write(`error execution phase preflight: [preflight] Some fatal errors occurred:\n${errors.map((e) => `\t[ERROR ${e}\n`).join("")}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`\n${STACK_HINT}`);
  return 1;
}

const INIT_FLAGS = ["--pod-network-cidr", "--apiserver-advertise-address", "--kubernetes-version", "--cri-socket", "--ignore-preflight-errors", "--service-cidr", "--control-plane-endpoint", "--node-name", "--token", "--v"];
const JOIN_FLAGS = ["--token", "--discovery-token-ca-cert-hash", "--discovery-token", "--tls-bootstrap-token", "--cri-socket", "--ignore-preflight-errors", "--node-name", "--v"];
const BOOL_FLAGS = ["--discovery-token-unsafe-skip-ca-verification", "--upload-certs", "--skip-token-print", "--dry-run"];

/** Flags of `kubeadm init|join` (name → values) and positional arguments; an unknown flag is an error. */
function parseFlags(args: string[], known: string[]): { flags: Map<string, string[]>; positional: string[]; unknown?: string } {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("-")) { positional.push(a); continue; }
    const [name, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (BOOL_FLAGS.includes(name)) { flags.set(name, [inline ?? "true"]); continue; }
    if (!known.includes(name)) return { flags, positional, unknown: name };
    const value = inline ?? args[++i] ?? "";
    flags.set(name, [...(flags.get(name) ?? []), ...value.split(",")]);
  }
  return { flags, positional };
}

/** A health-check duration as kubeadm reports it (Go's Duration). */
const healthy = (baseMs: number, spreadMs: number) => goDuration(Math.round((baseMs + Math.random() * spreadMs) * 1e6 + Math.random() * 1e6));

interface HostReply { ok: boolean; preflight?: string[]; discovery?: string; nodeName?: string; ip?: string; version?: string; token?: string; caHash?: string }

async function hostCall(env: HostEnv, host: string, op: "init" | "join", body: unknown): Promise<HostReply> {
  const res = await env.transport.request("POST", `/hosts/${host}/kubeadm/${op}`, { headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
  const reply = (await res.json()) as HostReply & { message?: string };
  if (!res.ok) throw new HostApiError(reply.message ?? res.statusText, res.status);
  return reply;
}

async function init(env: HostEnv, ctx: CommandContext, host: string): Promise<number> {
  const { flags, positional, unknown } = parseFlags(ctx.args.slice(1), INIT_FLAGS);
  if (unknown || positional.length) {
    await ctx.stderr.write(`${unknown ? `unknown flag: ${unknown}` : `unknown command "${positional[0]}" for "kubeadm init"`}\n${STACK_HINT}`);
    return 1;
  }
  const one = (name: string) => flags.get(name)?.join(",");
  const version = one("--kubernetes-version") ?? "v1.32.4";
  await ctx.stdout.write(`[init] Using Kubernetes version: ${version}\n[preflight] Running pre-flight checks\n`);
  const r = await hostCall(env, host, "init", { podNetworkCidr: one("--pod-network-cidr"), advertiseAddress: one("--apiserver-advertise-address"), kubernetesVersion: version });
  if (!r.ok) return preflightFails(ctx, r.preflight ?? []);
  await ctx.stdout.write(initOutput({
    node: r.nodeName!, ip: r.ip!, version: r.version!, token: r.token!, caHash: r.caHash!, now: env.now(), pid: 2000 + Math.floor(Math.random() * 8000),
    kubeletHealthy: healthy(500, 600), apiHealthy: healthy(4000, 5000),
  }));
  return 0;
}

async function join(env: HostEnv, ctx: CommandContext, host: string): Promise<number> {
  const { flags, positional, unknown } = parseFlags(ctx.args.slice(1), JOIN_FLAGS);
  if (unknown) {
    await ctx.stderr.write(`unknown flag: ${unknown}\n${STACK_HINT}`);
    return 1;
  }
  const token = flags.get("--token")?.[0] ?? flags.get("--discovery-token")?.[0] ?? "";
  const hashes = flags.get("--discovery-token-ca-cert-hash") ?? [];
  const skipCA = flags.get("--discovery-token-unsafe-skip-ca-verification")?.[0] === "true";
  if (!hashes.length && !skipCA) {
    await ctx.stderr.write(`discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. Set unsafeSkipCAVerification as true in your kubeadm config file or pass --discovery-token-unsafe-skip-ca-verification flag to continue\n${STACK_HINT}`);
    return 1;
  }
  if (!/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(token)) {
    await ctx.stderr.write(`discovery.bootstrapToken.token: Invalid value: "${token}": the bootstrap token is invalid\n${STACK_HINT}`);
    return 1;
  }
  await ctx.stdout.write("[preflight] Running pre-flight checks\n");
  const r = await hostCall(env, host, "join", { endpoint: positional[0] ?? "", token, caCertHashes: hashes, skipCAVerification: skipCA });
  if (r.preflight) return preflightFails(ctx, r.preflight);
  if (!r.ok) {
    await ctx.stderr.write(`error execution phase preflight: couldn't validate the identity of the API Server: ${r.discovery ?? "unknown error"}\n${STACK_HINT}`);
    return 1;
  }
  await ctx.stdout.write(joinOutput(healthy(500, 1000)));
  return 0;
}
