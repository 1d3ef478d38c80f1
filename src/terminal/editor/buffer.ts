// The text being edited in the terminal's full-screen editor: lines and a cursor, with the
// motions and edits vi and nano offer (characters, line joins and splits, whole lines). Pure
// data and functions; the keymap (keymap.ts) decides which edit a key means and the renderer
// (render.ts) draws it. Columns count UTF-16 units, one screen cell each (the YAML kubectl
// writes is ASCII outside string values). Mirrors vim's buffer/cursor model (src/memline.c,
// src/edit.c) in miniature. No upstream file.

export interface TextBuffer {
  lines: string[];
  row: number;
  col: number;
  /** The column up/down try to keep (vim's w_curswant), so moving through a short line does not lose it. */
  want: number;
}

export function newBuffer(text: string): TextBuffer {
  const lines = text.split("\n");
  // A file ending with a newline has no extra empty line (as vi shows it).
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return { lines, row: 0, col: 0, want: 0 };
}

/** The file's text: lines ended with newlines, as vi writes it. */
export function bufferText(b: TextBuffer): string {
  return b.lines.length === 1 && b.lines[0] === "" ? "" : b.lines.join("\n") + "\n";
}

const line = (b: TextBuffer): string => b.lines[b.row] ?? "";

/**
 * Keep the cursor on the text. In vi's normal mode the cursor sits on a character (at most the
 * last one); in insert mode it may be just past the end.
 */
export function clampCursor(b: TextBuffer, pastEnd: boolean): void {
  b.row = Math.max(0, Math.min(b.lines.length - 1, b.row));
  const max = Math.max(0, line(b).length - (pastEnd ? 0 : 1));
  b.col = Math.max(0, Math.min(max, b.col));
}

export function moveHorizontal(b: TextBuffer, delta: number, pastEnd: boolean): void {
  b.col += delta;
  clampCursor(b, pastEnd);
  b.want = b.col;
}

/** Up/down (and page up/down): the row changes, the column returns to the wanted one where it fits. */
export function moveVertical(b: TextBuffer, delta: number, pastEnd: boolean): void {
  b.row += delta;
  b.col = b.want;
  clampCursor(b, pastEnd);
}

export function moveToLineStart(b: TextBuffer): void {
  b.col = 0;
  b.want = 0;
}

/** End of the line; up/down then stay at the end of each line (vim's curswant = MAXCOL). */
export function moveToLineEnd(b: TextBuffer, pastEnd: boolean): void {
  b.col = line(b).length;
  clampCursor(b, pastEnd);
  b.want = Number.MAX_SAFE_INTEGER;
}

/** The first non-blank character of the line (vi's `^`, and where `I` inserts). */
export function moveToFirstNonBlank(b: TextBuffer): void {
  b.col = line(b).length - line(b).trimStart().length;
  clampCursor(b, false);
  b.want = b.col;
}

export function moveToRow(b: TextBuffer, row: number): void {
  b.row = row;
  clampCursor(b, false);
  moveToFirstNonBlank(b);
}

/** Insert text (no newlines) at the cursor, leaving the cursor after it. */
export function insertText(b: TextBuffer, text: string): void {
  const l = line(b);
  b.lines[b.row] = l.slice(0, b.col) + text + l.slice(b.col);
  b.col += text.length;
  b.want = b.col;
}

/** Enter: split the line at the cursor; the cursor goes to the start of the new line. */
export function splitLine(b: TextBuffer): void {
  const l = line(b);
  b.lines.splice(b.row, 1, l.slice(0, b.col), l.slice(b.col));
  b.row++;
  b.col = 0;
  b.want = 0;
}

/** Backspace: the character before the cursor, or at a line start the line break (joining with the line above). */
export function deleteBackward(b: TextBuffer): boolean {
  if (b.col > 0) {
    const l = line(b);
    b.lines[b.row] = l.slice(0, b.col - 1) + l.slice(b.col);
    b.col--;
  } else if (b.row > 0) {
    const prev = b.lines[b.row - 1]!;
    b.lines.splice(b.row - 1, 2, prev + line(b));
    b.row--;
    b.col = prev.length;
  } else return false;
  b.want = b.col;
  return true;
}

/** Delete: the character under the cursor, or at a line end the line break (joining the next line). */
export function deleteForward(b: TextBuffer): boolean {
  const l = line(b);
  if (b.col < l.length) b.lines[b.row] = l.slice(0, b.col) + l.slice(b.col + 1);
  else if (b.row < b.lines.length - 1) b.lines.splice(b.row, 2, l + b.lines[b.row + 1]!);
  else return false;
  return true;
}

/** vi's `x`: the character under the cursor only (never the line break). */
export function deleteChar(b: TextBuffer): boolean {
  if (b.col >= line(b).length) return false;
  deleteForward(b);
  clampCursor(b, false);
  b.want = b.col;
  return true;
}

/** vi's `dd`: the whole line; the buffer keeps one empty line when the last one goes. */
export function deleteLine(b: TextBuffer): void {
  b.lines.splice(b.row, 1);
  if (!b.lines.length) b.lines.push("");
  clampCursor(b, false);
  moveToFirstNonBlank(b);
}

/** vi's `o` (below) and `O` (above): a new line indented like the current one, the cursor on it. */
export function openLine(b: TextBuffer, below: boolean): void {
  const indent = /^\s*/.exec(line(b))![0];
  const at = below ? b.row + 1 : b.row;
  b.lines.splice(at, 0, indent);
  b.row = at;
  b.col = indent.length;
  b.want = b.col;
}
