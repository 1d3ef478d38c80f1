// The objects kubectl's generators build for run and create: the same fields in the same shape
// (creationTimestamp null, resources {}, status {}), so --dry-run=client -o yaml prints what
// kubectl prints. Mirrors kubectl pkg/cmd/run/run.go and pkg/cmd/create/create_*.go.
import type { Obj } from "../client";

/** The container name kubectl derives from an image: the last path part without tag or digest. */
export function containerNameFromImage(image: string): string {
  const last = image.split("/").pop() ?? image;
  return last.split("@")[0]!.split(":")[0]!.replace(/[^a-z0-9-]/g, "-");
}

export function podFor(name: string, o: { image: string; labels: Record<string, string>; restart: string; port?: string; env: string[]; command: boolean; args: string[]; namespace?: string }): Obj {
  const container: Obj = { name, image: o.image };
  if (o.args.length) container[o.command ? "command" : "args"] = o.args;
  if (o.env.length) container.env = o.env.map((e) => { const i = e.indexOf("="); return { name: e.slice(0, i), value: e.slice(i + 1) }; });
  if (o.port) container.ports = [{ containerPort: Number(o.port) }];
  container.resources = {};
  return {
    apiVersion: "v1", kind: "Pod",
    metadata: { creationTimestamp: null, labels: o.labels, name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: o.restart },
    status: {},
  };
}

export function deploymentFor(name: string, images: string[], replicas: number, port: number | undefined, command: string[], namespace?: string): Obj {
  const labels = { app: name };
  const containers = images.map((image, i) => {
    const c: Obj = { name: containerNameFromImage(image), image };
    if (i === 0 && command.length) c.command = command;
    if (port !== undefined && port >= 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  return {
    apiVersion: "apps/v1", kind: "Deployment",
    metadata: { creationTimestamp: null, labels, name, ...(namespace ? { namespace } : {}) },
    spec: { replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } } },
    status: {},
  };
}

export function serviceFor(name: string, type: string, tcp: string[], nodePort: number, namespace?: string): Obj {
  const ports = tcp.map((p) => {
    const [port, target] = p.split(":");
    const out: Obj = { name: `${port}-${target ?? port}`, port: Number(port), protocol: "TCP", targetPort: Number(target ?? port) };
    if (type === "NodePort" && nodePort) out.nodePort = nodePort;
    return out;
  });
  const spec: Obj = type === "ExternalName" ? { type } : { ports, selector: { app: name }, type };
  return {
    apiVersion: "v1", kind: "Service",
    metadata: { creationTimestamp: null, labels: { app: name }, name, ...(namespace ? { namespace } : {}) },
    spec, status: { loadBalancer: {} },
  };
}

export function jobFor(name: string, image: string, command: string[], namespace?: string): Obj {
  const c: Obj = { name, image };
  if (command.length) c.command = command;
  c.resources = {};
  return {
    apiVersion: "batch/v1", kind: "Job",
    metadata: { creationTimestamp: null, name, ...(namespace ? { namespace } : {}) },
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [c], restartPolicy: "Never" } } },
    status: {},
  };
}
