// Elastic tabstops: a port of Go's text/tabwriter (cells end at '\t', lines at '\n'; a column
// block is a run of consecutive lines that have a cell in that column; every cell of a block is
// padded to the block's widest cell plus `padding`). kubectl's describers write through
// tabwriter.NewWriter(out, 0, 8, 2, ' ', 0) (describe.go tabbedString), `kubectl events` through
// printers.GetNewTabWriter (padding 3). Only the flags kubectl uses (none) are supported.

interface Cell { text: string; width: number; }

/** Formats `text` as a tabwriter with minwidth 0 and pad char ' ' would on Flush. */
export function tabwrite(text: string, padding: number, minwidth = 0): string {
  const lines: Cell[][] = [];
  let cur: Cell[] = [];
  let cell = "";
  for (const ch of text) {
    if (ch === "\t") { cur.push(mkCell(cell, true)); cell = ""; }
    else if (ch === "\n") { cur.push(mkCell(cell, false)); lines.push(cur); cur = []; cell = ""; }
    else cell += ch;
  }
  // The last line is not newline-terminated: kept as a line of its own (Flush writes it without '\n').
  cur.push(mkCell(cell, false));
  lines.push(cur);
  const out: string[] = [];
  const widths: number[] = [];
  format(lines, widths, 0, lines.length, padding, minwidth, out);
  return out.join("");
}

function mkCell(text: string, _terminated: boolean): Cell {
  return { text, width: [...text].length };
}

function format(lines: Cell[][], widths: number[], line0: number, line1: number, padding: number, minwidth: number, out: string[]): void {
  const column = widths.length;
  for (let i = line0; i < line1; i++) {
    if (column >= lines[i].length - 1) continue;
    // A cell exists in this column: write the lines before the block, then size the block.
    writeLines(lines, widths, line0, i, out);
    line0 = i;
    let width = minwidth;
    for (; i < line1; i++) {
      const line = lines[i];
      if (column >= line.length - 1) break;
      const w = line[column].width + padding;
      if (w > width) width = w;
    }
    widths.push(width);
    format(lines, widths, line0, i, padding, minwidth, out);
    widths.pop();
    line0 = i;
    i--; // the for loop's i++ resumes at the line that ended the block
  }
  writeLines(lines, widths, line0, line1, out);
}

function writeLines(lines: Cell[][], widths: number[], line0: number, line1: number, out: string[]): void {
  for (let i = line0; i < line1; i++) {
    const line = lines[i];
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      out.push(c.text);
      if (j < widths.length) out.push(" ".repeat(Math.max(0, widths[j] - c.width)));
    }
    if (i + 1 < lines.length) out.push("\n");
  }
}
