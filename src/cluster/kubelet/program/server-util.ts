// Helpers for simulated server programs: waiting for signals in virtual time, log timestamp
// formats of the real servers, and HTTP responses. No upstream file.
import type { CommandContext, HttpResponse } from "../../../shell/types";
import { strftime } from "../../../shell/commands/date";

/** Wait until the process gets a signal; resolves with its name (TERM, QUIT, …). */
export async function nextSignal(ctx: CommandContext): Promise<string> {
  const proc = ctx.host.process;
  if (!proc) return new Promise<string>(() => {});
  let resolve!: (s: string) => void;
  const got = new Promise<string>((r) => (resolve = r));
  const off = proc.onSignal((s) => resolve(s.replace(/^SIG/, "")));
  const forever = ctx.sleep(Infinity).then(() => "NONE");
  forever.catch(() => {});
  try {
    return await Promise.race([forever, got]);
  } finally {
    off();
  }
}

export function envOf(ctx: CommandContext, name: string, dflt = ""): string {
  return ctx.env[name] ?? dflt;
}

export const at = (ctx: CommandContext) => new Date(ctx.now());

/** nginx error log: 2026/11/26 06:15:36 */
export const nginxTime = (d: Date) => strftime("%Y/%m/%d %H:%M:%S", d);
/** Common log format time: 26/Nov/2026:06:15:36 +0000 */
export const clfTime = (d: Date) => strftime("%d/%b/%Y:%H:%M:%S +0000", d);
/** redis: 26 Nov 2026 06:15:36.123 */
export const redisTime = (d: Date) => `${strftime("%d %b %Y %H:%M:%S", d)}.${String(d.getUTCMilliseconds()).padStart(3, "0")}`;
/** httpd: Thu Nov 26 06:15:36.123456 2026 */
export const httpdTime = (d: Date) => `${strftime("%a %b %d %H:%M:%S", d)}.${String(d.getUTCMilliseconds() * 1000).padStart(6, "0")} ${d.getUTCFullYear()}`;
/** postgres: 2026-11-26 06:15:36.123 UTC */
export const pgTime = (d: Date) => `${strftime("%Y-%m-%d %H:%M:%S", d)}.${String(d.getUTCMilliseconds()).padStart(3, "0")} UTC`;
/** HTTP Date header. */
export const httpDate = (d: Date) => d.toUTCString();

export function response(status: number, statusText: string, body: string, headers: Record<string, string>): HttpResponse {
  return { status, statusText, headers: { ...headers, "Content-Length": String(new TextEncoder().encode(body).length) }, body };
}

export const STATUS_TEXT: Record<number, string> = { 200: "OK", 301: "Moved Permanently", 403: "Forbidden", 404: "Not Found", 405: "Not Allowed", 500: "Internal Server Error" };
