// Request and response schemas of the service API (zod); the OpenAPI document is generated from these.
import { z } from "zod";

export const SignUpRequest = z.strictObject({
  name: z.string().min(1).max(100).optional(),
});

export const NodeRequest = z.strictObject({
  count: z.number().int().min(1).max(10).optional(),
  cpu: z.string().regex(/^[1-9][0-9]?$/, "a whole number of cores, 1 to 99").optional(),
  memory: z.string().regex(/^[1-9][0-9]{0,2}Gi$/, "a size such as 4Gi").optional(),
});

export const CreateClusterRequest = z.strictObject({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/, "lowercase letters, digits and '-', at most 40 characters").optional(),
  template: z.enum(["ready", "kubeadm"]).optional(),
  nodes: NodeRequest.optional(),
  ttlHours: z.number().int().min(1).max(24 * 30).optional(),
});

export type CreateClusterRequest = z.infer<typeof CreateClusterRequest>;

export const ClusterSummary = z.object({
  id: z.string(),
  name: z.string(),
  template: z.enum(["ready", "kubeadm"]),
  server: z.string(),
  createdAt: z.string(),
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;
