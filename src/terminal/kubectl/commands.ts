// The kubectl command tree: subcommand name → flags and implementation.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/cmd.go (NewKubectlCommand's command groups).
import type { Subcommand } from "./index";
import { getFlags, runGet } from "./cmd/get";

export const SUBCOMMANDS: Record<string, Subcommand> = {
  get: { flags: getFlags, run: runGet },
};
