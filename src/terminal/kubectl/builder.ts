// Turning command arguments into resources and names, as kubectl's resource builder does:
// `TYPE[,TYPE...] [NAME...]`, `TYPE/NAME ...`, categories such as `all`. Mirrors
// k8s.io/cli-runtime/pkg/resource/builder.go (ResourceTypeOrNameArgs, splitResourceTypeName).
import type { Kctx } from "./context";
import { type ApiResource, expandCategory, resolveResource } from "./discovery";
import { fail } from "./errors";

export interface Target {
  resource: ApiResource;
  /** Empty: the whole collection. */
  names: string[];
}

export async function resourceTargets(k: Kctx, args: string[]): Promise<Target[]> {
  const d = await k.discovery();
  if (args.some((a) => a.includes("/"))) {
    const targets: Target[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash <= 0) throw fail(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${k.cmdPath} resource/<resource_name>' instead of '${k.cmdPath} resource resource/<resource_name>'`);
      const r = resolveResource(d, a.slice(0, slash));
      const name = a.slice(slash + 1);
      if (!name) throw fail(`arguments in resource/name form must have a single resource and name`);
      const prev = targets[targets.length - 1];
      if (prev && prev.resource === r) prev.names.push(name);
      else targets.push({ resource: r, names: [name] });
    }
    return targets;
  }
  const [types, ...names] = args;
  const targets: Target[] = [];
  for (const t of types!.split(",").filter(Boolean)) {
    const expanded = expandCategory(d, t);
    if (expanded && !names.length) for (const r of expanded) targets.push({ resource: r, names: [] });
    else targets.push({ resource: resolveResource(d, t), names: [...names] });
  }
  return targets;
}
