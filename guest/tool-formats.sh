#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The machine-readable output of tools/mm/allocinfo on the test kernel, each format after a
# line "=== FORMAT", for their consumers on the host (scripts/check formats).
A=/usr/sbin/allocinfo
modprobe test_allocinfo
for f in json csv prometheus folded; do
	echo "=== $f"
	$A --$f || exit
done
echo "=== json-lines"
$A --json --module=test_allocinfo --watch=1 --count=2 &
sleep 0.5
echo 2 >/sys/module/test_allocinfo/parameters/cpu_pages
wait $! || exit
echo 0 >/sys/module/test_allocinfo/parameters/cpu_pages
