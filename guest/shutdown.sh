#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Its own boot (BOOT=shutdown), since profiling stays off for the rest of it: profiling shuts
# down when a module's tags get no memory. Fault injection fails the page allocations made
# under reserve_module_tags() (which runs under the module list's write lock) while callers
# loop inside /proc/allocinfo. The load must return, the file go away, and every caller leave it.
# Before the fix, remove_proc_entry() under the lock and those callers waited for each other.
echo "TAP version 13"
echo "1..6"
n=0
t() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

fa=/sys/kernel/debug/fail_page_alloc
range=$(sort /proc/kallsyms | awk '$3 == "reserve_module_tags" { s = $1; next }
	s && $1 != s { print "0x" s, "0x" $1; exit }')
[ -d $fa ] && [ -n "$range" ]
t $? "fail_page_alloc and the text range of reserve_module_tags ($range)"
set -- $range
echo 0 >$fa/verbose			# no stack dump on the console
echo -1 >$fa/times
echo N >$fa/ignore-gfp-wait
echo N >$fa/ignore-gfp-highmem
echo 0 >$fa/min-order
echo 32 >$fa/stacktrace-depth
echo "$1" >$fa/require-start
echo "$2" >$fa/require-end
echo 100 >$fa/probability

/tests/allocinfo_hammer >/tmp/hammer.out 2>&1 &
(/usr/sbin/allocinfo --watch=1 --count=100 >/dev/null 2>/tmp/watch.err; echo $? >/tmp/watch.rc) &
for i in 1 2 3; do
	while cat /proc/allocinfo >/dev/null 2>&1; do :; done &
done
sleep 1
# busybox retries a failed finit_module() with init_module(), which then loads the module
# without tags: what matters is that the load returned, and why profiling stopped.
modprobe test_allocinfo 2>/dev/null
dmesg | grep -q "Failed to allocate memory for allocation tags in the module test_allocinfo"
t $? "a module load that runs out of tag memory returns, and profiling shuts down"
echo 0 >$fa/probability
i=0
while [ -e /proc/allocinfo ] && [ $i -lt 40 ]; do sleep 0.5; i=$((i + 1)); done
[ ! -e /proc/allocinfo ]
t $? "/proc/allocinfo goes away"
wait
out=$(cat /tmp/hammer.out)
[ "$out" = "query=ENOTTY get_at=ENOTTY read=EIO open=ENOENT" ]
t $? "callers inside the file leave it, and find it gone: $out"
rc=$(cat /tmp/watch.rc)
[ "$rc" = 4 ]
t $? "allocinfo --watch as the file goes: exit status $rc (4), stderr: $(cat /tmp/watch.err)"
/usr/sbin/allocinfo >/dev/null 2>/tmp/err
rc=$?
[ $rc = 4 ]
t $? "allocinfo: exit status $rc (4: profiling absent), stderr: $(cat /tmp/err)"
