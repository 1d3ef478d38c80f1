// The terminal's full-screen editor, what `kubectl edit` opens in the web terminal where a real
// host runs $KUBE_EDITOR / $EDITOR (default `vi`). It is a small vi, because that is what kubectl
// starts on a real host and what tutorials tell people to type (i, Esc, :wq, :q!); the bottom
// line always shows the keys, and ^S (save and exit) / ^X (quit) work in every mode for those
// who know nano. It draws on the alternate screen (as vim does with xterm's smcup/rmcup), so
// the shell's screen comes back as it was. Keys arrive already split by the line editor's
// decoder (src/terminal/line/keys.ts); this class turns them into model changes (keymap.ts) and
// the model into screen updates (render.ts). No upstream file.
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN } from "../commands/watch";
import type { Key } from "../line/keys";
import { type EditorExit, type EditorModel, newModel, press } from "./keymap";
import { type Frame, frame, paint, paintAll, textRows } from "./render";

export class ScreenEditor {
  readonly model: EditorModel;
  private shown?: Frame;

  constructor(fileName: string, text: string, private cols: number, private rows: number) {
    this.model = newModel(fileName, text);
  }

  /** What opens the editor: the alternate screen and the first full draw. */
  open(): string {
    return ENTER_ALT_SCREEN + this.redraw();
  }

  /** The whole screen again (a resize, a socket that attaches while the editor is open). */
  redraw(): string {
    this.shown = frame(this.model, this.cols, this.rows);
    return paintAll(this.shown);
  }

  resize(cols: number, rows: number): string {
    this.cols = cols;
    this.rows = rows;
    return this.redraw();
  }

  /** One key: the screen update, and the exit once the editor is done (then `out` leaves the alternate screen). */
  key(k: Key): { out: string; exit?: EditorExit } {
    const exit = press(this.model, k, textRows(this.rows));
    if (exit) return { out: LEAVE_ALT_SCREEN, exit };
    const next = frame(this.model, this.cols, this.rows);
    const out = this.shown ? paint(this.shown, next, this.cols) : paintAll(next);
    this.shown = next;
    return { out };
  }
}
