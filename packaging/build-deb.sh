#!/bin/sh
# Builds snapscope_<version>_amd64.deb in build/deb (a Release build of its own) and prints its path.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build/deb"
# Debian's hardening flags (fortify, stack protector, relro/bindnow), as a package built by debhelper gets them.
flags=""
ldflags=""
if command -v dpkg-buildflags >/dev/null; then
    flags="$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CPPFLAGS) $(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CXXFLAGS)"
    ldflags="$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get LDFLAGS)"
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSNAPSCOPE_WERROR=ON \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" >/dev/null
cmake --build "$build" --target snapscope snapscope-cli snapscope_packaging_files
(cd "$build" && cpack -G DEB >/dev/null)
ls "$build"/snapscope_*_amd64.deb
