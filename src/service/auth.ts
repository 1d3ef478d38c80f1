// Account authentication for the service API: `Authorization: Bearer pla_<account id>_<secret>`.
// The account id inside the token tells which Account object to ask; the object compares hashes
// in constant time and applies the token's rate limit. Any token that is not an account's
// current one (unknown, malformed, rotated) gets the same 401.
import type { Env } from "./env";
import { rateLimitedError, unauthorizedError } from "./errors";
import type { AccountRecord } from "./account-object";
import { SERVICE_RATE_LIMIT } from "./limits";

const ACCOUNT_TOKEN = /^pla_([a-z0-9]{12})_[A-Za-z0-9_-]{43}$/;

export function accountIdOf(token: string): string | undefined {
  return token.match(ACCOUNT_TOKEN)?.[1];
}

export function accountStub(env: Env, id: string) {
  return env.ACCOUNT.get(env.ACCOUNT.idFromName(id));
}

export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
}

export async function authenticateAccount(env: Env, header: string | undefined): Promise<AccountRecord> {
  const token = bearerToken(header);
  const id = token ? accountIdOf(token) : undefined;
  if (!token || !id) throw unauthorizedError();
  const r = await accountStub(env, id).authenticate(token);
  if (r.ok) return r.account;
  if (r.reason === "rate_limited") throw rateLimitedError(r.retryAfterSeconds, SERVICE_RATE_LIMIT);
  throw unauthorizedError();
}
