// Secrets (pkg/registry/core/secret/strategy.go; SetDefaults_Secret; the v1 conversion of
// stringData): type Opaque by default, stringData folded into data as base64, data that is not
// base64 refused as the decoder does (400), field selector type.
import type { KObject, Strategy } from "./types";
import { str } from "./common";
import { decodeError } from "./defaults/quantities";
import { validateSecret, validateSecretUpdate } from "../validation/config";

/** Byte offset of the first invalid base64 character, as Go's "illegal base64 data at input byte N". */
function illegalBase64At(s: string): number | undefined {
  const m = /[^A-Za-z0-9+/=]/.exec(s);
  if (m) return m.index;
  const pad = s.indexOf("=");
  if (pad >= 0 && !/^=*$/.test(s.slice(pad))) return pad;
  // An incomplete last quantum is reported at its start (Go's CorruptInputError(si - j)).
  if (s.length % 4 !== 0) return s.length - (s.length % 4);
  return undefined;
}

function toBase64(text: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function defaultSecret(obj: KObject): void {
  if (!obj.type) obj.type = "Opaque";
  for (const v of Object.values(obj.data ?? {})) {
    const at = illegalBase64At(String(v ?? ""));
    if (at !== undefined) throw decodeError("Secret", "v1", `illegal base64 data at input byte ${at}`);
  }
  if (obj.stringData && typeof obj.stringData === "object") {
    obj.data ??= {};
    for (const [k, v] of Object.entries(obj.stringData)) obj.data[k] = toBase64(String(v));
    delete obj.stringData;
  }
}

export const secretStrategy: Strategy = {
  defaults: defaultSecret,
  validate: (obj) => validateSecret(obj),
  validateUpdate: (obj, old) => validateSecretUpdate(obj, old),
  fields: (obj) => ({ type: str(obj.type) }),
};
