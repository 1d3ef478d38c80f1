// Differential test of the web terminal's kubectl: every command of the seed notes that applies to
// a running cluster, plus get/describe/logs/run/create/apply/delete/label/scale/expose/rollout
// variants, run through the real /usr/bin/kubectl and through the in-process kubectl (bundled with
// esbuild, with the shell, over a KubeTransport on Node's fetch) against the same cluster of
// `npm start`; stdout, stderr and exit codes must be equal byte for byte once ages and timestamps
// are masked (column widths included).
// exec, attach and debug -i go over undici's WebSocket (Node 20's fetch cannot upgrade), handed
// to the terminal's kubectl as the `webSocket` of a 101 response, as workerd's fetch does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Agent, WebSocket as NodeWebSocket } from "undici";
import { newCluster, type TestCluster } from "./harness";

interface Case {
  args: string[];
  input?: string;
  /** Run with the real kubectl after its turn, so that the terminal's kubectl meets the same state. */
  reset?: string[];
  /** Run with the real kubectl before the case (state the previous case's terminal run left). */
  setup?: string[];
  /** The terminal's own command line when it differs (a manifest URL the real kubectl cannot reach offline). */
  ours?: string[];
  /** Standard input for `reset`. */
  resetInput?: string;
  /** Poll (real kubectl) until this holds before the case runs. */
  before?: { args: string[]; until: (out: string) => boolean };
}

const POD_YAML = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: mypod\nspec:\n  containers:\n  - name: web\n    image: nginx\n";
const DEPLOY_YAML = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n        ports:\n        - containerPort: 80\n";
const CRD_YAML = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  scope: Namespaced\n  names:\n    plural: widgets\n    kind: Widget\n    shortNames: [wd]\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n        type: object\n        x-kubernetes-preserve-unknown-fields: true\n";
const del = (...what: string[]) => ["delete", ...what, "--force", "--grace-period=0"];
const running = (pod: string, ns = "default") => ({ args: ["get", "pod", pod, "-n", ns, "-o", "jsonpath={.status.phase}"], until: (s: string) => s === "Running" });

/** The Weave Net manifest of the seed notes, as Podlab serves it at /manifests/ (filled in beforeAll). */
const WEAVE = { text: "" };
const WEAVE_URL = "https://github.com/weaveworks/weave/releases/download/v2.8.1/weave-daemonset-k8s.yaml";

/** Before a case that shows the api Deployment's ReplicaSets: its rollouts have finished. */
const API_ROLLED_OUT = { args: ["rollout", "status", "deploy/api", "--timeout=90s"], until: (s: string) => s.includes("successfully rolled out") };

const CASES: Case[] = [
  // The seed notes.
  { args: ["get", "nodes"] },
  { args: ["get", "po", "-n", "kube-system"] },
  { args: ["run", "diptipod", "--image=nginx"], reset: del("pod", "diptipod") },
  { args: ["run", "diptipod", "--image=nginx", "--restart=Never"], setup: [...del("pod", "diptipod"), "--wait"], reset: del("pod", "diptipod") },
  { args: ["get", "pod", "-o", "wide"] },
  { args: ["get", "pods"] },
  { args: ["get", "pods", "-A"] },
  { args: ["get", "ns"] },
  { args: ["create", "ns", "scaler"], reset: ["delete", "ns", "scaler"] },
  { args: ["run", "diptipod", "--image=nginx", "-n", "scaler", "--restart=Never"], reset: del("pod", "diptipod", "-n", "scaler") },
  { args: ["get", "po", "-n", "scaler"] },
  { args: ["apply", "-f", "-"], input: POD_YAML, reset: del("pod", "mypod") },
  { args: ["create", "-f", "-"], input: POD_YAML.replace("mypod", "created"), reset: del("pod", "created") },
  { args: ["run", "mypod2", "--image=nginx", "--restart=Never"], reset: del("pod", "mypod2") },
  { args: ["describe", "pod", "diptipod", "-n", "scaler"], before: running("diptipod", "scaler") },
  { args: ["get", "pod", "diptipod", "-o", "yaml"] },
  { args: ["get", "events", "-n", "scaler", "--sort-by=.lastTimestamp"] },
  { args: ["logs", "diptipod", "-c", "diptipod"] },
  { args: ["logs", "diptipod", "-c", "diptipod", "--previous"] },
  { args: ["get", "pods", "-o", "wide"] },
  { args: ["get", "nodes", "-o", "wide"] },
  { args: ["get", "pods", "--field-selector=status.phase=Pending"] },
  { args: ["describe", "pod", "nope"] },
  // get variants
  { args: ["get", "po", "nope"] },
  { args: ["get", "foo"] },
  { args: ["get", "po", "--foo"] },
  { args: ["get", "all"] },
  { args: ["get", "po", "-l", "run=diptipod", "--show-labels"] },
  { args: ["get", "po", "-o", "name"] },
  { args: ["get", "po", "diptipod", "-o", "jsonpath={.spec.containers[0].image}"] },
  { args: ["get", "po", "-o", "custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image"] },
  { args: ["get", "ns", "default", "-o", "json"] },
  { args: ["get", "svc,cm", "-A"] },
  // workloads, expose, rollout, scale, label
  { args: ["apply", "-f", "-"], input: DEPLOY_YAML, reset: ["delete", "deploy", "web"] },
  { args: ["apply", "-f", "-"], input: DEPLOY_YAML },
  { args: ["rollout", "status", "deploy/web", "--timeout=90s"], before: { args: ["get", "deploy", "web", "-o", "jsonpath={.status.availableReplicas}"], until: (s) => s === "2" } },
  { args: ["get", "deploy,rs", "-o", "wide"] },
  { args: ["describe", "deploy", "web"] },
  { args: ["rollout", "history", "deploy/web"] },
  { args: ["rollout", "undo", "deploy/web"] },
  { args: ["label", "deploy", "web", "tier=frontend"], reset: ["label", "deploy", "web", "tier-"] },
  { args: ["label", "deploy", "web", "app=other"] },
  { args: ["annotate", "deploy", "web", "note=x"], reset: ["annotate", "deploy", "web", "note-"] },
  { args: ["scale", "deploy", "web", "--replicas=2"] },
  { args: ["scale", "deploy", "web"] },
  { args: ["expose", "deploy", "web", "--port=80", "--type=NodePort"], reset: ["delete", "svc", "web"] },
  { args: ["expose", "deploy", "web", "--port=80", "--name=dry", "--dry-run=client", "-o", "yaml"] },
  { args: ["expose", "pod", "diptipod", "--port=80", "-n", "scaler"], reset: ["delete", "svc", "diptipod", "-n", "scaler"] },
  { args: ["expose", "cm", "kube-root-ca.crt", "--port=80"] },
  { args: ["patch", "deploy", "web", "-p", '{"spec":{"revisionHistoryLimit":5}}'], reset: ["patch", "deploy", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/revisionHistoryLimit","value":10}]'] },
  { args: ["patch", "deploy", "web", "--type=merge", "-p", '{"spec":{"revisionHistoryLimit":10}}'], setup: ["patch", "deploy", "web", "--type=merge", "-p", '{"spec":{"revisionHistoryLimit":5}}'], reset: ["patch", "deploy", "web", "--type=merge", "-p", '{"spec":{"revisionHistoryLimit":5}}'] },
  { args: ["patch", "deploy", "web", "--type=foo", "-p", "{}"] },
  { args: ["set", "image", "deploy/web", "nope=nginx"] },
  { args: ["rollout", "status", "pod/diptipod", "-n", "scaler"] },
  { args: ["wait", "--for=condition=Ready", "pod/diptipod", "-n", "scaler"] },
  { args: ["wait", "--for=jsonpath={.status.phase}=Running", "pod/diptipod", "-n", "scaler"] },
  { args: ["describe", "svc", "kubernetes"] },
  { args: ["describe", "ns", "kube-system"] },
  { args: ["explain", "pods.spec.restartPolicy"] },
  { args: ["explain", "pods.spec.nope"] },
  { args: ["events", "-n", "kube-public"] },
  { args: ["events", "--types=Bad"] },
  { args: ["top", "pod"] },
  { args: ["top", "node"] },
  { args: ["exec", "diptipod", "ls"] },
  { args: ["exec", "diptipod"] },
  { args: ["exec", "diptipod", "-n", "scaler", "--", "ls", "/"] },
  { args: ["exec", "diptipod", "-n", "scaler", "--", "cat", "/etc/hostname"] },
  { args: ["exec", "diptipod", "-n", "scaler", "--", "sh", "-c", "echo out; echo err >&2; exit 3"] },
  { args: ["exec", "-i", "diptipod", "-n", "scaler", "--", "sh"], input: "echo from stdin\nhostname\nexit 2\n" },
  { args: ["exec", "diptipod", "-n", "scaler", "-c", "nope", "--", "ls"] },
  { args: ["exec", "nope", "--", "ls"] },
  { args: ["exec", "diptipod", "-n", "scaler", "--", "nosuchcommand"] },
  { args: ["debug", "diptipod", "-n", "scaler", "--image=busybox", "--target=diptipod", "--", "sleep", "1d"] },
  { args: ["debug", "nope", "--image=busybox"] },
  { args: ["create", "deployment", "api", "--image=nginx", "--replicas=1"], reset: ["delete", "deploy", "api"] },
  { args: ["rollout", "restart", "deploy/api"] },
  { args: ["run", "dry", "--image=nginx", "--dry-run=client", "-o", "yaml"] },
  { args: ["run", "cmdpod", "--image=busybox", "--restart=Never", "--env=A=1", "--labels=app=cmd,tier=x", "--command", "--", "sleep", "3600"], reset: del("pod", "cmdpod") },
  { args: ["get", "po", "-A", "--sort-by=.metadata.name"] },
  { args: ["get", "po", "-n", "kube-system", "-o", 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'] },
  // A line end typed inside the quotes (rather than \n) is an unterminated quoted string.
  { args: ["get", "po", "-n", "kube-system", "-o", 'jsonpath={range .items[*]}{.metadata.name}{"\n"}{end}'] },
  { args: ["logs", "diptipod", "-n", "scaler", "--tail=2"] },
  { args: ["describe", "node", "node01"] },
  { args: ["config", "get-contexts"] },
  { args: ["api-versions"] },
  { args: ["create", "secret", "generic", "s1", "--from-literal=k=v"], reset: ["delete", "secret", "s1"] },
  { args: ["create", "service", "clusterip", "svc1", "--tcp=80:8080"], reset: ["delete", "svc", "svc1"] },
  { args: ["create", "job", "j1", "--image=busybox", "--", "sleep", "3600"], reset: ["delete", "job", "j1"] },
  { args: ["get", "clusterrole", "view"] },
  { args: ["describe", "clusterrole", "view"] },
  { args: ["create", "rolebinding", "rb", "--clusterrole=view", "--user=jane"], reset: ["delete", "rolebinding", "rb"] },
  { args: ["get", "rolebinding", "rb", "-o", "wide"] },
  { args: ["get", "crd"] },
  { args: ["apply", "-f", "-"], input: CRD_YAML, reset: ["delete", "crd", "widgets.example.com"] },
  { args: ["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=30s"] },
  { args: ["get", "crd", "widgets.example.com", "-o", "yaml"] },
  { args: ["describe", "crd", "widgets.example.com"] },
  { args: ["explain", "crd.spec.names"] },
  { args: ["create", "deployment", "dd", "--image=nginx", "--replicas=2", "--port=80", "--dry-run=client", "-o", "yaml"] },
  { args: ["create", "service", "nodeport", "np", "--tcp=80:8080", "--node-port=30080"], reset: ["delete", "svc", "np"] },
  { args: ["create", "configmap", "cm2", "--from-literal=a=1", "--from-literal=b=2", "--dry-run=client", "-o", "json"] },
  { args: ["create", "secret", "docker-registry", "reg", "--docker-server=r.example.com", "--docker-username=u", "--docker-password=p", "--dry-run=client", "-o", "yaml"] },
  { args: ["run", "web2", "--image=nginx", "--port=80", "--expose", "--dry-run=client", "-o", "yaml"] },
  { args: ["create", "job", "j2", "--from=cronjob/nope"] },
  { args: ["create", "deployment", "dj", "--image=nginx", "--replicas=2", "--port=80", "--dry-run=client", "-o", "json"] },
  { args: ["run", "rj", "--image=nginx", "--env=A=1", "--labels=a=b", "--port=80", "--dry-run=client", "-o", "json"] },
  { args: ["create", "job", "jj", "--image=busybox", "--dry-run=client", "-o", "json", "--", "echo", "hi"] },
  { args: ["create", "service", "clusterip", "sj", "--tcp=80:8080", "--dry-run=client", "-o", "json"] },
  { args: ["create", "secret", "generic", "gj", "--from-literal=k=v", "--dry-run=client", "-o", "json"] },
  { args: ["create", "ns", "nj", "--dry-run=client", "-o", "json"] },
  { args: ["scale", "deploy", "api", "--replicas=3", "--current-replicas=7"] },
  { args: ["rollout", "pause", "deploy/api"], reset: ["rollout", "resume", "deploy/api"] },
  { args: ["rollout", "resume", "deploy/api"], setup: ["rollout", "pause", "deploy/api"], reset: ["rollout", "pause", "deploy/api"] },
  { args: ["rollout", "resume", "deploy/api"] },
  { args: ["delete", "svc", "np", "nope"], reset: ["create", "service", "nodeport", "np", "--tcp=80:8080", "--node-port=30080"] },
  { args: ["run", "web3", "--image=nginx", "--port=8080", "--expose"], reset: ["delete", "pod,svc", "web3"] },
  { args: ["run", "web4", "--image=nginx", "--expose"] },
  { args: ["create", "secret", "docker-registry", "reg2", "--docker-server=r.example.com"] },
  { args: ["set", "image", "deploy/api", "nginx=nginx:1.27"], reset: ["set", "image", "deploy/api", "nginx=nginx"] },
  { args: ["set", "image", "deploy/api", "nginx=nginx:1.27"] },
  { args: ["rollout", "history", "deploy/api", "--revision=1"] },
  { args: ["describe", "rs", "-l", "app=api"], before: API_ROLLED_OUT },
  { args: ["describe", "secret", "s1"] },
  { args: ["describe", "sa", "default"] },
  { args: ["describe", "cm", "kube-root-ca.crt"] },
  { args: ["describe", "job", "j1"] },
  { args: ["describe", "ds", "kube-proxy", "-n", "kube-system"] },
  { args: ["describe", "ep", "kubernetes"] },
  { args: ["describe", "svc", "svc1"] },
  { args: ["describe", "lease", "node01", "-n", "kube-node-lease"] },
  { args: ["get", "ds,deploy,rs,sts,jobs", "-A"], before: API_ROLLED_OUT },
  { args: ["get", "ep,endpointslices", "-A"] },
  { args: ["get", "leases", "-A"] },
  { args: ["get", "pc"] },
  { args: ["get", "sa,cm,secrets", "-n", "kube-system"] },
  { args: ["get", "po", "-n", "kube-system", "--show-kind", "--no-headers"] },
  { args: ["get", "po", "-n", "kube-system", "-L", "component,tier"] },
  { args: ["get", "deploy", "api", "-o", "json"] },
  { args: ["get", "po", "-n", "scaler", "-o", "yaml"] },
  { args: ["get", "all", "-n", "kube-system"] },
  { args: ["explain", "deployment.spec.strategy", "--recursive"] },
  { args: ["get", "--raw", "/version"] },
  { args: ["get", "--raw", "/apis/apps/v1"] },
  { args: ["get", "--raw", "/healthz"] },
  { args: ["get", "--raw", "/api/v1/namespaces/default/pods/nope"] },
  { args: ["get", "pods", "--raw", "/version"] },
  { args: ["label", "pods", "--all", "-n", "scaler", "checked=yes"], reset: ["label", "pods", "--all", "-n", "scaler", "checked-"] },
  { args: ["annotate", "deploy", "api", "note=y", "--overwrite"] },
  { args: ["label", "deploy", "api", "extra=1"], reset: ["label", "deploy", "api", "extra-"] },
  { args: ["label", "deploy", "api", "extra-"], reset: ["label", "deploy", "api", "extra=1"] },
  { args: ["label", "deploy", "api", "zz-"] },
  { args: ["annotate", "deploy", "api", "zz-"] },
  { args: ["delete", "pod", "cmdpod", "--grace-period=0", "--force"], setup: ["run", "cmdpod", "--image=busybox", "--restart=Never", "--", "sleep", "3600"], reset: ["run", "cmdpod", "--image=busybox", "--restart=Never", "--", "sleep", "3600"] },
  { args: ["create", "configmap", "cfg", "--from-literal=a=b"], reset: ["delete", "cm", "cfg"] },
  { args: ["delete", "pod", "nope"] },
  { args: ["delete", "deploy", "web"], reset: ["apply", "-f", "-"] },
  { args: ["version"] },
  { args: ["api-resources"] },
  { args: ["cluster-info"] },
  { args: ["frobnicate"] },
  // Nodes: labels, taints, cordon; autoscale (no HPA API here, as the real kubectl sees), rollout and api-resources variants.
  { args: ["get", "nodes", "--show-labels"] },
  { args: ["label", "node", "node01", "disk=ssd"], reset: ["label", "node", "node01", "disk-"] },
  { args: ["taint", "nodes", "node02", "dedicated=special:NoSchedule"], reset: ["taint", "nodes", "node02", "dedicated=special:NoSchedule-"] },
  { args: ["describe", "node", "node02"] },
  { args: ["taint", "nodes", "node02", "dedicated=special:NoSchedule-"], reset: ["taint", "nodes", "node02", "dedicated=special:NoSchedule"] },
  { args: ["cordon", "node02"], reset: ["uncordon", "node02"] },
  { args: ["get", "nodes"] },
  { args: ["describe", "node", "node02"], before: { args: ["get", "node", "node02", "-o", "jsonpath={.spec.taints[*].key}"], until: (s) => s.includes("node.kubernetes.io/unschedulable") } },
  { args: ["uncordon", "node02"], reset: ["cordon", "node02"] },
  { args: ["uncordon", "node02"] },
  // (Without --force as well, the two kinds of refusal come in Go's map order: not comparable.)
  { args: ["drain", "node01", "--force", "--dry-run=client"], reset: ["uncordon", "node01"] },
  { args: ["drain", "node01", "--ignore-daemonsets", "--force", "--delete-emptydir-data", "--dry-run=client"], reset: ["uncordon", "node01"] },
  { args: ["uncordon", "node01"] },
  { args: ["taint", "nodes", "node02", "a=b:Bad"] },
  { args: ["taint", "nodes", "node02", "nope-"] },
  { args: ["rollout", "undo", "deploy/api", "--to-revision=99"] },
  { args: ["autoscale", "deploy", "api", "--max=3"] },
  { args: ["api-resources", "--namespaced=false"] },
  { args: ["api-resources", "-o", "wide"] },
  { args: ["api-resources", "--api-group=apps", "-o", "name"] },
  { args: ["version", "--client"] },
  // The failure states the notes teach: an image that does not exist, a crash loop, no room to schedule.
  { args: ["run", "badimg", "--image=nginx:doesnotexist", "--restart=Never"], reset: del("pod", "badimg") },
  { args: ["get", "pod", "badimg"], before: { args: ["get", "pod", "badimg", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}"], until: (s) => s === "ImagePullBackOff" } },
  { args: ["describe", "pod", "badimg"] },
  { args: ["run", "crash", "--image=busybox", "--", "sh", "-c", "echo starting; exit 1"], reset: del("pod", "crash") },
  { args: ["get", "pod", "crash"], before: { args: ["get", "pod", "crash", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.reason}"], until: (s) => s === "CrashLoopBackOff" } },
  { args: ["describe", "pod", "crash"] },
  { args: ["logs", "crash", "--previous"] },
  { args: ["apply", "-f", "-"], input: POD_YAML.replace("mypod", "big").replace("image: nginx\n", "image: nginx\n    resources:\n      requests:\n        cpu: \"100\"\n"), reset: del("pod", "big") },
  { args: ["describe", "pod", "big"], before: { args: ["get", "events", "--field-selector=involvedObject.name=big,reason=FailedScheduling", "-o", "name"], until: (s) => s.trim().length > 0 } },
  { args: ["get", "events", "--field-selector=involvedObject.name=big"] },
  // The seed's pod network step (last: its pods would change state between two runs of a later
  // case): the real kubectl reads the manifest from standard input, the terminal fetches its URL.
  { args: ["apply", "-f", "-"], get input() { return WEAVE.text; }, ours: ["apply", "-f", WEAVE_URL], reset: ["delete", "-f", "-"], get resetInput() { return WEAVE.text; } },
];

const AGE = /\b(\d+d)?(\d+h)?(\d+m)?(\d+s)?\b(?= |\t|$|\))/gm;

/**
 * Timestamps, resource versions and klog headers vary between two runs of one command; they are
 * masked. Ages are masked too, but in place: column widths and padding stay as printed.
 */
function mask(s: string): string {
  return s
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>")
    .replace(/[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g, "<time>")
    .replace(AGE, (m) => (m ? "<age>" : m))
    .replace(/resourceVersion: "\d+"/g, 'resourceVersion: "<rv>"')
    .replace(/"resourceVersion": "\d+"/g, '"resourceVersion": "<rv>"')
    .replace(/restartedAt: .*/g, "restartedAt: <time>")
    .replace(/debugger-[a-z0-9]{5}\b/g, "debugger-<random>")
    // klog's header (date, time, thread id) and the dispatcher's client version suffix.
    .replace(/^([EWI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, "$1<klog> ")
    .replace(/^Client Version: (v[\d.]+)-dispatcher$/m, "Client Version: $1");
}

/** The ages a text shows, in order (e.g. ["9s", "2m10s"]). */
const agesOf = (s: string) => [...s.matchAll(AGE)].map((m) => m[0]).filter(Boolean);

/**
 * Equal byte for byte once masked. The one allowance: when the two runs saw different ages (the
 * cluster's clock moved between them) of different lengths, a table's column widths differ, so
 * the texts need only be equal with runs of spaces collapsed.
 */
function sameOutput(theirs: string, mine: string): boolean {
  if (mask(theirs) === mask(mine)) return true;
  const ta = agesOf(theirs), ma = agesOf(mine);
  const agesMoved = ta.length === ma.length && ta.some((a, i) => a.length !== ma[i]!.length);
  const collapse = (x: string) => mask(x).replace(/ {2,}/g, "  ");
  return agesMoved && collapse(theirs) === collapse(mine);
}

/** The real kubectl with the cluster's kubeconfig in KUBECONFIG (no flags before the command). */
function realKubectl(c: TestCluster, home: string) {
  return (args: string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> => new Promise((resolve) => {
    const p = execFile("/usr/bin/kubectl", args, { env: { ...process.env, HOME: home, KUBECONFIG: c.kubeconfigPath, TZ: "UTC" }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? (typeof err.code === "number" ? err.code : 1) : 0 }));
    if (input !== undefined) { p.stdin!.write(input); p.stdin!.end(); }
  });
}

type Ours = (args: string[], input?: string) => Promise<{ stdout: string; stderr: string; code: number }>;

const insecure = new Agent({ connect: { rejectUnauthorized: false } });

/** An upgrade as the terminal's transport answers it: status 101 with the open socket. */
async function openWebSocket(url: string, token: string, protocol: string): Promise<Response> {
  const ws = new NodeWebSocket(url.replace(/^http/, "ws"), { protocols: [protocol], headers: { authorization: `Bearer ${token}` }, dispatcher: insecure });
  ws.binaryType = "arraybuffer";
  const opened = await new Promise<boolean>((resolve) => {
    ws.addEventListener("open", () => resolve(true));
    ws.addEventListener("error", () => resolve(false));
  });
  // A refused upgrade: the same request without it gets the server's Status (fetch cannot show
  // the body of a refused WebSocket handshake).
  if (!opened) return fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: 101, headers: new Headers(), webSocket: ws } as unknown as Response;
}

async function bundledKubectl(c: TestCluster): Promise<Ours> {
  const root = process.cwd();
  const outfile = join(tmpdir(), `podlab-terminal-kubectl-${process.pid}.mjs`);
  await build({
    stdin: {
      contents: 'export { kubectlCommand } from "./src/terminal/kubectl/index";\nexport { shellCommands, startArgv, sinkOutput, stringInput, Vfs } from "./src/shell/index";\n',
      resolveDir: root, loader: "ts",
    },
    bundle: true, platform: "node", format: "esm", outfile, logLevel: "error",
  });
  const m = await import(pathToFileURL(outfile).href);
  const cfg = readFileSync(c.kubeconfigPath, "utf8");
  const server = /server: (\S+)/.exec(cfg)![1]!;
  // A kubeconfig of its own: the terminal's kubectl has its own credential and so its own rate
  // limit, as a second person at the cluster would.
  const own = await (await fetch(`${c.url}/v1/clusters/${c.id}/kubeconfig`, { headers: { authorization: `Bearer ${c.accountToken}` } })).text();
  const token = /token: (\S+)/.exec(own)![1]!;
  const transport = {
    request: (method: string, path: string, init: { headers?: Record<string, string>; body?: string | Uint8Array; signal?: AbortSignal } = {}) =>
      init.headers?.upgrade === "websocket" ? openWebSocket(server + path, token, init.headers["sec-websocket-protocol"]!)
        : fetch(server + path, { method, headers: { ...init.headers, authorization: `Bearer ${token}` }, body: init.body as BodyInit | undefined, signal: init.signal }),
  };
  const ctx = /current-context: (\S+)/.exec(cfg)![1]!;
  const user = /- name: (\S+)\n\s+user:/.exec(cfg)?.[1] ?? ctx;
  const env = { transport, server, clusterName: ctx, contextName: ctx, userName: user, namespace: "default", now: () => new Date() };
  const commands = m.shellCommands([["kubectl", m.kubectlCommand(env)]], "bash");
  const fs = new m.Vfs(() => Date.now());
  const host = { fs, now: () => Date.now(), sleep: (ms: number) => new Promise((r) => setTimeout(r, ms)), hostname: "controlplane" };
  return async (args, input) => {
    let stdout = "", stderr = "";
    const { done } = m.startArgv(["kubectl", ...args], {
      host, commands, dialect: "bash", env: { PATH: "/usr/bin:/bin", HOME: "/root" }, cwd: "/",
      stdin: input !== undefined ? m.stringInput(input) : undefined,
      stdout: m.sinkOutput((d: string) => { stdout += d; }), stderr: m.sinkOutput((d: string) => { stderr += d; }),
    });
    const code = await done;
    return { stdout, stderr, code };
  };
}

let c: TestCluster;
let ours: Ours;
let real: ReturnType<typeof realKubectl>;
const home = mkdtempSync(join(tmpdir(), "podlab-diff-home-"));

beforeAll(async () => {
  c = await newCluster("diff");
  WEAVE.text = await (await fetch(`${c.url}/manifests/weave-daemonset-k8s.yaml`)).text();
  real = realKubectl(c, home);
  ours = await bundledKubectl(c);
});
afterAll(() => { c?.dispose(); rmSync(home, { recursive: true, force: true }); });

describe("the terminal's kubectl against the real kubectl v1.32", () => {
  const differences: string[] = [];
  it.each(CASES.map((k, i) => [`${i + 1}: kubectl ${k.args.join(" ")}`, k] as const))("%s", async (_title, k) => {
    if (k.setup) await real(k.setup);
    if (k.before) {
      const end = Date.now() + 90_000;
      while (!k.before.until((await real(k.before.args)).stdout) && Date.now() < end) await new Promise((r) => setTimeout(r, 500));
    }
    const theirs = await real(k.args, k.input);
    if (k.reset) await real(k.reset, k.resetInput ?? (k.args[0] === "delete" ? k.input ?? DEPLOY_YAML : undefined));
    const mine = await ours(k.ours ?? k.args, k.ours ? undefined : k.input);
    const same = sameOutput(theirs.stdout, mine.stdout) && sameOutput(theirs.stderr, mine.stderr) && theirs.code === mine.code;
    if (!same) differences.push(`kubectl ${k.args.join(" ")}`);
    // On a difference, the masked texts side by side show where.
    if (!same) expect({ stdout: mask(mine.stdout), stderr: mask(mine.stderr), code: mine.code }).toEqual({ stdout: mask(theirs.stdout), stderr: mask(theirs.stderr), code: theirs.code });
  });
  afterAll(() => { if (differences.length) console.log(`differences:\n${differences.join("\n")}`); });
});
