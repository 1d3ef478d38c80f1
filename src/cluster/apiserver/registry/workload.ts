// The shape shared by the apps/v1 workload strategies (pkg/registry/apps/{deployment,replicaset,
// daemonset,statefulset}/strategy.go): status reset and generation 1 on create, the stored status
// kept and generation bumped on spec change on update, the stored spec kept on status updates.
import type { KObject, Strategy } from "./types";
import { resetStatusAndGeneration, statusSplitUpdates } from "./common";
import { validateAppsObject, validateAppsObjectUpdate, validateAppsStatusUpdate, type AppsKind } from "../validation/apps";

export function appsStrategy(kind: AppsKind, defaults: (obj: KObject) => void, extra: Partial<Strategy> = {}): Strategy {
  return {
    hasStatus: true,
    defaults,
    prepareForCreate(obj) {
      resetStatusAndGeneration(obj);
    },
    ...statusSplitUpdates(kind === "Deployment"),
    validate: (obj) => validateAppsObject(obj, kind),
    validateUpdate: (obj, old) => validateAppsObjectUpdate(obj, old, kind),
    validateStatusUpdate: (obj, old) => validateAppsStatusUpdate(obj, old),
    ...extra,
  };
}
