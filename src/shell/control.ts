// Control-flow signals of the interpreter, carried as exceptions through the async evaluation:
// exit, return, break/continue, and a killed process. No upstream file.

export class ExitSignal {
  constructor(readonly status: number) {}
}
export class ReturnSignal {
  constructor(readonly status: number) {}
}
export class LoopSignal {
  constructor(
    readonly kind: "break" | "continue",
    public levels: number,
  ) {}
}
/** The process was killed (SIGKILL, or a fatal signal with no trap); `status` is 128 + signal. */
export class Killed extends Error {
  constructor(readonly status: number) {
    super(`killed (${status})`);
  }
}

export const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, CHLD: 17, WINCH: 28 };

/** "SIGTERM" | "TERM" | "15" → "TERM" (undefined if unknown). */
export function signalName(s: string): string | undefined {
  const up = s.toUpperCase().replace(/^SIG/, "");
  if (up in SIGNALS) return up;
  const byNum = Object.entries(SIGNALS).find(([, n]) => String(n) === s);
  return byNum?.[0];
}
