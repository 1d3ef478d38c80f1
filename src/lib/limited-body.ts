// Reads a request body up to a byte limit without ever holding more than the limit: a declared
// Content-Length over the limit is refused before reading, and a chunked body is counted as it
// streams and cancelled as soon as it passes the limit (as apiserver's limitedReadBody does).

export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large" };

export async function readLimited(req: Request, limit: number): Promise<LimitedBody> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) {
    await req.body?.cancel().catch(() => undefined);
    return { ok: false, reason: "too_large" };
  }
  if (!req.body) return { ok: true, bytes: new Uint8Array() };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) { out.set(c, off); off += c.byteLength; }
  return { ok: true, bytes: out };
}

