// The syntax tree of the POSIX shell subset Podlab interprets (XCU "Shell Command Language",
// 2.9 Shell Commands). Words keep their parts so expansion knows what was quoted.
// No upstream file: busybox ash and dash are the behaviour references.

export type WordPart =
  /** Literal text; `q` when it came from quotes or an escape (no field splitting or globbing). */
  | { t: "lit"; v: string; q: boolean }
  /** $name, ${name}, ${name<op>arg}, ${#name}. */
  | { t: "param"; name: string; op?: string; arg?: Word; len?: boolean; q: boolean }
  /** $(...) or `...` (source text, parsed when expanded). */
  | { t: "cmd"; src: string; q: boolean }
  /** $((...)) (expression text, expanded then evaluated). */
  | { t: "arith"; src: string; q: boolean };

export type Word = WordPart[];

export type RedirOp = ">" | ">>" | ">|" | "<" | "<>" | ">&" | "<&" | "<<" | "<<-";

export interface Redirect {
  fd: number;
  op: RedirOp;
  target: Word;
  /** Here-document body (for << and <<-); unexpanded when the delimiter was quoted. */
  heredoc?: Word;
}

export interface Assignment {
  name: string;
  value: Word;
}

export type Node =
  | { type: "simple"; assigns: Assignment[]; words: Word[]; redirs: Redirect[]; line: number }
  | { type: "pipeline"; cmds: Node[]; bang: boolean }
  | { type: "andor"; first: Node; rest: { op: "&&" | "||"; node: Node }[] }
  | { type: "list"; items: { node: Node; bg: boolean }[] }
  | { type: "subshell"; body: Node; redirs: Redirect[] }
  | { type: "group"; body: Node; redirs: Redirect[] }
  | { type: "if"; clauses: { cond: Node; body: Node }[]; elseBody?: Node; redirs: Redirect[] }
  | { type: "loop"; until: boolean; cond: Node; body: Node; redirs: Redirect[] }
  | { type: "for"; name: string; items?: Word[]; body: Node; redirs: Redirect[] }
  | { type: "case"; word: Word; items: { patterns: Word[]; body?: Node }[]; redirs: Redirect[] }
  | { type: "func"; name: string; body: Node };

/** A syntax error, reported by the shell as `sh: line N: syntax error: ...`. */
export class ShellSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
  ) {
    super(detail);
  }
}

/** The literal text of a word when it has no expansions (used for keywords, names, delimiters). */
export function literalOf(w: Word): string | undefined {
  let s = "";
  for (const p of w) {
    if (p.t !== "lit") return undefined;
    s += p.v;
  }
  return s;
}

/** True when no part of the word was quoted (keywords must be unquoted). */
export function isUnquoted(w: Word): boolean {
  return w.every((p) => p.t === "lit" && !p.q);
}
