// Which nodes have a working pod network, kept in the cluster object's SQLite: a cluster made by
// the kubeadm template needs a CNI plugin on each node (table network_config says so), a "ready"
// cluster has had one from the start. Once a plugin's agent ran on a node, its CNI config stays
// in /etc/cni/net.d, so the node keeps its network (table network_nodes). The kubelet asks
// `networkReady` before it sets up a pod sandbox (upstream: the runtime's NetworkReady condition,
// pkg/kubelet/kubelet.go syncPod "network is not ready").
const CONFIG = "network_config";
const NODES = "network_nodes";

export const NETWORK_NOT_READY_MESSAGE = "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";

const created = new WeakSet<SqlStorage>();

function ensure(sql: SqlStorage): void {
  if (created.has(sql)) return;
  sql.exec(`CREATE TABLE IF NOT EXISTS ${CONFIG} (k TEXT PRIMARY KEY, v TEXT NOT NULL)`);
  sql.exec(`CREATE TABLE IF NOT EXISTS ${NODES} (node TEXT PRIMARY KEY, ord INTEGER NOT NULL, plugin TEXT NOT NULL, pod_cidr TEXT, ready_at INTEGER NOT NULL)`);
  created.add(sql);
}

/** The cluster's nodes get a pod network only from a CNI plugin (the kubeadm template). */
export function requireCni(sql: SqlStorage): void {
  ensure(sql);
  sql.exec(`INSERT OR REPLACE INTO ${CONFIG} (k, v) VALUES ('requires-cni', 'true')`);
}

export function cniRequired(sql: SqlStorage): boolean {
  ensure(sql);
  return sql.exec(`SELECT v FROM ${CONFIG} WHERE k = 'requires-cni'`).toArray().length > 0;
}

interface NodeNetwork { plugin: string; podCIDR?: string; readyAt: number; ord: number }

export function nodeNetwork(sql: SqlStorage, node: string): NodeNetwork | undefined {
  ensure(sql);
  const r = sql.exec<{ plugin: string; pod_cidr: string | null; ready_at: number; ord: number }>(`SELECT plugin, pod_cidr, ready_at, ord FROM ${NODES} WHERE node = ?`, node).toArray()[0];
  return r ? { plugin: r.plugin, readyAt: r.ready_at, ord: r.ord, ...(r.pod_cidr ? { podCIDR: r.pod_cidr } : {}) } : undefined;
}

/** Whether pods on `node` can get a sandbox with a network (hostNetwork pods need none). */
export function networkReady(sql: SqlStorage, node: string): boolean {
  return !cniRequired(sql) || nodeNetwork(sql, node) !== undefined;
}

/** The range the node's CNI plugin assigns pod IPs from, when a plugin (not the node's podCIDR) decides. */
export function cniPodCIDR(sql: SqlStorage, node: string): string | undefined {
  return nodeNetwork(sql, node)?.podCIDR;
}

/** How many nodes have a network already (the next node's order). */
export function networkedNodes(sql: SqlStorage): number {
  ensure(sql);
  return Number(sql.exec(`SELECT COUNT(*) AS n FROM ${NODES}`).one().n);
}

export function markNetworkReady(sql: SqlStorage, node: string, plugin: string, podCIDR: string | undefined, nowMs: number): void {
  ensure(sql);
  sql.exec(`INSERT OR IGNORE INTO ${NODES} (node, ord, plugin, pod_cidr, ready_at) VALUES (?, ?, ?, ?, ?)`, node, networkedNodes(sql), plugin, podCIDR ?? null, nowMs);
}
