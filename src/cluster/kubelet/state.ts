// The kubelet's runtime state, persisted in the object's SQLite so a Durable Object restart
// continues where it was: per pod, the facts the runtime recorded (sandbox, IP, each container's
// attempts with start/finish times and exit codes, pull and crash back-offs), the per-node image
// cache, IP allocations (host-local IPAM) and the node's serialized image pulls. Written only at
// transitions; everything between is computed from these facts.
// Upstream: the state containerd and the kubelet keep in memory (pkg/kubelet/container, images/).
import { cniPodCIDR, networkReady } from "../network/state";

export interface Attempt {
  /** containerd://<64 hex> without the prefix. */
  id: string;
  createdAt: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  /** Terminated reason: Completed, Error, OOMKilled, StartError, ContainerCannotRun. */
  reason?: string;
  message?: string;
  /** The kubelet is stopping it: stop signal at signalAt (after preStop), SIGKILL at killAt. */
  stop?: { signalAt: number; killAt: number; signalled?: boolean; reason?: string };
  /** The memory limit is below what the program needs: the OOM killer ends it then. */
  oomAt?: number;
  /** The postStart hook runs until `until` (the container is not Running before); its error. */
  postStart?: { until: number; error?: string };
}

export interface PullState {
  failures: number;
  /** No new pull before this time (image pull back-off). */
  backOffUntil?: number;
  /** The previous pull error, for the ImagePullBackOff message. */
  lastError?: string;
  lastFailedAt?: number;
  /** The BackOff event was emitted for the current back-off window at this time. */
  backOffReportedAt?: number;
}

export interface ContainerOp {
  kind: "pull" | "create" | "start";
  dueAt: number;
  /** pull: when the Pulling event was emitted (for "including waiting"). */
  requestedAt?: number;
  pullMs?: number;
  error?: string;
}

/** `settled`: the program state (runtime stateKey) under which the passing probe needs no re-run. */
export interface ProbeCounter { failures: number; successes: number; next?: number; ok?: boolean; settled?: string }

/** Consecutive results per probe kind, the next probe time, and when the startup probe passed. */
export interface ProbeState {
  startup?: ProbeCounter;
  liveness?: ProbeCounter;
  readiness?: ProbeCounter;
  startupDoneAt?: number;
}

export interface ContainerRecord {
  name: string;
  /** ephemeral: a debug container (spec.ephemeralContainers), never restarted. */
  kind: "init" | "sidecar" | "regular" | "ephemeral";
  op?: ContainerOp;
  /** Image resolved (docker.io/library/nginx:latest) and its repo digest, once pulled/present. */
  imageRef?: string;
  imageId?: string;
  waiting?: { reason: string; message?: string };
  current?: Attempt;
  previous?: Attempt;
  restartCount: number;
  pull: PullState;
  crash: { failures: number; backOffUntil?: number; reportedAt?: number };
  probes: ProbeState;
}

export interface PodRecord {
  uid: string;
  node: string;
  ns: string;
  name: string;
  seenAt: number;
  rejected?: { reason: string; message: string };
  mount: { failures: number; nextAt?: number; readyAt?: number; missing?: string };
  sandbox?: { requestedAt: number; readyAt: number; ip: string; removedAt?: number };
  containers: Record<string, ContainerRecord>;
  terminating?: { startedAt: number; graceMs: number; killAt: number };
  deleted?: boolean;
}

type Row = { record: string };

export class KubeletState {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS kubelet_pods (uid TEXT PRIMARY KEY, node TEXT NOT NULL, ns TEXT NOT NULL, name TEXT NOT NULL, record TEXT NOT NULL)`);
    sql.exec(`CREATE INDEX IF NOT EXISTS kubelet_pods_ns ON kubelet_pods (ns, name)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS kubelet_images (node TEXT NOT NULL, ref TEXT NOT NULL, pulled_at INTEGER NOT NULL, PRIMARY KEY (node, ref))`);
    sql.exec(`CREATE TABLE IF NOT EXISTS kubelet_ips (node TEXT NOT NULL, ip TEXT NOT NULL, uid TEXT NOT NULL, PRIMARY KEY (node, ip))`);
    sql.exec(`CREATE TABLE IF NOT EXISTS kubelet_nodes (node TEXT PRIMARY KEY, last_ip INTEGER NOT NULL DEFAULT 1, pull_busy_until INTEGER NOT NULL DEFAULT 0)`);
  }

  pod(uid: string): PodRecord | undefined {
    const rows = this.sql.exec<Row>(`SELECT record FROM kubelet_pods WHERE uid = ?`, uid).toArray();
    return rows.length ? (JSON.parse(rows[0]!.record) as PodRecord) : undefined;
  }

  /** The record of the pod ns/name (any uid), if the kubelet knows it. */
  podByName(ns: string, name: string): PodRecord | undefined {
    const rows = this.sql.exec<Row>(`SELECT record FROM kubelet_pods WHERE ns = ? AND name = ?`, ns, name).toArray();
    return rows.length ? (JSON.parse(rows[rows.length - 1]!.record) as PodRecord) : undefined;
  }

  podsInNamespace(ns: string): PodRecord[] {
    return this.sql.exec<Row>(`SELECT record FROM kubelet_pods WHERE ns = ?`, ns).toArray().map((r) => JSON.parse(r.record) as PodRecord);
  }

  podsOnNode(node: string): PodRecord[] {
    return this.sql.exec<Row>(`SELECT record FROM kubelet_pods WHERE node = ?`, node).toArray().map((r) => JSON.parse(r.record) as PodRecord);
  }

  save(rec: PodRecord): void {
    this.sql.exec(`INSERT OR REPLACE INTO kubelet_pods (uid, node, ns, name, record) VALUES (?, ?, ?, ?, ?)`, rec.uid, rec.node, rec.ns, rec.name, JSON.stringify(rec));
  }

  forget(uid: string): void {
    this.sql.exec(`DELETE FROM kubelet_pods WHERE uid = ?`, uid);
    this.sql.exec(`DELETE FROM kubelet_ips WHERE uid = ?`, uid);
  }

  /** Whether a CNI plugin has configured the node's network (always, for clusters that need none). */
  networkReady(node: string): boolean {
    return networkReady(this.sql, node);
  }

  /** The pod CIDR the node's CNI assigned, when it assigns its own. */
  cniPodCIDR(node: string): string | undefined {
    return cniPodCIDR(this.sql, node);
  }

  hasImage(node: string, ref: string): boolean {
    return this.sql.exec(`SELECT 1 FROM kubelet_images WHERE node = ? AND ref = ?`, node, ref).toArray().length > 0;
  }

  addImage(node: string, ref: string, at: number): void {
    this.sql.exec(`INSERT OR REPLACE INTO kubelet_images (node, ref, pulled_at) VALUES (?, ?, ?)`, node, ref, at);
  }

  images(node: string): string[] {
    return this.sql.exec<{ ref: string }>(`SELECT ref FROM kubelet_images WHERE node = ? ORDER BY ref`, node).toArray().map((r) => r.ref);
  }

  private nodeRow(node: string): { last_ip: number; pull_busy_until: number } {
    this.sql.exec(`INSERT OR IGNORE INTO kubelet_nodes (node) VALUES (?)`, node);
    return this.sql.exec<{ last_ip: number; pull_busy_until: number }>(`SELECT last_ip, pull_busy_until FROM kubelet_nodes WHERE node = ?`, node).one();
  }

  /**
   * host-local IPAM: the next free address after the last one handed out (wrapping), from the
   * node's podCIDR; .1 is the bridge's gateway. Undefined when the range is exhausted.
   */
  allocateIP(node: string, podCIDR: string, uid: string): string | undefined {
    const m = podCIDR.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/);
    if (!m) return undefined;
    const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
    const size = 2 ** (32 - Number(m[5]));
    const used = new Set(this.sql.exec<{ ip: string }>(`SELECT ip FROM kubelet_ips WHERE node = ?`, node).toArray().map((r) => r.ip));
    const last = this.nodeRow(node).last_ip;
    for (let i = 1; i < size - 2; i++) {
      const off = ((last - 2 + i) % (size - 3)) + 2;
      const n = (base + off) >>> 0;
      const ip = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
      if (used.has(ip)) continue;
      this.sql.exec(`INSERT INTO kubelet_ips (node, ip, uid) VALUES (?, ?, ?)`, node, ip, uid);
      this.sql.exec(`UPDATE kubelet_nodes SET last_ip = ? WHERE node = ?`, off, node);
      return ip;
    }
    return undefined;
  }

  releaseIP(uid: string): void {
    this.sql.exec(`DELETE FROM kubelet_ips WHERE uid = ?`, uid);
  }

  /** Serialized image pulls (the kubelet's default): returns when a pull requested now can start. */
  pullSlot(node: string, now: number, durationMs: number): { startAt: number; doneAt: number } {
    const busy = this.nodeRow(node).pull_busy_until;
    const startAt = Math.max(now, busy);
    const doneAt = startAt + durationMs;
    this.sql.exec(`UPDATE kubelet_nodes SET pull_busy_until = ? WHERE node = ?`, doneAt, node);
    return { startAt, doneAt };
  }
}
