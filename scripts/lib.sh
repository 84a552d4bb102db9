# SPDX-License-Identifier: GPL-2.0
# Shared settings for the scripts in this directory. Sourced, never run.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../base.conf
. "$TOP/base.conf"

BUILD=${BUILD:-$TOP/build}			# everything generated; ignored by git
TREE=$BUILD/linux				# the kernel git tree (base commit + series)
OUT=$BUILD/out					# per-flavor build output (O=)
LOGS=$BUILD/logs				# console logs of every boot
CACHE=${ALLOCTAG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/alloctag-series}
export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
JOBS=${JOBS:-$(nproc)}
BASE_TAG=base

say()  { printf '==> %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# need CMD PACKAGE...: install the Debian packages when CMD is missing.
need() {
	local cmd=$1; shift
	command -v "$cmd" >/dev/null 2>&1 && return 0
	"$TOP/scripts/deps" "$@"
	command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is still missing after installing: $*"
}

# The version of the base actually in use (may differ from BASE_VERSION after a fallback).
base_version() {
	cat "$TREE/.git/base-version" 2>/dev/null || die "no base tree yet: run scripts/base"
}
