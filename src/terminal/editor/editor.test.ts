// The terminal editor as a person sees it: keys typed as xterm sends them, the screen read back
// through a small terminal model (the sequences the editor emits), and the text it hands back.
import { describe, expect, it } from "vitest";
import { parseKeys } from "../line/keys";
import { ScreenEditor } from "./editor";

/** A fixed-size terminal: printable text with pending wrap, CR, LF, CUU/CUD/CUF, CUP home, ED 2, EL, SGR, 1049. */
class Vt {
  grid: string[][];
  row = 0;
  col = 0;
  alt = false;
  private wrap = false;
  constructor(readonly cols: number, readonly rows: number) { this.grid = this.blank(); }
  private blank(): string[][] { return Array.from({ length: this.rows }, () => Array<string>(this.cols).fill(" ")); }
  write(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === "\x1b") {
        const m = /^\x1b\[(\??[0-9;]*)([@-~])/.exec(s.slice(i))!;
        expect(m, `escape at ${JSON.stringify(s.slice(i, i + 8))}`).toBeTruthy();
        i += m[0].length - 1;
        const n = Number(m[1]) || 1;
        this.wrap = false;
        if (m[2] === "A") this.row = Math.max(0, this.row - n);
        else if (m[2] === "B") this.row = Math.min(this.rows - 1, this.row + n);
        else if (m[2] === "C") this.col = Math.min(this.cols - 1, this.col + n);
        else if (m[2] === "H") { expect(m[1]).toBe(""); this.row = 0; this.col = 0; }
        else if (m[2] === "J") { expect(m[1]).toBe("2"); this.grid = this.blank(); }
        else if (m[2] === "K") for (let c = this.col; c < this.cols; c++) this.grid[this.row]![c] = " ";
        else if (m[2] === "h" || m[2] === "l") { expect(m[1]).toBe("?1049"); this.alt = m[2] === "h"; }
        else expect(m[2]).toBe("m");
        continue;
      }
      if (ch === "\r") { this.col = 0; this.wrap = false; continue; }
      if (ch === "\n") { expect(this.row, "the editor never scrolls the screen").toBeLessThan(this.rows - 1); this.row++; this.wrap = false; continue; }
      if (this.wrap) { expect(this.row).toBeLessThan(this.rows - 1); this.row++; this.col = 0; this.wrap = false; }
      this.grid[this.row]![this.col] = ch;
      if (this.col === this.cols - 1) this.wrap = true;
      else this.col++;
    }
  }
  text(): string { return this.grid.map((r) => r.join("").trimEnd()).join("\n"); }
  line(r: number): string { return this.grid[r]!.join("").trimEnd(); }
}

const YAML = "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: nginx\n  name: nginx\n";

function open(text = YAML, cols = 40, rows = 8) {
  const ed = new ScreenEditor("/tmp/kubectl-edit-1.yaml", text, cols, rows);
  const vt = new Vt(cols, rows);
  vt.write(ed.open());
  let exit: { text?: string } | undefined;
  const type = (data: string) => {
    for (const k of parseKeys(data)) {
      expect(exit, "no key after the editor exited").toBeUndefined();
      const r = ed.key(k);
      vt.write(r.out);
      exit = r.exit;
    }
  };
  /** The incremental screen must equal a fresh full draw of the same state. */
  const consistent = () => {
    const fresh = new Vt(cols, rows);
    fresh.write(ed.redraw());
    expect(vt.text()).toBe(fresh.text());
    expect([vt.row, vt.col]).toEqual([fresh.row, fresh.col]);
  };
  return { ed, vt, type, consistent, exit: () => exit };
}

describe("terminal editor", () => {
  it("opens on the alternate screen with the file, `~` past its end, the status bar and the key help", () => {
    const { vt } = open(YAML, 40, 9);
    expect(vt.alt).toBe(true);
    expect(vt.text()).toBe([
      "apiVersion: v1", "kind: Pod", "metadata:", "  labels:", "    run: nginx", "  name: nginx", "~",
      " /tmp/kubectl-edit-1.yaml  1,1  6 lines",
      "i insert  :wq save and exit  :q! quit w",
    ].join("\n"));
    expect([vt.row, vt.col]).toEqual([0, 0]);
  });

  it("edits a label in insert mode and writes with :wq", () => {
    const t = open();
    t.type("jjjj$");
    expect([t.vt.row, t.vt.col]).toEqual([4, 13]);
    t.type("a-v2");
    expect(t.vt.line(7)).toBe("-- INSERT --  Esc stops inserting  ^S s");
    expect(t.vt.line(4)).toBe("    run: nginx-v2");
    expect(t.vt.line(6)).toContain("[+]");
    t.consistent();
    t.type("\x1b:wq");
    expect(t.vt.line(7)).toBe(":wq");
    t.type("\r");
    expect(t.exit()).toEqual({ text: YAML.replace("run: nginx", "run: nginx-v2") });
    expect(t.vt.alt).toBe(false);
  });

  it("refuses :q with changes (E37), quits with :q! handing back nothing when nothing was written", () => {
    const t = open();
    t.type("x:q\r");
    expect(t.vt.line(7)).toBe("E37: No write since last change (add !");
    expect(t.exit()).toBeUndefined();
    t.type(":q!\r");
    expect(t.exit()).toEqual({ text: undefined });
  });

  it("hands back the last written text on :q! after :w", () => {
    const t = open();
    t.type("ddu");
    expect(t.vt.line(0)).toBe("apiVersion: v1");
    t.type("dd:w\r");
    expect(t.vt.line(7)).toBe(`"/tmp/kubectl-edit-1.yaml" 5L, 59B writ`);
    t.type("dd:q!\r");
    expect(t.exit()).toEqual({ text: YAML.replace("apiVersion: v1\n", "") });
  });

  it("ignores Ctrl-C: it ends insert mode, then says how to quit", () => {
    const t = open();
    t.type("ihi\x03");
    expect(t.vt.line(0)).toBe("hiapiVersion: v1");
    expect([t.vt.row, t.vt.col]).toEqual([0, 1]);
    t.type("\x03");
    expect(t.vt.line(7)).toBe("Type  :q!  and press <Enter> to abandon");
    expect(t.exit()).toBeUndefined();
    t.consistent();
  });

  it("saves with ^S and asks before ^X drops changes", () => {
    const t = open();
    t.type("\x18");
    expect(t.exit()).toEqual({ text: undefined });
    const u = open();
    u.type("A!\x18");
    expect(u.vt.line(7)).toBe("Changes not written: ^S writes and exit");
    expect(u.exit()).toBeUndefined();
    u.type("\x13");
    expect(u.exit()).toEqual({ text: YAML.replace("v1\n", "v1!\n") });
  });

  it("splits lines with Enter, joins them with Backspace and Delete, indents with Tab", () => {
    const t = open("ab\ncd\n");
    t.type("li\r");
    expect(t.vt.text().split("\n").slice(0, 3)).toEqual(["a", "b", "cd"]);
    t.type("\x7f");
    expect(t.vt.line(0)).toBe("ab");
    t.type("\x1b[F\x1b[3~\t");
    expect(t.vt.line(0)).toBe("ab  cd");
    t.consistent();
    t.type("\x1b\x1b[H\x1b[3~");
    expect(t.vt.line(0)).toBe("b  cd");
    t.type(":wq\r");
    expect(t.exit()).toEqual({ text: "b  cd\n" });
  });

  it("scrolls long files with the arrows, PageUp/PageDown, G and gg", () => {
    const text = Array.from({ length: 30 }, (_, i) => `line${i + 1}`).join("\n") + "\n";
    const t = open(text, 20, 6);
    t.type("\x1b[B".repeat(5));
    expect(t.vt.text().split("\n").slice(0, 4)).toEqual(["line3", "line4", "line5", "line6"]);
    expect([t.vt.row, t.vt.col]).toEqual([3, 0]);
    t.type("\x1b[6~");
    expect(t.vt.line(0)).toBe("line5");
    expect(t.vt.line(4)).toBe(" /tmp/kubectl-edit-1");
    t.type("G");
    expect(t.vt.line(3)).toBe("line30");
    expect([t.vt.row, t.vt.col]).toEqual([3, 0]);
    t.consistent();
    t.type("gg\x1b[5~");
    expect(t.vt.line(0)).toBe("line1");
    t.consistent();
  });

  it("scrolls sideways on long lines and keeps the cursor on its character", () => {
    const long = "x".repeat(25) + "END";
    const t = open(`short\n${long}\n`, 20, 6);
    t.type("j$");
    expect(t.vt.line(1)).toBe("x".repeat(17) + "END");
    expect([t.vt.row, t.vt.col]).toEqual([1, 19]);
    expect(t.vt.line(0)).toBe("");
    t.type("0");
    expect(t.vt.line(1)).toBe("x".repeat(20));
    expect(t.vt.line(0)).toBe("short");
    t.consistent();
  });

  it("keeps the wanted column across short lines and redraws on resize", () => {
    const t = open("abcdef\nab\nabcdef\n");
    t.type("$jj");
    expect([t.vt.row, t.vt.col]).toEqual([2, 5]);
    t.type("k");
    expect([t.vt.row, t.vt.col]).toEqual([1, 1]);
    const vt = new Vt(30, 5);
    vt.write(t.ed.resize(30, 5));
    expect(vt.text()).toBe(["abcdef", "ab", "abcdef", " /tmp/kubectl-edit-1.yaml", "i insert  :wq save and exit"].join("\n"));
    expect([vt.row, vt.col]).toEqual([1, 1]);
  });

  it("says which command is unknown", () => {
    const t = open();
    t.type(":wat\r");
    expect(t.vt.line(7)).toBe("E492: Not an editor command: wat");
    t.type(":3\r");
    expect([t.vt.row, t.vt.col]).toEqual([2, 0]);
  });
});
