// Describers of describe.go for configuration and cluster objects: ConfigMapDescriber,
// SecretDescriber (sizes only; a service account token is shown), ServiceAccountDescriber,
// NamespaceDescriber (conditions, resource quotas and limit ranges when the server serves them),
// PriorityClassDescriber and PodDisruptionBudgetDescriber. Go ranges over the data maps in random
// order; keys are printed sorted here.
import { formatLabelSelector, formatLabels } from "../../../cluster/apiserver/printers/format";
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type Writer } from "./prefix-writer";
import { byBytes, goBool, goInt, rfc1123z, str, type Json } from "./go-format";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, quantityStr } from "./common";

function meta(w: Writer, obj: Json): void {
  w.write(LEVEL_0, `Name:\t${str(obj.metadata?.name)}\n`);
  w.write(LEVEL_0, `Namespace:\t${str(obj.metadata?.namespace)}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata?.annotations);
}

/** Byte length of a base64 value (Secret.data, ConfigMap.binaryData as JSON carries them). */
function decodedLength(b64: unknown): number {
  const s = str(b64).replace(/\s/g, "");
  const padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - padding;
}

function decodeBase64(b64: unknown): string {
  const bin = atob(str(b64));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function describeConfigMap(cm: Json, events: Json[] | undefined, now: Date): Promise<string> {
  return tabbedString((w) => {
    meta(w, cm);
    w.write(LEVEL_0, "\nData\n====\n");
    const data = (cm.data ?? {}) as Record<string, string>;
    for (const k of Object.keys(data).sort(byBytes)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${data[k]}\n`);
      w.write(LEVEL_0, "\n");
    }
    w.write(LEVEL_0, "\nBinaryData\n====\n");
    const bin = (cm.binaryData ?? {}) as Record<string, string>;
    for (const k of Object.keys(bin).sort(byBytes)) w.write(LEVEL_0, `${k}: ${decodedLength(bin[k])} bytes\n`);
    w.write(LEVEL_0, "\n");
    if (events) describeEvents(events, w, now);
  });
}

export function describeSecret(secret: Json): Promise<string> {
  return tabbedString((w) => {
    meta(w, secret);
    w.write(LEVEL_0, `\nType:\t${str(secret.type)}\n`);
    w.write(LEVEL_0, "\nData\n====\n");
    const data = (secret.data ?? {}) as Record<string, string>;
    for (const k of Object.keys(data).sort(byBytes)) {
      if (k === "token" && secret.type === "kubernetes.io/service-account-token") w.write(LEVEL_0, `${k}:\t${decodeBase64(data[k])}\n`);
      else w.write(LEVEL_0, `${k}:\t${decodedLength(data[k])} bytes\n`);
    }
  });
}

/** The token secrets of a service account and the referenced secrets that do not exist. */
export function serviceAccountSecrets(sa: Json, secrets: Json[] | undefined): { tokens: string[]; missing: Set<string> } {
  const tokens: string[] = [];
  const missing = new Set<string>();
  if (!secrets) return { tokens, missing };
  const existing = new Set<string>();
  for (const s of secrets) {
    if (s.type === "kubernetes.io/service-account-token") {
      const a = s.metadata?.annotations ?? {};
      if (a["kubernetes.io/service-account.name"] === sa.metadata?.name && a["kubernetes.io/service-account.uid"] === sa.metadata?.uid) {
        tokens.push(str(s.metadata?.name));
      }
    }
    existing.add(str(s.metadata?.name));
  }
  for (const s of [...((sa.secrets ?? []) as Json[]), ...((sa.imagePullSecrets ?? []) as Json[])]) {
    if (!existing.has(str(s.name))) missing.add(str(s.name));
  }
  return { tokens, missing };
}

export function describeServiceAccount(sa: Json, tokens: string[], missing: Set<string>, events: Json[] | undefined, now: Date): Promise<string> {
  return tabbedString((w) => {
    meta(w, sa);
    const empty = "                   ";
    // sets.StringKeySet(types).List(): the headers in byte order.
    const rows: [string, string[]][] = [
      ["Image pull secrets:", ((sa.imagePullSecrets ?? []) as Json[]).map((s) => str(s.name))],
      ["Mountable secrets: ", ((sa.secrets ?? []) as Json[]).map((s) => str(s.name))],
      ["Tokens:            ", tokens],
    ];
    rows.sort((a, b) => byBytes(a[0], b[0]));
    for (const [header, names] of rows) {
      if (names.length === 0) { w.write(LEVEL_0, `${header}\t<none>\n`); continue; }
      let prefix = header;
      for (const name of names) {
        w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? " (not found)" : ""}\n`);
        prefix = empty;
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

const QUOTA_SCOPE_HELP: Record<string, string> = {
  Terminating: "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating: "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort: "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort: "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

function describeResourceQuotas(quotas: Json[], w: Writer): void {
  if (quotas.length === 0) { w.write(LEVEL_0, "No resource quota.\n"); return; }
  w.write(LEVEL_0, "Resource Quotas\n");
  for (const q of [...quotas].sort((a, b) => byBytes(str(a.metadata?.name), str(b.metadata?.name)))) {
    w.write(LEVEL_1, `Name:\t${str(q.metadata?.name)}\n`);
    const scopes = [...((q.spec?.scopes ?? []) as string[])].sort(byBytes);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(", ")}\n`);
      for (const s of scopes) if (QUOTA_SCOPE_HELP[s]) w.write(LEVEL_1, `* ${QUOTA_SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, "Resource\tUsed\tHard\n");
    w.write(LEVEL_1, "--------\t---\t---\n");
    const hard = (q.status?.hard ?? {}) as Json;
    const used = (q.status?.used ?? {}) as Json;
    for (const r of Object.keys(hard).sort(byBytes)) w.write(LEVEL_1, `${r}\t${quantityStr(used[r] ?? "0")}\t${quantityStr(hard[r])}\n`);
  }
}

function describeLimitRanges(ranges: Json[], w: Writer): void {
  if (ranges.length === 0) { w.write(LEVEL_0, "No LimitRange resource.\n"); return; }
  w.write(LEVEL_0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
  w.write(LEVEL_0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
  for (const lr of ranges) {
    for (const item of (lr.spec?.limits ?? []) as Json[]) {
      const maps = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio].map((m) => (m ?? {}) as Json);
      const names = new Set<string>();
      for (const m of [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio]) for (const k of Object.keys(m ?? {})) names.add(k);
      for (const k of names) {
        const cells = maps.map((m) => (m[k] !== undefined ? quantityStr(m[k]) : "-"));
        w.write(LEVEL_0, ` ${str(item.type)}\t${k}\t${cells.join("\t")}\n`);
      }
    }
  }
}

export function describeNamespace(ns: Json, quotas: Json[] | undefined, limitRanges: Json[] | undefined): Promise<string> {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(ns.metadata?.name)}\n`);
    printLabelsMultiline(w, "Labels", ns.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${str(ns.status?.phase)}\n`);
    const conditions = (ns.status?.conditions ?? []) as Json[];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${rfc1123z(c.lastTransitionTime)}\t${str(c.reason)}\t${str(c.message)}\n`);
      }
    }
    if (quotas) { w.write(LEVEL_0, "\n"); describeResourceQuotas(quotas, w); }
    if (limitRanges) { w.write(LEVEL_0, "\n"); describeLimitRanges(limitRanges, w); }
  });
}

export function describePriorityClass(pc: Json, events: Json[] | undefined, now: Date): Promise<string> {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(pc.metadata?.name)}\n`);
    w.write(LEVEL_0, `Value:\t${goInt(pc.value)}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${goBool(pc.globalDefault)}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${str(pc.preemptionPolicy)}\n`);
    w.write(LEVEL_0, `Description:\t${str(pc.description)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`);
    if (events) describeEvents(events, w, now);
  });
}

export function describePodDisruptionBudget(pdb: Json, events: Json[] | undefined, now: Date): Promise<string> {
  const spec = pdb.spec ?? {};
  const status = pdb.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(pdb.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(pdb.metadata?.namespace)}\n`);
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${str(spec.minAvailable)}\n`);
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${str(spec.maxUnavailable)}\n`);
    w.write(LEVEL_0, spec.selector ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : "Selector:\t<unset>\n");
    w.write(LEVEL_0, "Status:\n");
    w.write(LEVEL_2, `Allowed disruptions:\t${goInt(status.disruptionsAllowed)}\n`);
    w.write(LEVEL_2, `Current:\t${goInt(status.currentHealthy)}\n`);
    w.write(LEVEL_2, `Desired:\t${goInt(status.desiredHealthy)}\n`);
    w.write(LEVEL_2, `Total:\t${goInt(status.expectedPods)}\n`);
    if (events) describeEvents(events, w, now);
  });
}
