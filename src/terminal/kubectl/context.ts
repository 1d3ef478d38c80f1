// What every kubectl subcommand works with: the environment (transport, kubeconfig names, the
// context's namespace), the shell's streams, a REST client tagged with the command's name,
// cached discovery, and interruption (Ctrl-C ends a watch the way SIGINT ends kubectl).
import type { CommandContext } from "../../shell/types";
import type { KubectlEnv } from "../types";
import { Client } from "./client";
import { type Discovery, discover } from "./discovery";
import { type Parsed, str, bool } from "./flags";

export class Kctx {
  readonly client: Client;
  private disc?: Promise<Discovery>;

  constructor(readonly env: KubectlEnv, readonly sh: CommandContext, readonly cmdPath: string, readonly flags: Parsed) {
    this.client = new Client(env.transport, cmdPath);
  }

  out(s: string): Promise<void> { return this.sh.stdout.write(s); }
  err(s: string): Promise<void> { return this.sh.stderr.write(s); }

  /** The namespace from -n, else the context's. */
  get namespace(): string { return str(this.flags, "namespace") || this.env.namespace; }
  get explicitNamespace(): boolean { return !!str(this.flags, "namespace"); }
  get allNamespaces(): boolean { return bool(this.flags, "all-namespaces"); }

  discovery(): Promise<Discovery> {
    this.disc ??= discover(this.client);
    return this.disc;
  }

  /** Standard input as text (for `-f -`). */
  async readStdin(): Promise<string> {
    let s = "";
    for (;;) {
      const chunk = await this.sh.stdin.read();
      if (chunk === null) return s;
      s += chunk;
    }
  }

  /**
   * Run `work` with an AbortSignal that fires when the shell interrupts the command (Ctrl-C):
   * the shell's kill surfaces from its sleep, or the host's signal handler is called.
   */
  async interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ac = new AbortController();
    let finished = false;
    let killedBy: unknown;
    const off = this.sh.host.process?.onSignal(() => ac.abort());
    const poll = (async () => {
      while (!finished) {
        try { await this.sh.sleep(250); } catch (e) { killedBy = e; ac.abort(); return; }
      }
    })();
    try {
      return await work(ac.signal);
    } catch (e) {
      if (killedBy) throw killedBy;
      throw e;
    } finally {
      finished = true;
      off?.();
      void poll;
      if (killedBy) throw killedBy;
    }
  }
}
