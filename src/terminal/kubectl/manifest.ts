// Reading -f arguments: files, directories (their .yaml/.yml/.json files in name order), and `-`
// (standard input), split into objects with multi-document YAML and List expansion. Mirrors
// k8s.io/cli-runtime/pkg/resource/visitor.go (FileVisitor, StreamVisitor, ExpandPathsToFileVisitors).
import { knownManifest } from "./known-manifests";
import { parseAllDocuments } from "yaml";
import type { Obj } from "./client";
import type { Kctx } from "./context";
import { fail } from "./errors";
import { resolvePath } from "../../shell/fs";

export interface Manifest { obj: Obj; source: string }

export async function readManifests(k: Kctx, paths: string[]): Promise<Manifest[]> {
  const out: Manifest[] = [];
  for (const p of paths) {
    if (p === "-") { out.push(...parse(await k.readStdin(), "STDIN")); continue; }
    if (/^https?:\/\//.test(p)) {
      // The sandbox has no Internet: well-known manifests (CNI plugins) come from Podlab's catalogue.
      const text = knownManifest(p);
      if (text === undefined) throw fail(`unable to read URL "${p}", server reported 404 Not Found, status code=404`);
      out.push(...parse(text, p));
      continue;
    }
    const full = resolvePath(k.sh.cwd, p);
    if (k.sh.fs.isDir(full)) {
      const entries = k.sh.fs.readdir(full);
      if (!entries.ok) throw fail(`the path "${p}" does not exist`);
      const files = entries.value.map(([n]) => n).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
      for (const f of files) out.push(...readFile(k, `${full}/${f}`, `${p.replace(/\/$/, "")}/${f}`));
      continue;
    }
    out.push(...readFile(k, full, p));
  }
  if (!out.length) throw fail("no objects passed to apply");
  return out;
}

function readFile(k: Kctx, full: string, shown: string): Manifest[] {
  const r = k.sh.fs.readFile(full);
  if (!r.ok) throw fail(`the path "${shown}" does not exist`);
  return parse(r.value, shown);
}

function parse(text: string, source: string): Manifest[] {
  const out: Manifest[] = [];
  for (const doc of parseAllDocuments(text)) {
    if ("errors" in doc && doc.errors.length) throw fail(`error parsing ${source}: error converting YAML to JSON: yaml: ${doc.errors[0]!.message.split("\n")[0]}`);
    const obj = doc.toJS() as Obj | null;
    if (!obj || typeof obj !== "object") continue;
    if (!obj.kind) throw fail(`error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
    if (!obj.apiVersion) throw fail(`error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`);
    if (String(obj.kind).endsWith("List") && Array.isArray(obj.items)) for (const it of obj.items) out.push({ obj: it, source });
    else out.push({ obj, source });
  }
  return out;
}
