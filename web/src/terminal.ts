// The browser end of the web terminal: xterm.js (DOM renderer, so the text is in the page) with
// the fit add-on, connected to the cluster object's session over a WebSocket. The session lives on
// the server: a reconnect replays its scroll-back. Copy with Ctrl+Shift+C (or Ctrl+C on a
// selection), paste with Ctrl+Shift+V or Ctrl+V; Shift+Tab leaves the terminal (keyboard users).
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";

export interface TerminalView {
  term: Terminal;
  dispose(): void;
}

function sessionId(clusterId: string, token: string): string {
  const key = `podlab.session.${clusterId}.${token.slice(0, 8)}`;
  let id = localStorage.getItem(key);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(key, id);
  }
  return id;
}

export function openTerminal(host: HTMLElement, clusterId: string, token: string, onStatus: (s: string, error?: boolean) => void, onLeave: () => void): TerminalView {
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: { background: "#0f1419", foreground: "#e6e1cf", cursor: "#f29718", selectionBackground: "#33415e" },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  // Keyboard users leave the terminal with Shift+Tab (Tab itself is completion).
  host.addEventListener("keydown", (e) => {
    if (e.key !== "Tab" || !e.shiftKey) return;
    e.preventDefault();
    e.stopPropagation();
    onLeave();
  }, true);
  term.attachCustomKeyEventHandler((e) => {
    if (e.type !== "keydown") return true;
    const key = e.key.toLowerCase();
    if (e.ctrlKey && (e.shiftKey || term.hasSelection()) && key === "c") {
      // Keep the key from the browser too: Ctrl+Shift+C opens Firefox's Inspector (Chrome's picker).
      e.preventDefault();
      void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
      return false;
    }
    // Let the browser fire its paste event, which xterm turns into input.
    if ((e.ctrlKey || e.metaKey) && key === "v") return false;
    return true;
  });
  fit.fit();
  const session = sessionId(clusterId, token);
  let ws: WebSocket | undefined;
  let closed = false;
  let retry = 0;
  const send = (m: unknown) => { if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m)); };
  const connect = () => {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/clusters/${clusterId}/terminal`;
    const sock = new WebSocket(url);
    ws = sock;
    sock.onopen = () => sock.send(JSON.stringify({ type: "auth", token, session, cols: term.cols, rows: term.rows }));
    sock.onmessage = (ev) => {
      const m = JSON.parse(String(ev.data)) as { type: string; data?: string; replay?: string; role?: string; message?: string };
      if (m.type === "ready") {
        retry = 0;
        term.reset();
        term.write(m.replay ?? "");
        onStatus(m.role === "viewer" ? "Connected (read-only)" : "Connected");
      } else if (m.type === "output") term.write(m.data ?? "");
      else if (m.type === "error") onStatus(m.message ?? "error", true);
    };
    sock.onclose = (ev) => {
      if (closed) return;
      if (ev.code === 4001) { onStatus("This link is no longer valid (the cluster was deleted or the link revoked).", true); return; }
      onStatus("Reconnecting…");
      setTimeout(connect, Math.min(10_000, 500 * 2 ** retry++));
    };
  };
  connect();
  const dataSub = term.onData((data) => send({ type: "input", data }));
  const resizeSub = term.onResize(({ cols, rows }) => send({ type: "resize", cols, rows }));
  const onWindowResize = () => fit.fit();
  window.addEventListener("resize", onWindowResize);
  const observer = new ResizeObserver(() => fit.fit());
  observer.observe(host);
  term.focus();
  return {
    term,
    dispose() {
      closed = true;
      dataSub.dispose();
      resizeSub.dispose();
      window.removeEventListener("resize", onWindowResize);
      observer.disconnect();
      ws?.close();
      term.dispose();
    },
  };
}
