// The label selector lexer of k8s.io/apimachinery/pkg/labels/selector.go (Lexer, Token, string2token).

export type Token =
  | "Error" | "EndOfString" | "ClosedPar" | "Comma" | "DoesNotExist" | "DoubleEquals" | "Equals"
  | "GreaterThan" | "Identifier" | "In" | "LessThan" | "NotEquals" | "NotIn" | "OpenPar";

export interface ScannedItem { tok: Token; literal: string }

const STRING_TO_TOKEN: Record<string, Token> = {
  ")": "ClosedPar", ",": "Comma", "!": "DoesNotExist", "==": "DoubleEquals", "=": "Equals", ">": "GreaterThan",
  in: "In", "<": "LessThan", "!=": "NotEquals", notin: "NotIn", "(": "OpenPar",
};

const isWhitespace = (ch: string) => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";
const isSpecialSymbol = (ch: string) => "=!(),><".includes(ch) && ch !== "";

export function scan(s: string): ScannedItem[] {
  let pos = 0;
  const read = () => (pos < s.length ? s[pos++] : "");
  const unread = () => { pos--; };
  const items: ScannedItem[] = [];
  for (;;) {
    let ch = read();
    while (ch !== "" && isWhitespace(ch)) ch = read();
    let item: ScannedItem;
    if (ch === "") item = { tok: "EndOfString", literal: "" };
    else if (isSpecialSymbol(ch)) {
      unread();
      let buffer = "";
      let last: ScannedItem | undefined;
      for (;;) {
        const c = read();
        if (c === "") break;
        if (!isSpecialSymbol(c)) { unread(); break; }
        buffer += c;
        const t = STRING_TO_TOKEN[buffer];
        if (t) last = { tok: t, literal: buffer };
        else if (last) { unread(); break; }
      }
      item = last ?? { tok: "Error", literal: `error expected: keyword found '${buffer}'` };
    } else {
      unread();
      let buffer = "";
      for (;;) {
        const c = read();
        if (c === "") break;
        if (isSpecialSymbol(c) || isWhitespace(c)) { unread(); break; }
        buffer += c;
      }
      item = { tok: STRING_TO_TOKEN[buffer] ?? "Identifier", literal: buffer };
    }
    items.push(item);
    if (item.tok === "EndOfString") return items;
  }
}
