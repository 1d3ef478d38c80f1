// The hook kubectl's -f reader calls for a URL: the pod network manifests Podlab keeps as data
// (src/cluster/manifests/), since the terminal has no Internet. Upstream kubectl fetches the URL
// (cli-runtime resource.URLVisitor); undefined means the URL is not one Podlab knows.
import { manifestByUrl } from "../../cluster/manifests/index";

export function knownManifest(url: string): string | undefined {
  return manifestByUrl(url)?.text;
}
