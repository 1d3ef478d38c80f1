// Go's renderings that leak into apiserver error messages: fmt's %v of decoded JSON values
// (map[a:b], [x y], <nil>) and encoding/json's decode errors, as sigs.k8s.io/json and
// encoding/json word them ("invalid character 'x' looking for beginning of value").

/** fmt.Sprintf("%v", v) for a value decoded from JSON into interface{}. */
export function goFormatValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goFormatValue).join(" ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    return `map[${keys.map((k) => `${k}:${goFormatValue(o[k])}`).join(" ")}]`;
  }
  return String(v);
}

/** The Go type name encoding/json reports for a JSON value ("cannot unmarshal array into ..."). */
export function goJsonKind(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "object") return "object";
  return typeof v; // string, number, boolean → Go says "bool"
}
export const goUnmarshalTypeError = (v: unknown, target: string) =>
  `json: cannot unmarshal ${goJsonKind(v) === "boolean" ? "bool" : goJsonKind(v)} into Go value of type ${target}`;

const quoteChar = (c: string) => (c === "'" ? "'\\''" : c === '"' ? "'\"'" : `'${c}'`);

/**
 * Parse JSON; on a syntax error throw a SyntaxError whose message is encoding/json's
 * (e.g. `invalid character '}' looking for beginning of object key string`).
 */
export function parseJsonGo(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SyntaxError(goSyntaxError(text));
  }
}

/** A small scanner that finds the first error in `s` and words it as Go's encoding/json scanner. */
function goSyntaxError(s: string): string {
  let i = 0;
  const ws = () => { while (i < s.length && " \t\r\n".includes(s[i])) i++; };
  const fail = (ctx: string): never => {
    if (i >= s.length) throw "unexpected end of JSON input";
    throw `invalid character ${quoteChar(s[i])} ${ctx}`;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === "{") {
      i++; ws();
      if (s[i] === "}") { i++; return; }
      for (;;) {
        ws();
        if (s[i] !== '"') fail("looking for beginning of object key string");
        str(); ws();
        if (s[i] !== ":") fail("after object key");
        i++; value(); ws();
        if (s[i] === ",") { i++; continue; }
        if (s[i] === "}") { i++; return; }
        fail("after object key:value pair");
      }
    } else if (c === "[") {
      i++; ws();
      if (s[i] === "]") { i++; return; }
      for (;;) {
        value(); ws();
        if (s[i] === ",") { i++; continue; }
        if (s[i] === "]") { i++; return; }
        fail("after array element");
      }
    } else if (c === '"') str();
    else if (c === "-" || (c >= "0" && c <= "9")) num();
    else if (c === "t" || c === "f" || c === "n") lit(c === "t" ? "true" : c === "f" ? "false" : "null");
    else fail("looking for beginning of value");
  };
  const str = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === "\\") i++;
      else if (s[i] < " ") fail("in string literal");
      i++;
    }
    if (i >= s.length) fail("");
    i++;
  };
  const num = () => {
    if (s[i] === "-") i++;
    if (!(s[i] >= "0" && s[i] <= "9")) fail("in numeric literal");
    while (/[0-9.eE+-]/.test(s[i] ?? "")) i++;
  };
  const lit = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) {
      if (s[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
  };
  try {
    value(); ws();
    if (i < s.length) fail("after top-level value");
    return "unexpected end of JSON input";
  } catch (e) {
    return typeof e === "string" ? e : String(e);
  }
}
