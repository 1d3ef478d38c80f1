// The CRD naming controller of the apiextensions API server (staging/src/k8s.io/apiextensions-
// apiserver/pkg/controller/status/naming_controller.go calculateNamesAndConditions): a CRD's
// names are accepted unless another CRD of the same group already uses its plural, singular, a
// short name, its kind or list kind; then NamesAccepted is True (NoConflicts) and, until the
// establishing controller has run, Established is False (Installing). Otherwise NamesAccepted
// is False with the conflict, and the accepted names stay as they were.
import type { Component } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { rfc3339 } from "../apiserver/object-meta";
import { isStatusError } from "../apiserver/status";
import { R, sameJson } from "./util";

export const CRD_NAMING_CONTROLLER = "crd-autoregister-naming";

export interface CRDCondition { type: string; status: "True" | "False" | "Unknown"; lastTransitionTime?: string; reason?: string; message?: string }

/** setCRDCondition: a condition replaces its type's, keeping lastTransitionTime when the status is unchanged. */
export function setCondition(conditions: CRDCondition[], next: CRDCondition): CRDCondition[] {
  const old = conditions.find((c) => c.type === next.type);
  const merged = old && old.status === next.status ? { ...next, lastTransitionTime: old.lastTransitionTime } : next;
  return old ? conditions.map((c) => (c.type === next.type ? merged : c)) : [...conditions, merged];
}

/** The first name of `crd` that another CRD of its group already accepted, as the condition's reason and message. */
function conflict(crd: KObject, others: KObject[]): { reason: string; message: string } | undefined {
  const names = crd.spec.names ?? {};
  for (const other of others) {
    const taken = other.status?.acceptedNames ?? {};
    const resources = [taken.plural, taken.singular, ...(taken.shortNames ?? [])].filter(Boolean);
    const kinds = [taken.kind, taken.listKind].filter(Boolean);
    if (resources.includes(names.plural)) return { reason: "PluralConflict", message: `"${names.plural}" is already in use` };
    if (names.singular && resources.includes(names.singular)) return { reason: "SingularConflict", message: `"${names.singular}" is already in use` };
    for (const s of names.shortNames ?? []) if (resources.includes(s)) return { reason: "ShortNamesConflict", message: `"${s}" is already in use` };
    if (kinds.includes(names.kind)) return { reason: "KindConflict", message: `"${names.kind}" is already in use` };
    if (names.listKind && kinds.includes(names.listKind)) return { reason: "ListKindConflict", message: `"${names.listKind}" is already in use` };
  }
  return undefined;
}

export const crdNamingController: Component = {
  name: CRD_NAMING_CONTROLLER,
  watches: [{ resource: R.customresourcedefinitions, keys: (o) => [o.metadata.name] }],
  sync(name, ctx) {
    const crd = ctx.api.get(R.customresourcedefinitions, undefined, name);
    if (!crd) return;
    const others = ctx.api.list(R.customresourcedefinitions).filter((o) => o.metadata.name !== name && o.spec?.group === crd.spec?.group);
    const now = rfc3339(ctx.now());
    let conditions: CRDCondition[] = crd.status?.conditions ?? [];
    let acceptedNames = crd.status?.acceptedNames;
    const clash = conflict(crd, others);
    if (clash) {
      conditions = setCondition(conditions, { type: "NamesAccepted", status: "False", lastTransitionTime: now, ...clash });
    } else {
      acceptedNames = crd.spec.names;
      conditions = setCondition(conditions, { type: "NamesAccepted", status: "True", lastTransitionTime: now, reason: "NoConflicts", message: "no conflicts found" });
      if (!conditions.some((c) => c.type === "Established" && c.status === "True")) {
        conditions = setCondition(conditions, { type: "Established", status: "False", lastTransitionTime: now, reason: "Installing", message: "the initial names have been accepted" });
      }
    }
    if (sameJson(conditions, crd.status?.conditions ?? []) && sameJson(acceptedNames, crd.status?.acceptedNames)) return;
    try {
      ctx.api.update(R.customresourcedefinitions, { ...crd, status: { ...crd.status, conditions, acceptedNames } }, "status");
    } catch (e) {
      if (!isStatusError(e) || (e.code !== 409 && e.code !== 404)) throw e;
      return { requeueAfterMs: 0 };
    }
  },
};
