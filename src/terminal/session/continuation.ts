// When a typed line is not a whole command yet: an open here-document, quote or compound
// command makes bash print its PS2 ("> ") and read more lines before running anything.
import { ShellSyntaxError } from "../../shell/ast";
import { parse } from "../../shell/parser";

/** The command needs more lines (an open heredoc, quote, or compound command), as bash's PS2. */
export function incomplete(src: string): boolean {
  if (openHeredoc(src)) return true;
  try {
    parse(src);
    return false;
  } catch (e) {
    return e instanceof ShellSyntaxError && /end of file|unterminated|EOF/.test(e.detail);
  }
}

/** A here-document whose delimiter line has not been typed yet. */
function openHeredoc(src: string): boolean {
  const pending: { delim: string; strip: boolean }[] = [];
  for (const line of src.split("\n")) {
    const h = pending[0];
    if (h) {
      if ((h.strip ? line.replace(/^\t+/, "") : line) === h.delim) pending.shift();
      continue;
    }
    for (const m of line.matchAll(/(?<!<)<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/g)) pending.push({ delim: m[3]!, strip: m[1] === "-" });
  }
  return pending.length > 0;
}
