// Drawing the terminal's editor: the screen as rows of text (file lines, `~` past the end as vi
// shows them, an inverse status bar with the file name and position, and a bottom line for
// messages, the `:` command or the key help), and the escape sequences that bring the terminal
// from the previous frame to the next one. Only changed rows are rewritten, as curses does
// (ncurses doupdate), so a keystroke costs a line of output, not a screen, in the session's
// scroll-back. Long lines do not wrap: the view scrolls sideways to keep the cursor visible
// (vim's `nowrap`). Cursor motion is relative (CUU/CUD, CR, CUF) from the known position.
import { type EditorModel, isModified } from "./keymap";

export interface Frame {
  rows: string[];
  /** Where the cursor is left: screen row and column. */
  cursor: { row: number; col: number };
}

const INVERSE = "\x1b[7m", PLAIN = "\x1b[m";

/** Rows of file text on a screen of `rows` rows: all but the status bar and the message line. */
export function textRows(rows: number): number {
  return Math.max(1, rows - 2);
}

/** Move the view (top row, left column) so the cursor is on the screen. */
export function scrollIntoView(m: EditorModel, cols: number, rows: number): void {
  const page = textRows(rows);
  const { row, col } = m.buf;
  if (row < m.top) m.top = row;
  if (row >= m.top + page) m.top = row - page + 1;
  if (col < m.left) m.left = col;
  if (col >= m.left + cols) m.left = col - cols + 1;
}

/** Control characters (a tab in a string value) shown as one cell, so columns stay one per character. */
const visible = (s: string): string => s.replace(/[\x00-\x1f\x7f]/g, "?");

const HELP = {
  normal: "i insert  :wq save and exit  :q! quit without saving  (^S save+exit  ^X quit)",
  insert: "-- INSERT --  Esc stops inserting  ^S save and exit  ^X quit",
};

/** The screen for the model at `cols` x `rows`. */
export function frame(m: EditorModel, cols: number, rows: number): Frame {
  scrollIntoView(m, cols, rows);
  const page = textRows(rows);
  const out: string[] = [];
  for (let r = 0; r < page; r++) {
    const line = m.buf.lines[m.top + r];
    out.push(line === undefined ? "~" : visible(line.slice(m.left, m.left + cols)));
  }
  const pos = `${m.buf.row + 1},${m.buf.col + 1}`;
  const name = ` ${m.fileName}${isModified(m) ? " [+]" : ""}`;
  const right = `${pos}  ${m.buf.lines.length} lines `;
  const bar = name.length + right.length <= cols ? name + " ".repeat(cols - name.length - right.length) + right : name.slice(0, cols).padEnd(cols);
  if (rows >= 3) out.push(INVERSE + bar + PLAIN);
  const bottom = m.mode === "command" ? ":" + m.cmdline : m.message || (m.mode === "insert" ? HELP.insert : HELP.normal);
  // The last cell stays empty: writing it would leave the terminal waiting to wrap (or scroll).
  const shown = m.mode === "command" ? visible(bottom).slice(-(cols - 1)) : visible(bottom).slice(0, cols - 1);
  out.push(shown);
  const cursor = m.mode === "command"
    ? { row: out.length - 1, col: shown.length }
    : { row: m.buf.row - m.top, col: m.buf.col - m.left };
  return { rows: out, cursor };
}

/** Cells a row takes on the screen (its escape sequences take none). */
const width = (row: string): number => row.replace(/\x1b\[[0-9;]*m/g, "").length;

/** Everything, from a cleared screen. */
export function paintAll(next: Frame): string {
  return "\x1b[H\x1b[2J" + next.rows.join("\r\n") + place(next.rows.length - 1, next.cursor);
}

/** The rows that differ from `prev`, then the cursor. */
export function paint(prev: Frame, next: Frame, cols: number): string {
  if (prev.rows.length !== next.rows.length) return paintAll(next);
  let out = "";
  let at = prev.cursor.row;
  for (let r = 0; r < next.rows.length; r++) {
    if (next.rows[r] === prev.rows[r]) continue;
    out += vertical(at, r) + "\r" + next.rows[r] + (width(next.rows[r]!) < cols ? "\x1b[K" : "");
    at = r;
  }
  if (!out && prev.cursor.row === next.cursor.row && prev.cursor.col === next.cursor.col) return "";
  return out + place(at, next.cursor);
}

function vertical(from: number, to: number): string {
  return to < from ? `\x1b[${from - to}A` : to > from ? `\x1b[${to - from}B` : "";
}

/** From somewhere on row `from` to the cursor's cell. */
function place(from: number, c: { row: number; col: number }): string {
  return vertical(from, c.row) + "\r" + (c.col > 0 ? `\x1b[${c.col}C` : "");
}
