#!/usr/bin/env python3
# Generator for the schema tables in ../schemas/*.gen.ts: reads the Go API types of k8s.io/api and
# k8s.io/apimachinery at one tag (field names from json tags, Go types, patchStrategy/patchMergeKey
# struct tags, +listType/+listMapKey/+mapType/+structType/+optional/+enum markers, enum constants)
# and writes them as the compact DSL of ../dsl.ts. Mirrors what kube-openapi's openapi-gen takes
# from the same sources. Doc comments are not copied: descriptions live in ../descriptions.ts.
#
# Usage: python3 extract.py <k8s.io/api git dir> <k8s.io/apimachinery git dir> <tag>
import re
import subprocess
import sys
from pathlib import Path

API_DIR, MACH_DIR, TAG = sys.argv[1], sys.argv[2], sys.argv[3]
OUT = Path(__file__).resolve().parent.parent / "schemas"

# Go package -> (git dir, path, schema prefix used in the DSL)
PACKAGES = {
    "k8s.io/api/core/v1": (API_DIR, "core/v1", "core.v1"),
    "k8s.io/api/apps/v1": (API_DIR, "apps/v1", "apps.v1"),
    "k8s.io/api/batch/v1": (API_DIR, "batch/v1", "batch.v1"),
    "k8s.io/api/coordination/v1": (API_DIR, "coordination/v1", "coordination.v1"),
    "k8s.io/api/discovery/v1": (API_DIR, "discovery/v1", "discovery.v1"),
    "k8s.io/api/events/v1": (API_DIR, "events/v1", "events.v1"),
    "k8s.io/api/policy/v1": (API_DIR, "policy/v1", "policy.v1"),
    "k8s.io/api/scheduling/v1": (API_DIR, "scheduling/v1", "scheduling.v1"),
    "k8s.io/api/autoscaling/v1": (API_DIR, "autoscaling/v1", "autoscaling.v1"),
    "k8s.io/apimachinery/pkg/apis/meta/v1": (MACH_DIR, "pkg/apis/meta/v1", "meta.v1"),
}
# Types with a hand-written schema (custom JSON marshalling upstream): see ../dsl.ts SPECIAL.
SPECIAL = {
    ("k8s.io/apimachinery/pkg/apis/meta/v1", "Time"): "meta.v1.Time",
    ("k8s.io/apimachinery/pkg/apis/meta/v1", "MicroTime"): "meta.v1.MicroTime",
    ("k8s.io/apimachinery/pkg/apis/meta/v1", "Duration"): "meta.v1.Duration",
    ("k8s.io/apimachinery/pkg/apis/meta/v1", "FieldsV1"): "meta.v1.FieldsV1",
    ("k8s.io/apimachinery/pkg/api/resource", "Quantity"): "resource.Quantity",
    ("k8s.io/apimachinery/pkg/util/intstr", "IntOrString"): "intstr.IntOrString",
    ("k8s.io/apimachinery/pkg/runtime", "RawExtension"): "runtime.RawExtension",
}
SCALARS = {"string": "s()", "bool": "b()", "int32": "i32()", "int64": "i64()", "int": "i32()",
            "float64": "f64()", "uint32": "i32()", "byte": "i32()"}
ROOTS = [
    ("k8s.io/api/core/v1", k) for k in
    ["Binding", "ConfigMap", "ConfigMapList", "Endpoints", "EndpointsList", "Event", "EventList",
     "Namespace", "NamespaceList", "Node", "NodeList", "Pod", "PodList", "Secret", "SecretList",
     "ServiceAccount", "ServiceAccountList", "Service", "ServiceList"]
] + [("k8s.io/api/apps/v1", k) for k in
     ["DaemonSet", "DaemonSetList", "Deployment", "DeploymentList", "ReplicaSet", "ReplicaSetList",
      "StatefulSet", "StatefulSetList"]] + [
    ("k8s.io/api/batch/v1", "Job"), ("k8s.io/api/batch/v1", "JobList"),
    ("k8s.io/api/coordination/v1", "Lease"), ("k8s.io/api/coordination/v1", "LeaseList"),
    ("k8s.io/api/discovery/v1", "EndpointSlice"), ("k8s.io/api/discovery/v1", "EndpointSliceList"),
    ("k8s.io/api/events/v1", "Event"), ("k8s.io/api/events/v1", "EventList"),
    ("k8s.io/api/policy/v1", "PodDisruptionBudget"), ("k8s.io/api/policy/v1", "PodDisruptionBudgetList"),
    ("k8s.io/api/policy/v1", "Eviction"),
    ("k8s.io/api/scheduling/v1", "PriorityClass"), ("k8s.io/api/scheduling/v1", "PriorityClassList"),
    ("k8s.io/api/autoscaling/v1", "Scale"),
    ("k8s.io/apimachinery/pkg/apis/meta/v1", "Status"),
    ("k8s.io/apimachinery/pkg/apis/meta/v1", "DeleteOptions"),
    ("k8s.io/apimachinery/pkg/apis/meta/v1", "Patch"),
]


def git_files(gitdir, path):
    names = subprocess.run(["git", "-C", gitdir, "ls-tree", "--name-only", f"{TAG}:{path}"],
                           check=True, capture_output=True, text=True).stdout.split()
    for n in names:
        if n.endswith(".go") and not n.endswith("_test.go") and not n.startswith("zz_") and "generated" not in n:
            yield subprocess.run(["git", "-C", gitdir, "show", f"{TAG}:{path}/{n}"],
                                 check=True, capture_output=True, text=True).stdout


class Package:
    def __init__(self, name):
        gitdir, path, self.prefix = PACKAGES[name]
        self.name = name
        self.structs = {}    # type name -> (markers, [(comment markers, field line)])
        self.named = {}      # type name -> (markers, underlying Go type)
        self.consts = {}     # type name -> [values]
        self.imports = {}    # alias -> import path
        for src in git_files(gitdir, path):
            self.parse(src)

    def parse(self, src):
        src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
        for m in re.finditer(r'^\s*(?:(\w+)\s+)?"(k8s\.io/[^"]+)"\s*$', src, re.M):
            alias = m.group(1) if m.group(1) not in (None, "import") else m.group(2).rsplit("/", 1)[-1]
            self.imports[alias] = m.group(2)
        lines = src.split("\n")
        comments, i = [], 0
        while i < len(lines):
            line = lines[i]
            st = line.strip()
            if st.startswith("//"):
                comments.append(st[2:].strip())
            elif m := re.match(r"^type (\w+) struct \{", line):
                fields, fc, i = [], [], i + 1
                while not lines[i].startswith("}"):
                    fl = lines[i].strip()
                    if fl.startswith("//"):
                        fc.append(fl[2:].strip())
                    elif fl == "":
                        fc = []
                    else:
                        fields.append((fc, fl))
                        fc = []
                    i += 1
                self.structs[m.group(1)] = (comments, fields)
                comments = []
            elif m := re.match(r"^type (\w+) struct\s*\{\}", line):
                self.structs[m.group(1)] = (comments, [])
                comments = []
            elif m := re.match(r"^type (\w+) (\S.*)$", line):
                self.named[m.group(1)] = (comments, m.group(2).strip())
                comments = []
            elif m := re.match(r'^\s*(\w+)\s+(\w+)\s*=\s*"([^"]*)"', line):
                self.consts.setdefault(m.group(2), []).append(m.group(3))
                comments = []
            else:
                comments = []
            i += 1


PKGS = {}


def pkg(name):
    if name not in PKGS:
        PKGS[name] = Package(name)
    return PKGS[name]


def marker(comments, key):
    vals = [c[len(key) + 2:] for c in comments if c.startswith(f"+{key}=")]
    return vals


class Gen:
    def __init__(self):
        self.types = {}   # dsl name -> (package, ts source)
        self.queue = list(ROOTS)

    def resolve(self, p, expr):
        """DSL expression for Go type `expr` in package p; queues referenced structs."""
        expr = expr.lstrip("*")
        if expr == "[]byte":
            return "bytes()"
        if expr.startswith("[]"):
            return f"l({self.resolve(p, expr[2:])})"
        if m := re.match(r"map\[(\w+(?:\.\w+)?)\](.+)$", expr):
            return f"m({self.resolve(p, m.group(2))})"
        if expr in SCALARS:
            return SCALARS[expr]
        if "." in expr:
            alias, name = expr.split(".", 1)
            target = p.imports[alias]
            if (target, name) in SPECIAL:
                return f'r("{SPECIAL[(target, name)]}")'
            if target == "k8s.io/apimachinery/pkg/types":
                return "s()"
            return self.resolve(pkg(target), name)
        if (p.name, expr) in SPECIAL:
            return f'r("{SPECIAL[(p.name, expr)]}")'
        if expr in p.structs:
            self.queue.append((p.name, expr))
            return f'r("{p.prefix}.{expr}")'
        if expr in p.named:
            comments, under = p.named[expr]
            inner = self.resolve(p, under)
            if "+enum" in comments and inner == "s()":
                vals = sorted(set(p.consts.get(expr, [])))
                return "s([" + ", ".join(f'"{v}"' for v in vals) + "])"
            return inner
        raise SystemExit(f"unresolved type {expr} in {p.name}")

    def field(self, p, comments, line):
        m = re.match(r"^(\S+)\s+(\S+)\s+`(.*)`", line) or re.match(r"^(\S+)\s+`(.*)`", line)
        if not m:
            raise SystemExit(f"cannot parse field: {line}")
        if len(m.groups()) == 2:
            gotype, tags, gname = m.group(1), m.group(2), None
        else:
            gname, gotype, tags = m.group(1), m.group(2), m.group(3)
        js = re.search(r'json:"([^"]*)"', tags).group(1)
        jname, *opts = js.split(",")
        if jname == "-":
            return []
        if "inline" in opts:
            target_p, name = p, gotype.lstrip("*")
            if "." in name:
                alias, name = name.split(".", 1)
                target_p = pkg(p.imports[alias])
            out = []
            for fc, fl in target_p.structs[name][1]:
                out += self.field(target_p, fc, fl)
            return out
        t = self.resolve(p, gotype)
        ext = {}
        if s := re.search(r'patchStrategy:"([^"]*)"', tags):
            ext["strategy"] = s.group(1)
        if s := re.search(r'patchMergeKey:"([^"]*)"', tags):
            ext["mergeKey"] = s.group(1)
        if v := marker(comments, "listType"):
            ext["listType"] = v[0]
        if v := marker(comments, "listMapKey"):
            ext["keys"] = v
        if v := marker(comments, "mapType"):
            ext["mapType"] = v[0]
        if ext:
            parts = []
            for k, v in ext.items():
                parts.append(f"{k}: " + ("[" + ", ".join(f'"{x}"' for x in v) + "]" if isinstance(v, list) else f'"{v}"'))
            if t.startswith("l(") or t.startswith("m("):
                t = f"{t[0]}({t[2:-1]}, {{ {', '.join(parts)} }})"
            else:  # a marker on a non-list member (upstream emits it as written)
                t = f"x({t}, {{ {', '.join(parts)} }})"
        required = "omitempty" not in opts and "+optional" not in comments
        key = jname if re.match(r"^[A-Za-z_]\w*$", jname) else f'"{jname}"'
        return [f"    {key}: {'req(' + t + ')' if required else t},"]

    def run(self):
        while self.queue:
            pname, name = self.queue.pop(0)
            p = pkg(pname)
            dsl = f"{p.prefix}.{name}"
            if dsl in self.types:
                continue
            self.types[dsl] = None
            comments, fields = p.structs[name]
            body = []
            for fc, fl in fields:
                body += self.field(p, fc, fl)
            st = marker(comments, "structType")
            opt = ', { mapType: "atomic" }' if st and st[0] == "atomic" else ""
            self.types[dsl] = (p.prefix, f'  "{dsl}": o({{\n' + "\n".join(body) + f"\n  }}{opt}),")


def main():
    g = Gen()
    g.run()
    files = {}
    for dsl, (prefix, src) in sorted(g.types.items()):
        group = prefix.split(".")[0]
        fname = group if group in ("core", "meta", "apps") else "groups"
        files.setdefault(fname, []).append(src)
    for fname, entries in files.items():
        head = (f"// Field tables of the {fname if fname != 'groups' else 'batch, coordination, discovery, events, policy, scheduling and autoscaling'}"
                f" API types, generated by gen/extract.py from\n// k8s.io/api and k8s.io/apimachinery {TAG}"
                " (the Go types openapi-gen reads). Regenerate, do not edit.\n")
        src = head + 'import { o, s, b, i32, i64, f64, bytes, r, l, m, x, req, type TypeTable } from "../dsl.js";\n\n'
        src += f"export const {fname}Types: TypeTable = {{\n" + "\n".join(entries) + "\n};\n"
        (OUT / f"{fname}.gen.ts").write_text(src)
        print(fname, len(entries), "types")


main()
