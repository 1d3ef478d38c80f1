// Tab completion for the terminal: command names in command position, kubectl's commands,
// resource types and object names (listed from the cluster with the session's own credential),
// kubeadm/systemctl/crictl subcommands, and file names otherwise. Mirrors what bash with
// `source <(kubectl completion bash)` offers (cobra's bash completion, __start_kubectl).
import type { Vfs } from "../../shell/fs";
import { resolvePath } from "../../shell/fs";
import type { KubeTransport } from "../types";
import { KUBECTL_COMMANDS, KUBECTL_SUBCOMMANDS, NODE_VERBS, POD_VERBS, TYPE_THEN_NAMES, findResourceWord, listPath, resourceWords } from "./kubectl-words";

export interface CompletionContext {
  commands: string[];
  aliases: Record<string, string>;
  transport: KubeTransport;
  namespace: string;
  fs: Vfs;
  cwd: string;
}

export interface Completion {
  /** The word being completed (the text before the cursor back to the last separator). */
  word: string;
  candidates: string[];
  /** Candidates are directories/paths (no trailing space after a unique one ending in "/"). */
  files?: boolean;
}

const OTHER_WORDS: Record<string, string[]> = {
  kubeadm: ["certs", "completion", "config", "help", "init", "join", "kubeconfig", "reset", "token", "upgrade", "version"],
  "kubeadm token": ["create", "delete", "generate", "list"],
  systemctl: ["daemon-reload", "disable", "enable", "is-active", "is-enabled", "list-units", "restart", "start", "status", "stop"],
  crictl: ["images", "info", "inspect", "inspecti", "inspectp", "logs", "pods", "ps", "stats", "version"],
};
const UNITS = ["containerd.service", "kubelet.service"];

/** Candidates for the word before `cursor` in `line`. */
export async function complete(line: string, cursor: number, ctx: CompletionContext): Promise<Completion> {
  const before = line.slice(0, cursor);
  const segment = before.split(/\|\||&&|[|;]/).pop()!;
  const words = segment.trimStart().split(/\s+/);
  const word = words.pop() ?? "";
  const match = (list: Iterable<string>) => [...new Set(list)].filter((c) => c.startsWith(word)).sort();
  if (words.length === 0) return { word, candidates: match([...ctx.commands, ...Object.keys(ctx.aliases)]) };
  const expanded = [...(ctx.aliases[words[0]!]?.split(/\s+/) ?? [words[0]!]), ...words.slice(1)];
  const cmd = expanded[0]!;
  const args = expanded.slice(1).filter((w) => w !== "");
  if (cmd === "kubectl") return { word, candidates: match(await kubectlWords(args, word, ctx)) };
  if (cmd === "kubeadm") return { word, candidates: match(args.length === 0 ? OTHER_WORDS.kubeadm! : args[0] === "token" && args.length === 1 ? OTHER_WORDS["kubeadm token"]! : []) };
  if (cmd === "systemctl") return { word, candidates: match(args.length === 0 ? OTHER_WORDS.systemctl! : UNITS.flatMap((u) => [u, u.replace(/\.service$/, "")])) };
  if (cmd === "crictl" && args.length === 0) return { word, candidates: match(OTHER_WORDS.crictl!) };
  return { word, candidates: fileWords(word, ctx), files: true };
}

async function kubectlWords(args: string[], word: string, ctx: CompletionContext): Promise<string[]> {
  const prev = args[args.length - 1];
  if (prev === "-n" || prev === "--namespace") return names(ctx, "namespaces", "");
  if (word.startsWith("-")) return [];
  let namespace = ctx.namespace;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-n" || a === "--namespace") { namespace = args[++i] ?? namespace; continue; }
    if (a.startsWith("--namespace=")) { namespace = a.slice(12); continue; }
    if (a.startsWith("-n") && a.length > 2) { namespace = a.slice(2); continue; }
    if (a.startsWith("-")) continue;
    positional.push(a);
  }
  const [verb, ...rest] = positional;
  if (!verb) return KUBECTL_COMMANDS;
  const subs = KUBECTL_SUBCOMMANDS[verb];
  if (subs && rest.length === 0) return subs;
  if (verb === "rollout" && rest.length === 1) return ["daemonsets", "deployments", "statefulsets"];
  if (verb === "rollout" && rest.length === 2) return names(ctx, rest[1]!, namespace);
  if (POD_VERBS.has(verb) && rest.length === 0) return names(ctx, "pods", namespace);
  if (NODE_VERBS.has(verb) && rest.length === 0) return names(ctx, "nodes", namespace);
  if (!TYPE_THEN_NAMES.has(verb)) return [];
  if (rest.length === 0) {
    const slash = word.indexOf("/");
    if (slash > 0) return (await names(ctx, word.slice(0, slash), namespace)).map((n) => `${word.slice(0, slash)}/${n}`);
    return resourceWords();
  }
  return rest[0]!.includes("/") || verb === "explain" ? [] : names(ctx, rest[0]!.split(",")[0]!, namespace);
}

/** Names of a resource type in a namespace, listed with the session's credential (none if refused). */
async function names(ctx: CompletionContext, type: string, namespace: string): Promise<string[]> {
  const r = findResourceWord(type);
  if (!r) return [];
  try {
    const res = await ctx.transport.request("GET", `${listPath(r, namespace)}?limit=500`, { headers: { accept: "application/json" } });
    if (!res.ok) return [];
    const list = (await res.json()) as { items?: { metadata?: { name?: string } }[] };
    return (list.items ?? []).map((i) => i.metadata?.name ?? "").filter(Boolean);
  } catch {
    return [];
  }
}

function fileWords(word: string, ctx: CompletionContext): string[] {
  const slash = word.lastIndexOf("/");
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : "";
  const dir = resolvePath(ctx.cwd, dirPart || ".");
  const entries = ctx.fs.readdir(dir);
  if (!entries.ok) return [];
  const base = word.slice(slash + 1);
  return entries.value
    .filter(([name]) => name.startsWith(base) && (base.startsWith(".") || !name.startsWith(".")))
    .map(([name, node]) => dirPart + name + (node.kind === "dir" ? "/" : ""))
    .sort();
}

/** The longest prefix all candidates share. */
export function commonPrefix(list: string[]): string {
  if (!list.length) return "";
  let p = list[0]!;
  for (const c of list) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Candidates laid out in columns, down then across, as readline's rl_display_match_list. */
export function columns(list: string[], width: number): string {
  const colWidth = Math.max(...list.map((c) => c.length)) + 2;
  const perLine = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(list.length / perLine);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < perLine; c++) {
      const item = list[c * rows + r];
      if (item === undefined) continue;
      const last = list[(c + 1) * rows + r] === undefined;
      line += last ? item : item.padEnd(colWidth);
    }
    lines.push(line);
  }
  return lines.join("\r\n");
}
