// The file kubectl edit hands to the editor: the header with the reasons of a failed save, and
// the comparisons that decide between "no changes made" and a patch.
import { describe, expect, it } from "vitest";
import { editFileName, editHeader, hasLines, manualStrip, stripComments } from "./edit-file";

describe("kubectl edit's file", () => {
  it("writes kubectl's header, then each reason and its causes as comments", () => {
    expect(editHeader([
      { head: `pods "nginx" was not valid`, other: [`metadata.labels: Invalid value: "a b": bad`] },
      { head: "The edited file had a syntax error: line 3\nmore" },
    ])).toBe(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
# pods "nginx" was not valid:
# * metadata.labels: Invalid value: "a b": bad
#
# The edited file had a syntax error: line 3
# more
#
`);
  });

  it("compares files as data: comments, key order and spacing are no change", () => {
    expect(stripComments("# c\nkind: Pod\nmetadata:\n  name: a\n")).toBe(stripComments("metadata: {name: a}\n# other\nkind:   Pod\n"));
    expect(stripComments("kind: Pod\n")).not.toBe(stripComments("kind: Service\n"));
    expect(manualStrip("  # x\n#!keep\na: 1")).toBe("#!keep\na: 1");
    expect(hasLines("# only\n  \n# comments\n")).toBe(false);
    expect(hasLines("# c\na: 1\n")).toBe(true);
  });

  it("names the file as os.CreateTemp does, the same for the same objects", () => {
    expect(editFileName("uid-1")).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(editFileName("uid-1")).toBe(editFileName("uid-1"));
    expect(editFileName("uid-1")).not.toBe(editFileName("uid-2"));
  });
});
