#!/usr/bin/env python3
"""Times `portico serve`: process start to the ready line, then two GET requests (docs/benchmarks.md).

usage: scripts/serve-timing.py [--runs 5] [--pause SECONDS] [--path /pets] -- SERVE_ARGS...
e.g.   scripts/serve-timing.py --pause 3 -- --template examples/template.yaml
Run from the repository root after `mvn -B -q install -DskipTests`.
"""
import argparse
import subprocess
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--pause", type=float, default=0.0, help="seconds between the ready line and the first request")
parser.add_argument("--path", default="/pets")
parser.add_argument("--port", default="3911")
parser.add_argument("serve", nargs="+")
args = parser.parse_args()

for run in range(args.runs):
    start = time.perf_counter()
    server = subprocess.Popen(["java", "-jar", "server/target/portico-server.jar", "serve", *args.serve, "--port",
                               args.port], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        ready = time.perf_counter()
        if not line.startswith("Portico listening on "):
            raise SystemExit("no ready line: " + line)
        time.sleep(args.pause)
        times = []
        for _ in range(2):
            sent = time.perf_counter()
            urllib.request.urlopen("http://127.0.0.1:" + args.port + args.path).read()
            times.append((time.perf_counter() - sent) * 1000)
        print("ready %.0f ms, first request %.1f ms, second %.1f ms" % ((ready - start) * 1000, *times))
    finally:
        server.terminate()
        server.wait()
    time.sleep(0.5)
