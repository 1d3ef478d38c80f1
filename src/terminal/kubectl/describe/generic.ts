// The generic describer of describe.go (GenericDescriberFor) for kinds without their own
// describer (Lease, Event, ...): name, namespace, labels, annotations, then every other field of
// the object as nested "Smart Label:\tvalue" lines (printUnstructuredContent, smartLabelFor with
// fatih/camelcase splitting), and the object's events.
import { LEVEL_0, tabbedString, type Writer } from "./prefix-writer";
import { byBytes, str, type Json } from "./go-format";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./common";

type CharClass = 0 | 1 | 2 | 3; // lower, upper, digit, other

function charClass(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return 0;
  if (/\p{Lu}/u.test(ch)) return 1;
  if (/\p{Nd}/u.test(ch)) return 2;
  return 3;
}

/** camelcase.Split: runs of one character class, an upper run's last letter moved onto a following lower run. */
export function camelcaseSplit(src: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const ch of src) {
    const c = charClass(ch);
    if (c === last) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (runs[i].length > 0 && charClass(runs[i][0]) === 1 && runs[i + 1].length > 0 && charClass(runs[i + 1][0]) === 0) {
      runs[i + 1] = [runs[i][runs[i].length - 1], ...runs[i + 1]];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

const ACRONYMS = ["API", "URL", "UID", "OSB", "GUID"];

export function smartLabelFor(field: string): string {
  if ([...field].some((ch) => ch !== "-" && !/\p{L}/u.test(ch))) return field;
  return camelcaseSplit(field)
    .filter((p) => p !== "_")
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(" ");
}

/** %v of a decoded JSON value. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (typeof v === "object") return `map[${Object.keys(v).sort(byBytes).map((k) => `${k}:${goValue((v as Json)[k])}`).join(" ")}]`;
  return String(v);
}

export function printUnstructuredContent(w: Writer, level: number, content: Json, skipPrefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort(byBytes)) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === "object" && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child, skipExpr, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(obj: Json, events: Json[] | undefined, now: Date): Promise<string> {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(obj.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(obj.metadata?.namespace)}\n`);
    printLabelsMultiline(w, "Labels", obj.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", obj.metadata?.annotations);
    printUnstructuredContent(w, LEVEL_0, obj, "", [".metadata.managedFields", ".metadata.name",
      ".metadata.namespace", ".metadata.labels", ".metadata.annotations"]);
    if (events) describeEvents(events, w, now);
  });
}
