// `crictl ps [-a]` and `crictl pods` on the control-plane host: the containers and sandboxes of
// the pods bound to this node, read from the API server. Columns and
// spacing of cri-tools v1.32 (cmd/crictl: tabwriter minwidth 20, padding 3; `ps` ends with
// NAMESPACE); CREATED is go-units' HumanDuration + " ago". Ids are the runtime's (the status'
// containerID/imageID, 13 hex digits shown).
import type { Command } from "../../shell/types";
import { tabwrite } from "../kubectl/describe/tabwriter";
import { HOSTNAME } from "../session/host";
import type { HostEnv } from "./host";
import { HostApiError, type KubeList, type PodLike, getJson, hexId, humanDuration } from "./host-api";

/** crictl's truncated ids: a runtime id (containerd://…) or an image digest (repo@sha256:…), 13 hex digits. */
const short = (id: string) => id.replace(/^[a-z]+:\/\//, "").replace(/^.*sha256:/, "").slice(0, 13);

export function crictlCommand(env: HostEnv): Command {
  return async (ctx) => {
    const [verb, ...rest] = ctx.args;
    if (!verb || !["ps", "pods"].includes(verb)) {
      await ctx.stderr.write(verb ? `No help topic for '${verb}'\n` : "NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options]\n");
      return verb ? 3 : 0;
    }
    let pods: PodLike[];
    try {
      pods = (await getJson<KubeList<PodLike>>(env.transport, `/api/v1/pods?fieldSelector=spec.nodeName%3D${HOSTNAME}`)).items;
    } catch (e) {
      await ctx.stderr.write(`E0000 00:00:00.000000 connect.go:58] "Connect using endpoint failed" err="${e instanceof HostApiError ? e.message : String(e)}"\n`);
      return 1;
    }
    // crictl lists newest first (podByCreated / containerByCreated)
    pods.sort((a, b) => Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp));
    const now = env.now();
    const ago = (t: string | undefined) => (t ? `${humanDuration(now - Date.parse(t))} ago` : "");
    let table: string;
    if (verb === "pods") {
      const rows = await Promise.all(pods.map(async (p) => {
        const ready = p.status?.phase === "Running" || p.status?.phase === "Pending" ? "Ready" : "NotReady";
        return [short(await hexId(`sandbox:${p.metadata.uid}`)), ago(p.metadata.creationTimestamp), ready, p.metadata.name, p.metadata.namespace, "0", "(default)"];
      }));
      table = render(["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"], rows);
    } else if (verb === "ps") {
      const all = rest.includes("-a") || rest.includes("--all");
      const rows: string[][] = [];
      for (const p of pods) {
        const podId = short(await hexId(`sandbox:${p.metadata.uid}`));
        for (const c of p.status?.containerStatuses ?? []) {
          if (!c.containerID) continue;
          const [state, s] = Object.entries(c.state ?? {})[0] ?? ["waiting", {}];
          const shown = state === "running" ? "Running" : state === "terminated" ? "Exited" : "Created";
          if (!all && shown !== "Running") continue;
          rows.push([short(c.containerID), short(c.imageID ?? (await hexId(c.image))), ago(s.startedAt ?? p.metadata.creationTimestamp), shown, c.name, String(c.restartCount), podId, p.metadata.name, p.metadata.namespace]);
        }
      }
      table = render(["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD", "NAMESPACE"], rows);
    } else {
      table = "";
    }
    await ctx.stdout.write(table);
    return 0;
  };
}

function render(header: string[], rows: string[][]): string {
  return tabwrite([header, ...rows].map((r) => r.join("\t") + "\t\n").join(""), 3, 20).replace(/ +$/gm, "");
}
