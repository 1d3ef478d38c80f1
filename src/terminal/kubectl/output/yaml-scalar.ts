// Scalar styles of go-yaml v2 (the YAML library behind sigs.k8s.io/yaml, which kubectl's
// YAMLPrinter uses): which strings stay plain, which need single or double quotes, which become
// literal blocks, and how long lines fold at column 80. Mirrors gopkg.in/yaml.v2 encode.go
// (stringv), resolve.go and emitterc.go (analyze_scalar, select_scalar_style, write_*_scalar).

const BEST_WIDTH = 80;

/** Would a plain scalar with this text resolve to something other than a string? */
export function resolvesNonString(s: string): boolean {
  if (s === "") return true;
  if (/^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<)$/.test(s)) return true;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return true;
  if (!/^[-+.0-9]/.test(s)) return false;
  if (/^[-+]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[0-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(s)) return true;
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt]| +)\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{1,2}(:?\d{2})?)?$/.test(s)) return true;
  return false;
}

const isBlankOrEnd = (c: string | undefined) => c === undefined || c === " " || c === "\t" || c === "\n" || c === "\r";

function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) || c >= 0x10000;
}

interface Analysis { plain: boolean; single: boolean; block: boolean; multiline: boolean }

function analyze(s: string): Analysis {
  const a: Analysis = { plain: true, single: true, block: true, multiline: false };
  if (s.startsWith("---") || s.startsWith("...")) a.plain = false;
  const chars = [...s];
  let prevSpace = false, prevBreak = false, special = false, spaceBreak = false;
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    const followedByWs = isBlankOrEnd(next);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) a.plain = false;
      else if ((ch === "?" || ch === ":") && followedByWs) a.plain = false;
      else if (ch === "-" && followedByWs) a.plain = false;
    } else {
      if (ch === ":" && followedByWs) a.plain = false;
      if (ch === "#" && (chars[i - 1] === " " || chars[i - 1] === "\t")) a.plain = false;
    }
    if (!isPrintable(ch)) special = true;
    if (ch === "\n") { a.multiline = true; if (prevSpace) spaceBreak = true; prevBreak = true; prevSpace = false; }
    else if (ch === " ") { prevSpace = true; prevBreak = false; }
    else { prevSpace = false; prevBreak = false; }
  });
  void prevBreak;
  if (s.startsWith(" ") || s.endsWith(" ") || s.startsWith("\n") || s.endsWith("\n")) a.plain = false;
  if (s.endsWith(" ")) a.block = false;
  if (a.multiline) a.plain = false;
  if (special || spaceBreak) { a.plain = false; a.single = false; a.block = false; }
  return a;
}

/**
 * The scalar as it follows `key: ` or `- ` on a line starting at `column`; continuation lines
 * (folds, literal block contents) are indented by `indent` spaces.
 */
export function formatString(s: string, column: number, indent: number, isKey = false): string {
  const a = analyze(s);
  if (!isKey && s.includes("\n") && a.block) return literal(s, indent);
  if (a.plain && !resolvesNonString(s) && s !== "") return fold(s, column, indent, !isKey);
  if (a.single && !resolvesNonString(s) && !a.multiline) return fold(`'${s.replace(/'/g, "''")}'`, column, indent, !isKey);
  return doubleQuoted(s);
}

function fold(text: string, column: number, indent: number, allowBreaks: boolean): string {
  if (!allowBreaks) return text;
  let out = "";
  let col = column;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === " " && col > BEST_WIDTH && chars[i - 1] !== " " && chars[i + 1] !== " " && i > 0 && i < chars.length - 1) {
      out += "\n" + " ".repeat(indent);
      col = indent;
      continue;
    }
    out += ch;
    col++;
  }
  return out;
}

function literal(s: string, indent: number): string {
  let chomp = "";
  if (!s.endsWith("\n")) chomp = "-";
  else if (s.endsWith("\n\n")) chomp = "+";
  const hint = s.startsWith(" ") || s.startsWith("\n") ? "2" : "";
  const body = chomp === "" ? s.slice(0, -1) : chomp === "+" ? s.slice(0, -1) : s;
  const pad = " ".repeat(indent);
  return `|${hint}${chomp}\n` + body.split("\n").map((l) => (l ? pad + l : "")).join("\n");
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; break;
      case "\\": out += "\\\\"; break;
      case "\n": out += "\\n"; break;
      case "\t": out += "\\t"; break;
      case "\r": out += "\\r"; break;
      case "\0": out += "\\0"; break;
      default:
        if (isPrintable(ch)) out += ch;
        else if (c <= 0xff) out += "\\x" + c.toString(16).toUpperCase().padStart(2, "0");
        else out += "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
    }
  }
  return out + '"';
}
