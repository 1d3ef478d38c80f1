// The Account Durable Object: one per account. Holds the account token's hash, the list of the
// account's clusters and the rate limit of its token, and answers the quota questions. Never
// holds a cluster's data. Methods return results as data (RPC does not carry error classes).
import { DurableObject } from "cloudflare:workers";
import { constantTimeEqual, sha256Hex } from "../lib/crypto";
import { TokenBuckets } from "../lib/token-bucket";
import { ACCOUNT_QUOTAS, SERVICE_RATE_LIMIT } from "./limits";
import type { ClusterSummary } from "./schemas";

export interface AccountRecord { id: string; name: string; createdAt: string }

export type Authentication =
  | { ok: true; account: AccountRecord }
  | { ok: false; reason: "unauthorized" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export class AccountObject extends DurableObject {
  private readonly sql: SqlStorage;
  private readonly buckets = new TokenBuckets(SERVICE_RATE_LIMIT, 16);

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS account (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL, created_at TEXT NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS clusters (id TEXT PRIMARY KEY, summary TEXT NOT NULL, created_at TEXT NOT NULL)`);
  }

  /** Creates the account; undefined when this object already holds one. */
  create(id: string, name: string, tokenHash: string): AccountRecord | undefined {
    if (this.record()) return undefined;
    const createdAt = new Date().toISOString();
    this.sql.exec("INSERT INTO account (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)", id, name, tokenHash, createdAt);
    return { id, name, createdAt };
  }

  /**
   * The account when the token is its current one, after taking one request from the token's
   * rate-limit bucket. Wrong tokens take nothing, so they cannot lock the owner out.
   */
  async authenticate(token: string): Promise<Authentication> {
    const row = this.sql.exec("SELECT id, name, token_hash, created_at FROM account").toArray()[0];
    if (!row) return { ok: false, reason: "unauthorized" };
    const hash = await sha256Hex(token);
    if (!constantTimeEqual(hash, String(row.token_hash))) return { ok: false, reason: "unauthorized" };
    const wait = this.buckets.take(hash, Date.now());
    if (wait) return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };
    return { ok: true, account: { id: String(row.id), name: String(row.name), createdAt: String(row.created_at) } };
  }

  /** Replaces the token: the old one stops working with this call. */
  rotate(tokenHash: string): void {
    this.sql.exec("UPDATE account SET token_hash = ?", tokenHash);
  }

  private record(): AccountRecord | undefined {
    const row = this.sql.exec("SELECT id, name, created_at FROM account").toArray()[0];
    return row ? { id: String(row.id), name: String(row.name), createdAt: String(row.created_at) } : undefined;
  }

  /** Reserves a cluster slot; false when the quota is used up. */
  addCluster(summary: ClusterSummary): boolean {
    const n = this.sql.exec("SELECT COUNT(*) AS n FROM clusters").one().n as number;
    if (n >= ACCOUNT_QUOTAS.clusters) return false;
    this.sql.exec("INSERT INTO clusters (id, summary, created_at) VALUES (?, ?, ?)", summary.id, JSON.stringify(summary), summary.createdAt);
    return true;
  }

  removeCluster(id: string): boolean {
    return this.sql.exec("DELETE FROM clusters WHERE id = ?", id).rowsWritten > 0;
  }

  getCluster(id: string): ClusterSummary | undefined {
    const row = this.sql.exec("SELECT summary FROM clusters WHERE id = ?", id).toArray()[0];
    return row ? (JSON.parse(String(row.summary)) as ClusterSummary) : undefined;
  }

  listClusters(): ClusterSummary[] {
    return this.sql.exec("SELECT summary FROM clusters ORDER BY created_at, id").toArray()
      .map((r) => JSON.parse(String(r.summary)) as ClusterSummary);
  }
}
