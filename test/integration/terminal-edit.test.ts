// `kubectl edit` in the web terminal: the full-screen editor opens on the alternate screen with
// kubectl's header and the object, keys go to it raw (Ctrl-C does not stop the command), `:wq`
// patches the object and prints `pod/nginx edited`, `:q` without changes cancels, an Invalid
// answer reopens the file with the reasons in its header, and an object restart with the editor
// open brings the prompt back.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newClusterWithToken, openTerminal, sessionId, type Term } from "./terminal-session-helpers";

const P = "controlplane:~$";
const stub = (id: string) => {
  const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
  return ns.get(ns.idFromName(id)) as unknown as DurableObjectStub & { restart(): Promise<void> };
};

/** Put the editor's cursor on the screen line matching `re` (`:<line>` as vi), with the cursor at its start. */
async function gotoLine(t: Term, re: RegExp): Promise<void> {
  const lines = (await t.waitFor(re)).split("\n");
  const row = lines.findIndex((l) => re.test(l));
  t.send(`:${row + 1}\r0`);
}

async function withPod(): Promise<Term> {
  const c = await newClusterWithToken();
  const t = await openTerminal(c.id, c.token, { cols: 100, rows: 30 });
  await t.waitFor(P);
  t.send("kubectl run nginx --image=nginx\r");
  await t.waitFor(/^pod\/nginx created$/m);
  return t;
}

describe("terminal: kubectl edit", () => {
  it("edits a label in the editor, saves with :wq and stores it", async () => {
    const t = await withPod();
    t.send("kubectl edit pod nginx\r");
    await t.waitFor(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,$/m);
    expect(t.screen.alternate).toBe(true);
    await t.waitFor(/^ \/tmp\/kubectl-edit-\d+\.yaml +1,1 +\d+ lines$/m);
    await t.waitFor(/^i insert {2}:wq save and exit {2}:q! quit without saving/m);
    await gotoLine(t, /^ {4}run: nginx$/m);
    // Ctrl-C leaves the editor open and says how to quit
    t.send("\x03");
    await t.waitFor(/^Type {2}:q! {2}and press <Enter> to abandon all changes and exit$/m);
    expect(t.screen.alternate).toBe(true);
    t.send("A-v2");
    await t.waitFor(/^-- INSERT --/m);
    await t.waitFor(/^ {4}run: nginx-v2$/m);
    t.send("\x1b:wq\r");
    await t.waitFor(/kubectl edit pod nginx\npod\/nginx edited\ncontrolplane:~\$$/);
    expect(t.screen.alternate).toBe(false);
    t.send("kubectl get pod nginx -o jsonpath='{.metadata.labels.run}{\"\\n\"}'\r");
    await t.waitFor(/^nginx-v2$/m);
    t.close();
  });

  it("edits the image of one of a deployment's two containers", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token, { cols: 100, rows: 100 });
    await t.waitFor(P);
    t.send("kubectl create deployment web --image=nginx --image=busybox\r");
    await t.waitFor(/^deployment\.apps\/web created$/m);
    t.send("kubectl edit deploy web\r");
    await t.waitFor(/^kind: Deployment$/m);
    await gotoLine(t, /^ {6}- image: busybox$/m);
    t.send("A:1.36\x1b:wq\r");
    await t.waitFor(/^deployment\.apps\/web edited$/m);
    t.send("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[*].image}{\"\\n\"}'\r");
    await t.waitFor(/^nginx busybox:1\.36$/m);
    t.close();
  });

  it("cancels when the editor quits without changes", async () => {
    const t = await withPod();
    t.send("kubectl edit po/nginx\r");
    await t.waitFor(/^kind: Pod$/m);
    t.send(":q\r");
    await t.waitFor(/kubectl edit po\/nginx\nEdit cancelled, no changes made\.\ncontrolplane:~\$$/);
    expect(t.screen.alternate).toBe(false);
    t.close();
  });

  it("reopens the file with the server's reasons after an invalid edit", async () => {
    const t = await withPod();
    t.send("kubectl edit pod nginx\r");
    await gotoLine(t, /^ {4}run: nginx$/m);
    t.send("A bad!\x1b:wq\r");
    await t.waitFor(/^# pods "nginx" was not valid:\n# \* metadata\.labels: Invalid value: "nginx bad!": /m);
    await t.waitFor(/^ {4}run: nginx bad!$/m);
    expect(t.screen.alternate).toBe(true);
    // quitting the reopened file without a change gives up, keeping a copy
    t.send(":q!\r");
    await t.waitFor(/^error: pods "nginx" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\ncontrolplane:~\$$/m);
    t.send("kubectl get pod nginx -o jsonpath='{.metadata.labels.run}{\"\\n\"}'\r");
    await t.waitFor(/'\nnginx\ncontrolplane/);
    t.close();
  });

  it("reopens the file after a syntax error and redraws on resize", async () => {
    const t = await withPod();
    t.send("kubectl edit pod nginx\r");
    await gotoLine(t, /^kind: Pod$/m);
    t.send("okey: [\x1b:wq\r");
    await t.waitFor(/^# The edited file had a syntax error: error converting YAML to JSON: yaml: line \d+: .+\n#\napiVersion: v1\n/m);
    await t.waitFor(/^key: \[$/m);
    t.resize(60, 20);
    // the status bar fills the 60 new columns (its last cell is a blank)
    await t.waitFor(/^(?=.{59}$) \/tmp\/kubectl-edit-\d+\.yaml +1,1 +\d+ lines$/m);
    await gotoLine(t, /^key: \[$/m);
    t.send("dd:wq\r");
    await t.waitFor(/kubectl edit pod nginx\nEdit cancelled, no changes made\.\ncontrolplane:~\$$/);
    t.close();
  });

  it("brings the prompt back when the object restarts with the editor open", async () => {
    const c = await newClusterWithToken();
    const session = sessionId();
    const t1 = await openTerminal(c.id, c.token, { session });
    await t1.waitFor(P);
    t1.send("kubectl edit ns default\r");
    await t1.waitFor(/^kind: Namespace$/m);
    expect(t1.screen.alternate).toBe(true);
    t1.close();
    await stub(c.id).restart().catch(() => undefined);
    const t2 = await openTerminal(c.id, c.token, { session });
    await t2.waitFor(/kubectl edit ns default\n(.*\n)?controlplane:~\$$/);
    expect(t2.screen.alternate).toBe(false);
    t2.send("echo still-here\r");
    await t2.waitFor(/^still-here$/m);
    t2.close();
  });
});
