// The images the known pod network manifests pull, as entries for the kubelet's image catalogue
// (src/cluster/kubelet/images-data.ts `repositories`): Weave Net 2.8.1 (the release manifest
// pulls :latest), Calico v3.29.3, flannel v0.26.4 and its CNI plugin. Sizes are the compressed
// linux/amd64 sizes as published (approximate to the MB where the registry rounds).
import type { RepoSpec } from "../kubelet/images-data";

const MiB = 1024 * 1024;
const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

export const CNI_IMAGES: RepoSpec[] = [
  { name: "docker.io/weaveworks/weave-kube", behaviour: "server", distro: "alpine-3.21", memoryBytes: 40 * MiB, config: { entrypoint: ["/home/weave/launch.sh"], exposedPorts: [6784], env: [PATH] }, tags: { "2.8.1": { size: 31_040_412 } }, aliases: { latest: "2.8.1" } },
  { name: "docker.io/weaveworks/weave-npc", behaviour: "server", distro: "alpine-3.21", memoryBytes: 20 * MiB, config: { entrypoint: ["/usr/bin/launch.sh"], exposedPorts: [6781], env: [PATH] }, tags: { "2.8.1": { size: 12_841_291 } }, aliases: { latest: "2.8.1" } },
  { name: "docker.io/calico/node", behaviour: "server", distro: "ubi-8", memoryBytes: 120 * MiB, config: { entrypoint: ["start_runit"], env: [PATH] }, tags: { "v3.29.3": { size: 143_117_542 } }, aliases: {} },
  { name: "docker.io/calico/cni", behaviour: "exit", distro: "ubi-8", memoryBytes: 10 * MiB, config: { entrypoint: ["/opt/cni/bin/install"], env: [PATH] }, tags: { "v3.29.3": { size: 99_283_221 } }, aliases: {} },
  { name: "docker.io/calico/kube-controllers", behaviour: "server", distro: "ubi-8", memoryBytes: 30 * MiB, config: { entrypoint: ["/usr/bin/kube-controllers"], env: [PATH] }, tags: { "v3.29.3": { size: 35_710_466 } }, aliases: {} },
  { name: "docker.io/flannel/flannel", behaviour: "server", distro: "alpine-3.21", memoryBytes: 25 * MiB, config: { entrypoint: ["/opt/bin/flanneld"], env: [PATH] }, tags: { "v0.26.4": { size: 32_867_107 } }, aliases: {} },
  { name: "docker.io/flannel/flannel-cni-plugin", behaviour: "exit", distro: "alpine-3.21", memoryBytes: 4 * MiB, config: { entrypoint: ["cp"], env: [PATH] }, tags: { "v1.6.2-flannel1": { size: 4_856_532 } }, aliases: {} },
];
