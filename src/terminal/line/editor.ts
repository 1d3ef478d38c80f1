// The terminal's line editor: the subset of GNU readline's emacs mode a kubeadm host's bash
// offers (lib/readline/emacs_keymap.c): cursor motion (arrows, Home/End, Ctrl-A/E, Alt-B/F),
// deletion (Backspace, Delete, Ctrl-D, Ctrl-U/K/W, Ctrl-Y yanks back), history (up/down,
// Ctrl-P/N), Ctrl-L, Ctrl-C. The editor only computes text and the escape sequences to echo;
// running, completion and history storage are the session's.
import type { Key } from "./keys";
import { cells, moveCursor, writeAt } from "./render";

/** What the editor keeps between keystrokes (persisted with the session, so it survives a restart). */
export interface EditorState {
  line: string;
  cursor: number;
  prompt: string;
  /** Index into history while browsing it; history.length when editing a new line. */
  histPos: number;
  /** The line being edited before history browsing started. */
  draft: string;
  /** Text removed by Ctrl-U/K/W, for Ctrl-Y. */
  kill: string;
}

export type EditorEvent =
  | { type: "submit"; line: string }
  | { type: "interrupt" }
  | { type: "eof" }
  | { type: "complete" }
  | { type: "clear" };

export function newEditorState(prompt = ""): EditorState {
  return { line: "", cursor: 0, prompt, histPos: 0, draft: "", kill: "" };
}

export class LineEditor {
  constructor(public state: EditorState, private readonly history: () => string[], public cols = 80) {}

  /** Begin a new line after `prompt`; returns the prompt to print. */
  begin(prompt: string): string {
    this.state = { ...newEditorState(prompt), kill: this.state.kill, histPos: this.history().length };
    return prompt;
  }

  /** The prompt and the line as they are now, with the cursor in place (after a clear or a redraw). */
  redraw(): string {
    const s = this.state;
    const p = cells(s.prompt);
    return writeAt(0, s.prompt + s.line, this.cols) + moveCursor(p + cells(s.line), p + s.cursor, this.cols);
  }

  /** Apply one key: the echo to send and, for Enter/Ctrl-C/Ctrl-D/Tab/Ctrl-L, what the session must do. */
  key(k: Key): { out: string; event?: EditorEvent } {
    const s = this.state;
    switch (k.kind) {
      case "text": return { out: this.insert(k.text) };
      case "enter": return { out: this.moveTo(s.line.length) + "\r\n", event: { type: "submit", line: s.line } };
      case "tab": return { out: "", event: { type: "complete" } };
      case "backspace": return { out: s.cursor > 0 ? this.replace(s.cursor - 1, s.cursor, "") : "" };
      case "delete": return { out: this.deleteForward() };
      case "left": return { out: this.moveTo(s.cursor - 1) };
      case "right": return { out: this.moveTo(s.cursor + 1) };
      case "home": return { out: this.moveTo(0) };
      case "end": return { out: this.moveTo(s.line.length) };
      case "wordLeft": return { out: this.moveTo(wordStart(s.line, s.cursor)) };
      case "wordRight": return { out: this.moveTo(wordEnd(s.line, s.cursor)) };
      case "up": return { out: this.browse(-1) };
      case "down": return { out: this.browse(1) };
      case "ctrl": return this.control(k.key);
      default: return { out: "" };
    }
  }

  private control(c: string): { out: string; event?: EditorEvent } {
    const s = this.state;
    switch (c) {
      case "a": return { out: this.moveTo(0) };
      case "e": return { out: this.moveTo(s.line.length) };
      case "b": return { out: this.moveTo(s.cursor - 1) };
      case "f": return { out: this.moveTo(s.cursor + 1) };
      case "p": return { out: this.browse(-1) };
      case "n": return { out: this.browse(1) };
      case "h": return { out: s.cursor > 0 ? this.replace(s.cursor - 1, s.cursor, "") : "" };
      case "u": return { out: this.killRange(0, s.cursor) };
      case "k": return { out: this.killRange(s.cursor, s.line.length) };
      case "w": return { out: this.killRange(unixWordStart(s.line, s.cursor), s.cursor) };
      case "y": return { out: this.insert(s.kill) };
      case "l": return { out: "", event: { type: "clear" } };
      case "c": return { out: this.moveTo(s.line.length) + "^C\r\n", event: { type: "interrupt" } };
      case "d":
        if (s.line === "") return { out: "", event: { type: "eof" } };
        return { out: this.deleteForward() };
      default: return { out: "" };
    }
  }

  /** Insert text at the cursor (typing, a paste, a completion). */
  insert(text: string): string {
    return text ? this.replace(this.state.cursor, this.state.cursor, text) : "";
  }

  private deleteForward(): string {
    const s = this.state;
    return s.cursor < s.line.length ? this.replace(s.cursor, s.cursor + 1, "", s.cursor) : "";
  }

  private killRange(from: number, to: number): string {
    if (from >= to) return "";
    this.state.kill = this.state.line.slice(from, to);
    return this.replace(from, to, "");
  }

  /** Replace line[from, to) with `text`, leaving the cursor after it (or at `cursorAfter`), and redraw. */
  private replace(from: number, to: number, text: string, cursorAfter?: number): string {
    const s = this.state;
    const p = cells(s.prompt);
    const old = s.line;
    s.line = old.slice(0, from) + text + old.slice(to);
    const target = cursorAfter ?? from + text.length;
    let out = moveCursor(p + s.cursor, p + from, this.cols);
    out += writeAt(p + from, s.line.slice(from), this.cols);
    if (to !== old.length || from !== to) out += "\x1b[J";
    out += moveCursor(p + s.line.length, p + target, this.cols);
    s.cursor = target;
    return out;
  }

  private moveTo(pos: number): string {
    const s = this.state;
    const target = Math.max(0, Math.min(s.line.length, pos));
    const p = cells(s.prompt);
    const out = moveCursor(p + s.cursor, p + target, this.cols);
    s.cursor = target;
    return out;
  }

  /** Up (-1) and down (+1) through history; the draft line comes back past the newest entry. */
  private browse(dir: number): string {
    const s = this.state;
    const hist = this.history();
    const pos = Math.max(0, Math.min(hist.length, s.histPos + dir));
    if (pos === s.histPos) return "";
    if (s.histPos === hist.length) s.draft = s.line;
    s.histPos = pos;
    const next = pos === hist.length ? s.draft : hist[pos]!;
    s.cursor = Math.min(s.cursor, s.line.length);
    return this.replace(0, s.line.length, next);
  }
}

/** Start of the word before the cursor (letters and digits, as readline's backward-word). */
function wordStart(line: string, at: number): number {
  let i = at;
  while (i > 0 && !/[A-Za-z0-9]/.test(line[i - 1]!)) i--;
  while (i > 0 && /[A-Za-z0-9]/.test(line[i - 1]!)) i--;
  return i;
}

function wordEnd(line: string, at: number): number {
  let i = at;
  while (i < line.length && !/[A-Za-z0-9]/.test(line[i]!)) i++;
  while (i < line.length && /[A-Za-z0-9]/.test(line[i]!)) i++;
  return i;
}

/** Ctrl-W (unix-word-rubout) deletes back to the previous whitespace. */
function unixWordStart(line: string, at: number): number {
  let i = at;
  while (i > 0 && line[i - 1] === " ") i--;
  while (i > 0 && line[i - 1] !== " ") i--;
  return i;
}
