// The Cluster Durable Object: one per cluster. It only wires components together: the
// revisioned store, the API server, credentials, the trace store, and (through alarms) the
// simulated control plane and nodes. The service calls its RPC methods; kubectl reaches
// `fetch` through the Worker under /clusters/<id>/.
import { DurableObject } from "cloudflare:workers";
import { SqliteStore } from "./store/sqlite-store";
import { ApiServer } from "./apiserver/server";
import { uuidFrom, nameSuffix } from "./apiserver/object-meta";
import { Credentials, type Credential } from "./credentials";
import { TraceStore } from "./trace-store";
import { initTemplate, hostsGate } from "./templates/index";
import { addWorkerNode, type AddNodeRequest } from "./templates/add-node";
import { networkComponent } from "./network/index";
import type { NodeRequest } from "./templates/nodes";
import type { KObject } from "./apiserver/registry/types";
import { updateManagedFields } from "./apiserver/patch";
import { json } from "./apiserver/responses";
import { VirtualClock } from "./sim/clock";
import { Timers } from "./sim/timers";
import { Engine } from "./engine/engine";
import { ApiClient } from "./engine/client";
import { clusterComponents, componentUser } from "./components";
import { createNodeProxy, markNodeNotReady, markNodeReady, staticPods } from "./kubelet/index";
import { getProfile } from "./sim/profiles/index";
import { Rng } from "./sim/rng";
import { unauthorized } from "./apiserver/status";
import { ClusterMeta, type ClusterInfo } from "./meta";
import { findResource, storagePrefix } from "./apiserver/resources";
import type { Store } from "./store/types";
import { ClusterGuard, CLUSTER_QUOTAS } from "./quotas";
import { AlarmScheduler } from "./alarm";
import { exportTables, importTables, type ExportOptions } from "./fork";
import type { ClusterRecord } from "./meta";
import { TerminalHub } from "../terminal/hub";

export interface InitParams {
  id: string;
  name: string;
  template: "ready" | "kubeadm";
  nodes?: NodeRequest;
  owner: string;
}

export interface ClockAction { action: "get" | "pause" | "resume" | "step" | "speed"; ms?: number; speed?: number }
export interface ClockReport { now: string; speed: number; paused: boolean; pendingTimers: number }

/** How long a new cluster's control plane has been running when it is handed over. */
const READY_CLUSTER_AGE_MS = 2 * 60_000;

export class ClusterObject extends DurableObject {
  private readonly store: SqliteStore;
  private readonly credentials: Credentials;
  private readonly traces: TraceStore;
  private readonly meta: ClusterMeta;
  private readonly clock: VirtualClock;
  private readonly timers: Timers;
  private readonly engine: Engine;
  private readonly alarm_: AlarmScheduler;
  private readonly rng: Rng;
  readonly api: ApiServer;
  private erased = false;
  /** Rate limit, quotas and idle expiry in front of the API server (quotas.ts). */
  readonly guard: ClusterGuard;
  /** The machines of a kubeadm-template cluster: `kubeadm init`/`join` from the terminal, the 503 before init. */
  private readonly hosts = { sql: this.ctx.storage.sql, verify: (t: string) => this.credentials.verify(t), kubeadm: () => ({ registry: this.api.registry, sql: this.ctx.storage.sql, now: this.clock.date(), hex, random: () => this.rng.next(), staticPods }) };
  /** The web terminal's hibernatable WebSockets (src/terminal/hub.ts); its kubectl comes back through `fetch`. */
  readonly terminal = new TerminalHub(this.ctx, { verify: (t) => this.credentials.verify(t), fetch: (r) => this.fetch(r), now: () => this.clock.now(), realDelay: (ms) => this.clock.paused ? ms : ms / this.clock.speed, cluster: () => this.erased ? undefined : this.meta.get() });

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    const sql = ctx.storage.sql;
    this.store = new SqliteStore(ctx.storage);
    this.credentials = new Credentials(sql);
    this.traces = new TraceStore(sql);
    this.meta = new ClusterMeta(sql);
    this.guard = new ClusterGuard(ctx.storage, this.store, (t) => this.credentials.verify(t), rateLimitFrom(env));
    this.clock = new VirtualClock(Date.now, this.meta.clock());
    this.timers = new Timers(sql);
    this.alarm_ = new AlarmScheduler(ctx.storage);
    // One seeded random source per cluster (uids, name suffixes, tie-breaks), kept across restarts
    // and copied by forks, so the same actions give the same results.
    this.rng = new Rng(this.meta.rngState() ?? crypto.getRandomValues(new Uint32Array(1))[0]!);
    const random = () => this.rng.next();
    const now = () => this.clock.date();
    this.api = new ApiServer({
      store: this.store,
      now,
      ids: { uid: () => uuidFrom(random), suffix: () => nameSuffix(random) },
      reader: {
        get: (group, resource, ns, name) => this.api.registry.find(findRi(group, resource), ns, name),
        list: (group, resource, ns) => listAll(this.store, group, resource, ns),
      },
      traces: this.traces,
      managedFields: (obj, prev, manager, op, apiVersion, now, opts) => updateManagedFields(obj, prev, manager, op, apiVersion, now, opts),
      authenticate: async (token) => {
        const c = await this.credentials.verify(token);
        return c ? { user: { username: c.username, groups: c.role === "admin" ? ["kubeadm:cluster-admins", "system:authenticated"] : ["system:authenticated"] }, role: c.role } : undefined;
      },
      maxWatches: CLUSTER_QUOTAS.watches,
      nodeProxy: createNodeProxy({
        sql, now: () => this.clock.now(), realDelayUntil: (t) => this.clock.realDelayUntil(t),
        reader: {
          configMap: (ns, name) => this.api.registry.find(findRi("", "configmaps"), ns, name),
          secret: (ns, name) => this.api.registry.find(findRi("", "secrets"), ns, name),
        },
      }),
    });
    this.engine = new Engine({
      store: this.store, timers: this.timers, clock: this.clock,
      contextFor: (c) => ({
        now, timers: this.timers, random, trace: (key, revision, entries) => this.traces.record(key, revision, entries),
        api: new ApiClient(this.api.registry, this.store, componentUser(c.name), now, c.name),
      }),
    }, [...clusterComponents({
      sql, profile: getProfile((env as { PODLAB_PROFILE?: string } | undefined)?.PODLAB_PROFILE),
      kubeletClient: (node) => new ApiClient(this.api.registry, this.store, componentUser(`kubelet/${node}`), now, "kubelet"),
    }), networkComponent(sql)]);
  }

  /** The cluster's clock: pause, resume, step (virtual ms, timers fire in order) or set the speed. */
  async clockControl(c: ClockAction): Promise<ClockReport> {
    if (!this.meta.get() || this.erased) throw new Error("cluster not initialised");
    this.engine.start();
    if (c.action === "pause") this.clock.pause();
    else if (c.action === "resume") this.clock.resume();
    else if (c.action === "speed") this.clock.setSpeed(c.speed ?? 1);
    else if (c.action === "step") await this.engine.advance(Math.max(0, c.ms ?? 0));
    if (c.action !== "get") this.meta.setClock(this.clock.snapshot());
    this.meta.saveRng(this.rng.state);
    await this.scheduleAlarm();
    return { now: this.clock.date().toISOString(), speed: this.clock.speed, paused: this.clock.paused, pendingTimers: this.timers.count() };
  }

  /** Runs the components (the one alarm of the object), erases an expired cluster, sets the next alarm. */
  override async alarm(): Promise<void> {
    this.alarm_.fired();
    if (!this.meta.get() || this.erased) return;
    if (this.guard.expiry.expiryDue(Date.now())) { await this.erase(); return; }
    this.engine.start();
    await this.engine.run();
    this.meta.saveRng(this.rng.state);
    await this.scheduleAlarm();
  }

  private async scheduleAlarm(): Promise<void> {
    if (!this.meta.get() || this.erased) return;
    this.engine.start();
    const delay = this.engine.nextRunDelay();
    await this.alarm_.ensure(delay === undefined ? undefined : Date.now() + delay, this.guard.expiry.expiresAt());
  }

  /** Creates the cluster's initial state; a second call is refused. */
  async init(p: InitParams): Promise<ClusterInfo> {
    if (this.meta.get()) throw new Error("cluster already initialised");
    // A "ready" cluster has been up for a while when it is handed over: its history starts in the
    // past and the control plane runs through it (pulls, starts, probes) before the first request.
    const created = this.clock.now();
    this.clock.setNow(created - READY_CLUSTER_AGE_MS);
    const now = this.clock.date();
    this.ctx.storage.transactionSync(() => {
      initTemplate(p.template, now, { registry: this.api.registry, sql: this.ctx.storage.sql, nodes: p.nodes, hex: (n) => hex(n), staticPods });
      this.meta.set({ id: p.id, name: p.name, template: p.template, owner: p.owner, createdAt: now.toISOString() });
    });
    this.engine.start();
    await this.engine.advance(READY_CLUSTER_AGE_MS);
    this.meta.setClock(this.clock.snapshot());
    this.meta.saveRng(this.rng.state);
    await this.scheduleAlarm();
    return this.info();
  }

  /** Failure injection: a node's kubelet stops reporting (unreachable) or reports NotReady; `recover` undoes it. */
  async nodeHealth(node: string, action: "fail" | "recover", mode: "unreachable" | "not-ready" = "unreachable"): Promise<boolean> {
    if (!this.meta.get() || this.erased) throw new Error("cluster not initialised");
    if (!this.api.registry.find(findRi("", "nodes"), undefined, node)) return false;
    if (action === "fail") markNodeNotReady(this.ctx.storage.sql, node, this.clock.now(), mode);
    else markNodeReady(this.ctx.storage.sql, node, this.clock.now());
    await this.scheduleAlarm();
    return true;
  }

  nodeCount(): number { return this.store.count(storagePrefix(findRi("", "nodes"))); }

  /** Joins another worker (the service's POST /v1/clusters/:id/nodes); returns its name. */
  async addNode(req: AddNodeRequest): Promise<string> {
    if (!this.meta.get() || this.erased) throw new Error("cluster not initialised");
    const nodes = listAll(this.store, "", "nodes");
    const node = this.ctx.storage.transactionSync(() => addWorkerNode(this.api.registry, nodes, this.clock.date(), (n) => hex(n), req));
    await this.scheduleAlarm();
    return node.metadata.name;
  }

  info(): ClusterInfo {
    const m = this.meta.get();
    if (!m) throw new Error("cluster not initialised");
    return { ...m, revision: this.store.currentRevision(), objects: this.store.count("/registry/"), watches: this.api.watchCount() };
  }

  async addCredential(token: string, c: Credential): Promise<void> {
    await this.credentials.add(token, c);
  }

  revokeCredential(id: string): boolean {
    return this.credentials.revoke(id);
  }

  listCredentials(): Credential[] {
    return this.credentials.list();
  }

  verifyCredential(token: string): Promise<Credential | undefined> { return this.credentials.verify(token); }

  /** Starts the idle expiry (TTL refreshed by use); returns expiresAt in ms. */
  startExpiry(ttlHours: number): number { return this.guard.expiry.start(ttlHours, Date.now()); }

  /** The cluster's usage and limits, or undefined once erased. */
  usage() { return this.erased || !this.meta.get() ? undefined : { ...this.info(), ...this.guard.usage() }; }

  /** Fork: the source streams its tables; a new object imports them, then restarts to load them. */
  exportTables(opts: ExportOptions): ReadableStream<Uint8Array> { return exportTables(this.ctx.storage.sql, opts); }
  importTables(body: ReadableStream<Uint8Array>, record: ClusterRecord) { return importTables(this.ctx.storage, body, record); }
  restart(): void { this.ctx.abort("restarting to load imported state"); }

  /** Erases everything this cluster holds; every later request is refused as unauthenticated. */
  async erase(): Promise<void> {
    this.erased = true;
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  override async fetch(req: Request): Promise<Response> {
    if (this.erased) return json(unauthorized().toStatus(), 401);
    const url = new URL(req.url);
    const m = url.pathname.match(/^\/clusters\/[^/]+(\/.*)?$/);
    const path = m?.[1] ?? "/";
    const server = `${url.protocol}//${url.host}/clusters/${this.meta.get()?.id ?? ""}`;
    if (path === "/terminal") return this.terminal.upgrade(req);
    const res = (await this.guard.admit(req, path)) ?? (await hostsGate(req, path, this.hosts)) ?? await this.api.handle(req, path, server);
    this.meta.saveRng(this.rng.state);
    // The first request after a restart starts the components too (work may be pending).
    if (req.method !== "GET" || !this.engine.isStarted || this.engine.hasQueuedWork()) await this.scheduleAlarm();
    return res;
  }

  override webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> { return this.terminal.message(ws, message); }
  override webSocketClose(ws: WebSocket): void { this.terminal.close(ws); }
}

/** `PODLAB_API_RATE` (requests per second per token) overrides the default limit, e.g. for benchmarks. */
function rateLimitFrom(env: unknown) {
  const rate = Number((env as { PODLAB_API_RATE?: string } | undefined)?.PODLAB_API_RATE);
  return Number.isFinite(rate) && rate > 0 ? { ratePerSecond: rate, burst: rate * 4 } : undefined;
}

function findRi(group: string, resource: string) {
  const ri = findResource(group, "v1", resource);
  if (!ri) throw new Error(`unknown resource ${group}/${resource}`);
  return ri;
}

function listAll(store: Store, group: string, resource: string, ns?: string): KObject[] {
  const ri = findRi(group, resource);
  const prefix = ri.namespaced && ns ? `${storagePrefix(ri)}${ns}/` : storagePrefix(ri);
  return store.list({ prefix }).items.map((v) => v.object as KObject);
}

function hex(n: number): string {
  const b = crypto.getRandomValues(new Uint8Array(Math.ceil(n / 2)));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("").slice(0, n);
}
