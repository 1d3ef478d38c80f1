// The cluster view (/c/<id>#token=… or #share=…): a toolbar, the terminal and the live side
// panel. A share link opens the same view read-only, with "Fork to my account".
import { consoleUrl, download, forkCluster, kubeconfig, rememberClusterToken, shareCluster, accountToken } from "./api";
import { action, copyText, h, say } from "./dom";
import { sidePanel } from "./panel";
import { openTerminal } from "./terminal";

export function clusterView(root: HTMLElement, clusterId: string, params: URLSearchParams): void {
  const shareToken = params.get("share") ?? undefined;
  const token = params.get("token") ?? shareToken;
  if (!token) {
    root.replaceChildren(h("p", {}, "This link has no token. Open the cluster from ", h("a", { href: "/" }, "your clusters"), "."));
    return;
  }
  const readOnly = !!shareToken;
  if (!readOnly && accountToken()) rememberClusterToken(clusterId, token);
  const button = (label: string, fn: () => Promise<void>, attrs: Record<string, string> = {}) => {
    const b = h("button", { type: "button", ...attrs }, label);
    b.addEventListener("click", action(b, fn));
    return b;
  };
  const shareOut = h("span", { class: "share-out" });
  const tools = h("nav", { class: "toolbar", "aria-label": "Cluster actions" },
    h("a", { href: "/", class: "home" }, "Podlab"),
    h("span", { class: "cluster-id" }, clusterId),
    readOnly ? h("span", { class: "badge" }, "Read-only") : null,
    readOnly
      ? button("Fork to my account", async () => {
        const f = await forkCluster(clusterId, shareToken);
        location.assign(consoleUrl(f.id, f.token));
      }, { class: "primary", id: "fork" })
      : null,
    !readOnly && accountToken()
      ? button("Share", async () => {
        const s = await shareCluster(clusterId);
        const url = new URL(s.url, location.origin).href;
        shareOut.replaceChildren(h("label", {}, "Read-only link ", h("input", { type: "text", readonly: true, value: url, class: "share-url", id: "share-url" })));
        say((await copyText(url)) ? "Share link copied to the clipboard." : "Share link created.");
      }, { id: "share" })
      : null,
    !readOnly && accountToken() ? button("Fork", async () => {
      const f = await forkCluster(clusterId);
      location.assign(consoleUrl(f.id, f.token));
    }, { id: "fork" }) : null,
    !readOnly && accountToken() ? button("Kubeconfig", async () => download(`${clusterId}.kubeconfig`, await kubeconfig(clusterId))) : null,
    shareOut,
  );
  const termHost = h("div", { class: "terminal", role: "region", "aria-label": "Terminal" });
  const stop = new AbortController();
  const hint = h("p", { class: "hint" }, "Shift+Tab leaves the terminal · Ctrl+Shift+C / Ctrl+Shift+V copy and paste");
  root.replaceChildren(tools, h("div", { class: "workspace" }, h("div", { class: "term-col" }, termHost, hint), sidePanel(`/clusters/${clusterId}`, token, stop.signal)));
  root.classList.add("cluster-page");
  document.title = `${clusterId} · Podlab`;
  openTerminal(termHost, clusterId, token, (s, error) => say(s, error), () => (tools.querySelector("a") as HTMLElement).focus());
}
