// Simulated data stores: redis-server (7.x banner and shutdown lines), postgres (initdb on an
// empty data directory; the official entrypoint's error without POSTGRES_PASSWORD), mysqld (the
// entrypoint's error without a root password option). They listen on 6379 / 5432 / 3306.
// No upstream file; the official images' docker-entrypoint.sh scripts are the reference.
import type { Command, CommandContext } from "../../../shell/types";
import { at, envOf, nextSignal, pgTime, redisTime } from "./server-util";

export const redisServer: Command = async (ctx) => {
  const version = envOf(ctx, "REDIS_VERSION", "7.4.2");
  const port = Number(ctx.args[ctx.args.indexOf("--port") + 1] ?? 6379) || 6379;
  const log = (role: string, mark: string, msg: string) => ctx.stdout.write(`1:${role} ${redisTime(at(ctx))} ${mark} ${msg}\n`);
  await log("C", "#", "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.");
  await log("C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
  await log("C", "*", `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`);
  if (!ctx.args.some((a) => a.endsWith(".conf"))) await log("C", "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf");
  await ctx.sleep(2);
  await log("M", "*", "monotonic clock: POSIX clock_gettime");
  await log("M", "*", `Running mode=standalone, port=${port}.`);
  await log("M", "*", "Server initialized");
  await log("M", "*", "Ready to accept connections tcp");
  ctx.host.process?.listen(port);
  for (;;) {
    const sig = await nextSignal(ctx);
    if (sig !== "TERM" && sig !== "INT") continue;
    await ctx.stdout.write(`1:signal-handler (${Math.floor(ctx.now() / 1000)}) Received SIG${sig} scheduling shutdown...\n`);
    await ctx.sleep(100);
    ctx.host.process?.unlisten(port);
    await log("M", "*", "User requested shutdown...");
    await log("M", "*", "Saving the final RDB snapshot before exiting.");
    await log("M", "*", "DB saved on disk");
    await log("M", "#", "Redis is now ready to exit, bye bye...");
    return 0;
  }
};

const PG_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

function pgVersion(ctx: CommandContext): [string, string] {
  const full = envOf(ctx, "PG_VERSION", "17.2-1.pgdg120+1");
  return [full.replace(/-.*/, ""), full];
}

export const postgres: Command = async (ctx) => {
  const [ver, pkg] = pgVersion(ctx);
  const data = envOf(ctx, "PGDATA", "/var/lib/postgresql/data");
  const initialized = ctx.fs.exists(`${data}/PG_VERSION`);
  const log = (pid: number, msg: string) => ctx.stdout.write(`${pgTime(at(ctx))} [${pid}] LOG:  ${msg}\n`);
  const banner = `starting PostgreSQL ${ver} (Debian ${pkg}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
  if (!initialized) {
    if (!envOf(ctx, "POSTGRES_PASSWORD") && envOf(ctx, "POSTGRES_HOST_AUTH_METHOD") !== "trust") {
      await ctx.stderr.write(PG_NO_PASSWORD);
      return 1;
    }
    await ctx.stdout.write(`The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\nThe database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n\nData page checksums are disabled.\n\nfixing permissions on existing directory ${data} ... ok\ncreating subdirectories ... ok\nselecting dynamic shared memory implementation ... posix\nselecting default "max_connections" ... 100\nselecting default "shared_buffers" ... 128MB\nselecting default time zone ... Etc/UTC\ncreating configuration files ... ok\n`);
    await ctx.sleep(400);
    await ctx.stdout.write(`running bootstrap script ... ok\nperforming post-bootstrap initialization ... ok\nsyncing data to disk ... ok\n\n\nSuccess. You can now start the database server using:\n\n    pg_ctl -D ${data} -l logfile start\n\n`);
    await ctx.stderr.write(`initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n`);
    await ctx.stdout.write("waiting for server to start....");
    await log(48, banner);
    await log(48, `listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`);
    await log(48, "database system is ready to accept connections");
    await ctx.stdout.write(" done\nserver started\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\nwaiting for server to shut down...");
    await ctx.sleep(300);
    await ctx.stdout.write(" done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n");
    ctx.fs.writeFile(`${data}/PG_VERSION`, `${ver.split(".")[0]}\n`);
  } else {
    await ctx.stdout.write("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n");
  }
  await log(1, banner);
  await log(1, `listening on IPv4 address "0.0.0.0", port 5432`);
  await log(1, `listening on IPv6 address "::", port 5432`);
  await log(1, `listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`);
  await ctx.sleep(20);
  await log(1, "database system is ready to accept connections");
  ctx.host.process?.listen(5432);
  for (;;) {
    const sig = await nextSignal(ctx);
    const mode = sig === "INT" ? "fast" : sig === "TERM" ? "smart" : sig === "QUIT" ? "immediate" : undefined;
    if (!mode) continue;
    await log(1, `received ${mode} shutdown request`);
    ctx.host.process?.unlisten(5432);
    await log(1, "background worker \"logical replication launcher\" (PID 70) exited with exit code 1");
    await ctx.sleep(50);
    await log(1, "database system is shut down");
    return 0;
  }
};

export const mysqld: Command = async (ctx) => {
  const version = envOf(ctx, "MYSQL_VERSION", "9.2.0-1.el9");
  const stamp = () => new Date(ctx.now()).toISOString().replace(/\.\d+Z$/, "+00:00").replace("T", " ");
  const note = (level: string, msg: string) => ctx.stdout.write(`${stamp()} [${level}] [Entrypoint]: ${msg}\n`);
  await note("Note", `Entrypoint script for MySQL Server ${version} started.`);
  await note("Note", "Switching to dedicated user 'mysql'");
  await note("Note", `Entrypoint script for MySQL Server ${version} started.`);
  const pw = ["MYSQL_ROOT_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"].some((k) => envOf(ctx, k));
  if (!pw && !ctx.fs.exists("/var/lib/mysql/mysql")) {
    await ctx.stderr.write(`${stamp()} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`);
    return 1;
  }
  const iso = () => new Date(ctx.now()).toISOString().replace("Z", "000Z");
  const short = version.replace(/-.*/, "");
  if (!ctx.fs.exists("/var/lib/mysql/mysql")) {
    await note("Note", "Initializing database files");
    await ctx.sleep(2_000);
    ctx.fs.mkdir("/var/lib/mysql/mysql", true);
    await note("Note", "Database files initialized");
    await note("Note", "MySQL init process done. Ready for start up.");
  }
  await ctx.stdout.write(`${iso()} 0 [System] [MY-015015] [Server] MySQL Server - start.\n`);
  await ctx.stdout.write(`${iso()} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${short}) starting as process 1\n`);
  await ctx.sleep(800);
  await ctx.stdout.write(`${iso()} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${short}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n`);
  ctx.host.process?.listen(3306);
  ctx.host.process?.listen(33060);
  for (;;) {
    const sig = await nextSignal(ctx);
    if (sig !== "TERM" && sig !== "INT" && sig !== "QUIT") continue;
    await ctx.stdout.write(`${iso()} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${short}).\n`);
    ctx.host.process?.unlisten(3306);
    ctx.host.process?.unlisten(33060);
    await ctx.sleep(1_500);
    await ctx.stdout.write(`${iso()} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${short})  MySQL Community Server - GPL.\n`);
    await ctx.stdout.write(`${iso()} 0 [System] [MY-015016] [Server] MySQL Server - end.\n`);
    return 0;
  }
};
