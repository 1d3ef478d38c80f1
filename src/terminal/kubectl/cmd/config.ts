// kubectl config: view (credentials redacted), get-contexts, current-context, and
// set-context --current --namespace (changes the terminal's context namespace).
// Mirrors kubectl pkg/cmd/config/view.go, get_contexts.go, current_context.go, set_context.go.
import type { Kctx } from "../context";
import { usage } from "../errors";
import { type FlagSpec, parseFlags, bool, str } from "../flags";
import { TabWriter } from "../output/tabwriter";
import { toYaml } from "../output/yaml";
import { goJson } from "../output/json";

const SUBFLAGS: Record<string, FlagSpec[]> = {
  view: [{ name: "minify", type: "bool" }, { name: "raw", type: "bool" }, { name: "flatten", type: "bool" }, { name: "output", short: "o", type: "string", def: "yaml" }],
  "get-contexts": [{ name: "no-headers", type: "bool" }, { name: "output", short: "o", type: "string" }],
  "current-context": [],
  "set-context": [{ name: "current", type: "bool" }, { name: "namespace", type: "string" }, { name: "cluster", type: "string" }, { name: "user", type: "string" }],
};

export async function runConfig(k: Kctx): Promise<number> {
  const [sub, ...rest] = k.flags.args;
  if (!sub || !SUBFLAGS[sub]) throw usage(sub ? `unknown command "${sub}" for "kubectl config"` : "a subcommand is required", "kubectl config");
  const f = parseFlags(rest, SUBFLAGS[sub]!, `kubectl config ${sub}`);
  const e = k.env;
  const ns = e.namespace && e.namespace !== "default" ? e.namespace : "";
  switch (sub) {
    case "view": {
      const cfg = {
        apiVersion: "v1",
        clusters: [{ cluster: { server: e.server }, name: e.clusterName }],
        contexts: [{ context: { cluster: e.clusterName, ...(ns ? { namespace: ns } : {}), user: e.userName }, name: e.contextName }],
        "current-context": e.contextName, kind: "Config", preferences: {},
        users: [{ name: e.userName, user: { token: bool(f, "raw") ? "REDACTED" : "REDACTED" } }],
      };
      await k.out(str(f, "output") === "json" ? goJson(cfg, "    ") + "\n" : toYaml(cfg));
      return 0;
    }
    case "get-contexts": {
      if (str(f, "output") === "name") { await k.out(e.contextName + "\n"); return 0; }
      const w = new TabWriter();
      if (!bool(f, "no-headers")) w.write("CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n");
      w.write(`*\t${e.contextName}\t${e.clusterName}\t${e.userName}\t${ns}\n`);
      await k.out(w.flush());
      return 0;
    }
    case "current-context":
      await k.out(e.contextName + "\n");
      return 0;
    default: {
      if (!bool(f, "current") && f.args[0] !== e.contextName) throw usage("you must specify a non-empty context name or --current", "kubectl config set-context");
      if (f.changed.has("namespace")) e.namespace = str(f, "namespace") || "default";
      await k.out(`Context "${e.contextName}" modified.\n`);
      return 0;
    }
  }
}
