// Seed filesystems for simulated containers: per-distribution base trees (/etc/os-release,
// passwd, group, the binaries a shell can find on PATH) plus per-image content (nginx's config and
// html, httpd's htdocs, entrypoint scripts), and the files the kubelet manages (/etc/hosts,
// /etc/resolv.conf, /etc/hostname). Binaries listed are exactly the commands the simulation
// implements, so `curl` is missing in ubuntu and present in nginx, as in the real images.
import { cniPrograms, cniRepo } from "./servers-cni";
import type { Image } from "../images";
import { httpdIndexHtml, nginx50xHtml, nginxConf, nginxDefaultConf, nginxIndexHtml } from "./pages";

type Tree = Record<string, string>;

const CORE = ["echo", "printf", "true", "false", "sleep", "yes", "seq", "env", "printenv", "pwd", "hostname", "whoami", "id", "uname", "basename", "dirname", "which", "date", "test", "[", "expr", "cat", "head", "tail", "grep", "egrep", "wc", "sort", "uniq", "cut", "tr", "tee", "rev", "ls", "mkdir", "touch", "rm", "cp", "mv", "sed", "awk"];

const osRelease: Record<string, string> = {
  "alpine-3.21": `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
  "alpine-3.20": `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.6\nPRETTY_NAME="Alpine Linux v3.20"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
  "alpine-3.19": `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.7\nPRETTY_NAME="Alpine Linux v3.19"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
  "debian-12": debian("12", "bookworm"),
  "debian-11": debian("11", "bullseye"),
  "debian-9": debian("9", "stretch"),
  "ubuntu-24.04": ubuntu("24.04.1", "Noble Numbat", "noble"),
  "ubuntu-22.04": ubuntu("22.04.5", "Jammy Jellyfish", "jammy"),
  "ubuntu-20.04": ubuntu("20.04.6", "Focal Fossa", "focal"),
  "oraclelinux-9": `NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="9.5"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server 9.5"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:5:server"\nHOME_URL="https://linux.oracle.com/"\n`,
  distroless: `PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\nSUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"\nBUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"\n`,
};

function debian(v: string, code: string): string {
  return `PRETTY_NAME="Debian GNU/Linux ${v} (${code})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${v}"\nVERSION="${v} (${code})"\nVERSION_CODENAME=${code}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
}

function ubuntu(v: string, name: string, code: string): string {
  return `PRETTY_NAME="Ubuntu ${v} LTS"\nNAME="Ubuntu"\nVERSION_ID="${v.split(".").slice(0, 2).join(".")}"\nVERSION="${v} LTS (${name})"\nVERSION_CODENAME=${code}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=${code}\nLOGO=ubuntu-logo\n`;
}

const BIN = "#!simulated\n";

function bins(dir: string, names: string[]): Tree {
  return Object.fromEntries(names.map((n) => [`${dir}/${n}`, BIN]));
}

/** The shell dialect of `sh` in a distribution: busybox ash or Debian's dash. */
export function shDialect(distro: string): "ash" | "dash" {
  return distro === "busybox" || distro.startsWith("alpine") ? "ash" : "dash";
}

function base(distro: string): Tree {
  const t: Tree = { "/tmp/": "", "/root/": "", "/proc/": "", "/dev/": "", "/var/": "", "/home/": "" };
  if (distro === "scratch") return { "/dev/": "", "/proc/": "" };
  if (distro === "distroless") return { ...t, "/etc/os-release": osRelease.distroless!, "/etc/passwd": "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n" };
  if (distro === "busybox") {
    return {
      ...t,
      ...bins("/bin", [...CORE, "sh", "ash", "wget", "nc"]),
      "/etc/passwd": "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n",
      "/etc/group": "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nnobody:x:65534:\n",
    };
  }
  if (distro.startsWith("alpine")) {
    return {
      ...t,
      ...bins("/bin", [...CORE, "sh", "ash"]),
      ...bins("/usr/bin", ["wget", "nc"]),
      "/etc/os-release": osRelease[distro] ?? osRelease["alpine-3.21"]!,
      "/etc/alpine-release": `${/VERSION_ID=(\S+)/.exec(osRelease[distro] ?? "")?.[1] ?? "3.21.3"}\n`,
      "/etc/passwd": "root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n",
      "/etc/group": "root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nnobody:x:65534:\n",
    };
  }
  // Debian family (debian, ubuntu, oracle linux): merged /usr, sh is dash, bash present.
  return {
    ...t,
    ...bins("/usr/bin", [...CORE, "sh", "dash", "bash"]),
    "/bin": "->usr/bin",
    "/sbin": "->usr/sbin",
    "/usr/sbin/": "",
    "/usr/local/bin/": "",
    "/etc/os-release": osRelease[distro] ?? osRelease["debian-12"]!,
    ...(distro.startsWith("debian") ? { "/etc/debian_version": distro === "debian-12" ? "12.9\n" : distro === "debian-11" ? "11.11\n" : "9.13\n" } : {}),
    "/etc/passwd": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
    "/etc/group": "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwww-data:x:33:\nnogroup:x:65534:\n",
  };
}

function imageContent(image: Image): Tree {
  const repo = image.name.slice(image.name.lastIndexOf("/") + 1);
  const cni = cniPrograms(cniRepo(image.name));
  if (cni) return Object.fromEntries(Object.entries(cni).flatMap(([dir, cmds]) => Object.entries(bins(dir, cmds.map(([n]) => n)))));
  switch (repo) {
    case "nginx":
      return {
        ...bins("/usr/sbin", ["nginx"]),
        ...bins(image.distro.startsWith("alpine") ? "/usr/bin" : "/usr/bin", ["curl"]),
        "/docker-entrypoint.sh": BIN,
        "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh": BIN,
        "/docker-entrypoint.d/15-local-resolvers.envsh": BIN,
        "/docker-entrypoint.d/20-envsubst-on-templates.sh": BIN,
        "/docker-entrypoint.d/30-tune-worker-processes.sh": BIN,
        "/etc/nginx/nginx.conf": nginxConf,
        "/etc/nginx/conf.d/default.conf": nginxDefaultConf,
        "/usr/share/nginx/html/index.html": nginxIndexHtml,
        "/usr/share/nginx/html/50x.html": nginx50xHtml,
        "/var/log/nginx/access.log": "->/dev/stdout",
        "/var/log/nginx/error.log": "->/dev/stderr",
        "/var/cache/nginx/": "",
      };
    case "httpd":
      return {
        ...bins("/usr/local/apache2/bin", ["httpd", "httpd-foreground"]),
        "/usr/local/apache2/htdocs/index.html": httpdIndexHtml,
        "/usr/local/apache2/conf/httpd.conf": "ServerRoot \"/usr/local/apache2\"\nListen 80\nDocumentRoot \"/usr/local/apache2/htdocs\"\n",
        "/usr/local/apache2/logs/": "",
      };
    case "redis":
      return { ...bins("/usr/local/bin", ["redis-server", "docker-entrypoint.sh"]), "/data/": "" };
    case "postgres":
      return { ...bins(`/usr/lib/postgresql/${/PG_MAJOR=(\d+)/.exec(image.config.env.join("\n"))?.[1] ?? "17"}/bin`, ["postgres"]), ...bins("/usr/local/bin", ["docker-entrypoint.sh"]), "/var/lib/postgresql/data/": "", "/docker-entrypoint-initdb.d/": "" };
    case "mysql":
      return { ...bins("/usr/sbin", ["mysqld"]), ...bins("/usr/local/bin", ["docker-entrypoint.sh"]), "/var/lib/mysql/": "", "/docker-entrypoint-initdb.d/": "" };
    case "python":
      return { ...bins("/usr/local/bin", ["python3", "python"]), ...(image.tag.includes("slim") || image.distro.startsWith("alpine") ? {} : bins("/usr/bin", ["curl", "wget"])) };
    case "node":
      return { ...bins("/usr/local/bin", ["node", "docker-entrypoint.sh"]), ...(image.tag.includes("slim") || image.distro.startsWith("alpine") ? {} : bins("/usr/bin", ["curl", "wget"])) };
    case "pause":
      return { "/pause": BIN };
    case "coredns":
      return { "/coredns": BIN };
    case "agnhost":
      return { "/agnhost": BIN };
    default: {
      if (repo === "etcd" || repo.startsWith("kube-")) return bins("/usr/local/bin", repo === "etcd" ? ["etcd", "etcdctl"] : [repo]);
      return {};
    }
  }
}

/** The image's root filesystem as a seed tree for Vfs.seed. */
export function rootfsFor(image: Image): Tree {
  return { ...base(image.distro), ...imageContent(image) };
}

export interface PodNetworkFiles {
  hostname: string;
  podIP?: string;
  namespace: string;
  /** Cluster DNS Service IP (kubelet clusterDNS). */
  clusterDNS?: string;
  clusterDomain?: string;
  /** Set when the pod uses spec.hostname/subdomain (FQDN line in /etc/hosts). */
  fqdn?: string;
}

/** The files the kubelet bind-mounts into every container (pkg/kubelet/kubelet_pods.go). */
export function kubeletManagedFiles(p: PodNetworkFiles): Tree {
  const domain = p.clusterDomain ?? "cluster.local";
  let hosts = "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n";
  if (p.podIP) hosts += `${p.podIP}\t${p.fqdn ? `${p.fqdn}\t` : ""}${p.hostname}\n`;
  return {
    "/etc/hosts": hosts,
    "/etc/hostname": `${p.hostname}\n`,
    "/etc/resolv.conf": `search ${p.namespace}.svc.${domain} svc.${domain} ${domain}\nnameserver ${p.clusterDNS ?? "10.96.0.10"}\noptions ndots:5\n`,
  };
}
