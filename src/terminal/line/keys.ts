// Splits what a terminal sends (xterm.js `onData`) into keys: escape sequences for the arrows,
// Home/End/Delete/PageUp/PageDown, control characters, and runs of printable text. Mirrors how readline
// (bash's line editor, lib/readline/keymaps.c) binds the sequences an xterm sends.

export type Key =
  | { kind: "text"; text: string }
  | { kind: "enter" }
  | { kind: "tab" }
  | { kind: "backspace" }
  | { kind: "delete" }
  | { kind: "left" } | { kind: "right" } | { kind: "up" } | { kind: "down" }
  | { kind: "home" } | { kind: "end" }
  /** PageUp / PageDown (readline leaves them unbound; the full-screen editor pages with them). */
  | { kind: "pageUp" } | { kind: "pageDown" }
  | { kind: "wordLeft" } | { kind: "wordRight" }
  /** A control character not listed above: "a" for Ctrl-A, "c" for Ctrl-C… */
  | { kind: "ctrl"; key: string }
  | { kind: "unknown"; seq: string };

const CSI_KEYS: Record<string, Key["kind"]> = {
  A: "up", B: "down", C: "right", D: "left", H: "home", F: "end",
  "1~": "home", "7~": "home", "4~": "end", "8~": "end", "3~": "delete", "5~": "pageUp", "6~": "pageDown",
  "1;5C": "wordRight", "1;5D": "wordLeft", "1;3C": "wordRight", "1;3D": "wordLeft",
};

/** Parse one chunk of terminal input into keys. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = "";
  const flush = () => {
    if (text) keys.push({ kind: "text", text });
    text = "";
  };
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]!;
    const code = ch.charCodeAt(0);
    if (ch === "\x1b") {
      flush();
      const [key, len] = escape(data, i);
      keys.push(key);
      i += len - 1;
    } else if (ch === "\r" || ch === "\n") {
      flush();
      keys.push({ kind: "enter" });
      if (ch === "\r" && data[i + 1] === "\n") i++;
    } else if (ch === "\t") {
      flush();
      keys.push({ kind: "tab" });
    } else if (ch === "\x7f" || ch === "\b") {
      flush();
      keys.push({ kind: "backspace" });
    } else if (code < 0x20) {
      flush();
      keys.push({ kind: "ctrl", key: String.fromCharCode(code + 0x60) });
    } else {
      text += ch;
    }
  }
  flush();
  return keys;
}

/** One escape sequence at `i`: the key and how many characters it used. */
function escape(data: string, i: number): [Key, number] {
  const next = data[i + 1];
  if (next === "[") {
    let j = i + 2;
    while (j < data.length && !/[@-~]/.test(data[j]!)) j++;
    const body = data.slice(i + 2, j + 1);
    const kind = CSI_KEYS[body];
    return [kind ? ({ kind } as Key) : { kind: "unknown", seq: data.slice(i, j + 1) }, j + 1 - i];
  }
  if (next === "O" && i + 2 < data.length) {
    const kind = CSI_KEYS[data[i + 2]!];
    return [kind ? ({ kind } as Key) : { kind: "unknown", seq: data.slice(i, i + 3) }, 3];
  }
  if (next === "b") return [{ kind: "wordLeft" }, 2];
  if (next === "f") return [{ kind: "wordRight" }, 2];
  if (next === "\x7f") return [{ kind: "ctrl", key: "w" }, 2];
  return [{ kind: "unknown", seq: "\x1b" }, 1];
}
