// The web terminal's shell over its WebSocket: prompt, typing and line editing, history, shell
// builtins and pipes, heredocs, Ctrl-C, Ctrl-D, clear, what a share link and a bad token get.
import { describe, expect, it } from "vitest";
import { newClusterWithToken, openTerminal } from "./terminal-session-helpers";

const PROMPT = "controlplane:~$ ";

describe("terminal session: prompt and line editing", () => {
  it("shows the kubeadm host's prompt and runs echo", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token);
    await t.waitFor(PROMPT.trimEnd());
    expect(t.role).toBe("admin");
    t.send("echo hello world\r");
    const text = await t.waitFor(/hello world\ncontrolplane:~\$$/);
    expect(text).toBe(`${PROMPT}echo hello world\nhello world\n${PROMPT.trimEnd()}`);
    t.close();
  });

  it("edits with arrows, Home/End, Backspace, Delete and Ctrl-A/E/U/K/W", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token);
    await t.waitFor(PROMPT.trimEnd());
    // "echo wrld" → left×3, type "o" → "echo world"; Home, Delete "e" → "cho world"; Ctrl-A, type "e"
    t.send("echo wrld\x1b[D\x1b[D\x1b[Do\x1b[H\x1b[3~\x01e");
    await t.waitFor(`${PROMPT}echo world`);
    t.send("\x05!!\x7f\r");
    await t.waitFor(/^world!$/m);
    t.send("echo one two three\x17\x17four\r");
    await t.waitFor(/^one four$/m);
    t.send("echo abc\x01\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x1b[C\x0b\r");
    await t.waitFor(/^a$/m);
    t.send("garbage here\x15echo cleared\r");
    await t.waitFor(/^cleared$/m);
    t.close();
  });

  it("keeps a long line's cursor right when it wraps past the width", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token, { cols: 30 });
    await t.waitFor(PROMPT.trimEnd());
    t.send("echo 0123456789abcdefghijklmnopqrstuvwxyz");
    await t.waitFor("xyz");
    // 16 + 41 characters: the cursor is on the second row
    expect(t.screen.row).toBe(1);
    t.send("\x01\x1b[C\x1b[C\x1b[C\x1b[C\x1b[CX");
    await t.waitFor(`${PROMPT}echo X01234567\n89abcdefghijklmnopqrstuvwxyz`);
    t.send("\x1b[F\r");
    await t.waitFor(/^X0123456789abcdefghijklmnopqrs\ntuvwxyz$/m);
    t.close();
  });

  it("recalls history with up/down and prints it with `history`", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token);
    await t.waitFor(PROMPT.trimEnd());
    t.send("echo first\r");
    await t.waitFor(/^first$/m);
    t.send("echo second\r");
    await t.waitFor(/^second$/m);
    t.send("\x1b[A\x1b[A");
    await t.waitFor(/controlplane:~\$ echo first$/);
    t.send("\x1b[B");
    await t.waitFor(/controlplane:~\$ echo second$/);
    expect(t.screen.cursorLine()).toBe(`${PROMPT}echo second`);
    t.send("\x15history\r");
    await t.waitFor("    3  history");
    expect(t.screen.text()).toContain("    1  echo first\n    2  echo second\n    3  history\n");
    t.close();
  });

  it("runs pipes, export, alias, heredocs and reports unknown commands as bash does", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token);
    await t.waitFor(PROMPT.trimEnd());
    t.send("export NAME=podlab; echo $NAME | tr a-z A-Z\r");
    await t.waitFor(/^PODLAB$/m);
    t.send("printf 'b 2\\na 1\\nc 3\\n' | sort | head -n 2 | awk '{print $1}' | wc -l\r");
    await t.waitFor(/^2$/m);
    t.send("cat <<EOF > notes.txt\r");
    await t.waitFor(/^>$/m);
    t.send("line one\rEOF\r");
    t.send("cat notes.txt; ls\r");
    await t.waitFor(/^line one\nnotes.txt$/m);
    t.send("alias say=echo\rsay aliased\r");
    await t.waitFor(/^aliased$/m);
    t.send("alias\r");
    await t.waitFor("alias say='echo'");
    t.send("nosuchcommand\r");
    await t.waitFor("nosuchcommand: command not found");
    t.close();
  });

  it("stops a running command with Ctrl-C and gives the prompt back", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token);
    await t.waitFor(PROMPT.trimEnd());
    t.send("sleep 600; echo not-printed\r");
    await new Promise((r) => setTimeout(r, 100));
    t.send("\x03");
    await t.waitFor(`${PROMPT}sleep 600; echo not-printed\n^C\n${PROMPT.trimEnd()}`);
    t.send("echo $?\r");
    await t.waitFor(/^130$/m);
    expect(t.screen.text()).not.toMatch(/^not-printed$/m);
    t.send("half typed\x03");
    await t.waitFor(`${PROMPT}half typed^C\n${PROMPT.trimEnd()}`);
    t.close();
  });

  it("clears the screen, and Ctrl-D logs out into a fresh login shell", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token);
    await t.waitFor(PROMPT.trimEnd());
    t.send("echo before\rclear\r");
    await t.waitFor(/^controlplane:~\$$/);
    t.send("export X=1\r");
    await t.waitFor(/export X=1\ncontrolplane:~\$$/);
    t.send("\x04");
    await t.waitFor("logout");
    t.send("echo x=$X\r");
    await t.waitFor(/^x=$/m);
    t.close();
  });

  it("refuses a wrong token with close code 4001", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, "not-a-token");
    for (let i = 0; i < 100 && !t.closed; i++) await new Promise((r) => setTimeout(r, 10));
    expect(t.closed?.code).toBe(4001);
  });
});
