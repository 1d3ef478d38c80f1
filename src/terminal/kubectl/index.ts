// The terminal's kubectl: a shell Command that parses kubectl's command line and runs the
// subcommand against the cluster through the KubeTransport, printing what kubectl v1.32 prints.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/cmd.go (the command tree) and util/helpers.go (CheckErr).
import type { Command, CommandContext } from "../../shell/types";
import { Killed } from "../../shell/control";
import { BrokenPipe } from "../../shell/io";
import type { KubectlEnv } from "../types";
import { Kctx } from "./context";
import { KubectlError, errorText } from "./errors";
import { type FlagSpec, GLOBAL_FLAGS, parseFlags } from "./flags";
import { SUBCOMMANDS } from "./commands";

export { KubectlError } from "./errors";

export interface Subcommand {
  flags: FlagSpec[];
  run(k: Kctx): Promise<number>;
  /** Subcommands with their own sub-tree (create, rollout, config, set) parse their arguments themselves. */
  raw?: boolean;
}

export function kubectlCommand(env: KubectlEnv): Command {
  return async (sh: CommandContext) => {
    try {
      return await runKubectl(env, sh, sh.args);
    } catch (e) {
      if (e instanceof Killed || e instanceof BrokenPipe) throw e;
      await sh.stderr.write(errorText(e));
      return e instanceof KubectlError ? e.code : 1;
    }
  };
}

async function runKubectl(env: KubectlEnv, sh: CommandContext, argv: string[]): Promise<number> {
  // Global flags may come before the subcommand: `kubectl -n kube-system get po`.
  const before: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith("-") && argv[i] !== "--"; i++) {
    const a = argv[i]!;
    before.push(a);
    const spec = GLOBAL_FLAGS.find((s) => (a.startsWith("--") ? a.slice(2).split("=")[0] === s.name : a === `-${s.short}`));
    if (!spec) {
      parseFlags([a], [], "kubectl");
    } else if (spec.type !== "bool" && !a.includes("=") && i + 1 < argv.length) before.push(argv[++i]!);
  }
  const name = argv[i];
  if (name === undefined) {
    await sh.stdout.write("kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n");
    return 0;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) throw new KubectlError(`Error: unknown command "${name}" for "kubectl"\n`);
  const rest = [...before, ...argv.slice(i + 1)];
  const cmdPath = `kubectl ${name}`;
  const flags = sub.raw ? { flags: {}, changed: new Set<string>(), args: rest } : parseFlags(rest, sub.flags, cmdPath);
  return sub.run(new Kctx(env, sh, cmdPath, flags));
}
