// A cluster's credentials: hashes of the tokens that may call its API, each with a role
// (admin for the owner's kubeconfigs, viewer for share links). Kept in the cluster's own SQLite.
import { constantTimeEqual, sha256Hex } from "../lib/crypto";
import type { Role } from "./apiserver/authz";

export interface Credential {
  id: string;
  role: Role;
  /** The user name the API server sees, e.g. "kubernetes-admin" or "viewer:<share id>". */
  username: string;
  createdAt: string;
  label: string;
}

export class Credentials {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS credentials (
      id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, username TEXT NOT NULL,
      label TEXT NOT NULL, created_at TEXT NOT NULL)`);
  }

  async add(token: string, c: Credential): Promise<void> {
    const hash = await sha256Hex(token);
    this.sql.exec("INSERT INTO credentials (id, hash, role, username, label, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      c.id, hash, c.role, c.username, c.label, c.createdAt);
  }

  revoke(id: string): boolean {
    return this.sql.exec("DELETE FROM credentials WHERE id = ?", id).rowsWritten > 0;
  }

  list(): Credential[] {
    return this.sql.exec("SELECT id, role, username, label, created_at FROM credentials ORDER BY created_at, id").toArray()
      .map((r) => ({ id: String(r.id), role: r.role as Role, username: String(r.username), label: String(r.label), createdAt: String(r.created_at) }));
  }

  /** The credential a token belongs to, or undefined. The lookup is by hash; the final comparison is constant-time. */
  async verify(token: string | undefined): Promise<Credential | undefined> {
    if (!token || token.length > 200) return undefined;
    const hash = await sha256Hex(token);
    const rows = this.sql.exec("SELECT id, hash, role, username, label, created_at FROM credentials WHERE hash = ?", hash).toArray();
    const r = rows[0];
    if (!r || !constantTimeEqual(String(r.hash), hash)) return undefined;
    return { id: String(r.id), role: r.role as Role, username: String(r.username), label: String(r.label), createdAt: String(r.created_at) };
  }
}
