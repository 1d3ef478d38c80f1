import { describe, expect, it } from "vitest";
import { newTerm } from "./terminal-kubectl-helpers";

describe("terminal kubectl get", () => {
  it("lists namespaces and reports missing objects", async () => {
    const t = await newTerm();
    const r = await t.run("kubectl get ns");
    console.log(JSON.stringify(r));
    const r2 = await t.run("kubectl get po nope; kubectl get foo; kubectl get po --foo; kubectl get po -n kube-system -o wide; kubectl get po");
    console.log(JSON.stringify(r2));
  });
});
