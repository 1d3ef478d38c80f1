// Service API: sign-up, the account view, token rotation, authentication errors, body errors,
// rate limits, CORS and security headers, the OpenAPI document.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, ORIGIN, signUp } from "./service-helpers";

describe("sign-up and the account", () => {
  it("signs up with a display name and shows the account with its usage and quotas", async () => {
    const a = await signUp("Ada");
    expect(a.id).toMatch(/^[a-z0-9]{12}$/);
    expect(a.token).toMatch(new RegExp(`^pla_${a.id}_[A-Za-z0-9_-]{43}$`));
    const r = await call("GET", "/v1/account", a.token);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: a.id, name: "Ada", usage: { clusters: 0, nodes: 0 }, quotas: { clusters: 10, nodesPerCluster: 10 } });
    expect(r.text).not.toContain(a.token);
    expect(r.headers.get("cache-control")).toBe("no-store");
  });

  it("rotates the token: the old one is refused at once, the new one works", async () => {
    const a = await signUp();
    const r = await call("POST", "/v1/account/token", a.token);
    expect(r.status).toBe(200);
    expect(r.json.token).toMatch(new RegExp(`^pla_${a.id}_`));
    expect(r.json.token).not.toBe(a.token);
    expect((await call("GET", "/v1/account", a.token)).status).toBe(401);
    expect((await call("GET", "/v1/account", r.json.token)).status).toBe(200);
  });
});

describe("authentication errors", () => {
  const unauthorized = { error: { code: "unauthorized", message: "a valid bearer token is required" } };
  it.each([
    ["no token", undefined],
    ["a malformed token", "not-a-token"],
    ["an unknown account", `pla_abcdefghijkl_${"A".repeat(43)}`],
  ])("answers 401 to %s", async (_, token) => {
    const r = await call("GET", "/v1/clusters", token);
    expect(r.status).toBe(401);
    expect(r.json).toEqual(unauthorized);
  });

  it("answers 401 to a wrong secret of an existing account, the same as to an unknown one", async () => {
    const a = await signUp();
    const wrong = a.token.slice(0, -4) + (a.token.endsWith("AAAA") ? "BBBB" : "AAAA");
    const r = await call("GET", "/v1/account", wrong);
    expect(r.status).toBe(401);
    expect(r.json).toEqual(unauthorized);
  });
});

describe("request bodies", () => {
  it("refuses malformed JSON, unknown fields and wrong types with a clear 400, storing nothing", async () => {
    const a = await signUp();
    const bad = await call("POST", "/v1/clusters", a.token, "{not json");
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_request");
    expect(bad.json.error.message).toMatch(/^request body is not valid JSON/);
    const unknown = await call("POST", "/v1/clusters", a.token, { name: "x", colour: "blue" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('Unrecognized key: "colour"');
    const wrongType = await call("POST", "/v1/clusters", a.token, { ttlHours: "soon" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.message).toMatch(/^ttlHours: Invalid input: expected number, received string/);
    const notObject = await call("POST", "/v1/clusters", a.token, "[1,2]");
    expect(notObject.status).toBe(400);
    expect((await call("GET", "/v1/clusters", a.token)).json.items).toEqual([]);
    expect((await call("GET", "/v1/account", a.token)).json.usage.clusters).toBe(0);
  });

  it("answers 413 to a declared body over the limit without reading it", async () => {
    const r = await call("POST", "/v1/accounts", undefined, JSON.stringify({ name: "x".repeat(70_000) }));
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe("payload_too_large");
  });

  it("answers 413 to a chunked body once it passes the limit", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > 200_000) return c.close();
        sent += 16_384;
        c.enqueue(new TextEncoder().encode(" ".repeat(16_384)));
      },
    });
    const res = await SELF.fetch(`${ORIGIN}/v1/accounts`, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.message).toBe("request body over the limit of 65536 bytes");
    expect(sent).toBeLessThan(200_000);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once the token's burst is spent", async () => {
    const a = await signUp();
    const results = [];
    for (let i = 0; i < 70; i++) results.push(await call("GET", "/v1/account", a.token));
    const limited = results.filter((r) => r.status === 429);
    expect(results.slice(0, 60).every((r) => r.status === 200)).toBe(true);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited[0].json.error).toEqual({ code: "rate_limited", message: expect.stringMatching(/^too many requests: the service API allows 5 requests per second per token \(burst 60\); retry after \d+s$/) });
  });
});

describe("headers and discovery", () => {
  it("answers CORS preflights for any origin and sets security headers", async () => {
    const pre = await SELF.fetch(`${ORIGIN}/v1/clusters`, {
      method: "OPTIONS", headers: { origin: "https://example.com", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    const r = await call("GET", "/v1/account", undefined, undefined, { origin: "https://example.com" });
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers.get("set-cookie")).toBeNull();
  });

  it("serves an OpenAPI document generated from the schemas", async () => {
    const r = await call("GET", "/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe("3.1.0");
    const create = r.json.paths["/v1/clusters"].post;
    expect(create.requestBody.content["application/json"].schema.properties.template.enum).toEqual(["ready", "kubeadm"]);
    expect(create.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
    expect(Object.keys(r.json.paths)).toContain("/v1/clusters/{id}/fork");
    expect(r.json.paths["/v1/accounts"].post.security).toEqual([]);
  });

  it("answers 404 in the service's form for an unknown endpoint", async () => {
    const r = await call("GET", "/v1/nothing");
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("not_found");
  });
});
