// The shell's tokenizer (XCU 2.3 Token Recognition): operators, words with their quoting and
// expansions kept as parts, IO numbers, newlines, comments, and here-document bodies read after
// the newline that ends their command line. No upstream file (dash's parser.c is the model).
import { ShellSyntaxError, type Redirect, type Word, type WordPart } from "./ast";

export type Token =
  | { k: "word"; word: Word; raw: string; line: number }
  | { k: "op"; op: string; line: number }
  | { k: "io"; fd: number; line: number }
  | { k: "nl"; line: number }
  | { k: "eof"; line: number };

const OPS = ["&&", "||", ";;", "<<-", "<<", "<&", "<>", ">>", ">&", ">|", ";", "&", "|", "(", ")", "<", ">"];
const META = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);
const SPECIAL_PARAMS = new Set(["?", "$", "#", "@", "*", "!", "-", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

interface PendingHeredoc {
  redirect: Redirect;
  delim: string;
  strip: boolean;
  quoted: boolean;
}

export class Lexer {
  pos = 0;
  line = 1;
  private pending: PendingHeredoc[] = [];

  constructor(readonly src: string) {}

  /** Register a here-document whose body starts after the next newline. */
  addHeredoc(redirect: Redirect, delim: string, strip: boolean, quoted: boolean): void {
    this.pending.push({ redirect, delim, strip, quoted });
  }

  next(): Token {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === " " || c === "\t") this.pos++;
      else if (c === "\\" && s[this.pos + 1] === "\n") {
        this.pos += 2;
        this.line++;
      } else if (c === "#") {
        while (this.pos < s.length && s[this.pos] !== "\n") this.pos++;
      } else break;
    }
    const line = this.line;
    if (this.pos >= s.length) {
      if (this.pending.length) throw new ShellSyntaxError(`unexpected EOF: here-document delimited by end-of-file (wanted '${this.pending[0]!.delim}')`, line);
      return { k: "eof", line };
    }
    if (s[this.pos] === "\n") {
      this.pos++;
      this.line++;
      this.readHeredocs();
      return { k: "nl", line };
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { k: "op", op, line };
      }
    }
    const start = this.pos;
    const word = this.readWord((ch) => META.has(ch));
    const raw = s.slice(start, this.pos);
    if (/^\d+$/.test(raw) && (s[this.pos] === "<" || s[this.pos] === ">")) return { k: "io", fd: Number(raw), line };
    return { k: "word", word, raw, line };
  }

  /** Read word parts until `stop` matches an unquoted character. */
  readWord(stop: (c: string) => boolean): Word {
    const s = this.src;
    const parts: WordPart[] = [];
    const lit = (v: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.t === "lit" && last.q === q) last.v += v;
      else parts.push({ t: "lit", v, q });
    };
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (stop(c)) break;
      if (c === "\\") {
        const n = s[this.pos + 1];
        this.pos += 2;
        if (n === "\n") this.line++;
        else if (n !== undefined) lit(n, true);
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError("unterminated quoted string", this.line);
        const v = s.slice(this.pos + 1, end);
        this.line += count(v, "\n");
        lit(v, true);
        if (v === "") parts.push({ t: "lit", v: "", q: true });
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        const inner = this.readDquoted();
        if (inner.length === 0) parts.push({ t: "lit", v: "", q: true });
        for (const p of inner) (p.t === "lit" ? lit(p.v, true) : parts.push(p));
      } else if (c === "$") {
        const p = this.readDollar(false);
        if (p) parts.push(p);
        else lit("$", false);
      } else if (c === "`") {
        parts.push({ t: "cmd", src: this.readBacktick(), q: false });
      } else {
        if (c === "\n") this.line++;
        lit(c, false);
        this.pos++;
      }
    }
    return parts;
  }

  /** Inside "...": backslash escapes only $ ` " \ newline. Consumes the closing quote. */
  private readDquoted(): WordPart[] {
    const s = this.src;
    const parts: WordPart[] = [];
    const lit = (v: string) => {
      const last = parts[parts.length - 1];
      if (last && last.t === "lit") last.v += v;
      else parts.push({ t: "lit", v, q: true });
    };
    for (;;) {
      if (this.pos >= s.length) throw new ShellSyntaxError("unterminated quoted string", this.line);
      const c = s[this.pos]!;
      if (c === '"') {
        this.pos++;
        return parts;
      }
      if (c === "\\" && '$`"\\\n'.includes(s[this.pos + 1] ?? "")) {
        if (s[this.pos + 1] !== "\n") lit(s[this.pos + 1]!);
        else this.line++;
        this.pos += 2;
      } else if (c === "$") {
        const p = this.readDollar(true);
        if (p) parts.push(p);
        else lit("$");
      } else if (c === "`") {
        parts.push({ t: "cmd", src: this.readBacktick(), q: true });
      } else {
        if (c === "\n") this.line++;
        lit(c);
        this.pos++;
      }
    }
  }

  /** At "$": a parameter, command substitution or arithmetic; undefined for a lone "$". */
  readDollar(q: boolean): WordPart | undefined {
    const s = this.src;
    const n = s[this.pos + 1] ?? "";
    if (s.startsWith("$((", this.pos)) {
      const end = matchParens(s, this.pos + 1);
      if (end > 0 && s[end - 1] === ")" && end - 1 > this.pos + 2) {
        const src = s.slice(this.pos + 3, end - 1);
        this.pos = end + 1;
        return { t: "arith", src, q };
      }
    }
    if (n === "(") {
      const end = matchParens(s, this.pos + 1);
      if (end < 0) throw new ShellSyntaxError("unterminated $(", this.line);
      const src = s.slice(this.pos + 2, end);
      this.line += count(src, "\n");
      this.pos = end + 1;
      return { t: "cmd", src, q };
    }
    if (n === "{") return this.readBraced(q);
    if (SPECIAL_PARAMS.has(n)) {
      this.pos += 2;
      return { t: "param", name: n, q };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos + 1, this.pos + 257));
    if (!m) {
      this.pos++;
      return undefined;
    }
    this.pos += 1 + m[0].length;
    return { t: "param", name: m[0], q };
  }

  private readBraced(q: boolean): WordPart {
    const s = this.src;
    this.pos += 2;
    let len = false;
    if (s[this.pos] === "#" && s[this.pos + 1] !== "}") {
      len = true;
      this.pos++;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/.exec(s.slice(this.pos));
    if (!m) throw new ShellSyntaxError("bad substitution", this.line);
    const name = m[1]!;
    this.pos += name.length;
    if (s[this.pos] === "}") {
      this.pos++;
      return { t: "param", name, len, q };
    }
    const om = /^(:?[-=+?]|##?|%%?)/.exec(s.slice(this.pos));
    if (!om || len) throw new ShellSyntaxError("bad substitution", this.line);
    this.pos += om[1]!.length;
    const arg = this.readWord((c) => c === "}");
    if (s[this.pos] !== "}") throw new ShellSyntaxError("missing '}'", this.line);
    this.pos++;
    return { t: "param", name, op: om[1]!, arg, q };
  }

  readBacktick(): string {
    const s = this.src;
    let out = "";
    this.pos++;
    for (;;) {
      if (this.pos >= s.length) throw new ShellSyntaxError("unterminated `", this.line);
      const c = s[this.pos]!;
      if (c === "`") {
        this.pos++;
        return out;
      }
      if (c === "\\" && "$`\\".includes(s[this.pos + 1] ?? "")) {
        out += s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === "\n") this.line++;
      out += c;
      this.pos++;
    }
  }

  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) {
      let body = "";
      for (;;) {
        if (this.pos >= this.src.length) break;
        let end = this.src.indexOf("\n", this.pos);
        if (end < 0) end = this.src.length;
        let text = this.src.slice(this.pos, end);
        this.pos = Math.min(end + 1, this.src.length);
        this.line++;
        if (h.strip) text = text.replace(/^\t+/, "");
        if (text === h.delim) break;
        body += text + "\n";
      }
      h.redirect.heredoc = h.quoted ? [{ t: "lit", v: body, q: true }] : heredocWord(body, this.line);
    }
  }
}

/** An unquoted here-document body: $ and ` expand; backslash escapes only $ ` \ newline. */
function heredocWord(body: string, line: number): Word {
  const lx = new Lexer(body);
  lx.line = line;
  const parts: WordPart[] = [];
  let buf = "";
  const flush = () => {
    if (buf) parts.push({ t: "lit", v: buf, q: true });
    buf = "";
  };
  while (lx.pos < body.length) {
    const c = body[lx.pos]!;
    if (c === "\\" && "$`\\\n".includes(body[lx.pos + 1] ?? "")) {
      if (body[lx.pos + 1] !== "\n") buf += body[lx.pos + 1];
      lx.pos += 2;
    } else if (c === "$" || c === "`") {
      const p: WordPart | undefined = c === "$" ? lx.readDollar(true) : { t: "cmd", src: lx.readBacktick(), q: true };
      if (p) {
        flush();
        parts.push(p);
      } else buf += "$";
    } else {
      buf += c;
      lx.pos++;
    }
  }
  flush();
  return parts;
}

/** Index of the ")" matching the "(" at `open`, skipping quotes and nested parens; -1 if none. */
export function matchParens(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "'") {
      const e = s.indexOf("'", i + 1);
      if (e < 0) return -1;
      i = e;
    } else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === "\\") i++;
    } else if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
