// A new worker for a running cluster: what bringing up another machine and running `kubeadm join`
// on it leaves behind (a Node registered by its kubelet, its lease), with the next free name,
// address and pod CIDR. The kubelet component serves it from then on.
import type { GenericRegistry } from "../apiserver/generic-registry";
import type { KObject } from "../apiserver/registry/types";
import { NODE_DEFAULTS, type NodeShape } from "./nodes";
import { registerNode, TemplateWriter } from "./parts";

export interface AddNodeRequest { cpu?: string; memory?: string }

export function addWorkerNode(registry: GenericRegistry, existing: KObject[], now: Date, hex: (n: number) => string, req: AddNodeRequest): KObject {
  const names = new Set(existing.map((n) => n.metadata.name));
  const used = new Set(existing.flatMap((n) => n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : [])));
  let i = 1;
  while (names.has(`node${String(i).padStart(2, "0")}`)) i++;
  let subnet = 0;
  while (used.has(`10.244.${subnet}.0/24`)) subnet++;
  const shape: NodeShape = {
    name: `node${String(i).padStart(2, "0")}`, controlPlane: false,
    cpu: req.cpu ?? NODE_DEFAULTS.cpu, memory: req.memory ?? NODE_DEFAULTS.memory, pods: NODE_DEFAULTS.pods,
    internalIP: `172.30.${i + 1}.2`, podCIDR: `10.244.${subnet}.0/24`,
  };
  return registerNode(new TemplateWriter(registry, now, hex), shape, { liftNotReadyTaint: true });
}
