#!/usr/bin/env bash
# SnapScope's two commands on a fresh Debian 12 machine:
#   packaging/bootstrap.sh run  [snapscope options]  install what is missing, build, create the demo database if absent,
#                                                   open the console on it
#   packaging/bootstrap.sh test [ctest options]      the same setup, then the whole test suite, PostgreSQL tests included
#                                                   against a throwaway server on 127.0.0.1 that is removed afterwards
#   packaging/bootstrap.sh asan [ctest options]      the same with the asan preset (AddressSanitizer + UBSan, errors
#                                                   fatal) in build/asan, the packaging checks left out (CI's asan layer)
# All three are idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build/release"
mode=${1:-}
[ $# -gt 0 ] && shift

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { printf 'bootstrap: error: %s\n' "$*" >&2; exit 1; }

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql
    libgl1-mesa-dev libxkbcommon-dev libzstd-dev zlib1g-dev
    postgresql xvfb xauth locales fonts-thai-tlwg fonts-noto-cjk desktop-file-utils appstream poppler-utils dpkg-dev lintian
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "installing packages needs root (or sudo): $*"
    fi
}

install_missing() {
    local missing=() p
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    say "installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build_all() {
    cd "$root"
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake --preset release
    fi
    cmake --build --preset release
}

demo_database() {
    printf '%s/SnapScope/snapscope/demo.sqlite' "${XDG_DATA_HOME:-$HOME/.local/share}"
}

run_console() {
    local db
    db=$(demo_database)
    if [ ! -f "$db" ]; then
        say "creating the demo database $db"
        "$build/app/snapscope-cli" demo --db "$db"
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        say "no display: running the console under xvfb-run (pass --screenshot FILE to see it)"
        exec xvfb-run -a "$build/app/snapscope" --db "$db" "$@"
    fi
    exec "$build/app/snapscope" --db "$db" "$@"
}

# A throwaway PostgreSQL 15 on 127.0.0.1 for the test run; removed on exit, whatever the tests did.
pg_dir=""
pg_bin=/usr/lib/postgresql/15/bin
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
stop_postgres() {
    if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
        (cd / && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" stop -m fast >/dev/null 2>&1) || true
        rm -rf "$pg_dir"
        say "stopped the test PostgreSQL"
    fi
}
free_port() {
    local port start low
    # Below the kernel's ephemeral range: a client connection's local port (the other CI layer's tests open thousands)
    # can take any port in that range between our check and PostgreSQL's bind. A random start, so two runs at once
    # rarely race for the same port; start_postgres retries on another port if one does.
    low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
    [ "$low" -gt 21000 ] 2>/dev/null || low=32768
    start=$((20000 + RANDOM % (low - 20500)))
    for port in $(seq "$start" $((start + 200))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    die "no free port for the test PostgreSQL"
}
start_postgres() {
    pg_dir=$(mktemp -d /tmp/snapscope-pg.XXXXXX)
    trap stop_postgres EXIT
    chmod 755 "$pg_dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"
    local port attempt
    (cd / && as_pg "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust -E UTF8 -U postgres >"$pg_dir/initdb.log" 2>&1) \
        || { cat "$pg_dir/initdb.log" >&2; die "initdb failed"; }
    # One role must log in with a password, so the wrong-password path is tested for real; everyone else is trusted.
    { echo "host all snapscope_pw 127.0.0.1/32 scram-sha-256"; cat "$pg_dir/data/pg_hba.conf"; } >"$pg_dir/hba"
    cat "$pg_dir/hba" >"$pg_dir/data/pg_hba.conf"
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        (cd / && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "-p $port -c listen_addresses=127.0.0.1 -k /tmp" \
            -l "$pg_dir/data/server.log" start -w >/dev/null 2>&1) && break
        # Someone took the port between the check and the bind: try another; any other failure is final.
        grep -q "Address already in use" "$pg_dir/data/server.log" && [ "$attempt" -lt 5 ] \
            || { cat "$pg_dir/data/server.log" >&2; die "PostgreSQL did not start"; }
        say "port $port was taken; trying another"
        rm -f "$pg_dir/data/server.log"
    done
    psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE USER snapscope" >/dev/null
    psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE snapscope_test OWNER snapscope" >/dev/null
    psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE ROLE snapscope_pw LOGIN PASSWORD 'test-secret'" >/dev/null
    # A running system's database that live-source tests fill, and a login that may do nothing there but what the
    # test grants it (SELECT).
    psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE snapscope_source OWNER snapscope" >/dev/null
    psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE ROLE snapscope_reader LOGIN" >/dev/null
    export SNAPSCOPE_TEST_PG_PASSWORD_USER=snapscope_pw SNAPSCOPE_TEST_PG_PASSWORD=test-secret
    export SNAPSCOPE_TEST_SOURCE_PG="host=127.0.0.1 port=$port dbname=snapscope_source user=snapscope"
    # The DBA of the roles tests (issue 26): SnapScope's group roles are the server's, made by a superuser's script.
    export SNAPSCOPE_TEST_PG_DBA="host=127.0.0.1 port=$port dbname=postgres user=postgres"
    export SNAPSCOPE_TEST_PG="host=127.0.0.1 port=$port dbname=snapscope_test user=snapscope"
    export SNAPSCOPE_REQUIRE_PG=1
    say "test PostgreSQL on 127.0.0.1:$port"
}

case "$mode" in
run)
    install_missing
    build_all
    run_console "$@"
    ;;
asan)
    install_missing
    cd "$root"
    if [ ! -f "$root/build/asan/CMakeCache.txt" ]; then
        cmake --preset asan
    fi
    cmake --build --preset asan
    start_postgres
    status=0
    # The preset sets ASAN_OPTIONS and UBSAN_OPTIONS (leak checking on), and gives the random-action test's event-loop
    # ping 3 s instead of 1 s: an instrumented build next to CI's other compiling layer is some three times slower;
    # the release layer keeps the 1 s bound.
    ctest --preset asan "$@" || status=$?
    exit $status
    ;;
test)
    install_missing
    build_all
    start_postgres
    status=0
    ctest --test-dir "$build" --output-on-failure -j2 "$@" || status=$?
    exit $status
    ;;
*)
    echo "usage: packaging/bootstrap.sh run [snapscope options] | test [ctest options] | asan [ctest options]" >&2
    exit 2
    ;;
esac
