// Jobs (pkg/registry/batch/job/strategy.go): generation 1 and an empty status on create, and unless
// spec.manualSelector the generated selector on batch.kubernetes.io/controller-uid with the
// job-name/controller-uid labels (legacy and batch.kubernetes.io/ forms) on the pod template.
import type { KObject, Strategy } from "./types";
import { resetStatusAndGeneration, statusSplitUpdates } from "./common";
import { defaultJob } from "./defaults/workloads";
import { JOB_LABELS, validateJob, validateJobStatusUpdate, validateJobUpdate } from "../validation/batch";

/** generateSelector: needs metadata.name and metadata.uid, set by the generic registry before PrepareForCreate. */
export function generateSelector(job: KObject): void {
  const spec = (job.spec ??= {});
  const tmpl = (spec.template ??= {});
  tmpl.metadata ??= {};
  const labels = (tmpl.metadata.labels ??= {});
  for (const l of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) if (!(l in labels)) labels[l] = job.metadata.name;
  for (const l of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) if (!(l in labels)) labels[l] = job.metadata.uid;
  spec.selector ??= {};
  spec.selector.matchLabels ??= {};
  if (!(JOB_LABELS.controllerUid in spec.selector.matchLabels)) spec.selector.matchLabels[JOB_LABELS.controllerUid] = job.metadata.uid;
}

export const jobStrategy: Strategy = {
  hasStatus: true,
  defaults: defaultJob,
  prepareForCreate(obj) {
    resetStatusAndGeneration(obj);
    if (obj.spec?.manualSelector !== true) generateSelector(obj);
    // SetDefaults_Job copies the template labels to an unlabelled Job; upstream sees the generated ones when it decodes the stored object.
    const labels = obj.spec?.template?.metadata?.labels;
    if (labels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
  },
  ...statusSplitUpdates(),
  validate: (obj) => validateJob(obj),
  validateUpdate: (obj, old) => validateJobUpdate(obj, old),
  validateStatusUpdate: (obj, old) => validateJobStatusUpdate(obj, old),
  fields: (obj) => ({ "status.successful": String(obj.status?.succeeded ?? 0) }),
};
