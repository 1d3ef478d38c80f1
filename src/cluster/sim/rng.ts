// Seeded pseudo-random numbers for the simulation (mulberry32), so a cluster replays identically
// from its seed. `randomString` mirrors k8s.io/apimachinery/pkg/util/rand String(): characters
// drawn from the same consonant-and-digit alphabet, used for generated names (pod suffixes).

/** Upstream's alphabet: no vowels (no accidental words) and no confusable 0/1/3. */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

export class Rng {
  private s: number;

  constructor(seed: number | string) {
    this.s = typeof seed === "number" ? seed >>> 0 : hashSeed(seed);
  }

  /** The internal state, for persistence; `new Rng(state)` continues the same sequence. */
  get state(): number {
    return this.s;
  }

  /** A float in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    if (!(n > 0)) throw new RangeError(`Rng.int needs n > 0, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max] inclusive. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Rng.pick from an empty list");
    return items[this.int(items.length)]!;
  }

  /** `n` characters from upstream's name alphabet (utilrand.String). */
  randomString(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += NAME_ALPHABET[this.int(NAME_ALPHABET.length)];
    return out;
  }

  /** `n` lowercase hex characters (container IDs, digests). */
  hex(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += "0123456789abcdef"[this.int(16)];
    return out;
  }

  /** A version 4 UUID (object UIDs). */
  uuid(): string {
    const h = this.hex(32).split("");
    h[12] = "4";
    h[16] = "89ab"[this.int(4)]!;
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/** FNV-1a of a string seed, so clusters can be seeded by their id. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
