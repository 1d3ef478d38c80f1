// The machines of a kubeadm-template cluster before and after they are part of Kubernetes: one
// host record per machine (controlplane, node01, node02, ...) with its shape (address, size) and
// what kubeadm has done on it ("none", "control-plane" after `kubeadm init`, "worker" after
// `kubeadm join`), kept in the cluster object's SQLite (table kubeadm_hosts, copied by forks).
// A "ready" cluster has no host records: its machines are its nodes. No upstream file.
import { nodeShapes, type NodeRequest, type NodeShape } from "./nodes";

export type HostRole = "none" | "control-plane" | "worker";

export interface HostRecord {
  name: string;
  shape: NodeShape;
  role: HostRole;
  /** Virtual time (ms) kubeadm init or join finished on the host. */
  since?: number;
}

const TABLE = "kubeadm_hosts";

const created = new WeakSet<SqlStorage>();

function ensure(sql: SqlStorage): void {
  if (created.has(sql)) return;
  created.add(sql);
  sql.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, ord INTEGER NOT NULL, shape TEXT NOT NULL, role TEXT NOT NULL, since INTEGER)`);
}

/** Creates the host records of a new kubeadm-template cluster (no Kubernetes object yet). */
export function createHosts(sql: SqlStorage, req?: NodeRequest): HostRecord[] {
  ensure(sql);
  // Without a pod network CIDR (the default of `kubeadm init`), nodes get no podCIDR.
  const shapes = nodeShapes(req).map((s) => ({ ...s, podCIDR: undefined }));
  shapes.forEach((s, i) => sql.exec(`INSERT INTO ${TABLE} (name, ord, shape, role) VALUES (?, ?, ?, 'none')`, s.name, i, JSON.stringify(s)));
  return listHosts(sql);
}

export function listHosts(sql: SqlStorage): HostRecord[] {
  ensure(sql);
  return sql.exec<{ name: string; shape: string; role: string; since: number | null }>(`SELECT name, shape, role, since FROM ${TABLE} ORDER BY ord`).toArray()
    .map((r) => ({ name: r.name, shape: JSON.parse(r.shape) as NodeShape, role: r.role as HostRole, ...(r.since !== null ? { since: r.since } : {}) }));
}

export function findHost(sql: SqlStorage, name: string): HostRecord | undefined {
  return listHosts(sql).find((h) => h.name === name);
}

export function setHostRole(sql: SqlStorage, name: string, role: HostRole, since: number): void {
  ensure(sql);
  sql.exec(`UPDATE ${TABLE} SET role = ?, since = ? WHERE name = ?`, role, since, name);
}

/** True for a kubeadm-template cluster whose control plane has not been initialized yet. */
export function awaitingInit(sql: SqlStorage): boolean {
  const hosts = listHosts(sql);
  return hosts.length > 0 && !hosts.some((h) => h.role === "control-plane");
}

/** The message of the 503 every Kubernetes API request gets before `kubeadm init`. */
export function notInitializedMessage(sql: SqlStorage): string {
  const cp = listHosts(sql).find((h) => h.shape.controlPlane)?.name ?? "controlplane";
  return `the control plane of this cluster is not initialized: run "kubeadm init" on ${cp}`;
}
