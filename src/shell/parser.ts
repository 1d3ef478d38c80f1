// Recursive-descent parser for the shell grammar (XCU 2.10 Shell Grammar): lists, and-or lists,
// pipelines, simple commands with assignments and redirections, ( ), { }, if, while/until, for,
// case and function definitions. No upstream file (dash's parser.c is the model).
import { type Node, type Redirect, type RedirOp, ShellSyntaxError, type Word, isUnquoted, literalOf } from "./ast";
import { Lexer, type Token } from "./lexer";

const REDIR_OPS = new Set(["<", ">", ">>", ">|", "<>", ">&", "<&", "<<", "<<-"]);
const LIST_END = new Set(["then", "elif", "else", "fi", "do", "done", "esac", "}"]);

export function parse(src: string): Node {
  return new Parser(src).program();
}

class Parser {
  private lx: Lexer;
  private buf: Token | undefined;

  constructor(src: string) {
    this.lx = new Lexer(src);
  }

  program(): Node {
    const list = this.list();
    const t = this.peek();
    if (t.k !== "eof") this.unexpected(t);
    return list;
  }

  private peek(): Token {
    return (this.buf ??= this.lx.next());
  }

  private take(): Token {
    const t = this.peek();
    this.buf = undefined;
    return t;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t.k === "op" && t.op === op;
  }

  private isWord(w: string): boolean {
    const t = this.peek();
    return t.k === "word" && isUnquoted(t.word) && literalOf(t.word) === w;
  }

  private expectWord(w: string): void {
    if (!this.isWord(w)) this.unexpected(this.peek());
    this.take();
  }

  private linebreak(): void {
    while (this.peek().k === "nl") this.take();
  }

  private unexpected(t: Token): never {
    const what = t.k === "eof" ? "end of file" : t.k === "nl" ? "newline" : t.k === "op" ? t.op : t.k === "io" ? String(t.fd) : t.raw;
    throw new ShellSyntaxError(`unexpected ${t.k === "eof" || t.k === "nl" ? what : `"${what}"`}`, t.line);
  }

  /** A sequence of and-or lists separated by ; & or newlines, up to a closing keyword. */
  private list(): Node {
    const items: { node: Node; bg: boolean }[] = [];
    this.linebreak();
    for (;;) {
      const t = this.peek();
      if (t.k === "eof" || (t.k === "op" && (t.op === ")" || t.op === ";;"))) break;
      if (t.k === "word" && isUnquoted(t.word) && LIST_END.has(literalOf(t.word) ?? "")) break;
      const node = this.andOr();
      let bg = false;
      if (this.isOp("&")) {
        this.take();
        bg = true;
      } else if (this.isOp(";")) this.take();
      else if (this.peek().k !== "nl") {
        items.push({ node, bg });
        break;
      }
      items.push({ node, bg });
      this.linebreak();
    }
    return { type: "list", items };
  }

  /** A list that must not be empty (bodies of if/while/for/{ }). */
  private body(): Node {
    const t = this.peek();
    const l = this.list();
    if (l.type === "list" && l.items.length === 0) this.unexpected(this.peek() ?? t);
    return l;
  }

  private andOr(): Node {
    const first = this.pipeline();
    const rest: { op: "&&" | "||"; node: Node }[] = [];
    while (this.isOp("&&") || this.isOp("||")) {
      const op = (this.take() as { op: "&&" | "||" }).op;
      this.linebreak();
      rest.push({ op, node: this.pipeline() });
    }
    return rest.length ? { type: "andor", first, rest } : first;
  }

  private pipeline(): Node {
    let bang = false;
    if (this.isWord("!")) {
      this.take();
      bang = true;
    }
    const cmds = [this.command()];
    while (this.isOp("|")) {
      this.take();
      this.linebreak();
      cmds.push(this.command());
    }
    return cmds.length > 1 || bang ? { type: "pipeline", cmds, bang } : cmds[0]!;
  }

  private command(): Node {
    const t = this.peek();
    if (t.k === "op" && t.op === "(") {
      this.take();
      const body = this.list();
      if (!this.isOp(")")) this.unexpected(this.peek());
      this.take();
      return { type: "subshell", body, redirs: this.redirects() };
    }
    if (t.k === "word" && isUnquoted(t.word)) {
      switch (literalOf(t.word)) {
        case "{": {
          this.take();
          const body = this.body();
          this.expectWord("}");
          return { type: "group", body, redirs: this.redirects() };
        }
        case "if":
          return this.ifClause();
        case "while":
        case "until":
          return this.loop();
        case "for":
          return this.forClause();
        case "case":
          return this.caseClause();
      }
    }
    if (t.k === "op" && !REDIR_OPS.has(t.op)) this.unexpected(t);
    if (t.k === "nl" || t.k === "eof") this.unexpected(t);
    return this.simple();
  }

  private ifClause(): Node {
    this.take();
    const clauses: { cond: Node; body: Node }[] = [];
    let elseBody: Node | undefined;
    for (;;) {
      const cond = this.body();
      this.expectWord("then");
      clauses.push({ cond, body: this.body() });
      if (this.isWord("elif")) {
        this.take();
        continue;
      }
      if (this.isWord("else")) {
        this.take();
        elseBody = this.body();
      }
      this.expectWord("fi");
      return { type: "if", clauses, elseBody, redirs: this.redirects() };
    }
  }

  private loop(): Node {
    const until = literalOf((this.take() as { word: Word }).word) === "until";
    const cond = this.body();
    this.expectWord("do");
    const body = this.body();
    this.expectWord("done");
    return { type: "loop", until, cond, body, redirs: this.redirects() };
  }

  private forClause(): Node {
    this.take();
    const nameTok = this.take();
    const name = nameTok.k === "word" ? literalOf(nameTok.word) : undefined;
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.unexpected(nameTok);
    this.linebreak();
    let items: Word[] | undefined;
    if (this.isWord("in")) {
      this.take();
      items = [];
      for (let t = this.peek(); t.k === "word"; t = this.peek()) items.push((this.take() as { word: Word }).word);
      if (this.isOp(";")) this.take();
      else if (this.peek().k !== "nl") this.unexpected(this.peek());
    } else if (this.isOp(";")) this.take();
    this.linebreak();
    this.expectWord("do");
    const body = this.body();
    this.expectWord("done");
    return { type: "for", name, items, body, redirs: this.redirects() };
  }

  private caseClause(): Node {
    this.take();
    const wt = this.take();
    if (wt.k !== "word") this.unexpected(wt);
    this.linebreak();
    this.expectWord("in");
    this.linebreak();
    const items: { patterns: Word[]; body?: Node }[] = [];
    while (!this.isWord("esac")) {
      if (this.isOp("(")) this.take();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.take();
        if (p.k !== "word") this.unexpected(p);
        patterns.push(p.word);
        if (this.isOp("|")) this.take();
        else break;
      }
      if (!this.isOp(")")) this.unexpected(this.peek());
      this.take();
      const body = this.list();
      items.push({ patterns, body: body.type === "list" && body.items.length === 0 ? undefined : body });
      if (this.isOp(";;")) {
        this.take();
        this.linebreak();
      } else if (!this.isWord("esac")) this.unexpected(this.peek());
    }
    this.take();
    return { type: "case", word: wt.word, items, redirs: this.redirects() };
  }

  private simple(): Node {
    const line = this.peek().line;
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === "io" || (t.k === "op" && REDIR_OPS.has(t.op))) {
        redirs.push(this.redirect());
      } else if (t.k === "word") {
        this.take();
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
        if (words.length === 0 && m && t.word[0]?.t === "lit" && !t.word[0].q && t.word[0].v.startsWith(m[0])) {
          const value = structuredClone(t.word);
          (value[0] as { v: string }).v = (value[0] as { v: string }).v.slice(m[0].length);
          assigns.push({ name: m[1]!, value });
        } else words.push(t.word);
        if (words.length === 1 && assigns.length === 0 && this.isOp("(") && redirs.length === 0) {
          return this.funcDef(words[0]!);
        }
      } else break;
    }
    if (!words.length && !assigns.length && !redirs.length) this.unexpected(this.peek());
    return { type: "simple", assigns, words, redirs, line };
  }

  private funcDef(nameWord: Word): Node {
    const name = literalOf(nameWord);
    this.take();
    if (!this.isOp(")")) this.unexpected(this.peek());
    this.take();
    if (!name || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new ShellSyntaxError(`Bad function name`, this.peek().line);
    this.linebreak();
    return { type: "func", name, body: this.command() };
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (let t = this.peek(); t.k === "io" || (t.k === "op" && REDIR_OPS.has(t.op)); t = this.peek()) out.push(this.redirect());
    return out;
  }

  private redirect(): Redirect {
    let fd: number | undefined;
    let t = this.take();
    if (t.k === "io") {
      fd = t.fd;
      t = this.take();
    }
    if (t.k !== "op" || !REDIR_OPS.has(t.op)) this.unexpected(t);
    const op = t.op as RedirOp;
    const target = this.take();
    if (target.k !== "word") this.unexpected(target);
    const r: Redirect = { fd: fd ?? (op.startsWith("<") && op !== "<>" ? 0 : op === "<>" ? 0 : 1), op, target: target.word };
    if (op === "<<" || op === "<<-") {
      const quoted = target.word.some((p) => p.t === "lit" && p.q);
      const delim = target.word.map((p) => (p.t === "lit" ? p.v : p.t === "param" ? `$${p.name}` : "")).join("");
      this.lx.addHeredoc(r, delim, op === "<<-", quoted);
    }
    return r;
  }
}
