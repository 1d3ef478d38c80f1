// Starts Podlab the README way (`npm start`, i.e. wrangler dev over https) once for all
// end-to-end tests, on a free port with its own state directory, and stops it afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext { podlabUrl: string }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

let child: ChildProcess | undefined;
let stateDir: string | undefined;

export async function setup(project: TestProject) {
  const port = await freePort();
  stateDir = mkdtempSync(join(tmpdir(), "podlab-e2e-"));
  child = spawn("node", ["scripts/start.mjs"], {
    cwd: process.cwd(), detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), PODLAB_PERSIST: stateDir },
  });
  let log = "";
  // The server's output, kept for review when an end-to-end test fails.
  mkdirSync("test/artifacts", { recursive: true });
  const out = createWriteStream("test/artifacts/server.log");
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not become ready:\n${log}`)), 120_000);
    const on = (c: Buffer) => {
      log += c.toString();
      if (/Podlab is running at/.test(log)) { clearTimeout(timer); resolve(); }
    };
    child!.stdout!.on("data", on);
    child!.stderr!.on("data", on);
    child!.on("exit", (code) => { clearTimeout(timer); reject(new Error(`npm start exited with ${code}:\n${log}`)); });
  });
  project.provide("podlabUrl", `https://127.0.0.1:${port}`);
}

export async function teardown() {
  if (child?.pid) {
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ }
    await new Promise((r) => setTimeout(r, 500));
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
  }
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
}
