import { describe, expect, it } from "vitest";
import { sh, testHost } from "./test-helpers";
import type { HttpResponse, Network } from "./types";

describe("shell: quoting and expansion", () => {
  it("sh -c 'echo hi; exit 1' prints hi and exits 1", async () => {
    expect(await sh("echo hi; exit 1")).toMatchObject({ stdout: "hi\n", status: 1, stderr: "" });
  });

  it("handles quotes, escapes and parameter forms", async () => {
    const r = await sh(`X=world; Y=""
echo 'single $X' "double $X" \\$X a\\ b
echo \${X} \${Z:-def} \${Y:-empty} \${Y-set} \${#X} \${X#w} \${X%d} \${X%%o*}
echo "$Z" | wc -c
set -- a "b c" d; echo $# "$2"; for a in "$@"; do echo "[$a]"; done
echo $(echo sub $(echo nested)) \`echo back\` $((1 + 2 * 3)) $(( X2 = 4, X2 * 2 ))
A="one   two"; echo $A; echo "$A"`);
    expect(r.stdout).toBe(
      "single $X double world $X a b\n" +
        "world def empty 5 orld worl w\n" +
        "1\n" +
        "3 b c\n[a]\n[b c]\n[d]\n" +
        "sub nested back 7 8\n" +
        "one two\none   two\n",
    );
    expect(r.status).toBe(0);
  });

  it("reports unknown commands like busybox with status 127", async () => {
    const r = await sh("foo --bar; echo $?");
    expect(r.stderr).toBe("sh: foo: not found\n");
    expect(r.stdout).toBe("127\n");
  });

  it("reports syntax errors", async () => {
    const r = await sh("if true; then echo x");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sh: syntax error: unexpected end of file/);
  });
});

describe("shell: control flow", () => {
  it("runs if/elif/else, while, until, for, case, functions, && and ||", async () => {
    const r = await sh(`
i=0
while [ $i -lt 3 ]; do i=$((i+1)); echo "w$i"; done
until [ $i -eq 0 ]; do i=$((i-1)); done; echo "u$i"
for f in a b; do case $f in a) echo is-a;; *) echo other-$f;; esac; done
greet() { echo "hello $1"; return 3; }
greet you; echo "ret=$?"
if false; then echo no; elif [ -z "" ]; then echo elif; else echo else; fi
true && echo and || echo or; false || echo or2
! false && echo negated
{ echo g1; echo g2; } | grep g2
(exit 4); echo "sub=$?"
for x in 1 2 3 4; do [ $x = 2 ] && continue; [ $x = 4 ] && break; echo "x$x"; done
`);
    expect(r.stdout).toBe("w1\nw2\nw3\nu0\nis-a\nother-b\nhello you\nret=3\nelif\nand\nor2\nnegated\ng2\nsub=4\nx1\nx3\n");
  });

  it("set -e stops at the first failing command", async () => {
    const r = await sh("set -e; echo a; false; echo b");
    expect(r).toMatchObject({ stdout: "a\n", status: 1 });
    expect((await sh("set -e; false || true; if false; then :; fi; echo ok")).stdout).toBe("ok\n");
  });

  it("supports heredocs, quoted and tab-stripped", async () => {
    const r = await sh("N=x\ncat <<EOF\nvalue $N\n$(echo cmd)\nEOF\ncat <<'EOF'\nraw $N\nEOF\ncat <<-EOF\n\tstripped\n\tEOF\necho end");
    expect(r.stdout).toBe("value x\ncmd\nraw $N\nstripped\nend\n");
  });

  it("redirects to files, appends, reads, and merges stderr", async () => {
    const host = testHost();
    host.fs.mkdir("/tmp");
    const r = await sh(
      "echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; ls /nope 2>/dev/null || echo hidden; ls /nope 2>&1 | sed 's/^/E: /'; echo x > /no/dir/f",
      { host },
    );
    expect(r.stdout).toBe("one\ntwo\nhidden\nE: ls: /nope: No such file or directory\n");
    expect(r.stderr).toBe("sh: can't create /no/dir/f: nonexistent directory\n");
  });

  it("reads lines with while read", async () => {
    const r = await sh('printf "a 1\\nb 2\\n" | while read k v; do echo "$v=$k"; done; echo "x y" | { read -r first rest; echo $first; }');
    expect(r.stdout).toBe("1=a\n2=b\nx\n");
  });
});

describe("shell: pipelines and commands", () => {
  it("ends yes | head through SIGPIPE", async () => {
    const r = await sh("yes | head -n 3; echo status=$?");
    expect(r.stdout).toBe("y\ny\ny\nstatus=0\n");
  });

  it("runs text tools", async () => {
    const r = await sh(`printf 'b x\\na y\\nb z\\n' > /f
sort /f | uniq -c | head -1
grep -c b /f; grep -n -i 'A' /f; grep -v b /f; grep -E 'x|z' /f | wc -l
cut -d' ' -f2 /f | tr 'a-z' 'A-Z' | tr -d '\\n'; echo
sed 's/b/B/g; 2d' /f
awk '{print $2, NR}' /f | tail -n 1
awk '{c[$1]++} END {for (k in c) print k, c[k]}' /f | sort
echo "a:b:c" | awk -F: '{print $NF}'
seq 3 | awk '{s+=$1} END {print s}'
echo hello | rev; expr 3 + 4; expr length abc
printf '%s=%05d|%-4s|%x\\n' n 42 ab 255
echo -e 'a\\tb'; echo -n no-newline; echo
test 3 -gt 2 && [ -d / ] && [ ! -f /nope ] && echo tests-ok`);
    expect(r.stdout).toBe(
      "      1 a y\n2\n2:a y\na y\n2\nXYZ\nB x\nB z\nz 3\na 1\nb 2\nc\n6\nolleh\n7\n3\nn=00042|ab  |ff\na\tb\nno-newline\ntests-ok\n",
    );
  });

  it("prints date in busybox format from the virtual clock", async () => {
    const r = await sh("date; date +%Y-%m-%dT%H:%M:%S; date -u +%s");
    expect(r.stdout).toBe("Thu Nov 26 06:15:36 UTC 2026\n2026-11-26T06:15:36\n1795673736\n");
  });

  it("exposes env, export and command-local assignments", async () => {
    const r = await sh("export A=1; B=2 printenv B; printenv A; env | grep -c '^A=1$'; echo ${B:-unset}", { env: {} });
    expect(r.stdout).toBe("2\n1\n1\nunset\n");
  });

  it("uses the filesystem: mkdir, touch, ls, rm, cd, pwd", async () => {
    const r = await sh("mkdir -p /a/b && touch /a/b/f /a/g && ls /a && cd /a/b && pwd && ls && rm -r /a/b && ls /a; cd /nope");
    expect(r.stdout).toBe("b\ng\n/a/b\nf\ng\n");
    expect(r.stderr).toBe("sh: cd: can't cd to /nope: No such file or directory\n");
  });
});

describe("shell: virtual time", () => {
  it("sleeps in virtual time, printing lines at their times", async () => {
    const host = testHost();
    const r = await sh("for i in 1 2 3; do echo tick $i; sleep 5; done; echo done", { host, untilMs: 12_000 });
    expect(r.timeline).toEqual([[0, "tick 1\n"], [5_000, "tick 2\n"], [10_000, "tick 3\n"]]);
    expect(r.status).toBe(-1);
    expect(host.vt.nextDue()).toBe(host.now() + 3_000);
    await host.vt.runUntil(host.now() + 3_000);
    expect(r.stdout.endsWith("done\n")).toBe(true);
    expect(r.status).toBe(0);
  });

  it("lets a busy loop advance virtual time instead of hanging", async () => {
    const host = testHost({ cpuSliceCommands: 100, cpuSliceMs: 1_000 });
    const r = await sh("while :; do :; done", { host, untilMs: 5_000 });
    expect(r.status).toBe(-1);
    expect(host.vt.nextDue()).toBeGreaterThan(host.now());
  });

  it("runs background jobs and wait, and traps a signal", async () => {
    const host = testHost();
    const { startScript } = await import("./index");
    const { sinkOutput } = await import("./io");
    let out = "";
    let status = -1;
    const { shell, done } = startScript("trap 'echo got TERM; exit 0' TERM; echo start; sleep 3600 & wait", {
      host,
      pid1: true,
      stdout: sinkOutput((d) => (out += d)),
      stderr: sinkOutput(() => {}),
    });
    done.then((s) => (status = s));
    await host.vt.runUntil(host.now() + 1_000);
    expect(out).toBe("start\n");
    shell.signal("SIGTERM");
    await host.vt.runUntil(host.now() + 1);
    expect(out).toBe("start\ngot TERM\n");
    expect(status).toBe(0);
  });

  it("as PID 1 ignores TERM without a trap and dies on KILL with 137", async () => {
    const host = testHost();
    const { startScript } = await import("./index");
    const { sinkOutput } = await import("./io");
    let status = -1;
    const { shell, done } = startScript("while true; do sleep 1; done", { host, pid1: true, stdout: sinkOutput(() => {}), stderr: sinkOutput(() => {}) });
    done.then((s) => (status = s));
    shell.signal("TERM");
    await host.vt.runUntil(host.now() + 30_000);
    expect(status).toBe(-1);
    shell.signal("KILL");
    await host.vt.runUntil(host.now() + 1_000);
    expect(status).toBe(137);
  });
});

describe("shell: interactive and network", () => {
  it("reads commands line by line from an attached stdin, with prompts on a tty", async () => {
    const { Pipe, sinkOutput } = await import("./io");
    const { startArgv } = await import("./index");
    const host = testHost({ tty: true });
    const stdin = new Pipe();
    let out = "";
    let err = "";
    let status = -1;
    const { done } = startArgv(["sh"], { host, stdin: stdin.reader, stdout: sinkOutput((d) => (out += d)), stderr: sinkOutput((d) => (err += d)), pid1: true });
    done.then((s) => (status = s));
    await host.vt.runUntil(host.now());
    expect(err).toBe("/ # ");
    await stdin.writer.write("echo one\nfor i in 1 2\n");
    await host.vt.runUntil(host.now());
    expect(out).toBe("one\n");
    expect(err).toBe("/ # / # > ");
    await stdin.writer.write("do echo $i; done\nexit 5\necho never\n");
    await host.vt.runUntil(host.now());
    expect(out).toBe("one\n1\n2\n");
    expect(status).toBe(5);
  });

  it("wget, curl and nc use the host network with their own error texts", async () => {
    const net: Network = {
      resolve: (h: string) => (h === "web" ? "10.96.0.20" : undefined),
      connect: async (h: string, p: number) => (h === "web" && p === 80 ? (true as const) : h === "web" ? ("refused" as const) : ("nohost" as const)),
      http: async (req: { url: string }) => {
        const u = new URL(req.url);
        if (u.hostname !== "web") return "nohost" as const;
        if (u.port === "8080") return "refused" as const;
        const res: HttpResponse = u.pathname === "/" ? { status: 200, statusText: "OK", headers: { "Content-Type": "text/html" }, body: "hello\n" } : { status: 404, statusText: "Not Found", headers: {}, body: "nope" };
        return res;
      },
    };
    const host = testHost({ net });
    host.fs.mkdir("/tmp");
    const r = await sh(
      "wget -qO- http://web; wget -q -O - http://web/x; echo $?; wget -qO- web:8080; curl -s web; curl -s -o /dev/null -w '%{http_code}\\n' web/x; curl nohost; echo $?; curl -sf web/x; echo $?; nc -z web 80 && echo open; nc -zv web 81; echo $?; cd /tmp && wget http://web/ && cat index.html",
      { host },
    );
    expect(r.stdout).toBe("hello\n1\nhello\n404\n6\n22\nopen\n1\nhello\n");
    expect(r.stderr).toBe(
      "wget: server returned error: HTTP/1.1 404 Not Found\n" +
        "wget: can't connect to remote host (10.96.0.20): Connection refused\n" +
        "curl: (6) Could not resolve host: nohost\n" +
        "nc: web (10.96.0.20:81): Connection refused\n" +
        "Connecting to web (10.96.0.20:80)\nsaving to 'index.html'\nindex.html           100% |********************************|     6  0:00:00 ETA\n'index.html' saved\n",
    );
  });
});
