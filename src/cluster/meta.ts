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
  private rngSaved: number | undefined;

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

  rngState(): number | undefined {
    const row = this.sql.exec("SELECT v FROM cluster_meta WHERE k = 'rng'").toArray()[0];
    return row ? Number(row.v) : undefined;
  }

  /** Keeps the random source's state; written only when it moved. */
  saveRng(state: number): void {
    if (state === this.rngSaved) return;
    this.sql.exec("INSERT OR REPLACE INTO cluster_meta (k, v) VALUES ('rng', ?)", String(state));
    this.rngSaved = state;
  }

  set(r: ClusterRecord): void {
    this.sql.exec("INSERT OR REPLACE INTO cluster_meta (k, v) VALUES ('record', ?)", JSON.stringify(r));
    this.cached = r;
  }
}
