// PrefixWriter and tabbedString of staging/src/k8s.io/kubectl/pkg/describe/describe.go: text is
// written at a nesting level (two spaces a level), terminal escapes are neutralised as
// printers.WriteEscaped does, and everything is aligned by a tabwriter (padding 2) on flush.
// Flush (DescribeEvents calls it before the events table) closes the current alignment blocks.
import { tabwrite } from "./tabwriter";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** printers.EscapeTerminal (k8s.io/cli-runtime/pkg/printers/terminal.go). */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, "^[").replace(/\r/g, "\\r");
}

export class PrefixWriter {
  private flushed: string[] = [];
  private pending = "";

  /** Write(level, text): `text` is the already formatted string (Go's Sprintf done by the caller). */
  write(level: number, text: string): void {
    this.pending += escapeTerminal("  ".repeat(level) + text);
  }

  /** WriteLine(a...): fmt.Sprintln of the arguments. */
  writeLine(...a: string[]): void {
    this.pending += escapeTerminal(a.join(" ") + "\n");
  }

  flush(): void {
    this.flushed.push(tabwrite(this.pending, 2));
    this.pending = "";
  }

  /** tabbedString's result: the flushed text. */
  toString(): string {
    this.flush();
    return this.flushed.join("");
  }
}

/** NestedPrefixWriter: the same writer with every level shifted by `indent`. */
export class NestedPrefixWriter {
  constructor(private readonly w: PrefixWriter | NestedPrefixWriter, private readonly indent: number) {}
  write(level: number, text: string): void { this.w.write(level + this.indent, text); }
  writeLine(...a: string[]): void { this.w.write(this.indent, a.join(" ") + "\n"); }
  flush(): void { this.w.flush(); }
}

export type Writer = PrefixWriter | NestedPrefixWriter;

/** tabbedString(f): runs f on a fresh writer and returns the aligned text. */
export async function tabbedString(f: (w: PrefixWriter) => void | Promise<void>): Promise<string> {
  const w = new PrefixWriter();
  await f(w);
  return w.toString();
}
