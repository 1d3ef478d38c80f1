// metav1.LabelSelector: validation (apimachinery/pkg/apis/meta/v1/validation ValidateLabelSelector)
// and matching (LabelSelectorAsSelector + Matches): an empty selector matches everything, nil nothing.
import { forbiddenField, invalidValue, required, type FieldError } from "../field-errors";
import { child, index, type Json } from "./common";
import { isQualifiedName, isValidLabelValue } from "./names";
import { validateLabels } from "./objectmeta";

export function validateLabelSelector(sel: Json, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, child(path, "matchLabels"));
  (sel.matchExpressions ?? []).forEach((sr: Json, i: number) => {
    const p = index(child(path, "matchExpressions"), i);
    const values: unknown[] = sr.values ?? [];
    switch (sr.operator) {
      case "In": case "NotIn":
        if (values.length === 0) errs.push(required(child(p, "values"), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case "Exists": case "DoesNotExist":
        if (values.length > 0) errs.push(forbiddenField(child(p, "values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalidValue(child(p, "operator"), sr.operator ?? "", "not a valid selector operator"));
    }
    for (const msg of isQualifiedName(sr.key ?? "")) errs.push(invalidValue(child(p, "key"), sr.key ?? "", msg));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(String(v))) errs.push(invalidValue(index(child(p, "values"), j), v, msg));
    });
  });
  return errs;
}

export const isEmptySelector = (sel: Json) =>
  !!sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;

export function labelSelectorMatches(sel: Json, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of (sel.matchExpressions ?? []) as Json[]) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values: string[] = e.values ?? [];
    switch (e.operator) {
      case "In": if (!has || !values.includes(l[e.key])) return false; break;
      case "NotIn": if (has && values.includes(l[e.key])) return false; break;
      case "Exists": if (!has) return false; break;
      case "DoesNotExist": if (has) return false; break;
      default: return false;
    }
  }
  return true;
}
