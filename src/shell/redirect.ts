// Redirections (XCU 2.7): open files on the virtual filesystem for > >> < <>, duplicate
// descriptors for n>&m, feed here-documents, and route /dev/null, /dev/stdout, /dev/stderr.
// Failures produce the shell's own messages. No upstream file.
import type { Redirect } from "./ast";
import { type ExpandEnv, expandString } from "./expand";
import { errnoText, resolvePath, type Vfs } from "./fs";
import { type Input, type Output, emptyInput, nullOutput, stringInput } from "./io";

export interface Fds {
  0: Input;
  1: Output;
  2: Output;
  [fd: number]: Input | Output;
}

export class RedirectError extends Error {}

export async function applyRedirects(redirs: Redirect[], fds: Fds, env: ExpandEnv, dialect: string): Promise<Fds> {
  if (!redirs.length) return fds;
  const out: Fds = { ...fds };
  for (const r of redirs) {
    if (r.heredoc) {
      out[r.fd] = stringInput(await expandString(r.heredoc, env));
      continue;
    }
    const target = await expandString(r.target, env);
    if (r.op === ">&" || r.op === "<&") {
      if (target === "-") {
        out[r.fd] = r.op === ">&" ? nullOutput : emptyInput;
        continue;
      }
      const src = out[Number(target)];
      if (!/^\d+$/.test(target) || !src) throw new RedirectError(dialect === "ash" ? `${target}: bad file descriptor` : `${target}: Bad file descriptor`);
      out[r.fd] = src;
      continue;
    }
    const path = resolvePath(env.cwd(), target);
    if (path === "/dev/stdout" || path === "/dev/stderr" || path === "/dev/stdin") {
      out[r.fd] = out[path === "/dev/stdin" ? 0 : path === "/dev/stdout" ? 1 : 2];
      continue;
    }
    if (r.op === "<" || r.op === "<>") {
      out[r.fd] = openInput(env.fs, path, target, dialect);
    } else {
      out[r.fd] = openOutput(env.fs, path, target, r.op === ">>", dialect);
    }
  }
  return out;
}

function openInput(fs: Vfs, path: string, shown: string, dialect: string): Input {
  if (path === "/dev/null") return emptyInput;
  const r = fs.readFile(path);
  if (!r.ok) {
    throw new RedirectError(dialect === "ash" ? `can't open '${shown}': ${errnoText[r.errno]}` : `cannot open ${shown}: ${r.errno === "ENOENT" ? "No such file" : errnoText[r.errno]}`);
  }
  return stringInput(r.value);
}

function openOutput(fs: Vfs, path: string, shown: string, append: boolean, dialect: string): Output {
  if (path === "/dev/null") return nullOutput;
  const r = fs.writeFile(path, "", true);
  if (!r.ok || (!append && !fs.writeFile(path, "").ok)) {
    const errno = r.ok ? "EROFS" : r.errno;
    if (dialect === "ash") throw new RedirectError(`can't create ${shown}: ${errno === "ENOENT" ? "nonexistent directory" : errnoText[errno]}`);
    throw new RedirectError(`cannot create ${shown}: ${errno === "ENOENT" ? "Directory nonexistent" : errnoText[errno]}`);
  }
  return {
    write: async (data: string) => {
      fs.writeFile(path, data, true);
    },
  };
}
