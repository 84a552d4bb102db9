#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What `make run` shows (scripts/test prints it): tools/mm/allocinfo answering real questions
# in the booted test kernel, while the test module allocates. One TAP line: all of it ran.
A=/usr/sbin/allocinfo P=/sys/module/test_allocinfo/parameters/cpu_pages
echo "TAP version 13"
echo "1..1"
modprobe test_allocinfo
rc=0
show() {
	echo "# \$ allocinfo $*"
	$A "$@" >/tmp/demo 2>&1 || rc=1
	sed 's/^/#   /' /tmp/demo
}
show --sort=bytes --top=10
show --file='mm/*' --min-bytes=1M
show --module=test_allocinfo
(sleep 1.5; echo 64 >$P; sleep 1; echo 0 >$P) &
show --module=test_allocinfo --watch=1 --count=3
wait
[ $rc = 0 ] && echo "ok 1 - allocinfo answered every question" ||
	echo "not ok 1 - allocinfo failed (its output is above)"
