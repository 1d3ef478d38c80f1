// Test helpers for the store's workerd tests: a fresh Durable Object storage per test.
import { env, runInDurableObject } from "cloudflare:test";
import { SqliteStore, type SqliteStoreOptions } from "./sqlite-store";

/** Runs fn with the storage of a new, empty Cluster Durable Object. */
export async function withStorage(fn: (storage: DurableObjectStorage) => void): Promise<void> {
  // Cloudflare.Env is not declared for tests yet; the CLUSTER binding comes from wrangler.toml.
  const cluster = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
  const stub = cluster.get(cluster.newUniqueId());
  await runInDurableObject(stub, (_instance, state) => fn(state.storage));
}

/** Runs fn with a SqliteStore on a new, empty storage. */
export async function withStore(fn: (store: SqliteStore) => void, options?: SqliteStoreOptions): Promise<void> {
  await withStorage((storage) => fn(new SqliteStore(storage, options)));
}

export function pod(name: string, extra: Record<string, unknown> = {}): { metadata: Record<string, unknown>; [k: string]: unknown } {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, ...extra };
}

export function podKey(name: string, namespace = "default"): string {
  return `/registry/pods/${namespace}/${name}`;
}
