// The request-path trace: every step (authentication, authorization, each admission plugin,
// validation, the storage write and its revision) as data, kept per object and revision so a
// later view can replay how an object came to be.

export interface TraceEntry {
  /** "authentication" | "authorization" | "admission" | "validation" | "storage" | component steps ... */
  step: string;
  /** The plugin or component, e.g. "NamespaceLifecycle", "default-scheduler". */
  actor?: string;
  /** What happened, in a sentence or a short code. */
  detail?: string;
  /** Virtual time, RFC 3339 with milliseconds. */
  at: string;
}

export interface TraceSink {
  /** Keeps the entries of one write of `key` at `revision`. */
  record(key: string, revision: number, entries: TraceEntry[]): void;
}

/** Collects the entries of one request until its write has a revision. */
export class RequestTrace {
  readonly entries: TraceEntry[] = [];
  constructor(private readonly now: () => Date) {}

  add(step: string, actor?: string, detail?: string): void {
    this.entries.push({ step, actor, detail, at: this.now().toISOString() });
  }
}

export const noTrace: TraceSink = { record() {} };
