// WrapString of github.com/mitchellh/go-wordwrap (v1.0.1), which kubectl explain's `wrap`
// template function uses (pkg/util/term NewWordWrapWriter): words move to the next line when the
// line would pass `lim` runes; a word longer than the limit stays on its own line; spaces at a
// break are dropped; '\n' in the input resets the line; NBSP is not a break.

const isSpace = (ch: string) => ch !== "\u00a0" && /\s/u.test(ch);

export function wrapString(s: string, lim: number): string {
  let buf = "";
  let current = 0;
  let word = "";
  let wordLen = 0;
  let space = "";
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === "\n") {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else { current += spaceLen; buf += space; }
        space = ""; spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        space = ""; spaceLen = 0; word = ""; wordLen = 0;
      }
      buf += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = ""; spaceLen = 0; word = ""; wordLen = 0;
      }
      space += ch; spaceLen++;
    } else {
      word += ch; wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += "\n";
        current = 0;
        space = ""; spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) { if (current + spaceLen <= lim) buf += space; }
  else buf += space + word;
  return buf;
}
