# SPDX-License-Identifier: GPL-2.0
# Shared settings for the scripts in this directory. Sourced, never run.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../base.conf
. "$TOP/base.conf"

BUILD=${BUILD:-$TOP/build}			# everything generated; ignored by git
TREE=$BUILD/linux				# the kernel git tree (base commit + series)
REF_TREE=$BUILD/ref/src				# mainline 7.3 as Debian ships it (ref flavor)
OUT=$BUILD/out					# per-flavor build output (O=)
LOGS=$BUILD/logs				# console logs of every boot
CACHE=${ALLOCTAG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/alloctag-series}
export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
# Paths below the checkout are hashed relative to it, so a fresh clone elsewhere (CI) hits
# the cache filled by an earlier one.
export CCACHE_BASEDIR=$TOP CCACHE_NOHASHDIR=1
JOBS=${JOBS:-$(nproc)}
BASE_TAG=base

# kmake TREE O ARGS...: make in the kernel tree TREE with output in O. Every kernel build of the
# workbench (flavors, prefixes, warnings) goes through it, so all use the same flags and share
# ccache. Kbuild names sources by their path relative to O (../../linux/mm/slub.c) while its
# -fmacro-prefix-map strips only the absolute tree path, so __FILE__, and with it every file
# name in /proc/allocinfo, would keep a "../../linux/" prefix: strip that too.
export KBUILD_BUILD_TIMESTAMP="@946684800" KBUILD_BUILD_USER=alloctag KBUILD_BUILD_HOST=build
kmake() {
	local tree=$1 o=$2 rel
	shift 2
	mkdir -p "$o"
	rel=$(realpath --relative-to="$o" "$tree")
	make -C "$tree" O="$o" -j"$JOBS" CC="ccache gcc" HOSTCC="ccache gcc" -s \
		KCPPFLAGS="-fmacro-prefix-map=$rel/=" "$@"
}

# ksft_make O TARGETS ARGS...: the kselftests TARGETS of build/linux, statically linked against
# the headers that `headers_install` put in O.
ksft_make() {
	local o=$1 targets=$2
	shift 2
	make -C "$TREE/tools/testing/selftests" -s O="$o/kselftest-build" TARGETS="$targets" \
		KHDR_INCLUDES="-isystem $o/usr/include" USERLDFLAGS=-static CC="ccache gcc" "$@"
}

say()  { printf '==> %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# need CMD PACKAGE...: install the Debian packages when CMD is missing.
need() {
	local cmd=$1; shift
	command -v "$cmd" >/dev/null 2>&1 && return 0
	"$TOP/scripts/deps" "$@"
	command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is still missing after installing: $*"
}

# A private apt configuration for BASE_SUITES (binary and source): our own sources list and
# state under $CACHE/apt; the system's apt configuration is left alone.
APTDIR=$CACHE/apt
APT_OPTS=(-o "Dir::Etc::SourceList=$APTDIR/sources.list" -o Dir::Etc::SourceParts=/dev/null
	  -o "Dir::State=$APTDIR" -o "Dir::State::Lists=$APTDIR/lists"
	  -o Dir::State::status=/dev/null -o "Dir::Cache=$APTDIR"
	  -o "Dir::Cache::archives=$APTDIR/archives" -o Acquire::Languages=none
	  -o APT::Sandbox::User=root -o Debug::NoLocking=1)
apt_updated=
apt_update() {
	[ -n "$apt_updated" ] && return 0
	mkdir -p "$APTDIR/lists/partial" "$APTDIR/archives/partial"
	: >"$APTDIR/sources.list"
	local s
	for s in $BASE_SUITES; do
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $DEBIAN_MIRROR $s main"
		echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $DEBIAN_MIRROR $s main"
	done >>"$APTDIR/sources.list"
	apt-get "${APT_OPTS[@]}" -qq update ||
		die "apt-get update of suites '$BASE_SUITES' ($DEBIAN_MIRROR) failed"
	apt_updated=1
}

# The version of the base actually in use (may differ from BASE_VERSION after a fallback).
base_version() {
	cat "$TREE/.git/base-version" 2>/dev/null || die "no base tree yet: run scripts/base"
}
