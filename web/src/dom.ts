// Tiny DOM helpers for the page: element creation with attributes and children, and a status line.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (v === true) el.setAttribute(k, "");
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Show a message in the page's live status region (read by screen readers). */
export function say(message: string, error = false): void {
  const el = document.getElementById("status");
  if (!el) return;
  el.textContent = message;
  el.classList.toggle("error", error);
}

/** Run an action from a button: disable it meanwhile, report failures in the status line. */
export function action(button: HTMLButtonElement, fn: () => Promise<void>): () => void {
  return () => {
    button.disabled = true;
    fn().catch((e: unknown) => say(e instanceof Error ? e.message : String(e), true)).finally(() => { button.disabled = false; });
  };
}

export async function copyText(text: string): Promise<boolean> {
  try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
}
