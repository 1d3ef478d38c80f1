// The serviceaccount controller (pkg/controller/serviceaccount/serviceaccounts_controller.go
// syncNamespace): every active namespace gets the "default" ServiceAccount, recreated if deleted.
import type { Component } from "../engine/component";
import { isStatusError } from "../apiserver/status";
import { R } from "./util";

export const SERVICEACCOUNT_CONTROLLER = "service-account-controller";

export const serviceAccountController: Component = {
  name: SERVICEACCOUNT_CONTROLLER,
  watches: [
    { resource: R.namespaces, keys: (o) => [o.metadata.name] },
    { resource: R.serviceaccounts, keys: (o, e) => (e?.type === "DELETED" && o.metadata.name === "default" ? [o.metadata.namespace] : []) },
  ],
  sync(ns, ctx) {
    const namespace = ctx.api.get(R.namespaces, undefined, ns);
    if (!namespace || namespace.metadata.deletionTimestamp || namespace.status?.phase === "Terminating") return;
    if (ctx.api.get(R.serviceaccounts, ns, "default")) return;
    try {
      ctx.api.create(R.serviceaccounts, ns, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: ns } });
    } catch (e) {
      if (!isStatusError(e) || (e.code !== 409 && e.code !== 403)) throw e;
    }
  },
};
