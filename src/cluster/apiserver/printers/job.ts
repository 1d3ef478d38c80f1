// Job printer: the columns and printJob of pkg/printers/internalversion/printers.go (v1.32):
// STATUS (Complete, Failed, Terminating, Suspended, FailureTarget, else Running), COMPLETIONS
// ("1/1", "0/1 of 3"), DURATION (start to completion, or to now while running), wide
// CONTAINERS, IMAGES, SELECTOR.
import type { KObject } from "../registry/types";
import { batchV1 } from "./descriptions";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "./columns";
import { humanDuration, parseTime } from "./duration";
import { age, formatLabelSelector, int, layoutContainerCells } from "./format";
import type { Printer } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const columns = [
  nameColumn(),
  column("Status", "string", "Status of the job."),
  column("Completions", "string", batchV1.JobStatus.succeeded),
  column("Duration", "string", "Time required to complete the job."),
  ageColumn(),
  containersColumn(),
  imagesColumn(),
  column("Selector", "string", batchV1.JobSpec.selector, { priority: 1 }),
];

/** hasJobCondition: the first condition of the type decides. */
const hasJobCondition = (job: Json, type: string) =>
  (job.status?.conditions ?? []).find((c: Json) => c.type === type)?.status === "True";

export function jobStatus(job: Json): string {
  if (hasJobCondition(job, "Complete")) return "Complete";
  if (hasJobCondition(job, "Failed")) return "Failed";
  if (job.metadata?.deletionTimestamp) return "Terminating";
  if (hasJobCondition(job, "Suspended")) return "Suspended";
  if (hasJobCondition(job, "FailureTarget")) return "FailureTarget";
  return "Running";
}

export function jobCompletions(job: Json): string {
  const succeeded = int(job.status?.succeeded);
  if (typeof job.spec?.completions === "number") return `${succeeded}/${job.spec.completions}`;
  const parallelism = int(job.spec?.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

export function jobDuration(job: Json, now: Date): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return "";
  const completion = parseTime(job.status?.completionTime);
  return humanDuration((completion ?? now.getTime()) - start);
}

function jobCells(job: KObject, now: Date): unknown[] {
  const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
  return [
    job.metadata.name, jobStatus(job), jobCompletions(job), jobDuration(job, now), age(job, now),
    names, images, formatLabelSelector(job.spec?.selector),
  ];
}

export const jobPrinter: Printer = { columns, cells: jobCells };
