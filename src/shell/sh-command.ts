// The `sh` command itself (also `ash`, `bash`, `dash`): `sh -c 'script' [name [args…]]`,
// `sh script.sh [args…]`, and `sh` with no script, which reads commands from standard input
// (so with no stdin, as in a container without `stdin: true`, it exits 0 at once).
// No upstream file.
import { resolvePath } from "./fs";
import { type Dialect, Shell } from "./interp";
import type { Command, CommandRegistry } from "./types";

export function shCommand(commands: () => CommandRegistry, dialect: Dialect = "ash"): Command {
  return async (ctx) => {
    const name = ctx.name.slice(ctx.name.lastIndexOf("/") + 1);
    let args = [...ctx.args];
    let errexit = false;
    let script: string | undefined;
    while (args.length && /^[-+][a-zA-Z]+$/.test(args[0]!)) {
      const a = args.shift()!;
      if (a.includes("e")) errexit = a.startsWith("-");
      if (a.includes("c")) {
        script = args.shift();
        if (script === undefined) {
          await ctx.stderr.write(`${name}: -c requires an argument\n`);
          return 2;
        }
      }
    }
    let arg0 = name;
    if (script === undefined && args.length) {
      const file = args.shift()!;
      const r = ctx.fs.readFile(resolvePath(ctx.cwd, file));
      if (!r.ok) {
        await ctx.stderr.write(`${name}: can't open '${file}': No such file or directory\n`);
        return 2;
      }
      script = r.value;
      arg0 = file;
    } else if (script !== undefined && args.length) arg0 = args.shift()!;
    const shell = new Shell({
      host: ctx.host,
      commands: commands(),
      env: ctx.env,
      arg0,
      positional: args,
      cwd: ctx.cwd,
      dialect: name === "bash" ? "bash" : name === "dash" ? "dash" : dialect,
    });
    shell.errexit = errexit;
    const fds = { 0: ctx.stdin, 1: ctx.stdout, 2: ctx.stderr };
    return script === undefined ? shell.interactive(fds) : shell.run(script, fds);
  };
}
