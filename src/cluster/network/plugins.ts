// The CNI plugins the simulation knows, as data: how to recognise a plugin's node agent pod (by
// the image of its main container) and which pod addresses it hands out on a node. Weave Net
// splits 10.32.0.0/12 among its peers, Calico gives each node /26 blocks of 192.168.0.0/16,
// flannel uses the node's podCIDR from the controller manager (and cannot start without one).
// No upstream file (weave's ipam, calico's IPAM blocks, flannel's kube subnet manager).
import type { KObject } from "../apiserver/registry/types";

export interface CniPlugin {
  name: string;
  /** The node agent's main container: its CNI config is in place once this container runs. */
  container(pod: KObject): KObject | undefined;
  /** The pod address range on a node (`index`: the order the node got the network in). */
  podCIDR(node: KObject, index: number): string | undefined;
}

const byImage = (re: RegExp) => (pod: KObject) => ((pod.spec?.containers ?? []) as KObject[]).find((c) => re.test(String(c.image ?? "")));

/** Weave's first peers claim 10.32.0.0, then 10.44.0.0, 10.36.0.0, 10.40.0.0, ... of 10.32.0.0/12. */
const WEAVE_BLOCKS = [32, 44, 36, 40, 34, 38, 42, 46, 33, 35, 37, 39, 41, 43, 45, 47];

function nameHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export const CNI_PLUGINS: CniPlugin[] = [
  {
    name: "weave",
    container: byImage(/(^|\/)weave-kube(:|@|$)/),
    podCIDR: (_node, i) => `10.${WEAVE_BLOCKS[i % WEAVE_BLOCKS.length]}.${Math.floor(i / WEAVE_BLOCKS.length)}.0/24`,
  },
  {
    name: "calico",
    container: byImage(/(^|\/)calico\/node(:|@|$)/),
    podCIDR: (node) => {
      const h = nameHash(node.metadata.name);
      return `192.168.${h % 256}.${((h >>> 8) % 4) * 64}/26`;
    },
  },
  {
    name: "flannel",
    container: byImage(/(^|\/)flannel\/flannel(:|@|$)|(^|\/)flannel:v/),
    podCIDR: (node) => node.spec?.podCIDR,
  },
];

export function pluginOf(pod: KObject): CniPlugin | undefined {
  return CNI_PLUGINS.find((p) => p.container(pod));
}
