// Cursor arithmetic for an input line that may wrap over several terminal rows: positions are
// counted in cells from the start of the prompt, and the cursor is moved with CSI sequences as
// readline's display code does (lib/readline/display.c, _rl_move_cursor_relative / _rl_move_vert).

/** The escape sequences that move the cursor from cell `from` to cell `to` (both from the prompt's start). */
export function moveCursor(from: number, to: number, cols: number): string {
  const fr = Math.floor(from / cols), fc = from % cols;
  const tr = Math.floor(to / cols), tc = to % cols;
  let s = "";
  if (tr < fr) s += `\x1b[${fr - tr}A`;
  else if (tr > fr) s += `\x1b[${tr - fr}B`;
  if (tc !== fc) s += tc === 0 ? "\r" : tc > fc && tr === fr ? `\x1b[${tc - fc}C` : `\r\x1b[${tc}C`;
  return s;
}

/**
 * Write `text` starting at cell `at`; when it ends exactly on the right margin the terminal waits
 * to wrap, so a CR LF puts the cursor where the arithmetic expects it (the first cell of the next row).
 */
export function writeAt(at: number, text: string, cols: number): string {
  if (!text) return "";
  const end = at + text.length;
  return text + (end % cols === 0 ? "\r\n" : "");
}

/** Display width of a string (one cell per character; the shell prints no wide characters). */
export function cells(s: string): number {
  return [...s].length;
}
