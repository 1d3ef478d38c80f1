// Compound commands of the interpreter: pipelines (each stage a subshell joined by bounded
// pipes; a stage whose reader is gone ends with SIGPIPE, 141), while/until loops, for loops and
// case. Split from interp.ts; the Shell class dispatches here. No upstream file.
import type { Node } from "./ast";
import { ExitSignal, LoopSignal } from "./control";
import { expandFields, expandPattern, expandString } from "./expand";
import { BrokenPipe, Pipe } from "./io";
import type { Shell } from "./interp";
import type { Fds } from "./redirect";

export async function execPipeline(sh: Shell, node: Extract<Node, { type: "pipeline" }>, fds: Fds): Promise<number> {
  let st: number;
  if (node.cmds.length === 1) {
    st = await (node.bang ? sh.cond(() => sh.exec(node.cmds[0]!, fds)) : sh.exec(node.cmds[0]!, fds));
  } else {
    const pipes = node.cmds.slice(1).map(() => new Pipe());
    const runs = node.cmds.map(async (cmd, i) => {
      const io: Fds = { ...fds, 0: i === 0 ? fds[0] : pipes[i - 1]!.reader, 1: i === node.cmds.length - 1 ? fds[1] : pipes[i]!.writer };
      const sub = sh.subshell();
      try {
        return await sub.exec(cmd, io);
      } catch (e) {
        if (e instanceof ExitSignal) return e.status;
        if (e instanceof BrokenPipe) return 141;
        throw e;
      } finally {
        if (i < node.cmds.length - 1) pipes[i]!.writer.close?.();
        if (i > 0) pipes[i - 1]!.reader.close?.();
      }
    });
    const results = await Promise.all(runs);
    st = results[results.length - 1]!;
  }
  if (node.bang) st = st === 0 ? 1 : 0;
  return (sh.status = st);
}

export async function execLoop(sh: Shell, node: Extract<Node, { type: "loop" }>, fds: Fds): Promise<number> {
  const io = await sh.redirected(node.redirs, fds);
  if (!io) return sh.status;
  let st = 0;
  for (;;) {
    const c = await sh.cond(() => sh.exec(node.cond, io));
    if ((c === 0) === node.until) break;
    const r = await loopBody(sh, node.body, io);
    if (r === "break") break;
    if (r !== "continue") st = r;
    await sh.tick();
  }
  return (sh.status = st);
}

/** One pass of a loop's body: its status, or what a `break`/`continue` for this loop asks. */
async function loopBody(sh: Shell, body: Node, io: Fds): Promise<number | "break" | "continue"> {
  try {
    return await sh.exec(body, io);
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (--e.levels > 0) throw e;
    return e.kind;
  }
}

export async function execFor(sh: Shell, node: Extract<Node, { type: "for" }>, fds: Fds): Promise<number> {
  const io = await sh.redirected(node.redirs, fds);
  if (!io) return sh.status;
  const items = node.items ? await expandFields(node.items, sh.expandEnv(io)) : sh.positional;
  let st = 0;
  for (const item of items) {
    sh.setVar(node.name, item);
    const r = await loopBody(sh, node.body, io);
    if (r === "break") break;
    if (r !== "continue") st = r;
    await sh.tick();
  }
  return (sh.status = st);
}

export async function execCase(sh: Shell, node: Extract<Node, { type: "case" }>, fds: Fds): Promise<number> {
  const io = await sh.redirected(node.redirs, fds);
  if (!io) return sh.status;
  const env = sh.expandEnv(io);
  const word = await expandString(node.word, env);
  for (const item of node.items) {
    for (const p of item.patterns) {
      if ((await expandPattern(p, env)).test(word)) return item.body ? sh.exec(item.body, io) : (sh.status = 0);
    }
  }
  return (sh.status = 0);
}
