#!/usr/bin/env bash
# Portico's HTTP server against bare Jetty on this machine, with wrk: requests/s, p50/p99, and the server's CPU
# time and context switches per request (steadier than requests/s on shared cores).
#   scripts/load-test.sh                      # 20 s per run, 2 rounds, writes the table into docs/benchmarks.md
#   DURATION=10s ROUNDS=3 scripts/load-test.sh
#   TARGETS="bare portico" scripts/load-test.sh
# Targets (benchmarks/src/main/java/dev/portico/benchmarks/LoadTarget.java), one JVM each on 127.0.0.1:
#   bare                a plain Jetty 12 servlet writing the bytes the Lambda route answers with (the ceiling)
#   bare-core           the same bytes from a Jetty core Handler, no servlet layer (Jetty's own floor)
#   bare-auth           bare, with wrk sending the JWT target's 800-character Authorization header
#   portico             PorticoServer, GET /hello on an in-process payload 2.0 Lambda function
#   portico-jwt         the same route behind a JWT authorizer (RS256; one token: the verified-token cache serves it)
#   portico-authorizer  the same route behind a Lambda REQUEST authorizer, its answer cached by that header
#   portico-inline      portico with the function run on the container thread (no executor hand-off)
# Rounds are interleaved (bare, portico, ..., bare, portico, ...) and the medians reported, so noise shows as
# spread between rounds rather than as a difference between targets.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20s}"
ROUNDS="${ROUNDS:-2}"
THREADS="${THREADS:-1}"
CONNECTIONS="${CONNECTIONS:-16}"
TARGETS="${TARGETS:-bare bare-auth portico portico-jwt portico-authorizer portico-inline}"
JAR=benchmarks/target/benchmarks.jar
TICKS=$(getconf CLK_TCK)

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y wrk; fi
fi
if [ ! -f "$JAR" ]; then
  mvn -B -q install -DskipTests
fi

cpu() { awk '{print $14, $15}' "/proc/$1/stat"; }                      # user and system clock ticks
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s += $2} END {print s + 0}'; }

results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  for target in $TARGETS; do
    out=$(mktemp)
    java -Xms512m -Xmx512m -cp "$JAR" dev.portico.benchmarks.LoadTarget "$target" >"$out" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 100); do grep -q '^READY' "$out" && break; sleep 0.2; done
    read -r _ port token < <(grep '^READY' "$out")
    header=()
    if [ "$token" != "-" ]; then header=(-H "Authorization: Bearer $token"); fi
    url="http://127.0.0.1:$port/hello"
    # Warm-up (JIT, JWKS fetch, token and authorizer caches), then the measured run.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${header[@]}" "$url" >/dev/null
    read -r user0 sys0 < <(cpu "$pid"); cs0=$(switches "$pid")
    result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$url")
    read -r user1 sys1 < <(cpu "$pid"); cs1=$(switches "$pid")
    kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$out"
    if echo "$result" | grep -qE 'Non-2xx|Socket errors'; then echo "$result" >&2; echo "$target: errors under load" >&2; exit 1; fi
    requests=$(echo "$result" | awk '/requests in/ {print $1}')
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$round" "$requests" "$rps" "$p50" "$p99" \
      "$((user1 - user0))" "$((sys1 - sys0))" "$((cs1 - cs0))" >>"$results"
    awk -F'\t' -v t="$TICKS" 'END {printf "round %s %-18s %8.0f req/s  p50 %-8s p99 %-8s  CPU %5.1f us/req (user %5.1f)  %.2f switches/req\n",
      $2, $1, $4, $5, $6, ($7 + $8) / t * 1e6 / $3, $7 / t * 1e6 / $3, $9 / $3}' "$results"
  done
done

table=$(python3 - "$results" "$TICKS" "$DURATION" "$THREADS" "$CONNECTIONS" "$ROUNDS" "$(nproc)" "$(java -version 2>&1 | head -1)" <<'PY'
import statistics, sys, datetime
path, ticks, duration, threads, connections, rounds, cores, java = sys.argv[1:9]
ticks = int(ticks)
rows = {}
for line in open(path):
    target, _, requests, rps, p50, p99, user, system, switches = line.rstrip("\n").split("\t")
    requests = int(requests)
    rows.setdefault(target, []).append({
        "rps": float(rps), "p50": p50, "p99": p99,
        "cpu": (int(user) + int(system)) / ticks * 1e6 / requests, "user": int(user) / ticks * 1e6 / requests,
        "switches": int(switches) / requests})
def median(target, key):
    return statistics.median(r[key] for r in rows[target])
def spread(target, key, fmt):
    values = sorted(r[key] for r in rows[target])
    return fmt % values[0] if len(values) == 1 else (fmt % values[0]) + "–" + (fmt % values[-1])
names = {"bare": "bare Jetty 12 servlet, same bytes", "bare-core": "bare Jetty 12 core Handler (no servlet), same bytes", "bare-auth": "bare Jetty, with the 800-character Authorization header",
         "portico": "Portico, v2 Lambda route", "portico-jwt": "Portico, + JWT (token cached)",
         "portico-authorizer": "Portico, + Lambda authorizer (cached)",
         "portico-inline": "Portico, function on the container thread"}
peer = {"portico-jwt": "bare-auth", "portico-authorizer": "bare-auth"}
out = ["<!-- load-test:start (written by scripts/load-test.sh; do not edit by hand) -->",
       "Measured %s on %s cores, %s, wrk -t%s -c%s -d%s after a 5 s warm-up, %s interleaved rounds (ranges are the"
       " rounds; ratios are of medians, against bare Jetty, or bare Jetty with the same header for the authorized"
       " routes):" % (datetime.date.today(), cores, java, threads, connections, duration, rounds), "",
       "| target | server CPU per request | × bare | of which user | context switches per request | requests/s | of bare | p50 | p99 |",
       "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for target in rows:
    base = peer.get(target, "bare")
    base = base if base in rows else "bare"
    ratio_cpu = median(target, "cpu") / median(base, "cpu") if base in rows else float("nan")
    ratio_rps = median(target, "rps") / median(base, "rps") if base in rows else float("nan")
    out.append("| %s | %s µs | %.2f× | %s µs | %s | %s | %.0f%% | %s | %s |" % (
        names.get(target, target), spread(target, "cpu", "%.0f"), ratio_cpu, spread(target, "user", "%.0f"),
        spread(target, "switches", "%.1f"), spread(target, "rps", "%.0f"), 100 * ratio_rps,
        "/".join(r["p50"] for r in rows[target]), "/".join(r["p99"] for r in rows[target])))
out.append("<!-- load-test:end -->")
print("\n".join(out))
PY
)
rm -f "$results"
echo "$table"
python3 - "$table" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path).read()
block = sys.argv[1]
pattern = re.compile(r"<!-- load-test:start.*?<!-- load-test:end -->", re.S)
text = pattern.sub(lambda m: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
echo "docs/benchmarks.md updated"
