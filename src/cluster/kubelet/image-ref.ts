// Image reference parsing and normalization, as containerd and the kubelet do it: familiar names
// ("nginx", "nginx:1.27", "bitnami/redis") become fully qualified ("docker.io/library/nginx:latest").
// Mirrors github.com/distribution/reference normalize.go (ParseNormalizedNamed, splitDockerDomain,
// TagNameOnly) and regexp.go; error strings are upstream's.

export interface ImageRef {
  /** Registry host, e.g. docker.io, registry.k8s.io, localhost:5000. */
  domain: string;
  /** Repository path, e.g. library/nginx. */
  path: string;
  tag?: string;
  digest?: string;
}

export type ParseResult = { ok: true; ref: ImageRef } | { ok: false; error: string };

const pathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domainRe = `${domainComponent}(?:\\.${domainComponent})*(?::[0-9]+)?`;
const tagRe = "[\\w][\\w.-]{0,127}";
const digestRe = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}";
const referenceRe = new RegExp(`^((?:${domainRe}/)?${pathComponent}(?:/${pathComponent})*)(?::(${tagRe}))?(?:@(${digestRe}))?$`);
const identifierRe = /^[a-f0-9]{64}$/;

/** ParseNormalizedNamed followed by TagNameOnly: the reference containerd resolves. */
export function parseImageRef(s: string): ParseResult {
  if (identifierRe.test(s)) return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(":");
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  const full = `${domain}/${remainder}`;
  const m = referenceRe.exec(full);
  if (!m) {
    if (full === "/" || s === "") return { ok: false, error: "repository name must have at least one component" };
    return { ok: false, error: "invalid reference format" };
  }
  const name = m[1]!;
  if (name.length > 255) return { ok: false, error: "repository name must not be more than 255 characters" };
  const slash = name.indexOf("/");
  const ref: ImageRef = { domain: name.slice(0, slash), path: name.slice(slash + 1) };
  if (m[2] !== undefined) ref.tag = m[2];
  if (m[3] !== undefined) ref.digest = m[3];
  // ParseDockerRef: a reference with both tag and digest is treated as digested only.
  if (ref.digest !== undefined) delete ref.tag;
  else if (ref.tag === undefined) ref.tag = "latest";
  return { ok: true, ref };
}

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf("/");
  if (i < 0) return ["docker.io", `library/${name}`];
  const maybeDomain = name.slice(0, i);
  const rest = name.slice(i + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === "localhost") [domain, remote] = [maybeDomain, rest];
  else if (maybeDomain === "index.docker.io") [domain, remote] = ["docker.io", rest];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, rest];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, rest];
  else [domain, remote] = ["docker.io", name];
  if (domain === "docker.io" && !remote.includes("/")) remote = `library/${remote}`;
  return [domain, remote];
}

/** "docker.io/library/nginx" */
export function refName(r: ImageRef): string {
  return `${r.domain}/${r.path}`;
}

/** "docker.io/library/nginx:latest" or "docker.io/library/nginx@sha256:…" */
export function refString(r: ImageRef): string {
  return r.digest !== undefined ? `${refName(r)}@${r.digest}` : `${refName(r)}:${r.tag}`;
}

/** The familiar form Docker prints: "nginx:latest", "bitnami/redis:7". */
export function familiarString(r: ImageRef): string {
  let path = r.path;
  let domain = r.domain;
  if (domain === "docker.io") {
    domain = "";
    if (path.startsWith("library/") && !path.slice(8).includes("/")) path = path.slice(8);
  }
  const name = domain ? `${domain}/${path}` : path;
  return r.digest !== undefined ? `${name}@${r.digest}` : `${name}:${r.tag}`;
}

/**
 * The kubelet's applyDefaultImageTag (pkg/kubelet/images/image_manager.go): appends ":latest" to
 * an untagged, undigested image without qualifying it. Errors carry the kubelet's wording.
 */
export function applyDefaultImageTag(image: string): { ok: true; image: string } | { ok: false; message: string } {
  const parsed = parseImageRef(image);
  if (!parsed.ok) {
    return { ok: false, message: `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": ${parsed.error}` };
  }
  const hasTagOrDigest = /@/.test(image) || /:[^/]*$/.test(image);
  return { ok: true, image: hasTagOrDigest ? image : `${image}:latest` };
}
