// An in-memory filesystem for simulated containers and the terminal: directories, regular files
// and symlinks with modes and times; per-image seed trees are loaded with `seed`, volume mounts
// are grafted with `mount` (read-only mounts refuse writes with EROFS). Errors are data: every
// failing call returns an errno name that commands turn into the usual messages.
// No upstream file.

export type Errno = "ENOENT" | "EEXIST" | "ENOTDIR" | "EISDIR" | "ENOTEMPTY" | "EROFS" | "EINVAL";

export const errnoText: Record<Errno, string> = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  ENOTEMPTY: "Directory not empty",
  EROFS: "Read-only file system",
  EINVAL: "Invalid argument",
};

export interface FileNode {
  kind: "file";
  data: string;
  mode: number;
  mtime: number;
  readOnly?: boolean;
}
export interface DirNode {
  kind: "dir";
  entries: Map<string, Node>;
  mode: number;
  mtime: number;
  readOnly?: boolean;
}
export interface LinkNode {
  kind: "link";
  target: string;
  mode: number;
  mtime: number;
  readOnly?: boolean;
}
export type Node = FileNode | DirNode | LinkNode;

export type Result<T> = { ok: true; value: T } | { ok: false; errno: Errno };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const err = <T>(errno: Errno): Result<T> => ({ ok: false, errno });

/** Join and normalize a path against `cwd`. */
export function resolvePath(cwd: string, p: string): string {
  const parts = (p.startsWith("/") ? p : `${cwd}/${p}`).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

export class Vfs {
  readonly root: DirNode;
  /** Counts every change to the tree (a probe's outcome can only change when this does). */
  version = 0;

  constructor(private readonly now: () => number = () => 0) {
    this.root = { kind: "dir", entries: new Map(), mode: 0o755, mtime: now() };
  }

  /** Load a tree: path → file content (a trailing "/" makes a directory; "->" prefix a symlink). */
  seed(files: Record<string, string>): void {
    for (const [path, content] of Object.entries(files)) {
      if (path.endsWith("/")) this.mkdir(path, true);
      else if (content.startsWith("->")) this.symlink(content.slice(2).trim(), path);
      else {
        this.mkdir(parentOf(path), true);
        this.writeFile(path, content, false, path.includes("/bin/") ? 0o755 : 0o644);
      }
    }
  }

  /** Graft a directory tree at `path` (a volume). Replaces what was there. */
  mount(path: string, files: Record<string, string>, readOnly = false): void {
    this.version++;
    const dir = this.mkdir(path, true);
    if (!dir.ok) return;
    const node = this.lookup(path);
    if (!node.ok || node.value.kind !== "dir") return;
    node.value.entries.clear();
    const sub = new Vfs(this.now);
    sub.seed(files);
    for (const [k, v] of sub.root.entries) node.value.entries.set(k, v);
    if (readOnly) markReadOnly(node.value);
  }

  /** The node at `path`, following symlinks (also in the last component unless `noFollow`). */
  lookup(path: string, noFollow = false, depth = 0): Result<Node> {
    if (depth > 16) return err("EINVAL");
    const parts = resolvePath("/", path).split("/").filter(Boolean);
    let node: Node = this.root;
    let here = "/";
    for (let i = 0; i < parts.length; i++) {
      if (node.kind === "link") {
        const t = this.lookup(resolvePath(parentOf(here), node.target), false, depth + 1);
        if (!t.ok) return t;
        node = t.value;
      }
      if (node.kind !== "dir") return err("ENOTDIR");
      const next = node.entries.get(parts[i]!);
      if (!next) return err("ENOENT");
      node = next;
      here = resolvePath(here, parts[i]!);
    }
    if (node.kind === "link" && !noFollow) return this.lookup(resolvePath(parentOf(here), node.target), false, depth + 1);
    return ok(node);
  }

  exists(path: string): boolean {
    return this.lookup(path).ok;
  }

  isDir(path: string): boolean {
    const n = this.lookup(path);
    return n.ok && n.value.kind === "dir";
  }

  readFile(path: string): Result<string> {
    const n = this.lookup(path);
    if (!n.ok) return n;
    if (n.value.kind === "dir") return err("EISDIR");
    return ok((n.value as FileNode).data);
  }

  writeFile(path: string, data: string, append = false, mode = 0o644): Result<void> {
    this.version++;
    const parent = this.lookup(parentOf(path));
    if (!parent.ok) return parent;
    if (parent.value.kind !== "dir") return err("ENOTDIR");
    const name = baseOf(path);
    const existing = this.lookup(path);
    if (existing.ok) {
      const f = existing.value;
      if (f.kind === "dir") return err("EISDIR");
      if (f.readOnly) return err("EROFS");
      const file = f as FileNode;
      file.data = append ? file.data + data : data;
      file.mtime = this.now();
      return ok(undefined);
    }
    if (parent.value.readOnly) return err("EROFS");
    parent.value.entries.set(name, { kind: "file", data, mode, mtime: this.now() });
    return ok(undefined);
  }

  mkdir(path: string, parents = false): Result<void> {
    this.version++;
    const abs = resolvePath("/", path);
    if (abs === "/") return parents ? ok(undefined) : err("EEXIST");
    const existing = this.lookup(abs);
    if (existing.ok) return parents && existing.value.kind === "dir" ? ok(undefined) : err("EEXIST");
    const parentPath = parentOf(abs);
    if (parents) {
      const r = this.mkdir(parentPath, true);
      if (!r.ok) return r;
    }
    const parent = this.lookup(parentPath);
    if (!parent.ok) return parent;
    if (parent.value.kind !== "dir") return err("ENOTDIR");
    if (parent.value.readOnly) return err("EROFS");
    parent.value.entries.set(baseOf(abs), { kind: "dir", entries: new Map(), mode: 0o755, mtime: this.now() });
    return ok(undefined);
  }

  symlink(target: string, path: string): Result<void> {
    this.version++;
    this.mkdir(parentOf(path), true);
    const parent = this.lookup(parentOf(path));
    if (!parent.ok || parent.value.kind !== "dir") return err("ENOENT");
    parent.value.entries.set(baseOf(path), { kind: "link", target, mode: 0o777, mtime: this.now() });
    return ok(undefined);
  }

  readdir(path: string): Result<[string, Node][]> {
    const n = this.lookup(path);
    if (!n.ok) return n;
    if (n.value.kind !== "dir") return err("ENOTDIR");
    return ok([...n.value.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  remove(path: string, recursive = false): Result<void> {
    this.version++;
    const abs = resolvePath("/", path);
    const n = this.lookup(abs, true);
    if (!n.ok) return n;
    if (n.value.kind === "dir" && n.value.entries.size > 0 && !recursive) return err("ENOTEMPTY");
    const parent = this.lookup(parentOf(abs));
    if (!parent.ok || parent.value.kind !== "dir") return err("ENOENT");
    if (parent.value.readOnly || n.value.readOnly) return err("EROFS");
    parent.value.entries.delete(baseOf(abs));
    return ok(undefined);
  }

  /** Update a file's time, creating it empty if absent. */
  touch(path: string): Result<void> {
    this.version++;
    const n = this.lookup(path);
    if (n.ok) {
      n.value.mtime = this.now();
      return ok(undefined);
    }
    return this.writeFile(path, "");
  }
}

function markReadOnly(n: Node): void {
  n.readOnly = true;
  if (n.kind === "dir") for (const c of n.entries.values()) markReadOnly(c);
}

export function parentOf(path: string): string {
  const abs = resolvePath("/", path);
  const i = abs.lastIndexOf("/");
  return i <= 0 ? "/" : abs.slice(0, i);
}

export function baseOf(path: string): string {
  const abs = resolvePath("/", path);
  return abs.slice(abs.lastIndexOf("/") + 1);
}
