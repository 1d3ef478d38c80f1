// What a key means in the terminal's editor: a small vi (kubectl's default editor), with the
// keys a newcomer reaches for working too. Normal mode: arrows/hjkl, 0 ^ $ Home End, gg G,
// PageUp/PageDown (^F ^B), i a I A o O insert, x/Delete, dd, u undo, : commands (:w :q :q! :wq
// :x :<line>), ZZ, ZQ. Insert mode: typing, Enter, Backspace, Delete, arrows, Home/End, pages,
// Tab (two spaces: YAML forbids tabs), Esc back to normal mode. In both modes ^S writes and
// quits, ^X quits (asking once more when there are unwritten changes). Ctrl-C never quits: as
// vim, it ends insert mode and otherwise says how to quit.
// Messages are vim's (E37, E492, the "written" line). Mirrors vim's normal.c, edit.c, ex_docmd.c
// in miniature. No upstream file.
import type { Key } from "../line/keys";
import {
  type TextBuffer, bufferText, clampCursor, deleteBackward, deleteChar, deleteForward, deleteLine, insertText,
  moveHorizontal, moveToFirstNonBlank, moveToLineEnd, moveToLineStart, moveToRow, moveVertical, newBuffer, openLine, splitLine,
} from "./buffer";

export type Mode = "normal" | "insert" | "command";

export interface EditorModel {
  fileName: string;
  buf: TextBuffer;
  mode: Mode;
  /** The `:` command line being typed. */
  cmdline: string;
  /** The first key of a two-key command (`d` of dd, `g` of gg, `Z` of ZZ). */
  pending: string;
  /** The bottom line's message (vim's msg area); empty shows the key help (so it does when the file opens). */
  message: string;
  /** The file as last written (`:w`, ^S), or as opened. */
  saved: string;
  /** Whether anything was written: quitting without ever writing leaves the file as it was. */
  written: boolean;
  /** ^X pressed once with unwritten changes: the next ^X quits anyway. */
  quitArmed: boolean;
  /** Buffer states before each change, for `u`. */
  undo: { lines: string[]; row: number; col: number }[];
  /** First text row and column shown (scrolling; kept by the renderer, moved by page keys). */
  top: number;
  left: number;
}

/** The editor is done: `text` is the file as last written, undefined when it never was. */
export interface EditorExit { text?: string }

export function newModel(fileName: string, text: string): EditorModel {
  return {
    fileName, buf: newBuffer(text), mode: "normal", cmdline: "", pending: "", message: "",
    saved: text, written: false, quitArmed: false, undo: [], top: 0, left: 0,
  };
}

export const isModified = (m: EditorModel): boolean => bufferText(m.buf) !== m.saved;

/** vim's file message: `"/tmp/x.yaml" 30L, 812B`. */
function fileInfo(fileName: string, text: string): string {
  const lines = text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  return `"${fileName}" ${lines}L, ${new TextEncoder().encode(text).length}B`;
}

const UNDO_LIMIT = 100;

function snapshot(m: EditorModel): void {
  m.undo.push({ lines: [...m.buf.lines], row: m.buf.row, col: m.buf.col });
  if (m.undo.length > UNDO_LIMIT) m.undo.shift();
}

/** Apply one key. `page` is the number of text rows on the screen. Returns the exit when the editor is done. */
export function press(m: EditorModel, k: Key, page: number): EditorExit | undefined {
  const wasArmed = m.quitArmed;
  m.quitArmed = false;
  if (k.kind === "ctrl" && k.key === "s") return write(m, true);
  if (k.kind === "ctrl" && k.key === "x") {
    if (isModified(m) && !wasArmed) {
      m.quitArmed = true;
      m.message = "Changes not written: ^S writes and exits, ^X again quits without writing";
      return undefined;
    }
    return exit(m);
  }
  if (m.mode === "command") return commandKey(m, k);
  if (m.mode === "insert") { insertKey(m, k, page); return undefined; }
  return normalKey(m, k, page);
}

const isEsc = (k: Key) => k.kind === "unknown" && k.seq === "\x1b";
const exit = (m: EditorModel): EditorExit => ({ text: m.written ? m.saved : undefined });

/** Keys both modes move with: arrows, Home/End, pages. Returns false for other keys. */
function motion(m: EditorModel, k: Key, page: number, pastEnd: boolean): boolean {
  const b = m.buf;
  switch (k.kind) {
    case "left": moveHorizontal(b, -1, pastEnd); return true;
    case "right": moveHorizontal(b, 1, pastEnd); return true;
    case "up": moveVertical(b, -1, pastEnd); return true;
    case "down": moveVertical(b, 1, pastEnd); return true;
    case "home": moveToLineStart(b); return true;
    case "end": moveToLineEnd(b, pastEnd); return true;
    case "pageUp": scrollPage(m, -1, page, pastEnd); return true;
    case "pageDown": scrollPage(m, 1, page, pastEnd); return true;
  }
  return false;
}

/** PageUp/PageDown (vim's ^B/^F): the view and the cursor move by a screen less two lines. */
function scrollPage(m: EditorModel, dir: number, page: number, pastEnd: boolean): void {
  const step = Math.max(1, page - 2);
  const last = m.buf.lines.length - 1;
  m.top = Math.max(0, Math.min(Math.max(0, last - page + 1), m.top + dir * step));
  moveVertical(m.buf, dir * step, pastEnd);
}

function insertKey(m: EditorModel, k: Key, page: number): void {
  const b = m.buf;
  if (isEsc(k) || (k.kind === "ctrl" && k.key === "c")) {
    m.mode = "normal";
    m.message = "";
    moveHorizontal(b, -1, false);
    return;
  }
  if (motion(m, k, page, true)) return;
  switch (k.kind) {
    case "text": insertText(b, k.text.replace(/[\x00-\x1f]/g, "")); return;
    case "tab": insertText(b, "  "); return;
    case "enter": splitLine(b); return;
    case "backspace": deleteBackward(b); return;
    case "delete": deleteForward(b); return;
    case "ctrl": if (k.key === "h") deleteBackward(b); return;
  }
}

function enterInsert(m: EditorModel): void {
  snapshot(m);
  m.mode = "insert";
  m.message = "";
}

function normalKey(m: EditorModel, k: Key, page: number): EditorExit | undefined {
  const b = m.buf;
  if (k.kind !== "text") {
    m.pending = "";
    if (motion(m, k, page, false)) return undefined;
    if (k.kind === "delete") { snapshot(m); if (!deleteChar(b)) m.undo.pop(); }
    else if (k.kind === "backspace") moveHorizontal(b, -1, false);
    else if (k.kind === "enter") moveToRow(b, b.row + 1);
    else if (k.kind === "ctrl" && k.key === "f") scrollPage(m, 1, page, false);
    else if (k.kind === "ctrl" && k.key === "b") scrollPage(m, -1, page, false);
    else if (k.kind === "ctrl" && k.key === "c") m.message = "Type  :q!  and press <Enter> to abandon all changes and exit";
    return undefined;
  }
  // Typed text in normal mode is a run of commands (a paste of "ihello" inserts "hello").
  const chars = [...k.text];
  for (let i = 0; i < chars.length; i++) {
    const c = m.pending + chars[i]!;
    m.pending = "";
    const done = normalChar(m, c);
    if (done) return done;
    if (m.mode === "insert" && i + 1 < chars.length) { insertKey(m, { kind: "text", text: chars.slice(i + 1).join("") }, page); return undefined; }
    if (m.mode === "command" && i + 1 < chars.length) { m.cmdline += chars.slice(i + 1).join(""); return undefined; }
  }
  return undefined;
}

/** One normal-mode command character (or a two-key command completed by it). */
function normalChar(m: EditorModel, c: string): EditorExit | undefined {
  const b = m.buf;
  // A two-key command not listed (`dj`, `gx`) does nothing, as the pending key is dropped.
  switch (c) {
    case "h": moveHorizontal(b, -1, false); break;
    case "l": case " ": moveHorizontal(b, 1, false); break;
    case "j": moveVertical(b, 1, false); break;
    case "k": moveVertical(b, -1, false); break;
    case "0": moveToLineStart(b); break;
    case "^": moveToFirstNonBlank(b); break;
    case "$": moveToLineEnd(b, false); break;
    case "G": moveToRow(b, b.lines.length - 1); break;
    case "gg": moveToRow(b, 0); break;
    case "i": enterInsert(m); break;
    case "a": enterInsert(m); moveHorizontal(b, b.lines[b.row]!.length ? 1 : 0, true); break;
    case "I": enterInsert(m); moveToFirstNonBlank(b); break;
    case "A": enterInsert(m); moveToLineEnd(b, true); break;
    case "o": enterInsert(m); openLine(b, true); break;
    case "O": enterInsert(m); openLine(b, false); break;
    case "x": snapshot(m); if (!deleteChar(b)) m.undo.pop(); break;
    case "dd": snapshot(m); deleteLine(b); break;
    case "u": undoChange(m); break;
    case ":": m.mode = "command"; m.cmdline = ""; m.message = ""; break;
    case "ZZ": return write(m, true);
    case "ZQ": return exit(m);
    case "d": case "g": case "Z": m.pending = c; break;
  }
  return undefined;
}

function undoChange(m: EditorModel): void {
  const prev = m.undo.pop();
  if (!prev) { m.message = "Already at oldest change"; return; }
  m.buf.lines = prev.lines;
  m.buf.row = prev.row;
  m.buf.col = prev.col;
  clampCursor(m.buf, false);
  m.buf.want = m.buf.col;
}

function commandKey(m: EditorModel, k: Key): EditorExit | undefined {
  if (isEsc(k) || (k.kind === "ctrl" && k.key === "c")) { m.mode = "normal"; m.cmdline = ""; return undefined; }
  if (k.kind === "text") m.cmdline += k.text;
  else if (k.kind === "backspace") {
    if (!m.cmdline) m.mode = "normal";
    m.cmdline = m.cmdline.slice(0, -1);
  } else if (k.kind === "enter") {
    const cmd = m.cmdline.trim();
    m.mode = "normal";
    m.cmdline = "";
    return runCommand(m, cmd);
  }
  return undefined;
}

/** An ex command typed after `:`. */
function runCommand(m: EditorModel, cmd: string): EditorExit | undefined {
  if (/^\d+$/.test(cmd)) { moveToRow(m.buf, Number(cmd) - 1); return undefined; }
  switch (cmd) {
    case "": return undefined;
    case "w": case "w!": write(m, false); return undefined;
    case "wq": case "wq!": case "x": case "x!": return write(m, true);
    case "q":
      if (isModified(m)) { m.message = "E37: No write since last change (add ! to override)"; return undefined; }
      return exit(m);
    case "q!": return exit(m);
    default: m.message = `E492: Not an editor command: ${cmd}`; return undefined;
  }
}

/** Write the buffer as the file; with `quit`, the editor is done. */
function write(m: EditorModel, quit: boolean): EditorExit | undefined {
  m.saved = bufferText(m.buf);
  m.written = true;
  m.message = `${fileInfo(m.fileName, m.saved)} written`;
  return quit ? { text: m.saved } : undefined;
}
