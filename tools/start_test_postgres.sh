#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the ledger tests (Debian's `postgresql`).
#
#   eval "$(bash tools/start_test_postgres.sh)"   # exports OSHIRASE_TEST_PG_URL
#
# The cluster lives in $PGTEST_DIR (default /tmp/oshirase-pgtest), listens on
# 127.0.0.1:$PGTEST_PORT (default 54329) with password authentication and on a
# socket in the same folder, and has a role `oshirase` (password `oshirase`)
# owning the database `oshirase_test`. Running it again reuses a running cluster.
# Stop it with: su postgres -c "pg_ctl -D $PGTEST_DIR/data stop"
set -euo pipefail
DIR=${PGTEST_DIR:-/tmp/oshirase-pgtest}
PORT=${PGTEST_PORT:-54329}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); fi

if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    fi
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR" start >/dev/null
fi
PSQL=("${RUN_AS[@]}" "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -qAt)
if [ "$("${PSQL[@]}" -c "select 1 from pg_roles where rolname='oshirase'")" != 1 ]; then
    "${PSQL[@]}" -c "create role oshirase login password 'oshirase' createdb"
fi
if [ "$("${PSQL[@]}" -c "select 1 from pg_database where datname='oshirase_test'")" != 1 ]; then
    "${PSQL[@]}" -c "create database oshirase_test owner oshirase"
fi
echo "export OSHIRASE_TEST_PG_URL=postgresql://oshirase:oshirase@127.0.0.1:$PORT/oshirase_test"
