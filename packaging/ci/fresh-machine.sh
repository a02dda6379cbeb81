#!/usr/bin/env bash
# CI's fresh-machine layer: the README's test command (packaging/bootstrap.sh test) inside a clean Debian 12 root made
# by debootstrap --variant=minbase, so a package missing from the bootstrap's list fails here and not on a user's
# machine. The root gets nothing of the host's: bootstrap.sh installs every package itself from Debian's mirror,
# builds the release preset from scratch (no ccache) and runs the whole suite with its own throwaway PostgreSQL.
#   packaging/ci/fresh-machine.sh SOURCE_DIR [SHARED_DIR]      as root; SHARED_DIR is mounted read-only beside it
# The chroot runs in its own mount and PID namespaces, so its mounts and any process it leaves behind (a server a
# package's postinst started, a hung test) end with it; the trap removes the directory whatever happened.
set -euo pipefail

src=$(cd "$1" && pwd)
shared=${2:-}
suite=bookworm
mirror=http://deb.debian.org/debian
# Only the bare minbase system is cached (a tar of debootstrap's finished root, refreshed weekly): it holds no package
# the project needs, so the check stays honest, and it saves the minute debootstrap's second stage takes.
cache_dir=/var/cache/snapscope-ci
cache="$cache_dir/$suite-minbase.tar"

say() { printf 'fresh-machine: %s\n' "$*" >&2; }
die() { printf 'fresh-machine: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
command -v debootstrap >/dev/null || die "debootstrap is not installed"

root=$(mktemp -d /var/tmp/snapscope-fresh.XXXXXX)
cleanup() {
    # The mounts live in the chroot's own namespace and vanish with it; unmount anything that leaked all the same, and
    # never let rm cross into another file system.
    grep -F " $root/" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
trap "exit 143" TERM INT
chmod 755 "$root"

if [ -f "$cache" ] && [ -n "$(find "$cache" -mtime -7)" ]; then
    say "Debian 12 minbase from $cache"
    tar -xpf "$cache" -C "$root" --numeric-owner
else
    say "debootstrap --variant=minbase $suite from $mirror"
    debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
        || { tail -n 30 "$root.debootstrap.log" >&2; rm -f "$root.debootstrap.log"; die "debootstrap failed"; }
    rm -f "$root.debootstrap.log"
    mkdir -p "$cache_dir"
    tar -cpf "$cache.tmp" -C "$root" --numeric-owner . && mv "$cache.tmp" "$cache"
fi

# What a freshly installed Debian 12 has: its release, updates and security suites, and a working resolver.
cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
SOURCES
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# Packages must not start services in a chroot (PostgreSQL's postinst would start a cluster): the usual policy-rc.d
# of build chroots and container images. The test command starts its own server.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

# The checkout's files (tracked and new ones, never a build tree), and the shared data beside it.
mkdir -p "$root/ci/snapscope" "$root/ci/shared"
if [ -d "$src/.git" ] || [ -f "$src/.git" ]; then
    (cd "$src" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) \
        | tar -xf - -C "$root/ci/snapscope"
else
    tar -cf - -C "$src" --exclude=./build . | tar -xf - -C "$root/ci/snapscope"
fi

inner=$(cat <<'INNER'
set -e
mount -t proc proc "$ROOT/proc"
mount -t sysfs -o ro sysfs "$ROOT/sys"
mount -t tmpfs -o mode=1777,size=2g shm "$ROOT/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$ROOT/dev/pts"
ln -sf pts/ptmx "$ROOT/dev/ptmx"
if [ -n "$SHARED" ]; then
    mount --bind "$SHARED" "$ROOT/ci/shared"
    mount -o remount,bind,ro "$ROOT/ci/shared"
fi
exec chroot "$ROOT" /usr/bin/env -i HOME=/root TERM=dumb PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c 'cd /ci/snapscope && exec packaging/bootstrap.sh test'
INNER
)
say "packaging/bootstrap.sh test as root in the chroot $root"
ROOT=$root SHARED=$shared unshare --mount --pid --fork --propagation private -- bash -c "$inner"
