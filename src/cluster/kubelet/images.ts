// The image catalogue: resolves a container's image reference against the simulated registries
// (the data in images-data.ts) the way containerd does, with containerd's error texts, and
// computes digests, image IDs and pull durations. The kubelet's image manager
// (pkg/kubelet/images/image_manager.go) wraps these errors in its events.
import { Rng, hashSeed } from "../sim/rng";
import type { TimingProfile } from "../sim/profiles/index";
import { type Behaviour, type ImageConfig, type RepoSpec, repositories } from "./images-data";
import { type ImageRef, parseImageRef, refName, refString } from "./image-ref";

export type { Behaviour, ImageConfig } from "./images-data";
export { applyDefaultImageTag, parseImageRef, familiarString, refString } from "./image-ref";

export interface Image {
  /** The reference as resolved, fully qualified: docker.io/library/nginx:latest (or @digest). */
  ref: string;
  /** docker.io/library/nginx */
  name: string;
  /** The canonical version tag (latest → 1.27.4). */
  tag: string;
  /** Every tag naming the same image, fully qualified (crictl's repoTags). */
  repoTags: string[];
  /** Manifest-list digest, sha256:<64 hex>. */
  digest: string;
  /** name@digest: what pod status shows as imageID with containerd. */
  repoDigest: string;
  /** Image (config) ID, sha256:<64 hex>: what crictl images shows as IMAGE ID. */
  id: string;
  /** Compressed size in bytes. */
  size: number;
  config: ImageConfig;
  behaviour: Behaviour;
  distro: string;
  memoryBytes: number;
}

export type ResolveFailure = {
  ok: false;
  /** InvalidImageName: bad reference (kubelet fails before pulling); the others fail a pull (ErrImagePull). */
  reason: "InvalidImageName" | "NotFound" | "AccessDenied" | "NoSuchHost";
  /** The runtime's error text (containerd), as the kubelet puts it in the container's waiting message. */
  message: string;
};
export type ResolveResult = { ok: true; image: Image } | ResolveFailure;

const byName = new Map<string, RepoSpec>(repositories.map((r) => [r.name, r]));
const knownRegistries = new Set(["docker.io", "registry.k8s.io", "gcr.io", "quay.io", "ghcr.io", "registry.gitlab.com", "public.ecr.aws"]);

/** Resolve a reference as containerd would on `crictl pull` / the kubelet's PullImage. */
export function resolveImage(reference: string): ResolveResult {
  const parsed = parseImageRef(reference);
  if (!parsed.ok) return { ok: false, reason: "InvalidImageName", message: `couldn't parse image reference "${reference}": ${parsed.error}` };
  const ref = parsed.ref;
  const full = refString(ref);
  const repo = byName.get(refName(ref));
  if (!repo) return unknownRepository(ref, full);
  const tag = ref.digest !== undefined ? tagForDigest(repo, ref.digest) : canonicalTag(repo, ref.tag!);
  if (tag === undefined) return notFound(full);
  return { ok: true, image: buildImage(repo, tag, full) };
}

/** Every image in the catalogue under its canonical tag (for listings and pre-pulled nodes). */
export function catalogue(): Image[] {
  return repositories.flatMap((r) => Object.keys(r.tags).map((t) => buildImage(r, t, `${r.name}:${t}`)));
}

/** The kubelet's Failed event message (reason Failed, type Warning). */
export function failedToPullMessage(containerImage: string, runtimeError: string): string {
  return `Failed to pull image "${containerImage}": ${runtimeError}`;
}

/** The kubelet's Pulled event after a pull (v1.30+: durations truncated to ms, with image size). */
export function pulledMessage(containerImage: string, pullMs: number, waitMs: number, size: number): string {
  return `Successfully pulled image "${containerImage}" in ${goDuration(pullMs)} (${goDuration(pullMs + waitMs)} including waiting). Image size: ${size} bytes.`;
}

/** Virtual time a pull of `image` takes: resolve latency + download + unpack; grows with size. */
export function pullDurationMs(image: Pick<Image, "size">, profile: TimingProfile): number {
  const r = profile.runtime;
  const download = (image.size / r.pullBytesPerSecond) * 1000;
  // Layers unpack to roughly 2.5× their compressed size.
  const unpack = ((image.size * 2.5) / r.unpackBytesPerSecond) * 1000;
  return Math.round(r.pullResolveMs + download + unpack);
}

/** Go's time.Duration String() for a millisecond-truncated duration: 159ms, 3.395s, 1m2.5s. */
export function goDuration(ms: number): string {
  ms = Math.max(0, Math.floor(ms));
  if (ms === 0) return "0s";
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${s.toFixed(3).replace(/\.?0+$/, "")}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}

function canonicalTag(repo: RepoSpec, tag: string): string | undefined {
  if (repo.tags[tag]) return tag;
  return repo.aliases[tag];
}

function tagForDigest(repo: RepoSpec, digest: string): string | undefined {
  return Object.keys(repo.tags).find((t) => digestOf(repo.name, t) === digest);
}

function buildImage(repo: RepoSpec, tag: string, ref: string): Image {
  const spec = repo.tags[tag]!;
  const digest = digestOf(repo.name, tag);
  const aliases = Object.entries(repo.aliases).filter(([, t]) => t === tag).map(([a]) => a);
  return {
    ref,
    name: repo.name,
    tag,
    repoTags: [tag, ...aliases].map((t) => `${repo.name}:${t}`),
    digest,
    repoDigest: `${repo.name}@${digest}`,
    id: `sha256:${hex64(`${repo.name}:${tag}#config`)}`,
    size: spec.size,
    config: { ...repo.config, env: mergeEnv(repo.config.env, spec.env) },
    behaviour: repo.behaviour,
    distro: spec.distro ?? repo.distro,
    memoryBytes: repo.memoryBytes,
  };
}

function mergeEnv(base: string[], over?: Record<string, string>): string[] {
  if (!over) return [...base];
  const out = base.map((kv) => {
    const k = kv.slice(0, kv.indexOf("="));
    return k in over ? `${k}=${over[k]}` : kv;
  });
  for (const [k, v] of Object.entries(over)) if (!base.some((kv) => kv.startsWith(`${k}=`))) out.push(`${k}=${v}`);
  return out;
}

function digestOf(name: string, tag: string): string {
  return `sha256:${hex64(`${name}:${tag}`)}`;
}

/** 64 deterministic hex digits from a seed string (plausible digests; stable across releases). */
function hex64(seed: string): string {
  return new Rng(hashSeed(seed)).hex(64);
}

function notFound(full: string): ResolveFailure {
  return {
    ok: false,
    reason: "NotFound",
    message: `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`,
  };
}

function unknownRepository(ref: ImageRef, full: string): ResolveFailure {
  const prefix = `failed to pull and unpack image "${full}": failed to resolve reference "${full}": `;
  if (ref.domain === "docker.io") {
    return {
      ok: false,
      reason: "AccessDenied",
      message: `${prefix}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    };
  }
  if (knownRegistries.has(ref.domain)) return notFound(full);
  const host = ref.domain.replace(/:\d+$/, "");
  const what = ref.digest ?? ref.tag;
  return {
    ok: false,
    reason: "NoSuchHost",
    message: `${prefix}failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${what}": dial tcp: lookup ${host}: no such host`,
  };
}
