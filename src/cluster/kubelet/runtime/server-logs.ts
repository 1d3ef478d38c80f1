// What the official server images print when they start (docker-entrypoint.sh and the server's
// own startup lines), stamped with the container's start time. No upstream file: the texts follow
// the nginx, httpd and redis images' real output.
import type { Image } from "../images";
import type { LogLine } from "./script";

function nginxStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/-/g, "/").replace("T", " ");
}

export function serverLogs(image: Image, start: number): LogLine[] {
  const out = (text: string, at = start, stream: "stdout" | "stderr" = "stdout") => ({ at, stream, text: `${text}\n` });
  const short = image.name.slice(image.name.lastIndexOf("/") + 1);
  if (short === "nginx") {
    const version = image.config.env.find((e) => e.startsWith("NGINX_VERSION="))?.slice(14).replace(/-.*$/, "") ?? image.tag;
    const t = start + 20;
    const s = nginxStamp(t);
    return [
      out("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"),
      out("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/"),
      out("/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"),
      out("10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf", start + 5),
      out("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf", start + 8),
      out("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh", start + 9),
      out("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh", start + 12),
      out("/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh", start + 15),
      out("/docker-entrypoint.sh: Configuration complete; ready for start up", start + 18),
      out(`${s} [notice] 1#1: using the "epoll" event method`, t, "stderr"),
      out(`${s} [notice] 1#1: nginx/${version}`, t, "stderr"),
      out(`${s} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `, t, "stderr"),
      out(`${s} [notice] 1#1: OS: Linux 6.8.0-51-generic`, t, "stderr"),
      out(`${s} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`, t, "stderr"),
      out(`${s} [notice] 1#1: start worker processes`, t, "stderr"),
      out(`${s} [notice] 1#1: start worker process 29`, t, "stderr"),
      out(`${s} [notice] 1#1: start worker process 30`, t, "stderr"),
    ];
  }
  if (short === "redis") {
    const d = new Date(start);
    const stamp = `${d.getUTCDate()} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
    return [
      out(`1:C ${stamp} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.`),
      out(`1:C ${stamp} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`),
      out(`1:M ${stamp} * Server initialized`),
      out(`1:M ${stamp} * Ready to accept connections tcp`),
    ];
  }
  if (short === "httpd") {
    return [out("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 127.0.0.1. Set the 'ServerName' directive globally to suppress this message", start, "stderr")];
  }
  return [];
}
