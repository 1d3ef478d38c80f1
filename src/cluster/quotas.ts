// A cluster's limits: quotas on objects and bytes stored (checked before a write reaches the
// API server, answered as Forbidden in the wording of the ResourceQuota admission plugin,
// plugin/pkg/admission/resourcequota/controller.go), the idle expiry (TTL refreshed by use) and
// the guard that applies them together with the per-token rate limit in front of the API server.
import { parseRequestInfo } from "./apiserver/request-info";
import { forbidden, type StatusError } from "./apiserver/status";
import { statusResponse } from "./apiserver/responses";
import { bearer } from "./apiserver/server";
import type { Store } from "./store/types";
import type { Credential } from "./credentials";
import { ClusterRateLimiter } from "./ratelimit";
import type { BucketConfig } from "../lib/token-bucket";

export const CLUSTER_QUOTAS = {
  /** Objects stored (every kind, including events). */
  objects: 20_000,
  /** Bytes of the cluster's SQLite database (objects, history, timers, traces); also bounds a fork's in-memory export. */
  bytes: 96 * 1024 * 1024,
  /** Watches open at once (the ApiServer's maxWatches). */
  watches: 200,
};

export const DEFAULT_TTL_HOURS = 7 * 24;
const HOUR_MS = 3_600_000;

const mib = (n: number) => `${Math.ceil(n / 1048576)}Mi`;

export class ClusterQuotas {
  constructor(private readonly storage: DurableObjectStorage, private readonly store: Store, private readonly limits = CLUSTER_QUOTAS) {}

  /** The quota a write would exceed, as the Status to answer with; undefined when it fits. */
  check(method: string, path: string, query: URLSearchParams): StatusError | undefined {
    const info = parseRequestInfo(method, path, query);
    if (!info.isResourceRequest || info.verb === "delete" || info.verb === "deletecollection") return undefined;
    const gr = { group: info.group, resource: info.resource };
    const bytes = this.storage.sql.databaseSize;
    if (bytes >= this.limits.bytes) {
      return forbidden(gr, info.name ?? "", `exceeded quota: podlab-storage, requested: storage, used: storage=${mib(bytes)}, limited: storage=${mib(this.limits.bytes)}`);
    }
    if (info.verb !== "create" || info.subresource) return undefined;
    const used = this.store.count("/registry/");
    if (used >= this.limits.objects) {
      return forbidden(gr, info.name ?? "", `exceeded quota: podlab-objects, requested: objects=1, used: objects=${used}, limited: objects=${this.limits.objects}`);
    }
    return undefined;
  }
}

/** Idle expiry: the cluster is erased when no request came for its TTL (wall time, not virtual). */
export class IdleExpiry {
  private cached: { ttlMs: number; expiresAt: number } | undefined | null = null;

  constructor(private readonly sql: SqlStorage) {
    sql.exec("CREATE TABLE IF NOT EXISTS limits_expiry (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
  }

  /** Starts (or restarts) the TTL from `nowMs`. */
  start(ttlHours: number, nowMs: number): number {
    const ttlMs = ttlHours * HOUR_MS;
    this.write(ttlMs, nowMs + ttlMs);
    return nowMs + ttlMs;
  }

  /** When the cluster expires if unused (ms since the epoch); undefined before `start`. */
  expiresAt(): number | undefined {
    return this.read()?.expiresAt;
  }

  ttlHours(): number | undefined {
    const r = this.read();
    return r ? r.ttlMs / HOUR_MS : undefined;
  }

  /**
   * Pushes the expiry back after a request. Written at most once per refresh interval (an hour,
   * or a tenth of a shorter TTL), so a busy cluster does not write on every request.
   */
  touch(nowMs: number): boolean {
    const r = this.read();
    if (!r || !this.refreshDue(nowMs)) return false;
    this.write(r.ttlMs, nowMs + r.ttlMs);
    return true;
  }

  /** True when a request at `nowMs` would move the expiry by more than the refresh interval. */
  refreshDue(nowMs: number): boolean {
    const r = this.read();
    return !!r && nowMs + r.ttlMs - r.expiresAt >= Math.min(HOUR_MS, r.ttlMs / 10);
  }

  /** True when the TTL has passed: the alarm handler then erases the cluster. */
  expiryDue(nowMs: number): boolean {
    const at = this.expiresAt();
    return at !== undefined && nowMs >= at;
  }

  private read() {
    if (this.cached !== null) return this.cached;
    const rows = this.sql.exec<{ k: string; v: number }>("SELECT k, v FROM limits_expiry").toArray();
    const get = (k: string) => rows.find((r) => r.k === k)?.v;
    const ttlMs = get("ttl_ms"), expiresAt = get("expires_at");
    this.cached = ttlMs !== undefined && expiresAt !== undefined ? { ttlMs, expiresAt } : undefined;
    return this.cached;
  }

  private write(ttlMs: number, expiresAt: number): void {
    this.sql.exec("INSERT OR REPLACE INTO limits_expiry (k, v) VALUES ('ttl_ms', ?), ('expires_at', ?)", ttlMs, expiresAt);
    this.cached = { ttlMs, expiresAt };
  }
}

export interface ClusterLimitsUsage {
  bytes: number;
  expiresAt?: string;
  ttlHours?: number;
  limits: typeof CLUSTER_QUOTAS;
}

/** What stands in front of the API server: rate limit, expiry refresh, then quotas on writes. */
export class ClusterGuard {
  readonly rate: ClusterRateLimiter;
  readonly quotas: ClusterQuotas;
  readonly expiry: IdleExpiry;

  constructor(private readonly storage: DurableObjectStorage, store: Store, private readonly verify: (token: string | undefined) => Promise<Credential | undefined>,
    rate?: BucketConfig) {
    this.rate = new ClusterRateLimiter(rate);
    this.quotas = new ClusterQuotas(storage, store);
    this.expiry = new IdleExpiry(storage.sql);
  }

  /** Bytes stored, the idle expiry and the cluster's limits, for the service's usage views. */
  usage(): ClusterLimitsUsage {
    const at = this.expiry.expiresAt();
    return {
      bytes: this.storage.sql.databaseSize,
      expiresAt: at === undefined ? undefined : new Date(at).toISOString(),
      ttlHours: this.expiry.ttlHours(),
      limits: { ...CLUSTER_QUOTAS },
    };
  }

  /** A response refusing the request, or undefined to let the API server handle it. */
  async admit(req: Request, path: string, nowMs = Date.now()): Promise<Response | undefined> {
    const token = bearer(req);
    const limited = await this.rate.take(token, nowMs);
    if (limited) return statusResponse(limited);
    const write = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
    // Only a valid token refreshes the expiry or learns about quotas; anything else goes on to
    // the API server's authentication and gets its 401.
    const refresh = this.expiry.refreshDue(nowMs);
    if (!write && !refresh) return undefined;
    const cred = await this.verify(token);
    if (!cred) return undefined;
    if (refresh) this.expiry.touch(nowMs);
    if (!write || cred.role !== "admin") return undefined;
    const over = this.quotas.check(req.method, path, new URL(req.url).searchParams);
    return over ? statusResponse(over) : undefined;
  }
}
