// Go's text/tabwriter as kubectl configures it (cli-runtime/pkg/printers/tabwriter.go: minwidth
// 6, padding 3, pad with spaces, RememberWidths so `get -w` rows keep the header's alignment).
// Cells end with "\t"; the text after a line's last tab is not aligned.
const MIN_WIDTH = 6;
const PADDING = 3;

export class TabWriter {
  private lines: string[][] = [];
  private widths: number[] = [];

  /** Queue text; complete lines are kept until flush. */
  write(text: string): void {
    const parts = text.split("\n");
    for (let i = 0; i < parts.length - 1; i++) this.lines.push(parts[i]!.split("\t"));
    if (parts[parts.length - 1]) this.lines.push(parts[parts.length - 1]!.split("\t"));
  }

  /** Format the queued lines; column widths never shrink below those of earlier flushes. */
  flush(): string {
    const widths = [...this.widths];
    for (const cells of this.lines) {
      for (let c = 0; c < cells.length - 1; c++) {
        const w = Math.max(MIN_WIDTH, width(cells[c]!) + PADDING);
        if (widths[c] === undefined || w > widths[c]!) widths[c] = w;
      }
    }
    let out = "";
    for (const cells of this.lines) {
      let line = "";
      for (let c = 0; c < cells.length - 1; c++) line += cells[c]! + " ".repeat(widths[c]! - width(cells[c]!));
      line += cells[cells.length - 1]!;
      out += line + "\n";
    }
    this.widths = widths;
    this.lines = [];
    return out;
  }

  resetWidths(): void {
    this.widths = [];
  }
}

/** Display width in runes (tabwriter counts UTF-8 runes). */
function width(s: string): number {
  return [...s].length;
}
