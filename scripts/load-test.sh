#!/usr/bin/env bash
# Throughput of Portico's HTTP server against bare Jetty on this machine, with wrk.
#   scripts/load-test.sh            # 20 s per target, writes the table into docs/benchmarks.md
#   DURATION=5s scripts/load-test.sh
# Targets (benchmarks/src/main/java/dev/portico/benchmarks/LoadTarget.java), one JVM each on 127.0.0.1:
#   bare         a plain Jetty 12 servlet writing the bytes the Lambda route answers with (the ceiling)
#   portico      PorticoServer, GET /hello on an in-process payload 2.0 Lambda function
#   portico-jwt  the same route behind a JWT authorizer (RS256; one token, so the verified-token cache serves it)
#   portico-inline  `portico` with the function run on the container thread: what the hand-off to the
#                integration executor (which enforces the integration timeout) costs
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
JAR=benchmarks/target/benchmarks.jar

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y wrk; fi
fi
if [ ! -f "$JAR" ]; then
  mvn -B -q install -DskipTests
fi

declare -A RPS P50 P99
for target in bare portico portico-jwt portico-inline; do
  out=$(mktemp)
  java -Xms512m -Xmx512m -cp "$JAR" dev.portico.benchmarks.LoadTarget "$target" >"$out" 2>/dev/null &
  pid=$!
  for _ in $(seq 1 100); do grep -q '^READY' "$out" && break; sleep 0.2; done
  read -r _ port token < <(grep '^READY' "$out")
  header=()
  if [ "$token" != "-" ]; then header=(-H "Authorization: Bearer $token"); fi
  url="http://127.0.0.1:$port/hello"
  # Warm-up (JIT, JWKS fetch, token cache), then the measured run.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${header[@]}" "$url" >/dev/null
  result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$url")
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$out"
  echo "$result" | grep -E 'Non-2xx|Socket errors' && { echo "$target: errors under load" >&2; exit 1; }
  RPS[$target]=$(echo "$result" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  P50[$target]=$(echo "$result" | awk '$1 == "50%" {print $2}')
  P99[$target]=$(echo "$result" | awk '$1 == "99%" {print $2}')
  echo "$target: ${RPS[$target]} requests/s, p50 ${P50[$target]}, p99 ${P99[$target]}"
done

pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f%%", 100 * a / b}'; }
table=$(cat <<TABLE
<!-- load-test:start (written by scripts/load-test.sh; do not edit by hand) -->
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1), wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after 5 s warm-up):

| target | requests/s | of bare Jetty | p50 | p99 |
|---|---:|---:|---:|---:|
| bare Jetty 12 servlet, same bytes | ${RPS[bare]} | 100% | ${P50[bare]} | ${P99[bare]} |
| Portico, v2 Lambda route | ${RPS[portico]} | $(pct "${RPS[portico]}" "${RPS[bare]}") | ${P50[portico]} | ${P99[portico]} |
| Portico, v2 Lambda route + JWT | ${RPS[portico-jwt]} | $(pct "${RPS[portico-jwt]}" "${RPS[bare]}") | ${P50[portico-jwt]} | ${P99[portico-jwt]} |
| Portico, v2 route, function on the container thread (no executor hand-off) | ${RPS[portico-inline]} | $(pct "${RPS[portico-inline]}" "${RPS[bare]}") | ${P50[portico-inline]} | ${P99[portico-inline]} |
<!-- load-test:end -->
TABLE
)
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
