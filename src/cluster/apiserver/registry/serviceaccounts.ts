// ServiceAccounts (pkg/registry/core/serviceaccount/strategy.go): metadata validation only.
import type { Strategy } from "./types";
import { validateObjectMetaUpdate } from "../validation/objectmeta";
import { validateServiceAccount } from "../validation/core-misc";

export const serviceAccountStrategy: Strategy = {
  validate: (obj) => validateServiceAccount(obj),
  validateUpdate: (obj, old) => validateObjectMetaUpdate(obj.metadata, old.metadata).concat(validateServiceAccount(obj).filter((e) => !e.field.startsWith("metadata."))),
};
