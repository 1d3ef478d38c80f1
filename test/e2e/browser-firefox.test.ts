// The web console in Firefox: Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core
// (playwright-core only drives its own patched Firefox), against `npm start`. Start a cluster,
// see the nodes Ready, run a pod and watch it to Running, stop the watch with Ctrl-C, copy and
// paste with the keyboard, share read-only (a delete is refused), fork and delete in the fork;
// keyboard-only use and no horizontal scrolling at 320 px. Console and
// page errors fail the test. Screenshots go to test/artifacts/firefox-*.png.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser, type BrowserContext, type KeyInput, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const FIREFOX = "/usr/bin/firefox-esr";
const ARTIFACTS = join(process.cwd(), "test/artifacts");

let browser: Browser | undefined;
let launchError: Error | undefined;
const errors: string[] = [];

/** A fresh context and page; a missing or broken Firefox fails every test (not skipped ones). */
async function newPage(width: number, height: number): Promise<{ ctx: BrowserContext; page: Page }> {
  if (!browser) throw launchError ?? new Error("Firefox was not started");
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
  await page.setViewport({ width, height });
  return { ctx, page };
}

/** The terminal's text as the DOM renderer shows it (one line per row, trailing spaces trimmed). */
async function screen(page: Page): Promise<string> {
  return page.$$eval(".xterm-rows > div", (rows) => rows.map((r) => (r.textContent ?? "").replace(/\s+$/, "")).join("\n").replace(/\n+$/, ""));
}

/** Wait for the terminal to show `match`; `unwrap` joins rows first (a long line wraps). */
async function waitScreen(page: Page, match: RegExp, timeout = 20_000, unwrap = false): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = await screen(page).catch(() => "");
    const text = unwrap ? rows.replace(/\n/g, "") : rows;
    if (match.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`terminal never showed ${match}:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitUrl(page: Page, match: RegExp): Promise<void> {
  await page.waitForFunction((src) => new RegExp(src).test(location.href), { timeout: 20_000, polling: 100 }, match.source);
}

/** Press a key with modifiers held (e.g. Control+Shift+C). */
async function chord(page: Page, modifiers: KeyInput[], key: KeyInput): Promise<void> {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.press(key);
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.focus(".xterm-helper-textarea");
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press("Enter");
}

/** How far the page scrolls sideways (0 when it fits the window). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) {
    launchError = new Error(`Firefox ESR is missing (${FIREFOX}); install it with \`apt-get install -y firefox-esr\` (.ci/run does)`);
    return;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  try {
    browser = await puppeteer.launch({
      browser: "firefox", executablePath: FIREFOX, headless: true, acceptInsecureCerts: true,
      timeout: 60_000, protocolTimeout: 60_000,
    });
  } catch (e) {
    launchError = new Error(`Firefox ESR (${FIREFOX}) did not start over WebDriver BiDi: ${e instanceof Error ? e.message : String(e)}`);
  }
}, 90_000);

afterAll(async () => {
  const b = browser;
  browser = undefined;
  if (!b) return;
  const closed = b.close().then(() => true, () => false);
  const timedOut = new Promise<boolean>((r) => setTimeout(() => r(false), 15_000));
  if (!(await Promise.race([closed, timedOut]))) b.process()?.kill("SIGKILL");
}, 30_000);

describe("web console in Firefox", () => {
  it("starts a cluster, lists the nodes, watches a pod to Running, stops the watch and copies and pastes", async () => {
    errors.length = 0;
    const { ctx, page } = await newPage(1280, 800);
    try {
      await page.goto(inject("podlabUrl"));
      await page.waitForSelector("xpath/.//h1[text()='Podlab']");
      await page.screenshot({ path: join(ARTIFACTS, "firefox-landing.png"), fullPage: true });

      const started = Date.now();
      await page.click("xpath/.//button[text()='Start a cluster']");
      await waitUrl(page, /\/c\/[^/#]+#token=/);
      await waitScreen(page, /controlplane:~\$/);
      expect(Date.now() - started).toBeLessThan(10_000);
      // xterm draws its own scrollbar; the native one of its viewport must not show beside it
      expect(await page.$eval(".xterm-viewport", (v) => (v as HTMLElement).offsetWidth - v.clientWidth)).toBe(0);

      await typeLine(page, "kubectl get nodes");
      await waitScreen(page, /^controlplane\s+Ready\s+control-plane\s+.*\nnode01\s+Ready\s+<none>\s+.*\nnode02\s+Ready\s+<none>\s+.*\ncontrolplane:~\$$/m);

      await typeLine(page, "kubectl run nginx --image=nginx --restart=Never");
      await waitScreen(page, /pod\/nginx created\ncontrolplane:~\$$/);
      await typeLine(page, "kubectl get po -w");
      await waitScreen(page, /nginx\s+1\/1\s+Running/, 60_000);
      await chord(page, ["Control"], "KeyC");
      await waitScreen(page, /\^C\ncontrolplane:~\$$/);
      await page.screenshot({ path: join(ARTIFACTS, "firefox-terminal.png") });

      // Copy a selection with Ctrl+Shift+C (kept from Firefox, whose Inspector it would open),
      // paste it back with Ctrl+V.
      await typeLine(page, "echo podlab-clip-42");
      await waitScreen(page, /^podlab-clip-42\ncontrolplane:~\$$/m);
      const rows = await page.$$(".xterm-rows > div");
      const texts = await page.$$eval(".xterm-rows > div", (rs) => rs.map((r) => (r.textContent ?? "").trim()));
      const box = (await rows[texts.lastIndexOf("podlab-clip-42")]!.boundingBox())!;
      await page.mouse.click(box.x + 10, box.y + box.height / 2, { count: 2 });
      await page.evaluate(() => {
        (window as any).copyKeyPrevented = undefined;
        window.addEventListener("keydown", (e) => { if (e.ctrlKey && e.shiftKey && e.code === "KeyC") (window as any).copyKeyPrevented = e.defaultPrevented; });
      });
      await chord(page, ["Control", "Shift"], "KeyC");
      expect(await page.evaluate(() => (window as any).copyKeyPrevented)).toBe(true);
      await page.focus(".xterm-helper-textarea");
      await page.keyboard.type("echo pasted:", { delay: 5 });
      await chord(page, ["Control"], "KeyV");
      await page.keyboard.press("Enter");
      await waitScreen(page, /^pasted:podlab-clip-42\ncontrolplane:~\$$/m);

      // Share read-only; in a second context the viewer sees the pod, is refused a delete, forks,
      // and deletes in the fork.
      const clusterId = /\/c\/([^/#]+)/.exec(page.url())![1]!;
      await page.click("xpath/.//button[text()='Share']");
      await page.waitForFunction(() => (document.querySelector("#share-url") as HTMLInputElement | null)?.value.includes("#share="), { timeout: 20_000, polling: 100 });
      const shareUrl = await page.$eval("#share-url", (i) => (i as HTMLInputElement).value);
      expect(shareUrl).toContain(`/c/${clusterId}#share=`);
      const viewer = await newPage(1024, 768);
      try {
        await viewer.page.goto(shareUrl);
        await viewer.page.waitForSelector("xpath/.//*[text()='Read-only']");
        await waitScreen(viewer.page, /controlplane:~\$/);
        await typeLine(viewer.page, "kubectl get po");
        await waitScreen(viewer.page, /nginx\s+1\/1\s+Running/);
        await typeLine(viewer.page, "kubectl delete pod nginx");
        await waitScreen(viewer.page, /Error from server \(Forbidden\): pods "nginx" is forbidden: User "viewer:[^"]+" cannot delete resource "pods" in API group "" in the namespace "default"/, 20_000, true);
        await viewer.page.click("xpath/.//button[text()='Fork to my account']");
        await viewer.page.waitForFunction((id) => !location.href.includes(id) && location.hash.startsWith("#token="), { timeout: 20_000, polling: 100 }, clusterId);
        await waitScreen(viewer.page, /controlplane:~\$/);
        await typeLine(viewer.page, "kubectl delete pod nginx");
        await waitScreen(viewer.page, /pod "nginx" deleted/, 60_000);
        await viewer.page.screenshot({ path: join(ARTIFACTS, "firefox-fork.png") });
      } finally {
        await viewer.ctx.close().catch(() => {});
      }
      expect(errors).toEqual([]);
    } finally {
      await ctx.close().catch(() => {});
    }
  });

  it("reads at 320 px wide without horizontal scrolling and works from the keyboard alone", async () => {
    errors.length = 0;
    const { ctx, page } = await newPage(320, 640);
    try {
      await page.goto(inject("podlabUrl"));
      await page.waitForSelector("#start");
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, "firefox-landing-320.png"), fullPage: true });
      // Tab reaches the button, Enter presses it
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Start a cluster");
      await page.keyboard.press("Enter");
      await waitUrl(page, /\/c\/[^/#]+#token=/);
      await waitScreen(page, /controlplane:~\$/);
      // the terminal has the focus: type without clicking
      await page.keyboard.type("echo keyboard only", { delay: 5 });
      await page.keyboard.press("Enter");
      await waitScreen(page, /^keyboard only$/m);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // Shift+Tab leaves the terminal for the toolbar
      await chord(page, ["Shift"], "Tab");
      await page.waitForFunction(() => document.activeElement?.textContent === "Podlab", { timeout: 2000 });
      await page.screenshot({ path: join(ARTIFACTS, "firefox-terminal-320.png") });
      expect(errors).toEqual([]);
    } finally {
      await ctx.close().catch(() => {});
    }
  });
});
