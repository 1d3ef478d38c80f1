// describeContainers of describe.go: each container's ids, image, ports, command and args, state
// and last state, Ready/Restart Count, resources, probes (DescribeProbe), environment (values,
// fieldRef resolved against the pod as EnvValueRetriever does, secret/config map key refs),
// envFrom and mounts.
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type Writer } from "./prefix-writer";
import { byBytes, goInt, printBool, rfc1123z, str, type Json } from "./go-format";
import { describeResources, stringOrNone } from "./common";
import { tryParseQuantity, milliValue, quantityValue } from "../../../cluster/apiserver/validation/quantity";

export type EnvResolver = ((e: Json) => string) | undefined;

const intOrStr = (v: unknown): string => (typeof v === "number" ? String(v) : str(v));

/** DescribeProbe: "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function describeProbe(p: Json): string {
  const attrs = `delay=${goInt(p.initialDelaySeconds)}s timeout=${goInt(p.timeoutSeconds)}s period=${goInt(p.periodSeconds)}s ` +
    `#success=${goInt(p.successThreshold)} #failure=${goInt(p.failureThreshold)}`;
  if (p.exec) return `exec [${((p.exec.command ?? []) as string[]).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const port = intOrStr(p.httpGet.port);
    const h = str(p.httpGet.host);
    const host = port.length > 0 ? `${h.includes(":") ? `[${h}]` : h}:${port}` : h;
    let path = str(p.httpGet.path);
    if (path && !path.startsWith("/") && host) path = `/${path}`;
    const scheme = str(p.httpGet.scheme).toLowerCase();
    return `http-get ${scheme ? `${scheme}:` : ""}${host ? `//${host}` : ""}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${str(p.tcpSocket.host)}:${intOrStr(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${goInt(p.grpc.port)} ${str(p.grpc.service)} ${attrs}`;
  return `unknown ${attrs}`;
}

/** EnvValueRetriever: the value of a downward API fieldRef read from the pod. */
export function envValueRetriever(pod: Json): (e: Json) => string {
  return (e) => {
    const path = str(e.valueFrom?.fieldRef?.fieldPath);
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m) return str(pod.metadata?.[m[1]]?.[m[2]]);
    switch (path) {
      case "metadata.name": return str(pod.metadata?.name);
      case "metadata.namespace": return str(pod.metadata?.namespace);
      case "metadata.uid": return str(pod.metadata?.uid);
      case "spec.nodeName": return str(pod.spec?.nodeName);
      case "spec.serviceAccountName": return str(pod.spec?.serviceAccountName);
      case "status.hostIP": return str(pod.status?.hostIP);
      case "status.hostIPs": return ((pod.status?.hostIPs ?? []) as Json[]).map((i) => str(i.ip)).join(",");
      case "status.podIP": return str(pod.status?.podIP);
      case "status.podIPs": return ((pod.status?.podIPs ?? []) as Json[]).map((i) => str(i.ip)).join(",");
      default: return "";
    }
  };
}

/** resourcehelper.ExtractContainerResourceValue: the resource divided by the divisor, rounded up. */
function containerResourceValue(ref: Json, c: Json): string {
  const [kind, name] = str(ref.resource).split(".");
  const q = tryParseQuantity(c.resources?.[kind]?.[name] ?? "0");
  const divisor = tryParseQuantity(ref.divisor ?? "1");
  if (!q || !divisor || divisor.mantissa === 0n) return "";
  if (name === "cpu") return String(Math.ceil(milliValue(q) / milliValue(divisor)));
  return String(Math.ceil(quantityValue(q) / quantityValue(divisor)));
}

function describeStatus(stateName: string, state: Json | undefined, w: Writer): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${goInt(t.exitCode)}\n`);
    if (typeof t.signal === "number" && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function describeBasicInfo(c: Json, status: Json | undefined, space: string, w: Writer): void {
  w.write(LEVEL_1, `${space.length > 0 ? " " : ""}${str(c.name)}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${str(status.containerID)}\n`);
  w.write(LEVEL_2, `Image:\t${str(c.image)}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${str(status.imageID)}\n`);
  const ports = (c.ports ?? []) as Json[];
  const portString = ports.map((p) => `${goInt(p.containerPort)}/${str(p.protocol)}`).join(", ");
  w.write(LEVEL_2, portString.includes(",") ? `Ports:\t${portString}\n` : `Port:\t${stringOrNone(portString)}\n`);
  const hostPortString = ports.map((p) => `${goInt(p.hostPort)}/${str(p.protocol)}`).join(", ");
  w.write(LEVEL_2, hostPortString.includes(",") ? `Host Ports:\t${hostPortString}\n` : `Host Port:\t${stringOrNone(hostPortString)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${str(seccomp.type)}\n`);
    if (seccomp.type === "Localhost") w.write(LEVEL_3, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
  }
}

function describeCommand(c: Json, w: Writer): void {
  for (const [title, list] of [["Command", c.command], ["Args", c.args]] as const) {
    if (!Array.isArray(list) || list.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list as string[]) for (const s of item.split("\n")) w.write(LEVEL_3, `${s}\n`);
  }
}

function describeEnvFrom(c: Json, w: Writer): void {
  w.write(LEVEL_2, "Environment Variables from:\n");
  for (const e of c.envFrom as Json[]) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? "ConfigMap" : e.secretRef ? "Secret" : "";
    const optional = ref?.optional === true;
    if (!e.prefix) w.write(LEVEL_3, `${str(ref?.name)}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${str(ref?.name)}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeEnvVars(c: Json, resolve: EnvResolver, w: Writer): void {
  const env = (c.env ?? []) as Json[];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    const vf = e.valueFrom;
    if (!vf) {
      str(e.value).split("\n").forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${str(e.name)}:\t${s}\n` : `\t${s}\n`));
    } else if (vf.fieldRef) {
      const value = resolve ? resolve(e) : "";
      w.write(LEVEL_3, `${str(e.name)}:\t${value} (${str(vf.fieldRef.apiVersion)}:${str(vf.fieldRef.fieldPath)})\n`);
    } else if (vf.resourceFieldRef) {
      let value = containerResourceValue(vf.resourceFieldRef, c);
      const resource = str(vf.resourceFieldRef.resource);
      if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory")) value = "node allocatable";
      w.write(LEVEL_3, `${str(e.name)}:\t${value} (${resource})\n`);
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      w.write(LEVEL_3, `${str(e.name)}:\t<set to the key '${str(r.key)}' in secret '${str(r.name)}'>\tOptional: ${r.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      w.write(LEVEL_3, `${str(e.name)}:\t<set to the key '${str(r.key)}' of config map '${str(r.name)}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

function describeMounts(c: Json, w: Writer): void {
  const mounts = [...((c.volumeMounts ?? []) as Json[])].sort((a, b) => byBytes(str(a.mountPath), str(b.mountPath)));
  const none = mounts.length === 0 ? "\t<none>" : "";
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly === true ? "ro" : "rw"];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(",")})\n`);
  }
  const devices = [...((c.volumeDevices ?? []) as Json[])].sort((a, b) => byBytes(str(a.devicePath), str(b.devicePath)));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${str(d.devicePath)} from ${str(d.name)}\n`);
  }
}

export function describeContainers(label: string, containers: Json[] | undefined, statuses: Json[] | undefined,
  resolve: EnvResolver, w: Writer, space: string): void {
  const byName = new Map<string, Json>();
  for (const s of statuses ?? []) byName.set(str(s.name), s);
  const list = containers ?? [];
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? " <none>" : ""}\n`);
  for (const c of list) {
    const status = byName.get(str(c.name));
    describeBasicInfo(c, status, space, w);
    describeCommand(c, w);
    if (status) {
      describeStatus("State", status.state, w);
      if (status.lastState?.terminated) describeStatus("Last State", status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${goInt(status.restartCount)}\n`);
    }
    describeResources(c.resources, w, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if (Array.isArray(c.envFrom) && c.envFrom.length > 0) describeEnvFrom(c, w);
    describeEnvVars(c, resolve, w);
    describeMounts(c, w);
  }
}
