// The pod network manifests a tutorial applies by URL, kept as data so `kubectl apply -f <URL>`
// works without the Internet: the terminal's kubectl looks a URL up here, and the Worker serves
// them at GET /manifests/<name>.yaml for the real kubectl (`curl -LO`, then `kubectl apply -f`).
import { CALICO_V3_29 } from "./calico";
import { KUBE_FLANNEL } from "./flannel";
import { WEAVE_V2_8_1 } from "./weave";

export interface KnownManifest {
  /** The file name served at /manifests/<name>. */
  name: string;
  /** The URLs tutorials use for it. */
  urls: RegExp[];
  text: string;
}

export const KNOWN_MANIFESTS: KnownManifest[] = [
  { name: "weave-daemonset-k8s.yaml", urls: [/^https:\/\/github\.com\/weaveworks\/weave\/releases\/download\/v2\.8\.1\/weave-daemonset-k8s(-1\.11)?\.yaml$/], text: WEAVE_V2_8_1 },
  {
    name: "calico.yaml",
    urls: [/^https:\/\/raw\.githubusercontent\.com\/projectcalico\/calico\/v3\.29\.\d+\/manifests\/calico\.yaml$/, /^https:\/\/(docs\.projectcalico\.org|docs\.tigera\.io\/calico\/latest)\/manifests\/calico\.yaml$/],
    text: CALICO_V3_29,
  },
  {
    name: "kube-flannel.yml",
    urls: [/^https:\/\/github\.com\/flannel-io\/flannel\/releases\/(latest\/download|download\/v0\.2\d\.\d+)\/kube-flannel\.yml$/, /^https:\/\/raw\.githubusercontent\.com\/flannel-io\/flannel\/master\/Documentation\/kube-flannel\.yml$/],
    text: KUBE_FLANNEL,
  },
];

/** The manifest a URL names, when it is one of the known pod network manifests. */
export function manifestByUrl(url: string): KnownManifest | undefined {
  return KNOWN_MANIFESTS.find((m) => m.urls.some((re) => re.test(url)));
}

export function manifestByName(name: string): KnownManifest | undefined {
  return KNOWN_MANIFESTS.find((m) => m.name === name);
}
