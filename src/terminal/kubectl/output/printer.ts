// Printers for objects chosen by -o: yaml, json, name, jsonpath, jsonpath-as-json, custom-columns,
// go-template. Mirrors k8s.io/cli-runtime/pkg/genericclioptions (print_flags.go, json_yaml_flags.go,
// jsonpath_flags.go, name_flags.go) and kubectl's get/customcolumn.go.
import type { Obj } from "../client";
import { fail } from "../errors";
import { goJson } from "./json";
import { evalPath, executeJsonPath, parseJsonPath, valueText } from "./jsonpath";
import { TabWriter } from "./tabwriter";
import { toYaml } from "./yaml";
import { goTemplate } from "./gotemplate";

export type ObjectPrinter = (obj: Obj) => string;

/** `kind.group/name` (or `kind/name`) for -o name. */
export function nameOf(obj: Obj): string {
  const [group] = String(obj.apiVersion ?? "").includes("/") ? String(obj.apiVersion).split("/") : [""];
  const kind = String(obj.kind ?? "").toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata?.name ?? ""}`;
}

const FORMATS = ["custom-columns", "custom-columns-file", "go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json", "jsonpath-file", "name", "template", "templatefile", "yaml"];

export function isObjectFormat(o: string): boolean {
  const base = o.split("=")[0]!;
  return FORMATS.includes(base);
}

/** The printer for -o, or undefined for the human-readable table (""/wide). */
export function objectPrinter(output: string, noHeaders = false, template = ""): ObjectPrinter | undefined {
  if (output === "" || output === "wide") return undefined;
  const eq = output.indexOf("=");
  const kind = eq >= 0 ? output.slice(0, eq) : output;
  const arg = eq >= 0 ? output.slice(eq + 1) : template;
  switch (kind) {
    case "yaml": return (o) => toYaml(o);
    case "json": return (o) => goJson(o) + "\n";
    case "name": return (o) => isList(o) ? (o.items as Obj[]).map((i) => nameOf(i) + "\n").join("") : nameOf(o) + "\n";
    case "jsonpath": case "jsonpath-as-json": {
      if (!arg) throw fail("template format specified but no template given");
      const nodes = parseJsonPath(arg);
      if (kind === "jsonpath") return (o) => executeJsonPath(nodes, o);
      return (o) => goJson(nodes.flatMap((n) => (n.t === "expr" ? evalPath(n.path, o) : []))) + "\n";
    }
    case "go-template": case "template":
      if (!arg) throw fail("template format specified but no template given");
      return (o) => goTemplate(arg, o);
    case "custom-columns": return customColumns(arg, noHeaders);
    default:
      throw fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS.join(",")}`);
  }
}

export const isList = (o: Obj) => Array.isArray(o.items) && String(o.kind ?? "").endsWith("List");

function customColumns(spec: string, noHeaders: boolean): ObjectPrinter {
  if (!spec) throw fail("custom-columns format specified but no custom columns given");
  const cols = spec.split(",").map((part) => {
    const i = part.indexOf(":");
    if (i < 0) throw fail(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    let path = part.slice(i + 1);
    path = path.startsWith("{") ? path.slice(1, -1) : path;
    if (!path.startsWith(".")) path = "." + path;
    return { header: part.slice(0, i), path };
  });
  return (o) => {
    const w = new TabWriter();
    if (!noHeaders) w.write(cols.map((c) => c.header).join("\t") + "\n");
    for (const item of isList(o) ? (o.items as Obj[]) : [o]) {
      w.write(cols.map((c) => {
        const vals = evalPath(c.path, item);
        return vals.length ? vals.map(valueText).join(",") : "<none>";
      }).join("\t") + "\n");
    }
    return w.flush();
  };
}
