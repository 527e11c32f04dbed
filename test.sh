#!/usr/bin/env bash
# Runs every Vigie test suite on a fresh Debian machine with the .NET 10 SDK:
#  - installs PostgreSQL, Go and golang.org/x/mod (for the Go tlog client test) and Chromium (for the
#    browser suite, driven by Playwright) from Debian packages if missing,
#  - starts a throwaway PostgreSQL cluster on a private loopback port (stopped on exit),
#  - builds the solution and runs each test project (server tests run on SQLite and PostgreSQL),
#  - runs the interop suite when ../shared/real-world exists, and says so plainly when it does not,
#  - ends with one summary line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*"; }

find_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

PG_BIN=$(find_pg_bin || true)
if [ -z "$PG_BIN" ]; then
  log "Installing PostgreSQL (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(find_pg_bin)
fi

# The server suite checks the log with Go's own tlog client (tests/go-tlog-client), built in
# GOPATH mode against golang.org/x/mod from Debian, so no Go module proxy is needed.
GO_PKGS=()
command -v go >/dev/null 2>&1 || GO_PKGS+=(golang-go)
[ -d /usr/share/gocode/src/golang.org/x/mod/sumdb/tlog ] || GO_PKGS+=(golang-golang-x-mod-dev)
# PDF reports embed DejaVu Sans; their tests read the PDFs back with poppler's pdftotext.
command -v pdftotext >/dev/null 2>&1 || GO_PKGS+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || GO_PKGS+=(fonts-dejavu-core)
if [ ${#GO_PKGS[@]} -gt 0 ]; then
  log "Installing ${GO_PKGS[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${GO_PKGS[@]}" >/dev/null
fi

# The browser suite drives Debian's Chromium; Playwright itself downloads no browser.
if [ ! -x /usr/bin/chromium ]; then
  log "Installing chromium (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

PG_DIR=$(mktemp -d /tmp/vigiepg.XXXXXX)
cleanup() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
}
trap cleanup EXIT

PG_PORT=""
for p in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PG_PORT=$p; break; fi
done
[ -n "$PG_PORT" ] || { echo "No free port for PostgreSQL between 55432 and 55532." >&2; exit 1; }

log "Starting a throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
chmod 755 "$PG_DIR"
chown postgres:postgres "$PG_DIR"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
  -o "-c port=$PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null
export VIGIE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40"

log "Building"
dotnet build Vigie.slnx -c Debug -nologo -v quiet -clp:ErrorsOnly

PASSED=0
FAILED=0
SKIPPED=0
run_suite() {
  local name=$1
  local dll="$ROOT/tests/$name/bin/Debug/net10.0/$name.dll"
  log "Running $name"
  local out rc=0
  out=$(cd "$ROOT/tests/$name/bin/Debug/net10.0" && dotnet "$dll" -noColor 2>&1) || rc=$?
  # The whole output is kept; failures are printed with their messages, whatever servers logged around them.
  mkdir -p "$ROOT/.test-logs"
  echo "$out" > "$ROOT/.test-logs/$name.log"
  echo "$out" | grep -vE '^\s*$' | tail -n 5
  if echo "$out" | grep -q '\[FAIL\]'; then
    echo "Failures in $name (full output: .test-logs/$name.log):"
    echo "$out" | grep -A 20 '\[FAIL\]' | head -n 400
  fi
  local summary
  summary=$(echo "$out" | grep -E 'Total: [0-9]+, Errors: [0-9]+, Failed: [0-9]+, Skipped: [0-9]+' | tail -n 1 || true)
  if [ -z "$summary" ]; then
    echo "$name did not report a summary (exit code $rc)."
    FAILED=$((FAILED + 1))
    return
  fi
  local total errors failed skipped
  total=$(echo "$summary" | sed -E 's/.*Total: ([0-9]+).*/\1/')
  errors=$(echo "$summary" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
  failed=$(echo "$summary" | sed -E 's/.*Failed: ([0-9]+).*/\1/')
  skipped=$(echo "$summary" | sed -E 's/.*Skipped: ([0-9]+).*/\1/')
  PASSED=$((PASSED + total - failed - skipped))
  FAILED=$((FAILED + failed + errors))
  SKIPPED=$((SKIPPED + skipped))
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && [ "$errors" -eq 0 ]; then FAILED=$((FAILED + 1)); fi
}

run_suite Vigie.Core.Tests
run_suite Vigie.Server.Tests
run_suite Vigie.Cli.Tests
run_suite Vigie.Browser.Tests

REAL_WORLD="$ROOT/../shared/real-world"
if [ -d "$REAL_WORLD" ]; then
  export VIGIE_REAL_WORLD="$(cd "$REAL_WORLD" && pwd)"
  run_suite Vigie.Interop.Tests
else
  log "The interop suite did NOT run: $REAL_WORLD does not exist (it holds the real-world files the suite reads)."
fi

echo
if [ "$SKIPPED" -gt 0 ]; then
  echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
else
  echo "$PASSED passed, $FAILED failed"
fi
[ "$FAILED" -eq 0 ]
