#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The text interface as the base kernel ships it: present, versioned, and listing the tags of
# a module while (and only while) it is loaded.
echo "TAP version 13"
echo "1..4"
n=0
t() { n=$((n + 1)); if eval "$2"; then echo "ok $n $1"; else echo "not ok $n $1"; fi; }
t "/proc/allocinfo is readable" '[ -r /proc/allocinfo ]'
t "header says version 2.0" '[ "$(head -n 1 /proc/allocinfo)" = "allocinfo - version: 2.0" ]'
modprobe test_allocinfo
t "loaded module's tags are listed" 'grep -q "\[test_allocinfo\] func:" /proc/allocinfo'
modprobe -r test_allocinfo
t "unloaded module's tags are gone" '! grep -q "\[test_allocinfo\]" /proc/allocinfo'
