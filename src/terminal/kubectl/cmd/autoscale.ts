// kubectl autoscale: a HorizontalPodAutoscaler (autoscaling/v2) for a scalable workload, sent to
// the server; `horizontalpodautoscaler.autoscaling/web autoscaled`. Mirrors
// staging/src/k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go (Validate, createHorizontalPodAutoscalerV2).
import { query } from "../client";
import type { Kctx } from "../context";
import { objectPath } from "../discovery";
import { fail, usage } from "../errors";
import { type FlagSpec, num, str } from "../flags";
import { dryRun, dryRunFlags, printResult } from "../mutate";
import { resourceTargets } from "../builder";

export const autoscaleFlags: FlagSpec[] = [
  ...dryRunFlags, { name: "min", type: "int", def: -1 }, { name: "max", type: "int", def: -1 },
  { name: "cpu-percent", type: "int", def: -1 }, { name: "name", type: "string" }, { name: "output", short: "o", type: "string" },
  { name: "field-manager", type: "string", def: "kubectl-autoscale" },
];

const SCALABLE = ["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"];

export async function runAutoscale(k: Kctx): Promise<number> {
  const f = k.flags;
  const max = num(f, "max"), min = num(f, "min"), cpu = num(f, "cpu-percent");
  if (max < 1) throw fail(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw fail(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  if (!f.args.length) throw usage("Required resource not specified.", "kubectl autoscale");
  const mode = dryRun(k);
  for (const t of await resourceTargets(k, f.args)) {
    if (!SCALABLE.includes(t.resource.kind)) throw fail(`cannot autoscale a ${t.resource.kind}: ${t.resource.kind.toLowerCase()}s "${t.names[0] ?? ""}" is not scalable`);
    for (const name of t.names) {
      const target = await k.client.get(objectPath(t.resource, k.namespace, name));
      const hpa = {
        apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler",
        metadata: { creationTimestamp: null, name: str(f, "name") || name },
        spec: {
          maxReplicas: max,
          ...(cpu >= 0 ? { metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: cpu } } }] } : {}),
          ...(min >= 0 ? { minReplicas: min } : {}),
          scaleTargetRef: { apiVersion: target.apiVersion ?? `${t.resource.group}/${t.resource.version}`, kind: t.resource.kind, name },
        },
        status: { currentMetrics: null, desiredReplicas: 0 },
      };
      if (mode === "client") { await printResult(k, hpa, "autoscaled", mode); continue; }
      const created = await k.client.json("POST", `/apis/autoscaling/v2/namespaces/${k.namespace}/horizontalpodautoscalers` + query({ fieldManager: str(f, "field-manager"), ...(mode === "server" ? { dryRun: "All" } : {}) }), { body: hpa });
      await printResult(k, { ...created, apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler" }, "autoscaled", mode);
    }
  }
  return 0;
}
