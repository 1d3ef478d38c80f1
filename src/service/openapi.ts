// The OpenAPI 3.1 document of the service API, generated from the zod schemas (z.toJSONSchema),
// so the description cannot drift from what the handlers validate. Served at /v1/openapi.json.
import { z } from "zod";
import * as S from "./schemas";

type Schema = z.ZodTypeAny;
interface Operation {
  method: "get" | "post" | "delete";
  path: string;
  summary: string;
  auth?: boolean;
  body?: Schema;
  ok: { status: number; schema?: Schema; yaml?: boolean };
  errors: number[];
}

const AUTH = [400, 401, 404, 429];
const ops: Operation[] = [
  { method: "post", path: "/v1/accounts", summary: "Sign up: an account and its token (shown once)", body: S.SignUpRequest, ok: { status: 201, schema: S.AccountCreated }, errors: [400, 413] },
  { method: "get", path: "/v1/account", summary: "The account, its usage and quotas", auth: true, ok: { status: 200, schema: S.AccountView }, errors: [401, 429] },
  { method: "post", path: "/v1/account/token", summary: "Rotate the account token; the old one stops working at once", auth: true, body: S.EmptyRequest, ok: { status: 200, schema: S.TokenRotated }, errors: [400, 401, 429] },
  { method: "post", path: "/v1/clusters", summary: "Create a cluster", auth: true, body: S.CreateClusterRequest, ok: { status: 201, schema: S.ClusterCreated }, errors: [400, 401, 403, 413, 429] },
  { method: "get", path: "/v1/clusters", summary: "The account's clusters", auth: true, ok: { status: 200, schema: S.listOf(S.ClusterView) }, errors: [401, 429] },
  { method: "get", path: "/v1/clusters/{id}", summary: "A cluster with its usage, limits and expiry", auth: true, ok: { status: 200, schema: S.ClusterView }, errors: AUTH },
  { method: "delete", path: "/v1/clusters/{id}", summary: "Delete a cluster: its data is erased and its tokens stop working", auth: true, ok: { status: 204 }, errors: AUTH },
  { method: "get", path: "/v1/clusters/{id}/kubeconfig", summary: "A kubeconfig with a new admin credential", auth: true, ok: { status: 200, yaml: true }, errors: AUTH },
  { method: "get", path: "/v1/clusters/{id}/credentials", summary: "The cluster's credentials (kubeconfigs and share links)", auth: true, ok: { status: 200, schema: S.listOf(S.CredentialView) }, errors: AUTH },
  { method: "delete", path: "/v1/clusters/{id}/credentials/{credentialId}", summary: "Revoke a credential at once", auth: true, ok: { status: 204 }, errors: AUTH },
  { method: "post", path: "/v1/clusters/{id}/shares", summary: "Create a read-only share link", auth: true, body: S.ShareRequest, ok: { status: 201, schema: S.ShareCreated }, errors: AUTH },
  { method: "get", path: "/v1/clusters/{id}/shares", summary: "The cluster's share links", auth: true, ok: { status: 200, schema: S.listOf(S.CredentialView) }, errors: AUTH },
  { method: "delete", path: "/v1/clusters/{id}/shares/{shareId}", summary: "Revoke a share link at once", auth: true, ok: { status: 204 }, errors: AUTH },
  { method: "post", path: "/v1/clusters/{id}/fork", summary: "Fork a cluster (yours, or one shared with you: pass its share token) into your account", auth: true, body: S.ForkRequest, ok: { status: 201, schema: S.ClusterCreated }, errors: [...AUTH, 403] },
  { method: "get", path: "/v1/clusters/{id}/clock", summary: "The cluster's virtual time, speed and pending timers", auth: true, ok: { status: 200, schema: S.ClockReport }, errors: AUTH },
  { method: "post", path: "/v1/clusters/{id}/clock", summary: "Pause, resume, step or set the speed of the cluster's clock", auth: true, body: S.ClockRequest, ok: { status: 200, schema: S.ClockReport }, errors: AUTH },
];

const DESCRIPTIONS: Record<number, string> = {
  400: "Malformed JSON, unknown fields or wrong types", 401: "Missing, unknown, malformed or revoked token",
  403: "A quota is used up (the message names it)", 404: "No such cluster in this account", 413: "Request body too large",
  429: "Rate limited; retry after the Retry-After header's seconds",
};

const json = (schema: Schema) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

function operation(op: Operation) {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const responses: Record<string, unknown> = {};
  responses[op.ok.status] = {
    description: op.ok.status === 204 ? "Done" : "OK",
    ...(op.ok.schema ? { content: { "application/json": { schema: json(op.ok.schema) } } } : {}),
    ...(op.ok.yaml ? { content: { "application/yaml": { schema: { type: "string" } } } } : {}),
  };
  for (const code of op.errors) {
    responses[code] = { description: DESCRIPTIONS[code], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return {
    summary: op.summary,
    ...(params.length ? { parameters: params } : {}),
    ...(op.auth ? {} : { security: [] }),
    ...(op.body ? { requestBody: { required: false, content: { "application/json": { schema: json(op.body) } } } } : {}),
    responses,
  };
}

export function openApiDocument(server: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: { title: "Podlab service API", version: "1", description: "Accounts, clusters, kubeconfigs, share links, forks and clock control. Each cluster's Kubernetes API is served under /clusters/{id}." },
    servers: [{ url: server }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "The account token from POST /v1/accounts" } },
      schemas: { Error: json(S.ErrorBody) },
    },
    paths,
  };
}
