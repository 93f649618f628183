#!/usr/bin/env python3
"""Start-up of the action, phase by phase: where the time of one run goes.

Runs the action jar as the image runs it (JVM flags from the Dockerfile, an AOT cache trained as in the
image, the runner's environment) against the dev server with N secrets (default 7) behind a local
HTTPS front signed by a throw-away CA (tls_proxy.py; --http for plain HTTP), and records a timeline:

  * strace -f -tt (only execve, openat, connect, write, exit_group; seccomp-filtered): process start,
    libjvm.so opened, first line on stdout, connect() to the server, GITHUB_ENV opened, exit;
  * -Xlog:startuptime: how long the JVM took to create itself ("Create VM");
  * tls_proxy.py --events: when each request's head arrived at the server and when its answer left.

Phases (median over --runs runs, with min and max):
  1 JVM start         exec -> libjvm.so opened + "Create VM" (launcher, VM, JDK classes from the cache)
  2 main entered      VM created -> first line on stdout (Main, Log, Masker, the input masks)
  3 settings, client  first line -> connect() (inputs parsed, settings logged, OkHttp/TLS context built)
  4 TLS + login sent  connect() -> login request read by the server (TCP + TLS handshake + request)
  5 login             login request -> next request (server answer, token parsed, next request built)
  6 listing           first request after login -> revoke request (project lookup if any, listing, parsing)
  7 revoke            revoke request -> its answer sent
  8 masks             revoke answer -> GITHUB_ENV opened (::add-mask:: for each value, masker, export plan)
  9 files, exit       GITHUB_ENV opened -> exit_group (env file, step summary, JVM shutdown)

strace and the logging cost a little; the totals of plain runs (no strace, no -Xlog) are measured too,
with peak RSS (GNU time), as startup_bench.py does.

Needs: strace, GNU time (/usr/bin/time), openssl, JDK 25, the two jars
  mvn -B -ntp -q -pl github-action,dev-server -am package -DskipTests
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import runner_files
import startup_bench as sb

HERE = Path(__file__).resolve().parent
PHASES = ["JVM start", "main entered", "settings, client", "TLS + login sent", "login", "listing",
          "revoke", "masks", "files, exit"]


def make_tls(work):
    cmds = [
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=phases-CA",
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr -subj /CN=localhost",
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile ext.cnf -out server.pem",
    ]
    (work / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
    for c in cmds:
        subprocess.run(c.split(), cwd=work, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (work / "ca.pem").read_text()


class Proxy:
    def __init__(self, backend, work, tls):
        self.events = work / "events.jsonl"
        args = [sys.executable, str(HERE / "tls_proxy.py"), "--backend", backend, "--events", str(self.events)]
        args += ["--cert", str(work / "server.pem"), "--key", str(work / "server.key")] if tls else ["--plain"]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=open(work / "proxy.log", "w"), text=True)
        self.port = int(self.proc.stdout.readline())
        self.url = ("https" if tls else "http") + "://127.0.0.1:%d" % self.port

    def take_events(self):
        if not self.events.exists():
            return []
        lines = self.events.read_text().splitlines()
        self.events.write_text("")
        return [json.loads(x) for x in lines]

    def close(self):
        self.proc.terminate()
        self.proc.wait(10)


def epoch_of(clock, day):
    h, m, s = clock.split(":")
    return day + int(h) * 3600 + int(m) * 60 + float(s)


def parse_trace(path, port, env_file):
    """Times (epoch seconds) of the marker syscalls in an strace -f -tt log."""
    lt = time.localtime()
    day = time.mktime((lt.tm_year, lt.tm_mon, lt.tm_mday, 0, 0, 0, 0, 0, -1))
    marks = {}
    for line in path.read_text(errors="replace").splitlines():
        m = re.match(r"\s*\d+\s+(\d\d:\d\d:\d\d\.\d+)\s+(\w+)\((.*)", line)
        if not m:
            continue
        t, call, rest = epoch_of(m.group(1), day), m.group(2), m.group(3)
        if call == "execve" and "exec" not in marks:
            marks["exec"] = t
        elif call == "openat" and "libjvm.so" in rest and "libjvm" not in marks:
            marks["libjvm"] = t
        elif call == "write" and rest.startswith("1,") and "first_out" not in marks:
            marks["first_out"] = t
        elif call == "connect" and "htons(%d)" % port in rest and "connect" not in marks:
            marks["connect"] = t
        elif call == "openat" and env_file in rest and "env_file" not in marks:
            marks["env_file"] = t
        elif call == "exit_group":
            marks["exit"] = t
    return marks


def create_vm_secs(log):
    m = re.search(r"Create VM, ([\d.]+) secs", log.read_text())
    return float(m.group(1)) if m else None


def phase_times(marks, vm_secs, events):
    ev = sorted(events, key=lambda e: e["t_in"])
    login = next(e for e in ev if e["path"].endswith("/login"))
    after = [e for e in ev if e["t_in"] > login["t_in"]]
    revoke = next(e for e in after if "revoke" in e["path"])
    vm_ready = marks["libjvm"] + vm_secs
    points = [marks["exec"], vm_ready, marks["first_out"], marks["connect"], login["t_in"], after[0]["t_in"],
              revoke["t_in"], revoke["t_out"], marks["env_file"], marks["exit"]]
    return [b - a for a, b in zip(points, points[1:])], [e["method"] + " " + e["path"] for e in ev]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--secrets", type=int, default=7)
    ap.add_argument("--http", action="store_true", help="plain HTTP instead of HTTPS with a private CA")
    ap.add_argument("--java25", default="/usr/lib/jvm/temurin-25-jdk-amd64")
    ap.add_argument("--action-jar", type=Path, default=sb.find_jar("github-action", "infisical-action.jar"))
    ap.add_argument("--dev-server-jar", type=Path, default=sb.find_jar("dev-server", "infisical-dev-server.jar"))
    ap.add_argument("--dockerfile", type=Path, default=sb.ROOT / "Dockerfile")
    a = ap.parse_args()
    for tool in ("strace", "openssl"):
        if not shutil.which(tool):
            sb.fail(tool + " is needed")
    java = str(Path(a.java25) / "bin/java")
    work = Path(tempfile.mkdtemp(prefix="startup-phases-"))
    jar = work / "infisical-action.jar"
    shutil.copy2(a.action_jar, jar)
    flags = sb.jvm_flags_from_dockerfile(a.dockerfile)
    aot = work / "infisical-action.aot"
    sb.train_aot(java, flags, jar, aot)
    base = [java] + flags + sb.aot_flags_from_dockerfile(a.dockerfile) + ["-XX:AOTCache=" + str(aot)]

    seed = work / "seed.json"
    expected = sb.write_seed(seed, a.secrets)
    server = sb.DevServer(java, a.dev_server_jar, seed, work / "dev-server.log")
    ca = None if a.http else make_tls(work)
    proxy = Proxy(server.url, work, not a.http)
    load_start = os.getloadavg()
    try:
        overrides = {"method": "universal", "client-id": sb.CLIENT_ID, "client-secret": sb.CLIENT_SECRET,
                     "domain": proxy.url, "project-slug": sb.PROJECT, "env-slug": "dev", "secret-path": "/",
                     "export-type": "env"}
        if ca:
            overrides["ca-certificate"] = ca
        inputs = runner_files.action_inputs(sb.ROOT / "action.yml", overrides)
        plain = base + ["-jar", str(jar)]
        sb.run_once(plain, inputs, expected, work / "run")  # warm-up
        proxy.take_events()
        walls, rss, cpus = [], [], []
        for _ in range(a.runs):
            w, r, c = sb.run_once(plain, inputs, expected, work / "run")
            walls.append(w), rss.append(r), cpus.append(c)
        proxy.take_events()

        rows, requests = [], None
        for i in range(a.runs):
            run = work / "traced"
            xlog = work / "startuptime.log"
            cmd = ["strace", "-f", "-tt", "-qq", "--seccomp-bpf", "-e", "trace=execve,openat,connect,write,exit_group",
                   "-e", "signal=none", "-s", "48", "-o", str(work / "trace.txt")] + base + [
                   "-Xlog:startuptime:file=%s" % xlog, "-jar", str(jar)]
            sb.run_once(cmd, inputs, expected, run)
            marks = parse_trace(work / "trace.txt", proxy.port, "github_env_bench")
            missing = {"exec", "libjvm", "first_out", "connect", "env_file", "exit"} - set(marks)
            if missing:
                sb.fail("trace lacks %s (%s)" % (sorted(missing), work / "trace.txt"))
            times, requests = phase_times(marks, create_vm_secs(xlog), proxy.take_events())
            rows.append(times + [sum(times)])
    finally:
        proxy.close()
        server.close()
    load_end = os.getloadavg()

    print("action jar: %s; JVM: %s; flags (Dockerfile): %s + AOT cache" % (a.action_jar, java, " ".join(flags)))
    print("server: dev server with %d secrets behind %s; requests of one run: %s"
          % (a.secrets, "HTTPS (private CA, ca-certificate input)" if ca else "HTTP", ", ".join(requests)))
    print("load average (1/5/15 min): start %.2f %.2f %.2f, end %.2f %.2f %.2f on %d CPUs"
          % (load_start + load_end + (os.cpu_count(),)))
    print()
    print("| phase | median | min – max | share |")
    print("| --- | ---: | ---: | ---: |")
    total = statistics.median(r[-1] for r in rows)
    for i, name in enumerate(PHASES):
        col = [r[i] for r in rows]
        med = statistics.median(col)
        print("| %d %s | %.3f s | %.3f – %.3f s | %.0f %% |" % (i + 1, name, med, min(col), max(col), 100 * med / total))
    col = [r[-1] for r in rows]
    print("| sum (traced runs) | %.3f s | %.3f – %.3f s | |" % (total, min(col), max(col)))
    print()
    print("plain runs (no strace, no -Xlog), %d: wall median %.3f s (min %.3f, max %.3f), CPU %.2f s, peak RSS %.0f MB"
          % (a.runs, statistics.median(walls), min(walls), max(walls), statistics.median(cpus), statistics.median(rss)))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
