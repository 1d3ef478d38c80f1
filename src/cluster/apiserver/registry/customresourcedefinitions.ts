// CustomResourceDefinitions (staging/src/k8s.io/apiextensions-apiserver/pkg/registry/
// customresourcedefinition/strategy.go and apis/apiextensions/v1/defaults.go): singular and
// listKind default from the kind, conversion to None; a new CRD starts with an empty status
// holding its storage version in storedVersions (the naming and establishing controllers fill
// in acceptedNames and the conditions); spec changes bump the generation, and a new storage
// version is added to storedVersions.
import type { KObject, Strategy } from "./types";
import { bumpGenerationOnSpecChange, keepStatus, statusSplitUpdates } from "./common";
import {
  validateCustomResourceDefinition, validateCustomResourceDefinitionStatusUpdate, validateCustomResourceDefinitionUpdate,
} from "../validation/crd";

function defaultCRD(crd: KObject): void {
  const spec = crd.spec;
  if (!spec || typeof spec !== "object") return;
  const names = spec.names;
  if (names && typeof names === "object") {
    if (!names.singular && typeof names.kind === "string") names.singular = names.kind.toLowerCase();
    if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  }
  spec.conversion ??= { strategy: "None" };
}

export const customResourceDefinitionStrategy: Strategy = {
  hasStatus: true,
  defaults: defaultCRD,
  prepareForCreate(obj) {
    obj.metadata.generation = 1;
    const storage = ((obj.spec?.versions ?? []) as KObject[]).filter((v) => v.storage === true).map((v) => v.name);
    obj.status = { acceptedNames: { kind: "", plural: "" }, storedVersions: storage };
  },
  ...statusSplitUpdates(),
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
    bumpGenerationOnSpecChange(obj, old);
    // A new storage version joins storedVersions (objects may now be stored in it).
    const stored: string[] = obj.status?.storedVersions ?? [];
    for (const v of (obj.spec?.versions ?? []) as KObject[]) {
      if (v.storage === true && !stored.includes(v.name)) obj.status = { ...obj.status, storedVersions: [...stored, v.name] };
    }
  },
  validate: (obj) => validateCustomResourceDefinition(obj),
  validateUpdate: (obj, old) => validateCustomResourceDefinitionUpdate(obj, old),
  validateStatusUpdate: (obj) => validateCustomResourceDefinitionStatusUpdate(obj),
};
