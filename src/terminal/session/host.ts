// The machine the terminal's shell runs on: a kubeadm control-plane host named "controlplane",
// root's login environment, a small filesystem (home, /tmp, /etc) whose user files are kept with
// the session, and bash's prompt (`controlplane:~$ `). No upstream file.
import { Vfs } from "../../shell/fs";

export const HOSTNAME = "controlplane";
export const HOME = "/root";
/** Files kept with the session (characters); larger homes are not persisted past this. */
const FILES_LIMIT = 512 * 1024;
const KEPT_DIRS = [HOME, "/tmp"];

export function loginVars(): [string, string, boolean][] {
  return [
    ["HOME", HOME, true], ["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", true],
    ["TERM", "xterm-256color", true], ["USER", "root", true], ["LOGNAME", "root", true], ["SHELL", "/bin/bash", true],
    ["HOSTNAME", HOSTNAME, false], ["PWD", HOME, true], ["LANG", "C.UTF-8", true],
  ];
}

/** The host's filesystem with the session's own files restored. */
export function hostFs(now: () => number, files: Record<string, string>): Vfs {
  const fs = new Vfs(now);
  fs.seed({ "/etc/hostname": `${HOSTNAME}\n`, "/etc/hosts": `127.0.0.1 localhost\n127.0.1.1 ${HOSTNAME}\n` });
  for (const d of KEPT_DIRS) fs.mkdir(d, true);
  fs.mkdir("/etc/kubernetes/manifests", true);
  for (const [path, data] of Object.entries(files)) {
    const dir = path.slice(0, path.lastIndexOf("/")) || "/";
    fs.mkdir(dir, true);
    fs.writeFile(path, data);
  }
  return fs;
}

/** The user's files under the home directory and /tmp, to keep with the session. */
export function userFiles(fs: Vfs): Record<string, string> {
  const out: Record<string, string> = {};
  let size = 0;
  const walk = (dir: string) => {
    const entries = fs.readdir(dir);
    if (!entries.ok) return;
    for (const [name, node] of entries.value) {
      const path = `${dir === "/" ? "" : dir}/${name}`;
      if (node.kind === "dir") walk(path);
      else if (node.kind === "file") {
        const r = fs.readFile(path);
        if (r.ok && size + r.value.length <= FILES_LIMIT) { out[path] = r.value; size += r.value.length; }
      }
    }
  };
  for (const d of KEPT_DIRS) walk(d);
  return out;
}

/** bash's default PS1 on Ubuntu, `\h:\w\$ ` as killercoda-style hosts show it. */
export function prompt(cwd: string, host = HOSTNAME): string {
  const w = cwd === HOME ? "~" : cwd.startsWith(HOME + "/") ? "~" + cwd.slice(HOME.length) : cwd;
  return `${host}:${w}$ `;
}
