// The foundation's acceptance commands, run with the real /usr/bin/kubectl against `npm start`:
// each prints what kubectl prints against a real v1.32 cluster (ages, names and IPs aside).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync, mkdtempSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newCluster, type TestCluster } from "./harness";

let c: TestCluster;
const dir = mkdtempSync(join(tmpdir(), "podlab-e2e-files-"));

beforeAll(async () => { c = await newCluster("e2e"); });
afterAll(() => c?.dispose());

async function ok(args: string[], opts?: Parameters<TestCluster["kubectl"]>[1]) {
  const r = await c.kubectl(args, opts);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const lines = (s: string) => s.trimEnd().split("\n");
const cols = (line: string) => line.trim().split(/\s{2,}/);

describe("kubectl against a new cluster", () => {
  it("reports the server version and cluster info", async () => {
    expect(await ok(["version"])).toMatch(/Server Version: v1\.32\.\d+/);
    expect(await ok(["cluster-info"])).toMatch(new RegExp(`Kubernetes control plane is running at https://127\\.0\\.0\\.1:\\d+/clusters/${c.id}`));
  });

  it("lists api resources, versions, namespaces and nodes", async () => {
    const res = lines(await ok(["api-resources"]));
    expect(cols(res[0])).toEqual(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"]);
    expect(res.some((l) => /^pods\s+po\s+v1\s+true\s+Pod$/.test(l))).toBe(true);
    expect(res.some((l) => /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/.test(l))).toBe(true);
    expect(lines(await ok(["api-versions"]))).toContain("apps/v1");
    const ns = lines(await ok(["get", "ns"]));
    expect(cols(ns[0])).toEqual(["NAME", "STATUS", "AGE"]);
    expect(ns.slice(1).map((l) => cols(l).slice(0, 2))).toEqual([
      ["default", "Active"], ["kube-node-lease", "Active"], ["kube-public", "Active"], ["kube-system", "Active"],
    ]);
    const nodes = lines(await ok(["get", "nodes", "-o", "wide"]));
    expect(cols(nodes[0])).toEqual(["NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]);
    expect(cols(nodes[1])).toEqual(["controlplane", "Ready", "control-plane", expect.any(String), "v1.32.4", "172.30.1.2", "<none>", "Ubuntu 24.04.1 LTS", "6.8.0-51-generic", "containerd://1.7.24"]);
    expect(nodes.length).toBe(4);
  });

  it("creates a namespace and a pod and reads them every way", async () => {
    expect(await ok(["create", "ns", "scaler"])).toBe("namespace/scaler created\n");
    expect(await ok(["run", "nginx", "--image=nginx", "--restart=Never"])).toBe("pod/nginx created\n");
    const po = lines(await ok(["get", "po"]));
    expect(cols(po[0])).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    expect(cols(po[1])[0]).toBe("nginx");
    expect(cols(lines(await ok(["get", "po", "-o", "wide"]))[0])).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
    const all = lines(await ok(["get", "pods", "-A"]));
    expect(cols(all[0])).toEqual(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    expect(all.some((l) => cols(l)[0] === "default" && cols(l)[1] === "nginx")).toBe(true);
    const yaml = await ok(["get", "pod", "nginx", "-o", "yaml"]);
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(yaml).toContain("  serviceAccountName: default\n");
    const json = JSON.parse(await ok(["get", "pod", "nginx", "-o", "json"]));
    expect(json.spec.containers[0].image).toBe("nginx");
    expect(await ok(["get", "pod", "nginx", "-o", "jsonpath={.spec.containers[0].image}"])).toBe("nginx");
    expect(await ok(["get", "pod", "nginx", "-o", "name"])).toBe("pod/nginx\n");
    const labels = lines(await ok(["get", "po", "--show-labels", "-l", "run=nginx"]));
    expect(cols(labels[0]).at(-1)).toBe("LABELS");
    expect(cols(labels[1]).at(-1)).toBe("run=nginx");
    const pending = lines(await ok(["get", "pods", "--field-selector=status.phase=Pending"]));
    expect(cols(pending[0])[0]).toBe("NAME");
    const describe = await ok(["describe", "pod", "nginx"]);
    expect(describe).toMatch(/^Name:\s+nginx\nNamespace:\s+default\nPriority:\s+0\nService Account:\s+default\n/);
    expect(describe).toContain("Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s");
  });

  it("applies a multi-document file: created, unchanged, configured", async () => {
    const file = join(dir, "app.yaml");
    const doc = (greeting: string, image: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  greeting: ${greeting}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: ${image}
`;
    writeFileSync(file, doc("hello", "nginx:1.27"));
    expect(await ok(["apply", "-f", file])).toBe("configmap/app-config created\ndeployment.apps/api created\n");
    expect(await ok(["apply", "-f", file])).toBe("configmap/app-config unchanged\ndeployment.apps/api unchanged\n");
    writeFileSync(file, doc("hi", "nginx:1.28"));
    expect(await ok(["apply", "-f", file])).toBe("configmap/app-config configured\ndeployment.apps/api configured\n");
    expect(await ok(["get", "deploy", "api", "-o", "jsonpath={.spec.template.spec.containers[0].image}"])).toBe("nginx:1.28");
    const pod = join(dir, "web.yaml");
    writeFileSync(pod, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: httpd\n");
    expect(await ok(["create", "-f", pod])).toBe("pod/web created\n");
    const again = await c.kubectl(["create", "-f", pod]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Error from server (AlreadyExists): error when creating "${pod}": pods "web" already exists`);
  });

  it("labels, annotates, patches three ways and edits", async () => {
    expect(await ok(["label", "pod", "nginx", "tier=frontend"])).toBe("pod/nginx labeled\n");
    expect(await ok(["annotate", "pod", "nginx", "note=hello"])).toBe("pod/nginx annotated\n");
    expect(await ok(["patch", "pod", "nginx", "-p", '{"metadata":{"labels":{"x":"1"}}}'])).toBe("pod/nginx patched\n");
    expect(await ok(["patch", "pod", "nginx", "--type=merge", "-p", '{"metadata":{"labels":{"y":"2"}}}'])).toBe("pod/nginx patched\n");
    expect(await ok(["patch", "pod", "nginx", "--type=json", "-p", '[{"op":"add","path":"/metadata/labels/z","value":"3"}]'])).toBe("pod/nginx patched\n");
    const editor = join(dir, "editor.sh");
    writeFileSync(editor, "#!/bin/sh\nsed -i 's/tier: frontend/tier: backend/' \"$1\"\n");
    chmodSync(editor, 0o755);
    expect(await ok(["edit", "pod", "nginx"], { env: { KUBE_EDITOR: editor } })).toBe("pod/nginx edited\n");
    const pod = JSON.parse(await ok(["get", "pod", "nginx", "-o", "json"]));
    expect(pod.metadata.labels).toEqual({ run: "nginx", tier: "backend", x: "1", y: "2", z: "3" });
    expect(pod.metadata.annotations.note).toBe("hello");
  });

  it("watches changes made elsewhere", async () => {
    const w = c.spawnKubectl(["get", "pods", "-w"]);
    let out = "";
    w.stdout!.on("data", (d) => { out += d; });
    await new Promise((r) => setTimeout(r, 1500));
    await ok(["label", "pod", "web", "watched=yes"]);
    const deadline = Date.now() + 10_000;
    while (out.split("\n").filter((l) => l.startsWith("web ")).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    w.kill("SIGINT");
    expect(out.split("\n").filter((l) => l.startsWith("web ")).length).toBeGreaterThanOrEqual(2);
  });

  it("shows events, creates and scales a deployment, deletes a pod and a namespace", async () => {
    const ev = await c.kubectl(["get", "events", "--sort-by=.lastTimestamp"]);
    expect(ev.code).toBe(0);
    expect(await ok(["create", "deployment", "web", "--image=nginx"])).toBe("deployment.apps/web created\n");
    expect(await ok(["scale", "deploy", "web", "--replicas=3"])).toBe("deployment.apps/web scaled\n");
    expect(await ok(["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"])).toBe("3");
    expect(await ok(["delete", "pod", "nginx"], { timeoutMs: 90_000 })).toBe('pod "nginx" deleted\n');
    expect(await ok(["delete", "ns", "scaler"], { timeoutMs: 90_000 })).toBe('namespace "scaler" deleted\n');
    const gone = await c.kubectl(["get", "ns", "scaler"]);
    expect(gone.stderr).toContain('Error from server (NotFound): namespaces "scaler" not found');
  });

  it("answers errors the way kubectl prints them", async () => {
    const missing = await c.kubectl(["get", "pod", "ghost"]);
    expect(missing.stderr).toBe('Error from server (NotFound): pods "ghost" not found\n');
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: c\n    image: nginx\n");
    const invalid = await c.kubectl(["create", "-f", bad]);
    expect(invalid.stderr).toContain('The Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain');
    const wrong = await c.kubectl(["get", "pods", "--token=not-a-token"]);
    expect(wrong.stderr).toContain("error: You must be logged in to the server (Unauthorized)");
  });
});
