// `kubeadm` on the control-plane host of a running cluster: `token create [--print-join-command]
// [--ttl]`, `token list` (bootstrap-token Secrets in kube-system, as kubeadm stores them), and
// `init`/`join`, whose preflight checks fail here as on any host that already runs a control
// plane. Output shapes of kubeadm v1.32 (OUTPUTS.md §6; cmd/kubeadm/app/cmd/token.go).
import type { Command, CommandContext } from "../../shell/types";
import { tabwrite } from "../kubectl/describe/tabwriter";
import { HOSTNAME } from "../session/host";
import type { HostEnv } from "./host";
import { HostApiError, type KubeList, getJson, hexId } from "./host-api";

const TOKEN_TYPE = "bootstrap.kubernetes.io/token";
const DEFAULT_GROUPS = "system:bootstrappers:kubeadm:default-node-token";
const STACK_HINT = "To see the stack trace of this error execute with --v=5 or higher\n";

interface Secret { metadata: { name: string }; type?: string; data?: Record<string, string> }

export function kubeadmCommand(env: HostEnv): Command {
  return async (ctx) => {
    const [verb, sub] = ctx.args;
    try {
      if (verb === "token" && sub === "create") return await tokenCreate(env, ctx);
      if (verb === "token" && sub === "list") return await tokenList(env, ctx);
      if (verb === "init") return await preflightFails(ctx, true);
      if (verb === "join") return await preflightFails(ctx, false);
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

/** init and join on a host that already runs the control plane: preflight's fatal errors. */
async function preflightFails(ctx: CommandContext, init: boolean): Promise<number> {
  const errors = init
    ? ["Port-6443]: Port 6443 is in use", "Port-10259]: Port 10259 is in use", "Port-10257]: Port 10257 is in use",
      ...["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"].map((c) => `FileAvailable--etc-kubernetes-manifests-${c}.yaml]: /etc/kubernetes/manifests/${c}.yaml already exists`),
      "Port-10250]: Port 10250 is in use", "Port-2379]: Port 2379 is in use", "Port-2380]: Port 2380 is in use", "DirAvailable--var-lib-etcd]: /var/lib/etcd is not empty"]
    : ["FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists", "Port-10250]: Port 10250 is in use", "FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists"];
  if (init) await ctx.stdout.write("[init] Using Kubernetes version: v1.32.4\n");
  await ctx.stdout.write("[preflight] Running pre-flight checks\n");
  await ctx.stderr.write(`error execution phase preflight: [preflight] Some fatal errors occurred:\n${errors.map((e) => `\t[ERROR ${e}\n`).join("")}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`\n${STACK_HINT}`);
  return 1;
}
