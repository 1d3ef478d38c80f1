// The pod-template-hash (pkg/controller/controller_utils.go ComputeHash): FNV-32a of the pod
// template, then of the collision count as 8 little-endian bytes when set, printed in decimal and
// passed through rand.SafeEncodeString (each digit mapped into the consonant-and-digit alphabet).
// Upstream hashes the Go struct as spew prints it; here the template's canonical JSON (sorted keys)
// is hashed, so the same template always gives the same name, though not the one a real cluster gives.
import { NAME_ALPHABET } from "../sim/rng";

export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = canonical(x);
    }
    return out;
  }
  return v;
}

/** rand.SafeEncodeString: every character mapped into the alphabet by its code point. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += NAME_ALPHABET[ch.codePointAt(0)! % NAME_ALPHABET.length];
  return out;
}

export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(JSON.stringify(canonical(template))));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}
