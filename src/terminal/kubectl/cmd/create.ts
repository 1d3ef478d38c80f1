// kubectl create: from files (-f) and the typed generators (namespace, deployment, service
// clusterip|nodeport|loadbalancer, configmap, secret generic, job, role, clusterrole,
// rolebinding, clusterrolebinding). Mirrors kubectl pkg/cmd/create/create.go and create_*.go.
import { ACCEPT_JSON, type Obj, query } from "../client";
import type { Kctx } from "../context";
import { collectionPath, resolveResource } from "../discovery";
import { ApiError, errorText, fail, usage } from "../errors";
import { type FlagSpec, type Parsed, bool, list, num, parseFlags, str } from "../flags";
import { readManifests } from "../manifest";
import { dryRun, dryRunFlags, mappingOf, objectNamespace, printResult } from "../mutate";
import { deploymentFor, jobFor, serviceFor } from "./generators";
import { clusterRoleBindingFor, clusterRoleFor, roleBindingFor, roleFor, type BindingOptions, type RuleOptions } from "./generators-rbac";

const common: FlagSpec[] = [...dryRunFlags, { name: "field-manager", type: "string", def: "kubectl-create" }, { name: "save-config", type: "bool" }, { name: "validate", type: "string", def: "strict", noOptDef: "strict" }];
const SUBFLAGS: Record<string, FlagSpec[]> = {
  namespace: [], ns: [],
  deployment: [{ name: "image", type: "strings" }, { name: "replicas", short: "r", type: "int", def: 1 }, { name: "port", type: "int", def: -1 }],
  deploy: [],
  configmap: [{ name: "from-literal", type: "array" }, { name: "from-file", type: "array" }, { name: "from-env-file", type: "array" }, { name: "append-hash", type: "bool" }],
  cm: [],
  secret: [{ name: "from-literal", type: "array" }, { name: "from-file", type: "array" }, { name: "type", type: "string" }, { name: "append-hash", type: "bool" },
    { name: "docker-server", type: "string", def: "https://index.docker.io/v1/" }, { name: "docker-username", type: "string" },
    { name: "docker-password", type: "string" }, { name: "docker-email", type: "string" }],
  service: [{ name: "tcp", type: "strings" }, { name: "node-port", type: "int", def: 0 }, { name: "clusterip", type: "string" }],
  svc: [],
  job: [{ name: "image", type: "string" }, { name: "from", type: "string" }],
  role: [{ name: "verb", type: "strings" }, { name: "resource", type: "strings" }, { name: "resource-name", type: "array" }],
  clusterrole: [{ name: "verb", type: "strings" }, { name: "resource", type: "strings" }, { name: "resource-name", type: "array" },
    { name: "non-resource-url", type: "strings" }, { name: "aggregation-rule", type: "strings" }],
  rolebinding: [{ name: "clusterrole", type: "string" }, { name: "role", type: "string" }, { name: "user", type: "array" }, { name: "group", type: "array" }, { name: "serviceaccount", type: "array" }],
  clusterrolebinding: [{ name: "clusterrole", type: "string" }, { name: "user", type: "array" }, { name: "group", type: "array" }, { name: "serviceaccount", type: "array" }],
};
SUBFLAGS.deploy = SUBFLAGS.deployment!; SUBFLAGS.cm = SUBFLAGS.configmap!; SUBFLAGS.svc = SUBFLAGS.service!;

export async function runCreate(k: Kctx): Promise<number> {
  const raw = k.flags.args;
  let sub = raw.find((a) => !a.startsWith("-"));
  if (sub && !(sub in SUBFLAGS)) sub = undefined;
  let svcType = "";
  let rest = sub ? raw.filter((a, i) => i !== raw.indexOf(sub!)) : raw;
  if (sub === "service" || sub === "svc" || sub === "secret") {
    const t = rest.find((a) => !a.startsWith("-"));
    if (t) { svcType = t; rest = rest.filter((a, i) => i !== rest.indexOf(t)); }
  }
  const path = sub ? `kubectl create ${sub}${svcType ? " " + svcType : ""}` : "kubectl create";
  const specs = sub ? [...common, ...SUBFLAGS[sub]!] : [...common, { name: "filename", short: "f", type: "array" as const }, { name: "recursive", short: "R", type: "bool" as const }, { name: "edit", type: "bool" as const }, { name: "raw", type: "string" as const }, { name: "selector", short: "l", type: "string" as const }, { name: "windows-line-endings", type: "bool" as const }];
  const f = parseFlags(rest, specs, path);
  (k.flags as Parsed).flags = f.flags; (k.flags as Parsed).changed = f.changed;
  if (!sub) return createFromFiles(k, list(f, "filename"));
  const name = f.args[0];
  if (!name) throw usage("NAME is required", path);
  const ns = k.namespace;
  let obj: Obj;
  switch (sub) {
    case "namespace": case "ns":
      obj = { apiVersion: "v1", kind: "Namespace", metadata: { creationTimestamp: null, name }, spec: {}, status: {} };
      break;
    case "deployment": case "deploy": {
      const images = list(f, "image");
      if (!images.length) throw fail("required flag(s) \"image\" not set");
      obj = deploymentFor(name, images, num(f, "replicas"), num(f, "port"), (f.dashArgs ?? []), undefined);
      break;
    }
    case "configmap": case "cm":
      obj = { apiVersion: "v1", data: fromSources(k, f, false), kind: "ConfigMap", metadata: { creationTimestamp: null, name } };
      break;
    case "secret":
      if (svcType === "docker-registry") { obj = dockerRegistrySecret(f, name); break; }
      if (svcType !== "generic") throw usage(`unknown secret type "${svcType}"`, "kubectl create secret");
      obj = { apiVersion: "v1", data: fromSources(k, f, true), kind: "Secret", metadata: { creationTimestamp: null, name }, ...(str(f, "type") ? { type: str(f, "type") } : {}) };
      break;
    case "service": case "svc": {
      const types: Record<string, string> = { clusterip: "ClusterIP", nodeport: "NodePort", loadbalancer: "LoadBalancer" };
      if (!types[svcType]) throw usage(`unknown service type "${svcType}"`, "kubectl create service");
      const tcp = list(f, "tcp");
      if (!tcp.length && str(f, "clusterip") !== "None") throw fail("at least one tcp port specifier must be provided");
      obj = serviceFor(name, types[svcType]!, tcp, num(f, "node-port"));
      if (str(f, "clusterip")) obj.spec.clusterIP = str(f, "clusterip");
      break;
    }
    case "role": case "clusterrole": case "rolebinding": case "clusterrolebinding":
      obj = await rbacObject(k, sub, name, f);
      break;
    default: {
      if (str(f, "from")) {
        // create_job.go: --from names a CronJob to copy, looked up through the REST mapper (this
        // cluster serves no cronjobs, so the mapping is what fails).
        const [type, from] = str(f, "from").split("/");
        if (!from) throw fail(`from must be of the form <kind>/<name>, was: ${str(f, "from")}`);
        const r = resolveResource(await k.discovery(), type!);
        throw fail(`unknown object type ${r.kind}`);
      }
      if (!str(f, "image")) throw fail("--image must be specified");
      obj = jobFor(name, str(f, "image"), f.dashArgs ?? []);
    }
  }
  const mode = dryRun(k);
  if (mode === "client") { await printResult(k, obj, "created", mode, true); return 0; }
  const r = await mappingOf(k, obj);
  const created = await k.client.json("POST", collectionPath(r, ns) + query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: str(f, "field-manager"), fieldValidation: "Strict" }), { accept: ACCEPT_JSON, body: obj });
  await printResult(k, { ...created, apiVersion: obj.apiVersion, kind: obj.kind }, "created", mode, true);
  return 0;
}

async function rbacObject(k: Kctx, sub: string, name: string, f: Parsed): Promise<Obj> {
  const rules: RuleOptions = { verbs: list(f, "verb"), resources: list(f, "resource"), resourceNames: list(f, "resource-name"), nonResourceURLs: list(f, "non-resource-url") };
  const subjects: BindingOptions = { users: list(f, "user"), groups: list(f, "group"), serviceAccounts: list(f, "serviceaccount") };
  const warnings: string[] = [];
  let obj: Obj;
  if (sub === "role") obj = roleFor(await k.discovery(), name, rules, (w) => warnings.push(w));
  else if (sub === "clusterrole") {
    const aggregation = Object.fromEntries(list(f, "aggregation-rule").map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
    obj = clusterRoleFor(await k.discovery(), name, rules, aggregation, (w) => warnings.push(w));
  } else if (sub === "rolebinding") obj = roleBindingFor(name, str(f, "clusterrole"), str(f, "role"), subjects);
  else obj = clusterRoleBindingFor(name, str(f, "clusterrole"), subjects);
  for (const w of warnings) await k.err(w);
  return obj;
}

function fromSources(k: Kctx, f: Parsed, encode: boolean): Obj {
  const data: Record<string, string> = {};
  const enc = (v: string) => (encode ? base64(v) : v);
  for (const lit of list(f, "from-literal")) {
    const i = lit.indexOf("=");
    if (i <= 0) throw fail(`invalid literal source ${lit}, expected key=value`);
    const key = lit.slice(0, i);
    if (key in data) throw fail(`cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${f.args[0]}"`);
    data[key] = enc(lit.slice(i + 1));
  }
  for (const src of list(f, "from-file")) {
    const eq = src.indexOf("=");
    const key = eq > 0 ? src.slice(0, eq) : src.split("/").pop()!;
    const p = eq > 0 ? src.slice(eq + 1) : src;
    const r = k.sh.fs.readFile(p.startsWith("/") ? p : `${k.sh.cwd}/${p}`);
    if (!r.ok) throw fail(`error reading ${p}: no such file or directory`);
    data[key] = enc(r.value);
  }
  return data;
}

async function createFromFiles(k: Kctx, files: string[]): Promise<number> {
  if (!files.length) throw fail("must specify one of -f and -k");
  let status = 0;
  const mode = dryRun(k);
  for (const m of await readManifests(k, files)) {
    try {
      const r = await mappingOf(k, m.obj);
      const ns = objectNamespace(k, r, m.obj);
      if (mode === "client") { await printResult(k, m.obj, "created", mode); continue; }
      const created = await k.client.json("POST", collectionPath(r, ns) + query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: "kubectl-create", fieldValidation: "Strict" }), { body: m.obj })
        .catch((e) => { throw e instanceof ApiError ? e.wrap(`error when creating "${m.source}": `) : e; });
      await printResult(k, { ...created, apiVersion: m.obj.apiVersion, kind: m.obj.kind }, "created", mode);
    } catch (e) {
      await k.err(errorText(e));
      status = 1;
    }
  }
  return status;
}

export { resolveResource };

/** create secret docker-registry: a .dockerconfigjson for one registry (create_secret_docker.go). */
function dockerRegistrySecret(f: Parsed, name: string): Obj {
  const user = str(f, "docker-username"), password = str(f, "docker-password"), email = str(f, "docker-email");
  if (!user || !password) throw fail("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required");
  const entry: Record<string, string> = { username: user, password };
  if (email) entry.email = email;
  entry.auth = base64(`${user}:${password}`);
  const config = JSON.stringify({ auths: { [str(f, "docker-server")]: entry } });
  return {
    apiVersion: "v1", data: { ".dockerconfigjson": base64(config) }, kind: "Secret",
    metadata: { creationTimestamp: null, name }, type: "kubernetes.io/dockerconfigjson",
  };
}

/** Standard base64 of a string's UTF-8 bytes. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
