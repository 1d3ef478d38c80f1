// The image catalogue's data: the images a simulated registry serves, with tags, compressed
// sizes (linux/amd64, as containerd reports them in "Image size: N bytes"), the image config
// (Entrypoint, Cmd, Env, WorkingDir, ExposedPorts, StopSignal) and the behaviour the simulated
// runtime gives them. Values follow the official images' Dockerfiles at the listed versions.
// No upstream file: this stands in for the registries (Docker Hub, registry.k8s.io).
import { CNI_IMAGES } from "../manifests/images";

export type Behaviour =
  /** Keeps running and listens on `ports` (the program named by the command decides logs). */
  | "server"
  /** Default command is an interactive shell/REPL: exits 0 at once without a tty or stdin. */
  | "shell"
  /** Runs its command and exits. */
  | "exit"
  /** The pause container: sleeps until killed. */
  | "pause";

export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  env: string[];
  workingDir?: string;
  exposedPorts?: number[];
  stopSignal?: string;
  user?: string;
}

export interface TagSpec {
  /** Compressed size in bytes. */
  size: number;
  /** Overrides of the repository's env (e.g. the version variable). */
  env?: Record<string, string>;
  /** Distribution the rootfs is based on (os-release); defaults to the repository's. */
  distro?: string;
}

export interface RepoSpec {
  /** Fully qualified name without tag, e.g. docker.io/library/nginx. */
  name: string;
  behaviour: Behaviour;
  config: ImageConfig;
  distro: string;
  /** Resident memory the main process declares once started (bytes), for OOM decisions. */
  memoryBytes: number;
  /** Tag → spec; aliases map to the same spec via `aliases`. */
  tags: Record<string, TagSpec>;
  /** Alias tag → canonical tag (latest → 1.27.4). */
  aliases: Record<string, string>;
}

const PATH_STD = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const PATH_BB = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const MiB = 1024 * 1024;
const controlPlanePort: Record<string, number> = { "kube-apiserver": 6443, "kube-controller-manager": 10257, "kube-scheduler": 10259, "kube-proxy": 10256 };
const controlPlaneSize: Record<string, number> = { "kube-apiserver": 28671624, "kube-controller-manager": 26259392, "kube-scheduler": 20657536, "kube-proxy": 30907976 };

export const repositories: RepoSpec[] = [
  // The pod network add-ons' images (src/cluster/manifests/images.ts).
  ...CNI_IMAGES,
  {
    name: "docker.io/library/nginx", behaviour: "server", distro: "debian-12", memoryBytes: 8 * MiB,
    config: {
      entrypoint: ["/docker-entrypoint.sh"], cmd: ["nginx", "-g", "daemon off;"], exposedPorts: [80], stopSignal: "SIGQUIT",
      env: [PATH_STD, "NGINX_VERSION=1.27.4", "NJS_VERSION=0.8.9", "NJS_RELEASE=1~bookworm", "PKG_RELEASE=1~bookworm", "DYNPKG_RELEASE=1~bookworm"],
    },
    tags: {
      "1.27.4": { size: 72406859 },
      "1.27.4-alpine": { size: 20337414, distro: "alpine-3.21", env: { PKG_RELEASE: "1", DYNPKG_RELEASE: "1", NJS_RELEASE: "1" } },
      "1.26.3": { size: 71112420, env: { NGINX_VERSION: "1.26.3", NJS_VERSION: "0.8.9" } },
      "1.25.5": { size: 70998237, env: { NGINX_VERSION: "1.25.5", NJS_VERSION: "0.8.4" } },
      "1.14.2": { size: 44710204, distro: "debian-9", env: { NGINX_VERSION: "1.14.2-1~stretch", NJS_VERSION: "1.14.2.0.2.6-1~stretch" } },
    },
    aliases: { latest: "1.27.4", "1.27": "1.27.4", "1": "1.27.4", mainline: "1.27.4", alpine: "1.27.4-alpine", "1.27-alpine": "1.27.4-alpine", "1.26": "1.26.3", stable: "1.26.3", "1.25": "1.25.5" },
  },
  {
    name: "docker.io/library/busybox", behaviour: "shell", distro: "busybox", memoryBytes: 512 * 1024,
    config: { cmd: ["sh"], env: [PATH_BB] },
    tags: { "1.37.0": { size: 2156221 }, "1.36.1": { size: 2152262 }, "1.35.0": { size: 2235010 }, "1.28": { size: 727869 } },
    aliases: { latest: "1.37.0", "1.37": "1.37.0", "1.36": "1.36.1", "1.35": "1.35.0", stable: "1.37.0", musl: "1.37.0", glibc: "1.37.0", uclibc: "1.37.0" },
  },
  {
    name: "docker.io/library/alpine", behaviour: "shell", distro: "alpine-3.21", memoryBytes: 512 * 1024,
    config: { cmd: ["/bin/sh"], env: [PATH_BB] },
    tags: { "3.21.3": { size: 3642241 }, "3.20.6": { size: 3626897, distro: "alpine-3.20" }, "3.19.7": { size: 3419706, distro: "alpine-3.19" } },
    aliases: { latest: "3.21.3", "3.21": "3.21.3", "3": "3.21.3", "3.20": "3.20.6", "3.19": "3.19.7" },
  },
  {
    name: "docker.io/library/ubuntu", behaviour: "shell", distro: "ubuntu-24.04", memoryBytes: 1 * MiB,
    config: { cmd: ["/bin/bash"], env: [PATH_STD] },
    tags: { "24.04": { size: 29754422 }, "22.04": { size: 29536187, distro: "ubuntu-22.04" }, "20.04": { size: 27514653, distro: "ubuntu-20.04" } },
    aliases: { latest: "24.04", noble: "24.04", jammy: "22.04", focal: "20.04" },
  },
  {
    name: "docker.io/library/debian", behaviour: "shell", distro: "debian-12", memoryBytes: 1 * MiB,
    config: { cmd: ["bash"], env: [PATH_STD] },
    tags: { "12.9": { size: 48494272 }, "12.9-slim": { size: 28231274 }, "11.11": { size: 53739584, distro: "debian-11" } },
    aliases: { latest: "12.9", "12": "12.9", bookworm: "12.9", "bookworm-slim": "12.9-slim", "12-slim": "12.9-slim", stable: "12.9", "11": "11.11", bullseye: "11.11" },
  },
  {
    name: "docker.io/library/redis", behaviour: "server", distro: "debian-12", memoryBytes: 4 * MiB,
    config: {
      entrypoint: ["docker-entrypoint.sh"], cmd: ["redis-server"], exposedPorts: [6379], workingDir: "/data",
      env: [PATH_STD, "GOSU_VERSION=1.17", "REDIS_VERSION=7.4.2", "REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz"],
    },
    tags: {
      "7.4.2": { size: 45248313 },
      "7.4.2-alpine": { size: 17245613, distro: "alpine-3.21" },
      "7.2.7": { size: 40623218, env: { REDIS_VERSION: "7.2.7", REDIS_DOWNLOAD_URL: "http://download.redis.io/releases/redis-7.2.7.tar.gz" } },
      "6.2.17": { size: 38841762, env: { REDIS_VERSION: "6.2.17", REDIS_DOWNLOAD_URL: "http://download.redis.io/releases/redis-6.2.17.tar.gz" } },
    },
    aliases: { latest: "7.4.2", "7.4": "7.4.2", "7": "7.4.2", alpine: "7.4.2-alpine", "7.2": "7.2.7", "6.2": "6.2.17", "6": "6.2.17" },
  },
  {
    name: "docker.io/library/httpd", behaviour: "server", distro: "debian-12", memoryBytes: 6 * MiB,
    config: {
      cmd: ["httpd-foreground"], exposedPorts: [80], workingDir: "/usr/local/apache2", stopSignal: "SIGWINCH",
      env: ["PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HTTPD_PREFIX=/usr/local/apache2", "HTTPD_VERSION=2.4.63", "HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab", "HTTPD_PATCHES="],
    },
    tags: { "2.4.63": { size: 58259434 }, "2.4.63-alpine": { size: 21981244, distro: "alpine-3.21" }, "2.4.62": { size: 58121975, env: { HTTPD_VERSION: "2.4.62" } } },
    aliases: { latest: "2.4.63", "2.4": "2.4.63", "2": "2.4.63", alpine: "2.4.63-alpine" },
  },
  {
    name: "docker.io/library/postgres", behaviour: "server", distro: "debian-12", memoryBytes: 24 * MiB,
    config: {
      entrypoint: ["docker-entrypoint.sh"], cmd: ["postgres"], exposedPorts: [5432], stopSignal: "SIGINT",
      env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin", "GOSU_VERSION=1.17", "LANG=en_US.utf8", "PG_MAJOR=17", "PG_VERSION=17.2-1.pgdg120+1", "PGDATA=/var/lib/postgresql/data"],
    },
    tags: {
      "17.2": { size: 158273552 },
      "17.2-alpine": { size: 103718021, distro: "alpine-3.21" },
      "16.6": { size: 153372910, env: { PG_MAJOR: "16", PG_VERSION: "16.6-1.pgdg120+1", PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin" } },
      "15.10": { size: 151108443, env: { PG_MAJOR: "15", PG_VERSION: "15.10-1.pgdg120+1", PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/15/bin" } },
    },
    aliases: { latest: "17.2", "17": "17.2", alpine: "17.2-alpine", "16": "16.6", "15": "15.10" },
  },
  {
    name: "docker.io/library/mysql", behaviour: "server", distro: "oraclelinux-9", memoryBytes: 360 * MiB,
    config: {
      entrypoint: ["docker-entrypoint.sh"], cmd: ["mysqld"], exposedPorts: [3306, 33060],
      env: [PATH_STD, "GOSU_VERSION=1.17", "MYSQL_MAJOR=innovation", "MYSQL_VERSION=9.2.0-1.el9", "MYSQL_SHELL_VERSION=9.2.0-1.el9"],
    },
    tags: {
      "9.2.0": { size: 172874330 },
      "8.4.4": { size: 168283714, env: { MYSQL_MAJOR: "8.4", MYSQL_VERSION: "8.4.4-1.el9", MYSQL_SHELL_VERSION: "8.4.4-1.el9" } },
      "8.0.41": { size: 164901732, env: { MYSQL_MAJOR: "8.0", MYSQL_VERSION: "8.0.41-1.el9", MYSQL_SHELL_VERSION: "8.0.41-1.el9" } },
    },
    aliases: { latest: "9.2.0", "9.2": "9.2.0", "9": "9.2.0", innovation: "9.2.0", lts: "8.4.4", "8.4": "8.4.4", "8": "8.4.4", "8.0": "8.0.41" },
  },
  {
    name: "docker.io/library/python", behaviour: "shell", distro: "debian-12", memoryBytes: 10 * MiB,
    config: { cmd: ["python3"], env: ["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", "PYTHON_VERSION=3.13.2"] },
    tags: {
      "3.13.2": { size: 410254618 }, "3.13.2-slim": { size: 41963811 }, "3.13.2-alpine": { size: 17664220, distro: "alpine-3.21" },
      "3.12.9": { size: 409870102, env: { PYTHON_VERSION: "3.12.9" } }, "3.12.9-slim": { size: 43114925, env: { PYTHON_VERSION: "3.12.9" } },
    },
    aliases: { latest: "3.13.2", "3.13": "3.13.2", "3": "3.13.2", slim: "3.13.2-slim", "3.13-slim": "3.13.2-slim", alpine: "3.13.2-alpine", "3.12": "3.12.9", "3.12-slim": "3.12.9-slim" },
  },
  {
    name: "docker.io/library/node", behaviour: "shell", distro: "debian-12", memoryBytes: 40 * MiB,
    config: { entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], env: [PATH_STD, "NODE_VERSION=22.14.0", "YARN_VERSION=1.22.22"] },
    tags: {
      "22.14.0": { size: 393622548 }, "22.14.0-alpine": { size: 55537212, distro: "alpine-3.21" }, "22.14.0-slim": { size: 75342151 },
      "20.18.3": { size: 391127934, env: { NODE_VERSION: "20.18.3" } }, "20.18.3-alpine": { size: 43163271, distro: "alpine-3.21", env: { NODE_VERSION: "20.18.3" } },
    },
    aliases: { latest: "22.14.0", "22": "22.14.0", lts: "22.14.0", alpine: "22.14.0-alpine", "22-alpine": "22.14.0-alpine", slim: "22.14.0-slim", "22-slim": "22.14.0-slim", "20": "20.18.3", "20-alpine": "20.18.3-alpine" },
  },
  {
    name: "registry.k8s.io/pause", behaviour: "pause", distro: "scratch", memoryBytes: 256 * 1024,
    config: { entrypoint: ["/pause"], env: [], user: "65535:65535" },
    tags: { "3.10": { size: 320368 }, "3.9": { size: 321520 }, "3.8": { size: 311286 } },
    aliases: {},
  },
  {
    name: "registry.k8s.io/etcd", behaviour: "server", distro: "distroless", memoryBytes: 40 * MiB,
    config: { cmd: ["/usr/local/bin/etcd"], exposedPorts: [2379, 2380], env: [PATH_STD] },
    tags: { "3.5.16-0": { size: 57680541 }, "3.5.15-0": { size: 56909194 } },
    aliases: {},
  },
  ...["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy"].map((c): RepoSpec => ({
    name: `registry.k8s.io/${c}`, behaviour: "server", distro: c === "kube-proxy" ? "debian-12" : "distroless", memoryBytes: 30 * MiB,
    config: { entrypoint: [`/usr/local/bin/${c}`], exposedPorts: [controlPlanePort[c]!], env: [PATH_STD] },
    tags: Object.fromEntries(["v1.32.0", "v1.32.1", "v1.32.2", "v1.32.3", "v1.32.4"].map((v, i) => [v, { size: controlPlaneSize[c]! + i * 41_233 }])),
    aliases: {},
  })),
  {
    name: "registry.k8s.io/coredns/coredns", behaviour: "server", distro: "distroless", memoryBytes: 12 * MiB,
    // 8080 and 8181: the health and ready plugins of kubeadm's Corefile.
    config: { entrypoint: ["/coredns"], exposedPorts: [53, 8080, 8181, 9153], env: [PATH_STD] },
    tags: { "v1.11.3": { size: 18562039 }, "v1.11.1": { size: 18182961 } },
    aliases: {},
  },
  {
    name: "registry.k8s.io/e2e-test-images/agnhost", behaviour: "exit", distro: "alpine-3.21", memoryBytes: 4 * MiB,
    config: { entrypoint: ["/agnhost"], env: [PATH_BB] },
    tags: { "2.53": { size: 51273841 }, "2.52": { size: 51190203 } },
    aliases: {},
  },
];

