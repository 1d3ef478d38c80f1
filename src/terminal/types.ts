// Contracts of the web terminal: the in-process kubectl talks to its cluster's API server through
// a transport that builds real HTTP requests (same authentication, authorization, admission and
// validation as the real kubectl's), and prints with the same printers the API server uses.
import type { Command } from "../shell/types";

export interface KubeTransport {
  /**
   * One request to the cluster's Kubernetes API, as the real kubectl would send it (headers such
   * as Accept and Content-Type included). `path` is relative to the cluster's server URL, e.g.
   * "/api/v1/namespaces/default/pods?limit=500". The response may stream (watch, logs -f, exec).
   */
  request(method: string, path: string, init?: { headers?: Record<string, string>; body?: string | Uint8Array; signal?: AbortSignal }): Promise<Response>;
}

export interface KubectlEnv {
  transport: KubeTransport;
  /** The server URL a kubeconfig for this cluster carries (cluster-info, config view). */
  server: string;
  /** The kubeconfig's names: cluster, context and user (config view / get-contexts). */
  clusterName: string;
  contextName: string;
  userName: string;
  /** The context's namespace ("default" unless changed with `kubectl config set-context --current --namespace`). */
  namespace: string;
  /** Virtual time of the cluster (ages are computed from it, as the real kubectl uses its own clock). */
  now(): Date;
  /**
   * The editor `kubectl edit` opens ($KUBE_EDITOR / $EDITOR on a real host); the web terminal's
   * session provides its full-screen editor. Absent where no terminal is attached.
   */
  editor?: KubectlEditor;
}

/**
 * Open `text` as the file `fileName` in an editor: resolves with the file's text as last saved
 * when the editor exits, or undefined when it exits without ever saving (the file is unchanged).
 */
export type KubectlEditor = (fileName: string, text: string) => Promise<string | undefined>;

/** src/terminal/kubectl/index.ts exports `kubectlCommand(env): Command`. */
export type KubectlCommandFactory = (env: KubectlEnv) => Command;

/** What describe needs for one object: the object, its events, and a way to fetch related objects. */
export interface DescribeContext {
  transport: KubeTransport;
  now(): Date;
  /** Whether to list events (kubectl describe --show-events, default true). */
  showEvents: boolean;
}
