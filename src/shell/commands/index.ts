// The registry of commands a simulated shell can run. Which of them exist in a given container
// is decided by the image's filesystem (/bin, /usr/bin…), as with real images; callers can add
// their own (servers, kubectl in the terminal) by building a new Map from these entries.
import type { Command } from "../types";
import { awkCommands } from "./awk";
import { basicCommands } from "./basic";
import { date } from "./date";
import { fileCommands } from "./files";
import { netCommands } from "./net";
import { sedCommands } from "./sed";
import { testCommands } from "./test";
import { textCommands } from "./text";

export const coreCommands: ReadonlyMap<string, Command> = new Map<string, Command>([
  ...basicCommands,
  ["date", date],
  ...testCommands,
  ...textCommands,
  ...fileCommands,
  ...sedCommands,
  ...awkCommands,
  ...netCommands,
]);

/** The core commands plus `extra` (later entries win). */
export function commandRegistry(...extra: Iterable<[string, Command]>[]): ReadonlyMap<string, Command> {
  const m = new Map(coreCommands);
  for (const e of extra) for (const [k, v] of e) m.set(k, v);
  return m;
}
