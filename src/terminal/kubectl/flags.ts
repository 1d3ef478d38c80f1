// Command-line flags the way kubectl's cobra/pflag parse them: long (--name, --name=value), short
// (-n value, -nvalue, -it), flags anywhere among the arguments, `--` ending flag parsing, and
// pflag's error wording. Mirrors github.com/spf13/pflag flag.go (parseLongArg, parseShortArg).
import { KubectlError } from "./errors";

export type FlagType = "bool" | "string" | "int" | "strings" | "array";

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  def?: string | number | boolean | string[];
  /** A bool-like flag that may take an optional value, e.g. --dry-run (NoOptDefVal). */
  noOptDef?: string;
}

export interface Parsed {
  flags: Record<string, string | number | boolean | string[]>;
  /** Which flags were given explicitly. */
  changed: Set<string>;
  args: string[];
  /** Arguments after `--` (cobra's ArgsLenAtDash), also included at the end of `args`. */
  dashArgs?: string[];
}

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "kubeconfig", type: "string" },
  { name: "context", type: "string" },
  { name: "cluster", type: "string" },
  { name: "user", type: "string" },
  { name: "server", short: "s", type: "string" },
  { name: "token", type: "string" },
  { name: "request-timeout", type: "string", def: "0" },
  { name: "v", short: "v", type: "string", def: "0" },
  { name: "insecure-skip-tls-verify", type: "bool" },
  { name: "cache-dir", type: "string" },
  { name: "match-server-version", type: "bool" },
  { name: "warnings-as-errors", type: "bool" },
];

export function parseFlags(argv: string[], specs: FlagSpec[], cmdPath: string): Parsed {
  // A command's own flag shadows a global one of the same name (cobra: local flags first), e.g.
  // create rolebinding's --user against the kubeconfig --user.
  const all = [...specs, ...GLOBAL_FLAGS.filter((g) => !specs.some((s) => s.name === g.name))];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: Parsed["flags"] = {};
  for (const s of all) if (s.def !== undefined) flags[s.name] = Array.isArray(s.def) ? [...s.def] : s.def;
  const changed = new Set<string>();
  const args: string[] = [];
  let dashArgs: string[] | undefined;
  const usageErr = (msg: string) => new KubectlError(`Error: ${msg}\nSee '${cmdPath} --help' for usage.\n`, 1);

  const set = (s: FlagSpec, value: string, shown: string) => {
    changed.add(s.name);
    switch (s.type) {
      case "bool": {
        const v = parseBool(value);
        if (v === undefined) throw usageErr(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
        flags[s.name] = v;
        break;
      }
      case "int": {
        if (!/^[+-]?\d+$/.test(value)) throw usageErr(`invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
        flags[s.name] = parseInt(value, 10);
        break;
      }
      case "strings": {
        const prev = changedOnce.has(s.name) ? (flags[s.name] as string[]) : [];
        changedOnce.add(s.name);
        flags[s.name] = [...prev, ...(value === "" ? [] : value.split(","))];
        break;
      }
      case "array": {
        const prev = changedOnce.has(s.name) ? (flags[s.name] as string[]) : [];
        changedOnce.add(s.name);
        flags[s.name] = [...prev, value];
        break;
      }
      default: flags[s.name] = value;
    }
  };
  const changedOnce = new Set<string>();
  const takesNoValue = (s: FlagSpec) => s.type === "bool" || s.noOptDef !== undefined;

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") { dashArgs = argv.slice(i + 1); args.push(...dashArgs); break; }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const s = byName.get(name);
      if (!s) throw usageErr(`unknown flag: --${name}`);
      const shown = `--${name}`;
      if (eq >= 0) set(s, a.slice(eq + 1), shown);
      else if (takesNoValue(s)) set(s, s.noOptDef ?? "true", shown);
      else if (i + 1 < argv.length) set(s, argv[++i]!, shown);
      else throw usageErr(`flag needs an argument: ${shown}`);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      let rest = a.slice(1);
      while (rest.length) {
        const c = rest[0]!;
        const s = byShort.get(c);
        if (!s) throw usageErr(`unknown shorthand flag: '${c}' in ${a}`);
        rest = rest.slice(1);
        if (rest.startsWith("=")) { set(s, rest.slice(1), `-${c}`); rest = ""; }
        else if (takesNoValue(s)) set(s, s.noOptDef ?? "true", `-${c}`);
        else if (rest.length) { set(s, rest, `-${c}`); rest = ""; }
        else if (i + 1 < argv.length) set(s, argv[++i]!, `-${c}`);
        else throw usageErr(`flag needs an argument: '${c}' in -${c}`);
      }
      continue;
    }
    args.push(a);
  }
  return { flags, changed, args, dashArgs };
}

function parseBool(v: string): boolean | undefined {
  if (["1", "t", "T", "true", "TRUE", "True"].includes(v)) return true;
  if (["0", "f", "F", "false", "FALSE", "False"].includes(v)) return false;
  return undefined;
}

export const str = (p: Parsed, name: string): string => String(p.flags[name] ?? "");
export const bool = (p: Parsed, name: string): boolean => p.flags[name] === true;
export const num = (p: Parsed, name: string): number => Number(p.flags[name] ?? 0);
export const list = (p: Parsed, name: string): string[] => (p.flags[name] as string[] | undefined) ?? [];
