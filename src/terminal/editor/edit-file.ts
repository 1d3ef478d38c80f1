// The file `kubectl edit` hands to the editor: kubectl's header comment with the reasons a
// previous save failed, the comment stripping used to compare the saved file with the original,
// and the temporary file's name. Mirrors kubectl pkg/cmd/util/editor/editoptions.go (editHeader,
// hashOnLineBreak, hasLines), pkg/cmd/util/helpers.go (StripComments, ManualStrip) and
// os.CreateTemp's "kubectl-edit-*.yaml" name.
import { parseAllDocuments } from "yaml";
import { goJsonCompact } from "../kubectl/output/json";

/** Why the file is reopened: a head line and, for an invalid object, one line per cause. */
export interface EditReason {
  head: string;
  other?: string[];
}

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** `# ` after each line break not already starting a comment (hashOnLineBreak). */
function hashOnLineBreak(s: string): string {
  return s.replace(/\n(?=[^#])/g, "\n# ");
}

/** The header comment, with the reasons of the last failed save (editHeader.writeTo). */
export function editHeader(reasons: EditReason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += `# ${hashOnLineBreak(r.head)}${r.other?.length ? ":" : ""}\n`;
    for (const o of r.other ?? []) out += `# * ${hashOnLineBreak(o)}\n`;
    out += "#\n";
  }
  return out;
}

/** Lines whose first non-blank character is `#` (but not `#!`) removed (ManualStrip). */
export function manualStrip(file: string): string {
  return file.split("\n").filter((l) => { const t = l.trim(); return !(t.startsWith("#") && !t.startsWith("#!")); }).join("\n");
}

/** The file as data for comparison: its YAML as JSON, or without comments if it does not parse (StripComments). */
export function stripComments(file: string): string {
  try {
    const [doc] = parseAllDocuments(file);
    if (doc && !("errors" in doc && doc.errors.length)) return goJsonCompact(doc.toJS());
  } catch { /* not YAML: compare the text */ }
  return manualStrip(file);
}

/** Whether any line has something other than blanks and comments (hasLines). */
export function hasLines(file: string): boolean {
  return file.split("\n").some((l) => { const t = l.trim(); return t.length > 0 && t[0] !== "#"; });
}

/** A temporary file's name as os.CreateTemp makes it ("kubectl-edit-" + digits + ".yaml"), derived from `seed`. */
export function editFileName(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  return `/tmp/kubectl-edit-${h}.yaml`;
}
