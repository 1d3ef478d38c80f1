// The terminal session with the in-process kubectl: requests go through the cluster's own API
// path with the session's token (a share link gets the viewer's Forbidden), `get -w` and
// `watch -n 1` run until Ctrl-C, tab completion lists resource types and object names.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN, newClusterWithToken, openTerminal } from "./terminal-session-helpers";

const P = "controlplane:~$";

async function shareToken(clusterId: string, accountToken: string): Promise<string> {
  const r = await SELF.fetch(`${ORIGIN}/v1/clusters/${clusterId}/shares`, { method: "POST", body: "{}", headers: { authorization: `Bearer ${accountToken}` } });
  return ((await r.json()) as { token: string }).token;
}

describe("terminal session: kubectl, watch and completion", () => {
  it("runs kubectl against the cluster and stops `get -w` with Ctrl-C", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token);
    await t.waitFor(P);
    t.send("kubectl run nginx --image=nginx --restart=Never\r");
    await t.waitFor(/^pod\/nginx created$/m);
    t.send("kubectl get po -w\r");
    await t.waitFor(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nnginx\s+\d\/1\s+\S+\s+0\s+\S+$/m);
    t.send("\x03");
    await t.waitFor(/\^C\ncontrolplane:~\$$/);
    t.send("k get po nginx -o name | wc -l\r");
    await t.waitFor("k: command not found");
    t.send("alias k=kubectl\rk get po nginx -o name\r");
    await t.waitFor(/^pod\/nginx$/m);
    t.close();
  });

  it("redraws `watch -n 1` in place with the procps header until Ctrl-C", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token, { cols: 100, rows: 20 });
    await t.waitFor(P);
    t.send("watch -n 1 kubectl get ns\r");
    await t.waitFor(/^Every 1\.0s: kubectl get ns {20,}controlplane: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n\nNAME\s+STATUS\s+AGE\n(.*\n)*default\s+Active/);
    expect(t.screen.alternate).toBe(true);
    const header = t.screen.text().split("\n")[0]!;
    expect(header.length).toBe(100);
    t.send("\x03");
    await t.waitFor(/watch -n 1 kubectl get ns\ncontrolplane:~\$$/);
    expect(t.screen.alternate).toBe(false);
    t.close();
  });

  it("completes commands, kubectl verbs, resource types and names", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token);
    await t.waitFor(P);
    t.send("kubectl run web --image=nginx\r");
    await t.waitFor(/^pod\/web created$/m);
    t.send("kubec\t");
    await t.waitFor(`${P} kubectl`);
    t.send("descr\t");
    await t.waitFor(`${P} kubectl describe`);
    t.send("po\t");
    await t.waitFor(/kubectl describe pod/);
    t.send("\x15kubectl get pods w\t");
    await t.waitFor(`${P} kubectl get pods web`);
    t.send("\x15kubectl get no\t\t");
    await t.waitFor(/^controlplane\s+node01\s+node02$/m);
    t.close();
  });

  it("gives a share-link session the viewer's Forbidden on writes", async () => {
    const c = await newClusterWithToken();
    const token = await shareToken(c.id, c.accountToken);
    const t = await openTerminal(c.id, token, { cols: 200 });
    await t.waitFor(P);
    expect(t.role).toBe("viewer");
    t.send("kubectl get ns default -o name\r");
    await t.waitFor(/^namespace\/default$/m);
    t.send("kubectl run x --image=nginx\r");
    await t.waitFor(/Error from server \(Forbidden\): pods is forbidden: User "viewer:[^"]+" cannot create resource "pods" in API group "" in the namespace "default"/);
    t.close();
  });
});
