// The cluster's own record: id, name, template, owner and creation time, and its clock's state.
import type { ClockState } from "./sim/clock";

export interface ClusterRecord {
  id: string;
  name: string;
  template: "ready" | "kubeadm";
  owner: string;
  createdAt: string;
}

export interface ClusterInfo extends ClusterRecord {
  revision: number;
  objects: number;
  watches: number;
}

export class ClusterMeta {
  private cached: ClusterRecord | undefined;

  constructor(private readonly sql: SqlStorage) {
    sql.exec("CREATE TABLE IF NOT EXISTS cluster_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
  }

  get(): ClusterRecord | undefined {
    if (this.cached) return this.cached;
    const row = this.sql.exec("SELECT v FROM cluster_meta WHERE k = 'record'").toArray()[0];
    this.cached = row ? (JSON.parse(String(row.v)) as ClusterRecord) : undefined;
    return this.cached;
  }

  clock(): ClockState | undefined {
    const row = this.sql.exec("SELECT v FROM cluster_meta WHERE k = 'clock'").toArray()[0];
    return row ? (JSON.parse(String(row.v)) as ClockState) : undefined;
  }

  setClock(c: ClockState): void {
    this.sql.exec("INSERT OR REPLACE INTO cluster_meta (k, v) VALUES ('clock', ?)", JSON.stringify(c));
  }

  set(r: ClusterRecord): void {
    this.sql.exec("INSERT OR REPLACE INTO cluster_meta (k, v) VALUES ('record', ?)", JSON.stringify(r));
    this.cached = r;
  }
}
