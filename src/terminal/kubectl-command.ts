// The kubectl the terminal runs: the in-process kubectl (src/terminal/kubectl), which talks to
// the cluster through the session's transport and prints with the API server's printers.
export { kubectlCommand } from "./kubectl/index";
