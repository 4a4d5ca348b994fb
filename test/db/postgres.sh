#!/bin/sh
# Runs a command with a throwaway PostgreSQL server: `sh test/db/postgres.sh <command…>`.
# The cluster lives in a temporary folder and listens only on a unix socket there (no TCP
# port to collide with anything); the command gets its address as
# PARALLAX_TEST_DATABASE_URL (each test creates its own database on it; its data folder is
# PARALLAX_TEST_PGDATA); on exit, however
# the command ends, the server is stopped and the folder removed. `npm test` runs the suite
# through it, and so does .ci/run.
# Uses Debian's PostgreSQL binaries (/usr/lib/postgresql/<version>/bin). When they are
# missing and we are root with apt-get, installs Debian's `postgresql` package, as
# test/browser/chromium.sh does for Chromium; otherwise stops with one line saying what to
# install. initdb refuses to run as root, so as root the cluster belongs to the `postgres`
# user the package creates (or `nobody`).
set -eu

find_bin() {
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  command -v initdb > /dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

BIN=$(find_bin) || BIN=
if [ -z "$BIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "npm test: PostgreSQL is missing; installing Debian's postgresql package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql > /dev/null
  BIN=$(find_bin) || BIN=
fi
if [ -z "$BIN" ]; then
  echo "npm test: the PostgreSQL store tests need PostgreSQL's server binaries (Debian/Ubuntu: sudo apt-get install postgresql); install them and run npm test again" >&2
  exit 1
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/parallax-pg-XXXXXX")
RUN=""
if [ "$(id -u)" = 0 ]; then
  OWNER=postgres
  id "$OWNER" > /dev/null 2>&1 || OWNER=nobody
  chown "$OWNER" "$DIR"
  RUN="runuser -u $OWNER --"
fi

stop() {
  $RUN "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop > /dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

# The superuser is `parallax`; trust on the socket only, which only this folder reaches.
$RUN "$BIN/initdb" -D "$DIR/data" -U parallax --auth=trust -E UTF8 --locale=C.UTF-8 > "$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }
# fsync off: a test cluster is thrown away; a crash of the machine loses nothing of value.
$RUN "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -s \
  -o "-c listen_addresses='' -c unix_socket_directories='$DIR' -c fsync=off -c max_connections=200" \
  start || { cat "$DIR/server.log" >&2; exit 1; }

SOCKET=$(printf '%s' "$DIR" | sed 's|/|%2F|g')
export PARALLAX_TEST_DATABASE_URL="postgres://parallax@$SOCKET/postgres"
export PARALLAX_TEST_PGDATA="$DIR/data"
# The command runs in the background so that a signal to this script (Ctrl-C, SIGTERM from
# a timeout) reaches it too: sh runs traps only after a foreground command ends, and a
# command left running would keep the server alive.
"$@" &
CHILD=$!
trap 'kill -TERM "$CHILD" 2> /dev/null || true' INT TERM
STATUS=0
wait "$CHILD" || STATUS=$?
# A trapped signal interrupts the wait; wait until the command has really ended.
while kill -0 "$CHILD" 2> /dev/null; do wait "$CHILD" || STATUS=$?; done
exit "$STATUS"
