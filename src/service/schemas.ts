// Request and response schemas of the service API (zod). Requests are strict (unknown fields are
// refused); the OpenAPI document (openapi.ts) is generated from these same schemas.
import { z } from "zod";

const Name = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/, "lowercase letters, digits and '-', at most 40 characters");
const TtlHours = z.number().int().min(1).max(24 * 30).describe("Hours without a request after which the cluster is erased (default 168)");

export const EmptyRequest = z.strictObject({});

export const SignUpRequest = z.strictObject({
  name: z.string().min(1).max(100).optional().describe("Display name"),
});

export const NodeRequest = z.strictObject({
  count: z.number().int().min(1).max(1000).optional().describe("Nodes, control plane included (default 3)"),
  cpu: z.string().regex(/^[1-9][0-9]?$/, "a whole number of cores, 1 to 99").optional(),
  memory: z.string().regex(/^[1-9][0-9]{0,2}Gi$/, "a size such as 4Gi").optional(),
});

export const AddNodeRequest = z.strictObject({
  cpu: z.string().regex(/^[1-9][0-9]?$/, "a whole number of cores, 1 to 99").optional(),
  memory: z.string().regex(/^[1-9][0-9]{0,2}Gi$/, "a size such as 4Gi").optional(),
});

export const NodeFailureRequest = z.strictObject({
  mode: z.enum(["unreachable", "not-ready"]).optional().describe("unreachable: the kubelet stops reporting; not-ready: it reports NotReady"),
});

export const CreateClusterRequest = z.strictObject({
  name: Name.optional(),
  template: z.enum(["ready", "kubeadm"]).optional(),
  nodes: NodeRequest.optional(),
  ttlHours: TtlHours.optional(),
  share: z.boolean().optional().describe("Also create a read-only share link (shareUrl)"),
});
export type CreateClusterRequest = z.infer<typeof CreateClusterRequest>;

export const ForkRequest = z.strictObject({
  name: Name.optional(),
  ttlHours: TtlHours.optional(),
  shareToken: z.string().min(1).max(200).optional().describe("A share link's token of the source, to fork a cluster shared with you"),
});
export type ForkRequest = z.infer<typeof ForkRequest>;

export const ShareRequest = z.strictObject({
  label: z.string().min(1).max(100).optional(),
});

export const ClockRequest = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("pause") }),
  z.strictObject({ action: z.literal("resume") }),
  z.strictObject({ action: z.literal("step"), seconds: z.number().positive().max(7 * 86400).describe("Virtual seconds to advance; timers fire in order") }),
  z.strictObject({ action: z.literal("speed"), speed: z.number().positive().max(1000).describe("Virtual seconds per real second") }),
]);
export type ClockRequest = z.infer<typeof ClockRequest>;

/** What the account object keeps of each cluster. */
export const ClusterSummary = z.object({
  id: z.string(),
  name: z.string(),
  template: z.enum(["ready", "kubeadm"]),
  server: z.string(),
  createdAt: z.string(),
  nodes: z.number().int().optional(),
  forkedFrom: z.string().optional(),
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;

export const ClusterView = ClusterSummary.extend({
  consoleUrl: z.string().describe("The cluster's web console; the page asks for a token with the account's"),
  expiresAt: z.string().optional(),
  ttlHours: z.number().optional(),
  usage: z.object({ objects: z.number(), bytes: z.number(), watches: z.number(), revision: z.number() }),
  limits: z.object({ objects: z.number(), bytes: z.number(), watches: z.number() }),
});
export type ClusterView = z.infer<typeof ClusterView>;

export const ClusterCreated = ClusterSummary.extend({
  expiresAt: z.string().optional(),
  token: z.string().describe("Admin token of the cluster's first credential; shown once"),
  consoleUrl: z.string().describe("The web console with the token in the URL fragment (never sent to a server)"),
  kubeconfig: z.string(),
  shareUrl: z.string().optional(),
});

export const Account = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
});

export const AccountCreated = Account.extend({ token: z.string().describe("The account token; shown once") });

export const AccountView = Account.extend({
  usage: z.object({ clusters: z.number(), nodes: z.number() }),
  quotas: z.object({ clusters: z.number(), nodesPerCluster: z.number() }),
  rateLimit: z.object({ ratePerSecond: z.number(), burst: z.number() }),
});

export const TokenRotated = z.object({ token: z.string().describe("The new account token; the old one no longer works") });

export const CredentialView = z.object({
  id: z.string(),
  role: z.enum(["admin", "viewer"]),
  username: z.string(),
  label: z.string(),
  createdAt: z.string(),
});

export const ShareCreated = z.object({
  id: z.string(),
  token: z.string().describe("Read-only token; shown once"),
  url: z.string(),
  kubeconfig: z.string(),
  createdAt: z.string(),
});

export const ClockReport = z.object({ now: z.string(), speed: z.number(), paused: z.boolean(), pendingTimers: z.number() });

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(["invalid_request", "unauthorized", "forbidden", "not_found", "conflict", "payload_too_large", "quota_exceeded", "rate_limited", "internal"]),
    message: z.string(),
  }),
});

export const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
