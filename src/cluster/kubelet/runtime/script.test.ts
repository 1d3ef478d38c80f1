// The synchronous program evaluator: output with virtual times, exit codes, loops with sleep
// stopping at the horizon, and busybox's "not found".
import { describe, expect, it } from "vitest";
import { runScript } from "./script";

describe("runScript", () => {
  it("records each write at its virtual time and the exit", () => {
    const r = runScript('echo start; sleep 2; echo "n=$((1+2))"; exit 4', {}, 1000, 100_000);
    expect(r.lines).toEqual([
      { at: 1000, stream: "stdout", text: "start\n" },
      { at: 3000, stream: "stdout", text: "n=3\n" },
    ]);
    expect(r.exit).toEqual({ at: 3000, code: 4 });
  });

  it("stops an endless loop at the horizon, still running", () => {
    const r = runScript("i=0; while true; do echo $i; i=$((i+1)); sleep 5; done", {}, 0, 12_000);
    expect(r.lines.map((l) => l.text)).toEqual(["0\n", "1\n", "2\n"]);
    expect(r.running).toBe(true);
    expect(r.exit).toBeUndefined();
  });

  it("reports unknown commands as busybox sh does, with &&/|| and variables", () => {
    const r = runScript("nosuch || echo fallback $HOSTNAME && false", { HOSTNAME: "web" }, 0, 1000);
    expect(r.lines).toEqual([
      { at: 0, stream: "stderr", text: "sh: nosuch: not found\n" },
      { at: 0, stream: "stdout", text: "fallback web\n" },
    ]);
    expect(r.exit?.code).toBe(1);
  });
});
