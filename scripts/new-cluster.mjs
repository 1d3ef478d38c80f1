#!/usr/bin/env node
// `npm run cluster [name]`: signs up (once; the account token is kept in .podlab-account.json),
// creates a cluster on the local Podlab and writes its kubeconfig to ./podlab.kubeconfig.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // the local server's certificate is self-signed
const origin = process.env.PODLAB_URL ?? `https://127.0.0.1:${process.env.PORT ?? "8787"}`;
const accountFile = ".podlab-account.json";
const name = process.argv[2];

async function call(method, path, token, body) {
  const r = await fetch(origin + path, {
    method, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return JSON.parse(text);
}

let account = existsSync(accountFile) ? JSON.parse(readFileSync(accountFile, "utf8")) : undefined;
if (!account || account.origin !== origin) {
  account = { origin, ...(await call("POST", "/v1/accounts")) };
  writeFileSync(accountFile, JSON.stringify(account, null, 2), { mode: 0o600 });
}
const cluster = await call("POST", "/v1/clusters", account.token, name ? { name } : {});
writeFileSync("podlab.kubeconfig", cluster.kubeconfig, { mode: 0o600 });
console.log(`cluster ${cluster.name} (${cluster.id}) is ready: ${cluster.server}`);
console.log("export KUBECONFIG=$PWD/podlab.kubeconfig");
