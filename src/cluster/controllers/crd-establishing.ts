// The CRD establishing controller of the apiextensions API server (staging/src/k8s.io/
// apiextensions-apiserver/pkg/controller/establish/establishing_controller.go): once a CRD's names
// are accepted and its API is being served, Established turns True (InitialNamesAccepted).
import type { Component } from "../engine/component";
import { rfc3339 } from "../apiserver/object-meta";
import { isStatusError } from "../apiserver/status";
import { setCondition, type CRDCondition } from "./crd-naming";
import { R } from "./util";

export const CRD_ESTABLISHING_CONTROLLER = "crd-establishing";

export const crdEstablishingController: Component = {
  name: CRD_ESTABLISHING_CONTROLLER,
  watches: [{ resource: R.customresourcedefinitions, keys: (o) => [o.metadata.name] }],
  sync(name, ctx) {
    const crd = ctx.api.get(R.customresourcedefinitions, undefined, name);
    const conditions: CRDCondition[] = crd?.status?.conditions ?? [];
    const accepted = conditions.some((c) => c.type === "NamesAccepted" && c.status === "True");
    const established = conditions.some((c) => c.type === "Established" && c.status === "True");
    if (!crd || !accepted || established) return;
    const next = setCondition(conditions, {
      type: "Established", status: "True", lastTransitionTime: rfc3339(ctx.now()), reason: "InitialNamesAccepted", message: "the initial names have been accepted",
    });
    try {
      ctx.api.update(R.customresourcedefinitions, { ...crd, status: { ...crd.status, conditions: next } }, "status");
    } catch (e) {
      if (!isStatusError(e) || (e.code !== 409 && e.code !== 404)) throw e;
      return { requeueAfterMs: 0 };
    }
  },
};
