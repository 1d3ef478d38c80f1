// Account authentication for the service API: `Authorization: Bearer pla_<account id>_<secret>`.
// The account id inside the token tells which Account object to ask; the object compares hashes.
import type { Env } from "./env";
import { unauthorizedError } from "./errors";
import type { AccountRecord } from "./account-object";

const ACCOUNT_TOKEN = /^pla_([a-z0-9]{12})_[A-Za-z0-9_-]{43}$/;

export function accountIdOf(token: string): string | undefined {
  return token.match(ACCOUNT_TOKEN)?.[1];
}

export function accountStub(env: Env, id: string) {
  return env.ACCOUNT.get(env.ACCOUNT.idFromName(id));
}

export async function authenticateAccount(env: Env, header: string | undefined): Promise<AccountRecord> {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const id = token ? accountIdOf(token) : undefined;
  if (!token || !id) throw unauthorizedError();
  const account = await accountStub(env, id).verify(token);
  if (!account) throw unauthorizedError();
  return account;
}
