// What a simulated control-plane or node component is to the engine: the resources it watches,
// how a change maps to work-queue keys, and a level-triggered sync of one key
// (upstream: an informer's event handlers + a controller's syncHandler).
import type { KObject } from "../apiserver/registry/types";
import type { ResourceInfo } from "../apiserver/resources";
import type { StoreEvent } from "../store/types";
import type { ApiClient } from "./client";
import type { Timers } from "../sim/timers";
import type { TraceEntry } from "../apiserver/trace";

export interface ComponentContext {
  /** Virtual time. */
  now(): Date;
  api: ApiClient;
  timers: Timers;
  random(): number;
  /** Keeps a component's steps about an object (store key) at a revision, for the creation-flow view. */
  trace(key: string, revision: number, entries: TraceEntry[]): void;
}

export interface WatchSpec {
  resource: ResourceInfo;
  /** Keys to queue for a change (and for each existing object at start, with event undefined). */
  keys(obj: KObject, event?: StoreEvent): string[];
}

export interface SyncResult {
  /** Look at the key again after this many virtual milliseconds. */
  requeueAfterMs?: number;
}

export interface Component {
  name: string;
  watches: WatchSpec[];
  /**
   * May be async only for work that awaits nothing but virtual time (container programs): the
   * object's other events do not interleave with it, so a sync still sees one consistent state.
   */
  sync(key: string, ctx: ComponentContext): SyncResult | void | Promise<SyncResult | void>;
}
