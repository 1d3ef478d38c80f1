// What a container runs: Kubernetes semantics for command/args against the image's
// ENTRYPOINT/CMD (pkg/kubelet/kuberuntime/kuberuntime_container.go, and the containerd CRI's
// image config merge): `command` replaces ENTRYPOINT and drops CMD; `args` replaces CMD.
// Also expands $(VAR) references in command and args (third_party/forked/golang/expansion).

export function containerArgv(entrypoint: string[] | undefined, cmd: string[] | undefined, command: string[] | undefined, args: string[] | undefined): string[] {
  if (command && command.length) return [...command, ...(args ?? [])];
  return [...(entrypoint ?? []), ...(args && args.length ? args : (cmd ?? []))];
}

/** Expand $(VAR) with the container's env; $$(VAR) escapes; unknown references stay as written. */
export function expandVarRefs(s: string, env: Record<string, string>): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "$" && s[i + 1] === "$") {
      out += "$";
      i++;
    } else if (s[i] === "$" && s[i + 1] === "(") {
      const end = s.indexOf(")", i + 2);
      if (end < 0) {
        out += s.slice(i);
        break;
      }
      const name = s.slice(i + 2, end);
      out += name in env ? env[name] : `$(${name})`;
      i = end;
    } else out += s[i];
  }
  return out;
}

/** The containerd/runc start error when argv[0] cannot be executed (reason StartError, exit 128). */
export function startErrorMessage(argv0: string, found: "missing" | "directory"): string {
  const cause = argv0.includes("/")
    ? found === "directory"
      ? `exec: "${argv0}": is a directory`
      : `exec: "${argv0}": stat ${argv0}: no such file or directory`
    : `exec: "${argv0}": executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${cause}: unknown`;
}
