// Issue 6's acceptance in a real browser (Debian's Chromium through playwright-core) against
// `npm start`: open the page, press "Start a cluster", wait for the prompt, run a pod and watch
// it, stop the watch with Ctrl-C; open the share link in a second context, see the pod, be
// refused a delete, fork, and delete in the fork. Screenshots go to test/artifacts/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const ARTIFACTS = join(process.cwd(), "test/artifacts");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

let browser: Browser;
const errors: string[] = [];

async function newPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** The terminal's text as the DOM renderer shows it (one line per row, trailing spaces trimmed). */
async function screen(page: Page): Promise<string> {
  return page.$$eval(".xterm-rows > div", (rows) => rows.map((r) => (r.textContent ?? "").replace(/\s+$/, "")).join("\n").replace(/\n+$/, ""));
}

/** Wait for the terminal to show `match`; `unwrap` joins rows first (a long line wraps on a narrow screen). */
async function waitScreen(page: Page, match: RegExp, timeout = 20_000, unwrap = false): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = await screen(page);
    const text = unwrap ? rows.replace(/\n/g, "") : rows;
    if (match.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`terminal never showed ${match}:\n${text}`);
    await page.waitForTimeout(100);
  }
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press("Enter");
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

describe("web console in Chromium", () => {
  it("starts a cluster, runs a pod, shares it read-only, forks it and deletes in the fork", async () => {
    const url = inject("podlabUrl");
    const owner = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
    const page = await newPage(owner);
    await page.goto(url);
    await expect(page.getByRole("button", { name: "Start a cluster" })).toBeTruthy();
    await page.getByRole("heading", { name: "Podlab" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "landing.png"), fullPage: true });

    const started = Date.now();
    await page.getByRole("button", { name: "Start a cluster" }).click();
    await page.waitForURL(/\/c\/[^/#]+#token=/);
    await waitScreen(page, /controlplane:~\$/);
    const toPrompt = Date.now() - started;
    expect(toPrompt).toBeLessThan(10_000);
    const clusterId = /\/c\/([^/#]+)/.exec(page.url())![1]!;

    await typeLine(page, "kubectl run nginx --image=nginx --restart=Never");
    const kubectlReady = !/kubectl: not available yet/.test(await waitScreen(page, /pod\/nginx created|kubectl: not available yet/));
    await typeLine(page, "kubectl get po -w");
    if (kubectlReady) await waitScreen(page, /nginx\s+1\/1\s+Running/, 60_000);
    else await waitScreen(page, /kubectl get po -w\nkubectl: not available yet/);
    await page.keyboard.press("Control+C");
    await waitScreen(page, /\^C\ncontrolplane:~\$$/);
    await page.screenshot({ path: join(ARTIFACTS, "terminal.png") });
    if (kubectlReady) {
      // kubectl edit: the in-terminal editor (vi keys), a label changed there and saved with :wq
      await typeLine(page, "kubectl edit pod nginx");
      const file = await waitScreen(page, /^ {4}run: nginx$/m);
      await page.screenshot({ path: join(ARTIFACTS, "terminal-edit.png") });
      await page.keyboard.type(`:${file.split("\n").findIndex((l) => l === "    run: nginx") + 1}`);
      await page.keyboard.press("Enter");
      await page.keyboard.type("A-edited");
      await page.keyboard.press("Escape");
      await page.keyboard.type(":wq");
      await page.keyboard.press("Enter");
      await waitScreen(page, /kubectl edit pod nginx\npod\/nginx edited\ncontrolplane:~\$$/);
      await typeLine(page, "kubectl get po --show-labels");
      await waitScreen(page, /run=nginx-edited\ncontrolplane:~\$$/);
    }
    // the side panel follows the store
    await page.locator('.phases dd[data-phase="Running"]').waitFor();

    await page.getByRole("button", { name: "Share" }).click();
    const shareUrl = await page.locator("#share-url").inputValue();
    expect(shareUrl).toContain(`/c/${clusterId}#share=`);

    const viewer = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 } });
    const vpage = await newPage(viewer);
    await vpage.goto(shareUrl);
    await vpage.getByText("Read-only", { exact: true }).waitFor();
    await waitScreen(vpage, /controlplane:~\$/);
    if (kubectlReady) {
      await typeLine(vpage, "kubectl get po");
      await waitScreen(vpage, /nginx\s+1\/1\s+Running/);
      await typeLine(vpage, "kubectl delete pod nginx");
      await waitScreen(vpage, /Error from server \(Forbidden\): pods "nginx" is forbidden: User "viewer:[^"]+" cannot delete resource "pods" in API group "" in the namespace "default"controlplane/, 20_000, true);
    }
    await vpage.screenshot({ path: join(ARTIFACTS, "share-320.png") });

    await vpage.getByRole("button", { name: "Fork to my account" }).click();
    await vpage.waitForURL((u) => !u.href.includes(clusterId) && /#token=/.test(u.hash));
    await waitScreen(vpage, /controlplane:~\$/);
    if (kubectlReady) {
      await typeLine(vpage, "kubectl delete pod nginx");
      await waitScreen(vpage, /pod "nginx" deleted/, 60_000);
    }
    await vpage.screenshot({ path: join(ARTIFACTS, "fork.png") });
    expect(errors).toEqual([]);
    await viewer.close();
    await owner.close();
  });

  it("reads at 320 px wide without horizontal scrolling", async () => {
    const url = inject("podlabUrl");
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 320, height: 640 } });
    const page = await newPage(ctx);
    await page.goto(url);
    await page.getByRole("button", { name: "Start a cluster" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, "landing-320.png"), fullPage: true });
    // keyboard only: Tab reaches the button, Enter presses it
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.slice(0, 40))).toBe("Start a cluster");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/c\//);
    await waitScreen(page, /controlplane:~\$/);
    await page.keyboard.type("echo keyboard only");
    await page.keyboard.press("Enter");
    await waitScreen(page, /^keyboard only$/m);
    // Shift+Tab leaves the terminal for the toolbar
    await page.keyboard.press("Shift+Tab");
    await page.waitForFunction(() => document.activeElement?.textContent === "Podlab", undefined, { timeout: 2000 });
    await page.screenshot({ path: join(ARTIFACTS, "terminal-320.png") });
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
