// The programs a container image brings, as commands for the shell's registry: servers, the
// entrypoint scripts (nginx's own /docker-entrypoint.sh differs from the others'), language
// runtimes. A command only runs where the image's filesystem has its binary (see rootfs.ts).
import type { Command } from "../../../shell/types";
import { commandRegistry } from "../../../shell/commands/index";
import { shDialect } from "./rootfs";
import type { Image } from "../images";
import { mysqld, postgres, redisServer } from "./servers-data";
import { coredns, dockerEntrypoint, kubeComponent, node, pause } from "./servers-system";
import { cniPrograms, cniRepo } from "./servers-cni";
import { type ServerEnv, agnhost, httpd, nginx, nginxEntrypoint, python } from "./servers-web";

export function programCommands(image: Image, env: ServerEnv): [string, Command][] {
  const repo = image.name.slice(image.name.lastIndexOf("/") + 1);
  const cni = cniPrograms(cniRepo(image.name));
  const entrypointProgram: Record<string, string> = { redis: "redis-server", postgres: "postgres", mysql: "mysqld", node: "node" };
  const entries: [string, Command][] = [
    ["nginx", nginx(env)],
    ["nginx-debug", nginx(env)],
    ["httpd", httpd(env)],
    ["httpd-foreground", httpd(env)],
    ["redis-server", redisServer],
    ["postgres", postgres],
    ["mysqld", mysqld],
    ["python3", python(env)],
    ["python", python(env)],
    ["node", node],
    ["pause", pause],
    ["coredns", coredns],
    ["agnhost", agnhost(env)],
    ["etcd", kubeComponent("etcd", 2379)],
    ["kube-apiserver", kubeComponent("kube-apiserver", 6443)],
    ["kube-controller-manager", kubeComponent("kube-controller-manager", 10257)],
    ["kube-scheduler", kubeComponent("kube-scheduler", 10259)],
    ["kube-proxy", kubeComponent("kube-proxy", 10256)],
  ];
  for (const cmds of Object.values(cni ?? {})) entries.push(...cmds);
  if (shDialect(image.distro) === "ash") entries.push(["cat", busyboxCat]);
  if (repo === "nginx") entries.push(["docker-entrypoint.sh", nginxEntrypoint]);
  else if (entrypointProgram[repo] && !cni) entries.push(["docker-entrypoint.sh", dockerEntrypoint(entrypointProgram[repo]!)]);
  return entries;
}

/** busybox's cat reports a missing file as `cat: can't open 'X': No such file or directory` (coreutils: `cat: X: …`). */
const busyboxCat: Command = async (ctx) => {
  const cat = commandRegistry().get("cat")!;
  const stderr = { write: (d: string) => ctx.stderr.write(d.replace(/^cat: (.*): (No such file or directory|Is a directory|Permission denied)$/gm, "cat: can't open '$1': $2")) };
  return cat({ ...ctx, stderr: stderr as typeof ctx.stderr });
};
