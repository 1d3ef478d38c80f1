// Go text/tabwriter behaviour the describers depend on, and go-wordwrap's WrapString.
import { describe, expect, it } from "vitest";
import { tabwrite } from "./tabwriter";
import { wrapString } from "./explain/wordwrap";
import { PrefixWriter } from "./prefix-writer";
import { smartLabelFor } from "./generic";

describe("tabwrite", () => {
  it("aligns a column block over consecutive lines only", () => {
    expect(tabwrite("Name:\tnginx\nNamespace:\tdefault\nIPs:\n  IP:\t10.1.0.6\n", 2))
      .toBe("Name:       nginx\nNamespace:  default\nIPs:\n  IP:  10.1.0.6\n");
  });
  it("pads an empty trailing cell (\"IP:\\t\\n\" keeps its spaces)", () => {
    expect(tabwrite("Status:\tPending\nIP:\t\n", 2)).toBe("Status:  Pending\nIP:      \n");
  });
  it("nests blocks: a second column aligns within its own run of lines", () => {
    expect(tabwrite("a\tb\tc\naaa\tbb\tc\nx\ty\n", 3)).toBe("a     b    c\naaa   bb   c\nx     y\n");
  });
});

describe("PrefixWriter", () => {
  it("restarts alignment after a flush and escapes terminal control characters", () => {
    const w = new PrefixWriter();
    w.write(0, "Long label:\tx\n");
    w.flush();
    w.write(1, "A:\t\x1b[31m\n");
    expect(w.toString()).toBe("Long label:  x\n  A:  ^[[31m\n");
  });
});

describe("wrapString", () => {
  it("breaks before the word that passes the limit and drops the space", () => {
    expect(wrapString("Pod is a group of one or more containers that share storage and network and are scheduled together onto one node.", 76))
      .toBe("Pod is a group of one or more containers that share storage and network and\nare scheduled together onto one node.");
  });
});

describe("smartLabelFor", () => {
  it("splits camel case and upper-cases known acronyms", () => {
    expect(smartLabelFor("creationTimestamp")).toBe("Creation Timestamp");
    expect(smartLabelFor("apiVersion")).toBe("API Version");
    expect(smartLabelFor("uid")).toBe("UID");
    expect(smartLabelFor("leaseDurationSeconds")).toBe("Lease Duration Seconds");
    expect(smartLabelFor("x509")).toBe("x509");
  });
});
