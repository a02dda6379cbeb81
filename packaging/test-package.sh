#!/bin/sh
# The package test (ctest "package"): builds the .deb from a build tree, lists it, checks that it holds what an
# installation needs, validates the desktop file and the AppStream metainfo it installs, and runs lintian when
# present (any error fails).
#   packaging/test-package.sh BUILD_DIR
set -eu
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package test: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/snapscope_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no snapscope_<version>_amd64.deb was written"
echo "built $(basename "$deb")"
dpkg-deb -c "$deb" | awk '{print $6}' | tee "$work/files"
for f in ./usr/bin/snapscope ./usr/bin/snapscope-cli \
    ./usr/share/applications/io.snapscope.SnapScope.desktop \
    ./usr/share/metainfo/io.snapscope.SnapScope.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/io.snapscope.SnapScope.svg \
    ./usr/share/icons/hicolor/48x48/apps/io.snapscope.SnapScope.png \
    ./usr/share/icons/hicolor/256x256/apps/io.snapscope.SnapScope.png \
    ./usr/share/man/man1/snapscope-cli.1.gz ./usr/share/man/man1/snapscope.1.gz \
    ./usr/share/doc/snapscope/copyright ./usr/share/doc/snapscope/changelog.gz; do
    grep -qx "$f" "$work/files" || fail "$f is missing from the package"
done
depends=$(dpkg-deb -f "$deb" Depends)
for d in libqt6sql6-sqlite libqt6sql6-psql libqt6core6 libqt6widgets6 libqt6charts6 libzstd1 zlib1g; do
    echo "$depends" | grep -q "$d" || fail "Depends lacks $d: $depends"
done

dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/io.snapscope.SnapScope.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.snapscope.SnapScope.metainfo.xml" || fail "appstreamcli validate"
"$work/root/usr/bin/snapscope-cli" --version | grep -q "^snapscope-cli " || fail "the packaged snapscope-cli does not run"

if command -v lintian >/dev/null; then
    lintian --allow-root "$deb" >"$work/lintian" 2>&1 || true
    cat "$work/lintian"
    if grep -q '^E:' "$work/lintian"; then fail "lintian reports errors"; fi
fi
echo "package test: ok"
