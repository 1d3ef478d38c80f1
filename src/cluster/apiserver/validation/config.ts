// ConfigMaps and Secrets (pkg/apis/core/validation ValidateConfigMap, ValidateSecret and their
// updates): config keys, the 1 MiB total, immutable objects, and the typed secrets' required keys.
import { forbiddenField, invalidValue, required, tooLong, type FieldError } from "../field-errors";
import { key, validateImmutableField, type Json } from "./common";
import { isConfigMapKey, nameIsDNSSubdomain } from "./names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./objectmeta";

export const MAX_SECRET_SIZE = 1024 * 1024;
const IMMUTABLE_DETAIL = "field is immutable when `immutable` is set";

function validateKeys(data: Record<string, string> | undefined, path: string): FieldError[] {
  return Object.keys(data ?? {}).flatMap((k) => isConfigMapKey(k).map((m) => invalidValue(key(path, k), k, m)));
}

const byteLength = (s: string) => new TextEncoder().encode(s).length;

export function validateConfigMap(cm: Json): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let total = 0;
  errs.push(...validateKeys(cm.data, "data"));
  for (const [k, v] of Object.entries(cm.data ?? {})) total += byteLength(String(v));
  for (const k of Object.keys(cm.binaryData ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => invalidValue(key("binaryData", k), k, m)));
    if (cm.data && k in cm.data) errs.push(invalidValue(key("data", k), k, "duplicate of key present in binaryData"));
    total += Math.floor((String(cm.binaryData[k]).length * 3) / 4);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong("", MAX_SECRET_SIZE));
  return errs;
}

export function validateConfigMapUpdate(cm: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable === true) {
    if (cm.immutable !== true) errs.push(forbiddenField("immutable", IMMUTABLE_DETAIL));
    if (JSON.stringify(cm.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(forbiddenField("data", IMMUTABLE_DETAIL));
    if (JSON.stringify(cm.binaryData ?? {}) !== JSON.stringify(old.binaryData ?? {})) errs.push(forbiddenField("binaryData", IMMUTABLE_DETAIL));
  }
  return errs.concat(validateConfigMap(cm).filter((e) => !e.field.startsWith("metadata.")));
}

const TYPE_KEYS: Record<string, string[]> = {
  "kubernetes.io/dockercfg": [".dockercfg"],
  "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
  "kubernetes.io/ssh-auth": ["ssh-privatekey"],
  "kubernetes.io/tls": ["tls.crt", "tls.key"],
};

export function validateSecret(secret: Json): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain);
  const data: Record<string, string> = secret.data ?? {};
  errs.push(...validateKeys(data, "data"));
  let total = 0;
  for (const v of Object.values(data)) total += Math.floor((String(v).length * 3) / 4);
  if (total > MAX_SECRET_SIZE) errs.push(tooLong("data", MAX_SECRET_SIZE));
  const type = secret.type ?? "Opaque";
  if (type === "kubernetes.io/service-account-token" && !secret.metadata?.annotations?.["kubernetes.io/service-account.name"]) {
    errs.push(required(key("metadata.annotations", "kubernetes.io/service-account.name")));
  }
  for (const k of TYPE_KEYS[type] ?? []) if (!(k in data)) errs.push(required(key("data", k)));
  if (type === "kubernetes.io/basic-auth" && !("username" in data) && !("password" in data)) {
    errs.push(required(key("data", "username")), required(key("data", "password")));
  }
  return errs;
}

export function validateSecretUpdate(secret: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(secret.metadata, old.metadata);
  errs.push(...validateImmutableField(secret.type ?? "Opaque", old.type ?? "Opaque", "type"));
  if (old.immutable === true) {
    if (secret.immutable !== true) errs.push(forbiddenField("immutable", IMMUTABLE_DETAIL));
    if (JSON.stringify(secret.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(forbiddenField("data", IMMUTABLE_DETAIL));
  }
  return errs.concat(validateSecret(secret).filter((e) => !e.field.startsWith("metadata.")));
}

