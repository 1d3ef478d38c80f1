// The kubectl the terminal runs. Until the in-process kubectl (src/terminal/kubectl/index.ts,
// `kubectlCommand(env)`) is in place, the command says so instead of pretending to work.
import type { KubectlCommandFactory } from "./types";

export const kubectlCommand: KubectlCommandFactory = () => async (ctx) => {
  await ctx.stderr.write("kubectl: not available yet\n");
  return 127;
};
