// The landing page: what Podlab is, the "Start a cluster" button, and the visitor's clusters
// with open, share, fork, kubeconfig download and delete.
import { type ClusterSummary, consoleUrl, createCluster, deleteCluster, download, forkCluster, kubeconfig, listClusters, openToken, shareCluster } from "./api";
import { action, copyText, h, say } from "./dom";

export function landing(root: HTMLElement): void {
  const start = h("button", { type: "button", class: "primary", id: "start" }, "Start a cluster");
  start.addEventListener("click", action(start, async () => {
    say("Creating your cluster…");
    const c = await createCluster();
    location.assign(consoleUrl(c.id, c.token));
  }));
  const list = h("section", { id: "clusters", "aria-labelledby": "clusters-title" });
  root.replaceChildren(
    h("section", { class: "intro" },
      h("h1", {}, "Podlab"),
      h("p", {}, "Podlab gives you a Kubernetes cluster of your own in under a second, with a terminal in your browser and the real kubectl from your laptop. Each cluster is simulated faithfully, so the scheduling, image pulls, crash loops and events you see are what a real cluster does."),
      start),
    list,
  );
  void renderClusters(list);
}

async function renderClusters(list: HTMLElement): Promise<void> {
  let clusters: ClusterSummary[];
  try { clusters = await listClusters(); } catch (e) { say(e instanceof Error ? e.message : String(e), true); return; }
  if (!clusters.length) { list.replaceChildren(); return; }
  list.replaceChildren(
    h("h2", { id: "clusters-title" }, "Your clusters"),
    h("ul", { class: "cluster-list" }, ...clusters.map((c) => clusterItem(c, list))),
  );
}

function clusterItem(c: ClusterSummary, list: HTMLElement): HTMLLIElement {
  const btn = (label: string, fn: () => Promise<void>, extra: Record<string, string> = {}) => {
    const b = h("button", { type: "button", ...extra }, label);
    b.addEventListener("click", action(b, fn));
    return b;
  };
  const shareOut = h("div", { class: "share-out", "aria-live": "polite" });
  return h("li", { class: "cluster", "data-id": c.id },
    h("div", { class: "cluster-head" },
      h("strong", {}, c.name), " ",
      h("span", { class: "muted" }, `${c.id}${c.forkedFrom ? ` · fork of ${c.forkedFrom}` : ""} · created ${new Date(c.createdAt).toLocaleString()}`)),
    h("div", { class: "actions" },
      btn("Open", async () => location.assign(consoleUrl(c.id, await openToken(c.id)))),
      btn("Share", async () => {
        const s = await shareCluster(c.id);
        const url = new URL(s.url, location.origin).href;
        shareOut.replaceChildren(h("label", {}, "Read-only link ", h("input", { type: "text", readonly: true, value: url, class: "share-url" })));
        say((await copyText(url)) ? "Share link copied to the clipboard." : "Share link created.");
      }),
      btn("Fork", async () => {
        const f = await forkCluster(c.id);
        say(`Forked into ${f.name}.`);
        await renderClusters(list);
      }),
      btn("Kubeconfig", async () => download(`${c.name}.kubeconfig`, await kubeconfig(c.id))),
      btn("Delete", async () => {
        if (!confirm(`Delete cluster ${c.name}? Its data is erased.`)) return;
        await deleteCluster(c.id);
        say(`Deleted ${c.name}.`);
        await renderClusters(list);
      }, { class: "danger" })),
    shareOut);
}
