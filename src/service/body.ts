// Request bodies of the service API: read up to a limit (413 past it, without reading the rest),
// parsed as JSON whatever the content type (curl -d sends form encoding), validated with zod.
// An empty body is `{}`. Errors name what is wrong; nothing is stored for a refused request.
import type { z } from "zod";
import { readLimited } from "../lib/limited-body";
import { fromZod, ServiceError, tooLargeError } from "./errors";
import { MAX_SERVICE_BODY_BYTES } from "./limits";

export async function parseBody<T extends z.ZodTypeAny>(req: Request, schema: T): Promise<z.infer<T>> {
  const read = await readLimited(req, MAX_SERVICE_BODY_BYTES);
  if (!read.ok) throw tooLargeError(MAX_SERVICE_BODY_BYTES);
  const text = new TextDecoder().decode(read.bytes);
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new ServiceError("invalid_request", `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}
