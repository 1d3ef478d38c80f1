// Logging in to the cluster's other machines from the terminal: `ssh node01` (also `root@node01`
// or the host's address) starts a login shell there (prompt `node01:~$`, `exit` comes back with
// "Connection to node01 closed."), and `sudo` runs a command as root (the shell already is root).
// Hosts are the cluster's machines (GET /hosts of a kubeadm-template cluster, else its nodes).
// No upstream file (OpenSSH's ssh, sudo).
import type { Command, CommandContext } from "../../shell/types";
import type { KubeTransport } from "../types";
import { NODE_DEFAULTS } from "../../cluster/templates/nodes";

export interface SshEnv {
  transport: KubeTransport;
  host(): string;
  enterHost(host: string): void;
}

interface Machine { name: string; ip: string }

async function machines(t: KubeTransport): Promise<Machine[]> {
  const res = await t.request("GET", "/hosts", { headers: { accept: "application/json" } });
  const hosts = res.ok ? ((await res.json()) as { items: { name: string; ip: string }[] }).items : [];
  if (hosts.length) return hosts;
  const nodes = await t.request("GET", "/api/v1/nodes", { headers: { accept: "application/json" } });
  if (!nodes.ok) return [];
  const list = (await nodes.json()) as { items: { metadata: { name: string }; status?: { addresses?: { type: string; address: string }[] } }[] };
  return list.items.map((n) => ({ name: n.metadata.name, ip: n.status?.addresses?.find((a) => a.type === "InternalIP")?.address ?? "" }));
}

const motd = () => `Welcome to Ubuntu ${NODE_DEFAULTS.osImage.replace(/^Ubuntu /, "")} (GNU/Linux ${NODE_DEFAULTS.kernelVersion} x86_64)

 * Documentation:  https://help.ubuntu.com
 * Management:     https://landscape.canonical.com
 * Support:        https://ubuntu.com/pro

`;

export function sshCommand(env: SshEnv): Command {
  return async (ctx: CommandContext) => {
    const args = ctx.args.filter((a, i) => !a.startsWith("-") && !["-p", "-i", "-l", "-o"].includes(ctx.args[i - 1] ?? ""));
    const target = args[0];
    if (!target) {
      await ctx.stderr.write("usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n");
      return 255;
    }
    const hostname = target.includes("@") ? target.slice(target.indexOf("@") + 1) : target;
    const m = (await machines(env.transport)).find((h) => h.name === hostname || h.ip === hostname);
    if (!m) {
      await ctx.stderr.write(`ssh: Could not resolve hostname ${hostname}: Name or service not known\n`);
      return 255;
    }
    if (args.length > 1) {
      await ctx.stderr.write(`ssh: running a command on ${m.name} is not supported here; run \`ssh ${m.name}\`, then the command\n`);
      return 255;
    }
    await ctx.stdout.write(motd());
    env.enterHost(m.name);
    return 0;
  };
}

/** `sudo [-E|-H|-i|-s|-u root] command ...`: the terminal's user is root already. */
export const sudoCommand: Command = async (ctx) => {
  let i = 0;
  while (i < ctx.args.length && ctx.args[i]!.startsWith("-")) i += ctx.args[i] === "-u" ? 2 : 1;
  const argv = ctx.args.slice(i);
  if (!argv.length) {
    await ctx.stderr.write("usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]\n            [-u user] [command [arg ...]]\nusage: sudo [-ABbEHkNnPS] [-C num] [-D directory] [-g group] [-h host] [-p\n            prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s]\n            [command [arg ...]]\nusage: sudo -e [-ABkNnS] [-C num] [-D directory] [-g group] [-h host] [-p\n            prompt] [-R directory] [-T timeout] [-u user] file ...\n");
    return 1;
  }
  return ctx.run(argv);
};
