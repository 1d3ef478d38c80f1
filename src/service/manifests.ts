// GET /manifests/<name>: the pod network manifests Podlab knows (src/cluster/manifests/), as
// YAML, so the real kubectl can apply them offline: `curl -LO <podlab>/manifests/weave-daemonset-k8s.yaml`
// then `kubectl apply -f weave-daemonset-k8s.yaml`. Public, read-only, cacheable.
import { Hono } from "hono";
import { KNOWN_MANIFESTS, manifestByName } from "../cluster/manifests/index";

export const manifestsRoute = new Hono();

manifestsRoute.get("/", (c) => c.json({ items: KNOWN_MANIFESTS.map((m) => ({ name: m.name, path: `/manifests/${m.name}` })) }));

manifestsRoute.get("/:file", (c) => {
  const file = c.req.param("file");
  // kube-flannel.yml is also reachable as kube-flannel.yaml.
  const m = manifestByName(file) ?? manifestByName(file.replace(/\.yaml$/, ".yml"));
  if (!m) return c.text("404 page not found\n", 404);
  return c.body(m.text, 200, { "content-type": "application/yaml; charset=utf-8", "cache-control": "public, max-age=3600" });
});
