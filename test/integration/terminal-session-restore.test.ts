// A terminal session outlives its socket and its object: reconnecting with the same session id
// replays the scroll-back and keeps history, variables and files, also after the cluster object
// restarts; another credential never attaches to it; an idle terminal leaves no alarm set.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newClusterWithToken, openTerminal, sessionId } from "./terminal-session-helpers";

const P = "controlplane:~$";
const stub = (id: string) => {
  const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
  return ns.get(ns.idFromName(id)) as unknown as DurableObjectStub & { restart(): Promise<void> };
};

describe("terminal session: reconnects and restarts", () => {
  it("replays scroll-back and keeps history, variables and files after a reconnect and an object restart", async () => {
    const c = await newClusterWithToken();
    const session = sessionId();
    const t1 = await openTerminal(c.id, c.token, { session });
    await t1.waitFor(P);
    t1.send("export GREETING=hello; echo remembered-output\r");
    await t1.waitFor(/^remembered-output$/m);
    t1.send("echo kept > $HOME/file.txt\r");
    await t1.waitFor(/file.txt\ncontrolplane:~\$$/);
    t1.send("half-typed");
    await t1.waitFor(`${P} half-typed`);
    t1.close();

    const t2 = await openTerminal(c.id, c.token, { session });
    await t2.waitFor(`${P} half-typed`);
    expect(t2.screen.text()).toContain("remembered-output");

    await stub(c.id).restart().catch(() => undefined);
    const t3 = await openTerminal(c.id, c.token, { session });
    await t3.waitFor(`${P} half-typed`);
    t3.send("\x15echo $GREETING; cat $HOME/file.txt\r");
    await t3.waitFor(/^hello\nkept$/m);
    t3.send("\x1b[A\x1b[A");
    await t3.waitFor(/controlplane:~\$ echo kept > \$HOME\/file.txt$/);
    t3.close();
  });

  it("brings the prompt back on a new line after a restart cut a running command, leaving the alternate screen only if it was on", async () => {
    const c = await newClusterWithToken();
    for (const [command, alternate] of [["sleep 600", false], ["watch -n 1 kubectl get ns", true]] as const) {
      const session = sessionId();
      const t1 = await openTerminal(c.id, c.token, { session });
      await t1.waitFor(P);
      t1.send(`${command}\r`);
      if (alternate) await t1.waitFor(/kube-system/);
      else await new Promise((r) => setTimeout(r, 200));
      t1.close();
      await stub(c.id).restart().catch(() => undefined);
      const t2 = await openTerminal(c.id, c.token, { session });
      await t2.waitFor(/controlplane:~\$$/);
      const after = t2.raw.slice(t2.raw.lastIndexOf(command));
      expect(after.includes("\x1b[?1049l")).toBe(alternate);
      t2.close();
    }
  });

  it("does not attach another credential to a session, and leaves no alarm while idle", async () => {
    const c = await newClusterWithToken();
    const session = sessionId();
    const t1 = await openTerminal(c.id, c.token, { session });
    await t1.waitFor(P);
    t1.send("echo private-output\r");
    await t1.waitFor(/^private-output$/m);
    t1.close();
    const other = await newClusterWithToken();
    // a token of another cluster is refused outright
    const t2 = await openTerminal(c.id, other.token, { session });
    for (let i = 0; i < 100 && !t2.closed; i++) await new Promise((r) => setTimeout(r, 10));
    expect(t2.closed?.code).toBe(4001);
    expect(t2.raw).not.toContain("private-output");
    // the cluster's own idle state: no alarm is due for the terminal
    const alarm = await runInDurableObject(stub(c.id), async (_obj, state) => state.storage.getAlarm());
    const engineDue = await runInDurableObject(stub(c.id), async (obj) => (obj as unknown as { engine: { nextRunDelay(): number | undefined } }).engine.nextRunDelay());
    if (engineDue === undefined) expect(alarm).toBeNull();
  });
});
