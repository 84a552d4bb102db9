#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kunit.sh MODULE SUITE: load a KUnit test module (MODULE "-": the suite is built in and ran at
# boot) and print its suite's results as TAP (test cases at the top level), read back from
# debugfs.
mod=$1 suite=$2
res=/sys/kernel/debug/kunit/$suite/results
echo "TAP version 13"
if [ "$mod" != - ] && ! modprobe "$mod"; then
	echo "1..1"; echo "not ok 1 modprobe $mod"; exit 1
fi
[ -r "$res" ] || { echo "1..1"; echo "not ok 1 $res missing"; exit 1; }
# Drop the suite's own summary line (not indented); un-indent the cases.
sed -n 's/^    \(\(not \)\{0,1\}ok [0-9].*\)/\1/p; s/^    \(1\.\.[0-9]*\)/\1/p; s/^    \(# .*\)/\1/p' "$res"
grep -q '^    not ok' "$res" && exit 1
[ "$mod" = - ] || modprobe -r "$mod"
exit 0
