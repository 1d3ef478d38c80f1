// Container resource requirements (pkg/apis/core/validation ValidateResourceRequirements,
// validateContainerResourceName, ValidateResourceQuantityValue; helpers from pkg/apis/core/helper).
import { invalidValue, required, forbiddenField, type FieldError } from "../field-errors";
import { child, key, IS_NEGATIVE_ERROR, type Json } from "./common";
import { isQualifiedName } from "./names";
import { compareQuantity, milliValue, quantityString, tryParseQuantity, type Quantity } from "./quantity";

const STANDARD_CONTAINER_RESOURCES = ["cpu", "memory", "ephemeral-storage"];
const STANDARD_RESOURCES = [
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
  "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "services", "replicationcontrollers",
  "resourcequotas", "secrets", "persistentvolumeclaims", "configmaps", "services.nodeports",
  "services.loadbalancers", "requests.storage",
];

const isHugePages = (n: string) => n.startsWith("hugepages-");
const isNative = (n: string) => !n.includes("/") || n.includes("kubernetes.io/");
const isExtended = (n: string) => !isNative(n) && !n.startsWith("requests.") && isQualifiedName(`requests.${n}`).length === 0;
/** Requests may be below limits only for these (cpu, memory, ephemeral-storage). */
export const isOvercommitAllowed = (n: string) => isNative(n) && !isHugePages(n);
const isIntegerResource = (n: string) => isExtended(n);

function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalidValue(path, name, m));
  if (!name.includes("/")) {
    if (!STANDARD_RESOURCES.includes(name) && !isHugePages(name)) {
      return errs.concat(invalidValue(path, name, "must be a standard resource type or fully qualified"));
    }
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !isHugePages(name)) {
      return errs.concat(invalidValue(path, name, "must be a standard resource for containers"));
    }
  } else if (!isNative(name) && !isExtended(name)) {
    return errs.concat(invalidValue(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function validateQuantityValue(name: string, q: Quantity, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.mantissa < 0n) errs.push(invalidValue(path, quantityString(q), IS_NEGATIVE_ERROR));
  if (isIntegerResource(name) && milliValue(q) % 1000 !== 0) errs.push(invalidValue(path, quantityString(q), "must be an integer"));
  return errs;
}

/** Quantities are already canonical strings here (the decode step, registry/defaults/quantities.ts, rejects bad ones). */
export function validateResourceRequirements(res: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!res) return errs;
  const limPath = child(path, "limits");
  const reqPath = child(path, "requests");
  const limits: Record<string, unknown> = res.limits ?? {};
  const requests: Record<string, unknown> = res.requests ?? {};
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, raw] of Object.entries(limits)) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = tryParseQuantity(raw);
    if (q) errs.push(...validateQuantityValue(name, q, p));
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") cpuOrMemory = true;
  }
  for (const [name, raw] of Object.entries(requests)) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const q = tryParseQuantity(raw);
    if (q) errs.push(...validateQuantityValue(name, q, p));
    const lim = tryParseQuantity(limits[name]);
    if (q && lim) {
      if (compareQuantity(q, lim) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalidValue(reqPath, quantityString(q), `must be equal to ${name} limit of ${quantityString(lim)}`));
      } else if (compareQuantity(q, lim) > 0) {
        errs.push(invalidValue(reqPath, quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(lim)}`));
      }
    } else if (!(name in limits) && !isOvercommitAllowed(name)) {
      errs.push(required(limPath, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === "cpu" || name === "memory") cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errs.push(forbiddenField(path, "HugePages require cpu or memory"));
  return errs;
}
