import { describe, expect, it } from "vitest";
import { defaultProfile, fastProfile } from "../sim/profiles/index";
import { applyDefaultImageTag, catalogue, failedToPullMessage, familiarString, goDuration, parseImageRef, pullDurationMs, pulledMessage, resolveImage } from "./images";

function ok(ref: string) {
  const r = resolveImage(ref);
  if (!r.ok) throw new Error(`expected ${ref} to resolve: ${r.message}`);
  return r.image;
}

describe("image references", () => {
  it("normalizes familiar names like containerd", () => {
    const cases: Record<string, string> = {
      nginx: "docker.io/library/nginx:latest",
      "nginx:1.27": "docker.io/library/nginx:1.27",
      "docker.io/nginx": "docker.io/library/nginx:latest",
      "index.docker.io/library/nginx:1.27": "docker.io/library/nginx:1.27",
      "bitnami/redis": "docker.io/bitnami/redis:latest",
      "registry.k8s.io/pause:3.10": "registry.k8s.io/pause:3.10",
      "localhost:5000/app": "localhost:5000/app:latest",
    };
    for (const [input, want] of Object.entries(cases)) {
      const p = parseImageRef(input);
      expect(p.ok && `${p.ref.domain}/${p.ref.path}${p.ref.digest ? "@" + p.ref.digest : ":" + p.ref.tag}`).toBe(want);
    }
    const p = parseImageRef("docker.io/library/nginx:1.27");
    expect(p.ok && familiarString(p.ref)).toBe("nginx:1.27");
  });

  it("rejects invalid names with the kubelet's InvalidImageName text", () => {
    expect(applyDefaultImageTag("NGINX")).toEqual({
      ok: false,
      message: 'Failed to apply default image tag "NGINX": couldn\'t parse image reference "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase',
    });
    expect(applyDefaultImageTag("nginx:")).toMatchObject({ ok: false, message: expect.stringContaining(": invalid reference format") });
    expect(applyDefaultImageTag("nginx")).toEqual({ ok: true, image: "nginx:latest" });
    expect(applyDefaultImageTag("localhost:5000/app")).toEqual({ ok: true, image: "localhost:5000/app:latest" });
    expect(resolveImage("Nginx")).toMatchObject({ ok: false, reason: "InvalidImageName" });
  });
});

describe("resolveImage", () => {
  it("resolves tags, aliases and digests to the same image", () => {
    const latest = ok("nginx");
    expect(latest.ref).toBe("docker.io/library/nginx:latest");
    expect(latest.tag).toBe("1.27.4");
    expect(latest.size).toBe(72406859);
    expect(latest.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(latest.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(latest.repoDigest).toBe(`docker.io/library/nginx@${latest.digest}`);
    expect(ok("docker.io/library/nginx:1.27").digest).toBe(latest.digest);
    expect(ok(`nginx@${latest.digest}`).tag).toBe("1.27.4");
    expect(latest.repoTags).toContain("docker.io/library/nginx:latest");
    expect(ok("nginx:1.14.2").digest).not.toBe(latest.digest);
    expect(latest.config.entrypoint).toEqual(["/docker-entrypoint.sh"]);
    expect(latest.config.cmd).toEqual(["nginx", "-g", "daemon off;"]);
    expect(latest.config.env).toContain("NGINX_VERSION=1.27.4");
    expect(ok("nginx:1.26").config.env).toContain("NGINX_VERSION=1.26.3");
    expect(latest.config.exposedPorts).toEqual([80]);
    expect(latest.behaviour).toBe("server");
  });

  it("knows the control-plane images and the sandbox image", () => {
    expect(ok("registry.k8s.io/pause:3.10").behaviour).toBe("pause");
    expect(ok("registry.k8s.io/kube-apiserver:v1.32.2").config.exposedPorts).toEqual([6443]);
    expect(ok("registry.k8s.io/etcd:3.5.16-0").name).toBe("registry.k8s.io/etcd");
    expect(ok("registry.k8s.io/coredns/coredns:v1.11.3").config.exposedPorts).toContain(53);
    expect(ok("busybox:1.28").config.cmd).toEqual(["sh"]);
    expect(ok("postgres").config.env).toContain("PGDATA=/var/lib/postgresql/data");
    expect(catalogue().length).toBeGreaterThan(40);
  });

  it("fails like containerd for unknown tags, repositories and registries", () => {
    expect(resolveImage("nginx:doesnotexist")).toEqual({
      ok: false,
      reason: "NotFound",
      message:
        'failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    });
    const denied = resolveImage("agentx");
    expect(denied.ok === false && failedToPullMessage("agentx", denied.message)).toBe(
      'Failed to pull image "agentx": failed to pull and unpack image "docker.io/library/agentx:latest": failed to resolve reference "docker.io/library/agentx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    expect(resolveImage("registry.k8s.io/pause:9.9")).toMatchObject({ reason: "NotFound" });
    expect(resolveImage("myregistry.local:5000/app:v1")).toMatchObject({
      reason: "NoSuchHost",
      message: expect.stringContaining('Head "https://myregistry.local:5000/v2/app/manifests/v1": dial tcp: lookup myregistry.local: no such host'),
    });
  });
});

describe("pulls", () => {
  it("take longer for bigger images and much less under the fast profile", () => {
    const small = pullDurationMs(ok("busybox"), defaultProfile);
    const nginx = pullDurationMs(ok("nginx"), defaultProfile);
    const python = pullDurationMs(ok("python"), defaultProfile);
    expect(small).toBeLessThan(nginx);
    expect(nginx).toBeLessThan(python);
    expect(nginx).toBeGreaterThan(2_000);
    expect(nginx).toBeLessThan(8_000);
    expect(pullDurationMs(ok("nginx"), fastProfile)).toBeLessThan(200);
  });

  it("formats the Pulled event as a v1.32 kubelet", () => {
    expect(goDuration(159)).toBe("159ms");
    expect(goDuration(3395)).toBe("3.395s");
    expect(goDuration(30680)).toBe("30.68s");
    expect(goDuration(62500)).toBe("1m2.5s");
    expect(pulledMessage("nginx", 159, 0, 72406859)).toBe(
      'Successfully pulled image "nginx" in 159ms (159ms including waiting). Image size: 72406859 bytes.',
    );
  });
});
