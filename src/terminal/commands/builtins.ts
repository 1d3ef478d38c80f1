// The interactive shell's own builtins that the script shell (src/shell) has no use for:
// `history`, `alias`/`unalias` and `clear`, with bash's output formats (builtins/history.def,
// builtins/alias.def) and ncurses' clear sequence for TERM=xterm-256color.
import type { Command } from "../../shell/types";

export interface InteractiveState {
  history: string[];
  aliases: Record<string, string>;
}

const quote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

/** `history [n]`, `history -c`: bash prints each entry as `%5d  %s`. */
export function historyCommand(state: () => InteractiveState): Command {
  return async (ctx) => {
    const st = state();
    if (ctx.args[0] === "-c") { st.history.splice(0); return 0; }
    let from = 0;
    if (ctx.args[0] !== undefined) {
      const n = Number(ctx.args[0]);
      if (!/^\d+$/.test(ctx.args[0])) {
        await ctx.stderr.write(`bash: history: ${ctx.args[0]}: numeric argument required\n`);
        return 1;
      }
      from = Math.max(0, st.history.length - n);
    }
    let out = "";
    for (let i = from; i < st.history.length; i++) out += `${String(i + 1).padStart(5)}  ${st.history[i]}\n`;
    await ctx.stdout.write(out);
    return 0;
  };
}

/** `alias`, `alias name=value…`, `alias name`. */
export function aliasCommand(state: () => InteractiveState): Command {
  return async (ctx) => {
    const aliases = state().aliases;
    if (!ctx.args.length || ctx.args[0] === "-p") {
      const out = Object.keys(aliases).sort().map((k) => `alias ${k}=${quote(aliases[k]!)}\n`).join("");
      await ctx.stdout.write(out);
      return 0;
    }
    let status = 0;
    for (const arg of ctx.args) {
      const eq = arg.indexOf("=");
      if (eq > 0) { aliases[arg.slice(0, eq)] = arg.slice(eq + 1); continue; }
      if (aliases[arg] !== undefined) await ctx.stdout.write(`alias ${arg}=${quote(aliases[arg]!)}\n`);
      else { await ctx.stderr.write(`bash: alias: ${arg}: not found\n`); status = 1; }
    }
    return status;
  };
}

export function unaliasCommand(state: () => InteractiveState): Command {
  return async (ctx) => {
    const aliases = state().aliases;
    if (ctx.args[0] === "-a") { for (const k of Object.keys(aliases)) delete aliases[k]; return 0; }
    let status = 0;
    for (const arg of ctx.args) {
      if (aliases[arg] === undefined) { await ctx.stderr.write(`bash: unalias: ${arg}: not found\n`); status = 1; }
      else delete aliases[arg];
    }
    return status;
  };
}

/** An alias as a command: its words, then the arguments (aliases are expanded once, as in bash). */
export function aliasRunner(value: string): Command {
  const words = value.trim().split(/\s+/).filter(Boolean);
  return (ctx) => ctx.run([...words, ...ctx.args]);
}

/** `clear`: home, erase the screen and the scroll-back (ncurses `clear` with E3). */
export const CLEAR_SCREEN = "\x1b[H\x1b[2J\x1b[3J";
export const clearCommand: Command = async (ctx) => {
  await ctx.stdout.write(CLEAR_SCREEN);
  return 0;
};
