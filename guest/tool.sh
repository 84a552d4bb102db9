#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# tools/mm/allocinfo in the test kernel: its three backends give the same rows, each option does
# what --help says on the test module's sites (known bytes and calls, see lib/test_allocinfo.c),
# and each bad argument gives its exit status and one line on stderr.
# With "ref" (the mainline 7.3 boot): the fallback to the 7.3 calls, and their rows against the
# text's, only.
echo "TAP version 13"
mode=${1:-} n=0
t() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
A=/usr/sbin/allocinfo M=test_allocinfo
P=/sys/module/$M/parameters/cpu_pages
rows() { $A "$@" --csv | tail -n +2; }		# data rows: module,file,line,function,bytes,...
col() { cut -d, -f"$1"; }
# The last 63 characters of each name, as the 7.3 calls give them (for the comparison with get).
trim() { awk -F, -v OFS=, '{ for (i = 1; i <= 4; i++) if (i != 3 && length($i) > 63)
	$i = substr($i, length($i) - 62); print }'; }

modprobe $M
[ -x $A ] && [ -d /sys/module/$M ]
t $? "the tool is installed and the test module loaded"
pg=$(rows --function=test_allocinfo_site_inaccurate | col 5)
[ "$pg" -gt 0 ] 2>/dev/null
t $? "test_allocinfo_site_inaccurate holds one page ($pg bytes)"

# The backends, row for row: identities everywhere, counters where they do not move.
backends="query get text"
if [ "$mode" = ref ]; then
	# Mainline 7.3: no QUERY, so the 7.3 calls are the first backend there is.
	backends="get text"
	$A --json --module=$M | grep -q '^{"kernel":"[^"]*","profiling":true,"backend":"get",'
	t $? "on 7.3 the tool falls back to the 7.3 calls"
	$A --backend=query >/dev/null 2>/tmp/err
	[ $? = 1 ] && [ "$(cat /tmp/err)" = "allocinfo: this kernel has no query backend" ]
	t $? "--backend=query on 7.3: status 1 and one line: $(cat /tmp/err)"
fi
same() {
	c=$1; shift
	for b in $backends; do rows --backend=$b "$@" | col "$c" >/tmp/rows.$b; done
	trim </tmp/rows.text | cmp -s /tmp/rows.get - && [ -s /tmp/rows.get ] &&
		{ [ "$mode" = ref ] || cmp -s /tmp/rows.text /tmp/rows.query; }
	t $? "$backends give the same $(wc -l </tmp/rows.get) rows: $*"
}
same 1-4,7
same 1-4,7 --file='mm/*'
same 1-4,7 --file='*/slub.c' --function='*alloc*'
same 1-4,7 --file=mm/slub.c
same 1-4,7 --builtin --line=1-300 --accurate
same 1-4,7 --modules
same 1-4,7 --function='[a-k]*' --file='*.[ch]'
same 1-4,7 --function='*_site_[!ai]*'
same 1-4,7 --function='test\_allocinfo_site_?'
same 1-7 --module=$M
same 1-7 --module=$M --min-bytes=$((4 * pg)) --max-calls=3
same 1-7 --module='test_*' --inaccurate
line=$(rows --function=test_allocinfo_site_b | col 3)
same 1-7 --module=$M --line="$line"
[ "$mode" = ref ] && { echo "1..$n"; exit; }
# The documented exception: the 7.3 calls know only the last 63 characters of a name.
long=test_allocinfo_site_in_a_function_whose_name_is_longer_than_sixty_three_characters
[ "$(rows --backend=get --module=$M | grep -c ",${long#???????????????????},")" = 1 ] &&
	[ "$(rows --backend=get --function='test_allocinfo_site_in_a*' | wc -l)" = 0 ] &&
	[ "$(rows --backend=query --function='test_allocinfo_site_in_a*' | col 4)" = $long ]
t $? "get: names trimmed to their last 63 characters, and a prefix glob misses them"

# Each option, on the test module's seven sites (pages, calls): a 3,3  b 4,1  long 4,2
# inaccurate 1,1 (accurate:no)  cpu 0,0  capture 0,0  capture_pages 0,0.
is() { # is "RESULT" "EXPECTED" NAME
	[ "$1" = "$2" ]
	t $? "$3${4:+: $4}"
}
# fns ARG...: the short names of the module's sites that match, sorted.
fns() { rows --module=$M "$@" | col 4 | sed 's/test_allocinfo_site_//; s/in_a_function.*/long/' |
	sort | tr '\n' ' '; }
is "$(fns)" "a b capture capture_pages cpu inaccurate long " "--module: the module's sites"
is "$(fns --function=test_allocinfo_site_b)" "b " "--function"
is "$(fns --function='*_site_[!ab]*')" "capture capture_pages cpu inaccurate long " \
	"--function: a [!...] class"
is "$(fns --function='test\_allocinfo_site_?')" "a b " "--function: '\\' and '?'"
is "$(rows --file='*/test_allocinfo.c' | wc -l)" 7 "--file"
is "$(rows --module=$M --line="$line" | col 3 | sort -u)" "${line:-missing}" "--line=N"
lines=$(rows --module=$M | col 3 | sort -n | sed -n '1p;$p' | tr '\n' -)
is "$(rows --module=$M --line="${lines%-}" | wc -l)" 7 "--line=N-M ($lines)"
is "$(fns -m $((4 * pg)))" "b long " "-m SIZE in bytes"
is "$(fns --min=16K)" "$([ "$pg" = 4096 ] && echo "b long ")" "--min=16K (K is 1024)"
is "$(fns --min-bytes=$((4 * pg / 1024))KiB)" "b long " "--min-bytes=NKiB"
is "$(fns --max-bytes=$((3 * pg)))" "a capture capture_pages cpu inaccurate " "--max-bytes"
is "$(fns --min-calls=2)" "a long " "--min-calls"
is "$(fns --max-calls=0)" "capture capture_pages cpu " "--max-calls"
is "$(fns --accurate)" "a b capture capture_pages cpu long " "--accurate"
is "$(fns --inaccurate)" "inaccurate " "--inaccurate"
# Each of these outputs many rows: "1 " (or a count) also proves they are not empty.
is "$(rows --builtin | awk -F, '{ print $1 == "" }' | sort -u | tr '\n' ' ')" "1 " "--builtin"
is "$(rows --modules | awk -F, '{ print $1 != "" }' | sort -u | tr '\n' ' ')" "1 " "--modules"
sorted() { # sorted SORT-ARGS: standard input is in that order and has several lines
	cat >/tmp/sorted
	sort "$@" /tmp/sorted | cmp -s /tmp/sorted - && [ "$(wc -l </tmp/sorted)" -gt 1 ]
	echo $?
}
is "$(rows --sort=bytes | col 5 | sorted -rn)" 0 "--sort=bytes"
is "$(rows -s c | col 6 | sorted -rn)" 0 "-s c (calls)"
is "$(rows --sort=name | col 4 | LC_ALL=C sorted)" 0 "--sort=name"
is "$(rows -s t | col 2,3 | LC_ALL=C sorted -t, -k1,1 -k2,2n)" 0 "-s t (file, line)"
is "$(rows --module=$M -n 2 | col 4 | wc -l)/$(rows --module=$M -n 2)" \
	"2/$(rows --module=$M | head -n 2)" "-n 2: the first two"
is "$(fns --top=1 --sort=calls)" "a " "--top with --sort"
is "$(rows --module=$M -o | wc -l)" 7 "-o (once: the default)"
is "$($A --module=$M -t | awk '$NF == "lib/" || $NF == "test_allocinfo.c" { print $(NF-1) }' |
	tr '\n' ' ')" "7 7 " "-t: directory and file sums"
is "$(rows --module=$M --group-by=module)" "$M,$((12 * pg)),7,7" "--group-by=module"
is "$(rows --module=$M --group-by=dir)" "lib,$((12 * pg)),7,7" "--group-by=dir"
is "$(rows --module=$M --group-by=file)" "lib/test_allocinfo.c,$((12 * pg)),7,7" "--group-by=file"
is "$(rows --module=$M --group-by=function --sort=bytes | head -n 1 | col 2-4)" \
	"$((4 * pg)),1,1" "--group-by=function --sort=bytes"
is "$($A --module=$M --json | grep -o '"module":"test_allocinfo"' | wc -l)" 7 "--json"
is "$($A --module=$M --prometheus | grep -c '^allocinfo_bytes{module="test_allocinfo",')" 7 \
	"--prometheus"
is "$($A --function=test_allocinfo_site_b --folded)" \
	"$M;lib;test_allocinfo.c;test_allocinfo_site_b $((4 * pg))" "--folded"
$A --module=$M --csv --output=/tmp/out.csv
is "$(cat /tmp/out.csv; ls /tmp | grep -c '^out.csv.')" "$($A --module=$M --csv; echo 0)" \
	"--output writes the file, and leaves no temporary one"
cat /proc/allocinfo >/tmp/allocinfo.txt
is "$(rows --input=/tmp/allocinfo.txt --module=$M | col 1-7)" \
	"$(rows --module=$M | col 1-7 | grep . || echo none)" "--input reads a saved text"
is "$($A --module=$M --backend=text --json | grep -o '"generation":null')" '"generation":null' \
	"--backend=text: no generation"

# --watch: what the test module allocates shows as a change of its site.
echo 0 >$P
$A --module=$M --watch=1 --count=2 --csv >/tmp/watch &
sleep 0.5
echo 3 >$P
wait
is "$(awk -F, '$4 == "test_allocinfo_site_cpu" && $9 != 0 { print $9, $10, $11 }' /tmp/watch)" \
	"$((3 * pg)) 3 same" "--watch --count: the allocation as one delta of the same site"
is "$(grep -c ',state$' /tmp/watch)" 1 "--watch --csv: one header"
echo 0 >$P
$A --module=$M --min-bytes=1 --watch=1 --count=1 --csv >/tmp/watch &
sleep 0.5
echo 3 >$P
wait
is "$(awk -F, '$4 == "test_allocinfo_site_cpu" { print $9, $10, $11 }' /tmp/watch)" \
	"$((3 * pg)) 3 same" "--watch --min-bytes: a site that crosses the bound is not new"
$A --module=$M --watch=1 --count=3 --json >/tmp/watch &
sleep 0.5
echo 0 >$P
rmmod $M
sleep 1
modprobe $M
wait
is "$(grep -c '^{.*}$' /tmp/watch)" 3 "--watch --json: JSON Lines, one object per interval"
is "$(grep -o '"state":"[a-z]*"' /tmp/watch | sort | uniq -c | awk '{ print $1 $2 }' | tr '\n' ' ')" \
	'7"state":"gone" 7"state":"new" ' "--watch: sites that went away and came back are marked"
# totals.sites counts the sites there are: not those that went away.
is "$(awk '{ want = /"state":"gone"/ && !/"state":"new"/ ? 0 : 7
	print (index($0, "\"sites\":" want "}") > 0) }' /tmp/watch | tr '\n' ' ')" "1 1 1 " \
	"--watch: totals.sites leaves out the sites that went away"
$A --module=$M --watch=1 --json >/tmp/watch 2>&1 &
pid=$!
sleep 2.5
kill -INT $pid
wait $pid
is "$?/$(tail -c 3 /tmp/watch | head -c 2)" "0/]}" "Ctrl-C ends --watch cleanly (status 0, complete output)"

# Bad arguments: the documented status and one line on stderr.
bad() { # bad STATUS WHAT ARG...
	st=$1 what=$2; shift 2
	$A "$@" >/dev/null 2>/tmp/err
	rc=$?
	[ $rc = "$st" ] && [ "$(wc -l </tmp/err)" = 1 ] && grep -q '^allocinfo: ' /tmp/err
	t $? "$what: exit status $rc, stderr: $(cat /tmp/err)"
}
bad 2 "an unknown option" --bogus
bad 2 "a bad number" --top=ten
bad 2 "a bad unit" -m 3Q
bad 2 "a bad pattern" --file='mm/[a-z'
bad 2 "a bad line range" --line=9-1
bad 2 "an unknown backend" --backend=proc
mkdir -p /etc
grep -q '^nobody:' /etc/passwd 2>/dev/null || echo 'nobody:x:65534:65534::/:/bin/sh' >>/etc/passwd
su -s /bin/sh nobody -c "$A" >/dev/null 2>/tmp/err
rc=$?
[ $rc = 3 ] && [ "$(wc -l </tmp/err)" = 1 ]
t $? "not root: exit status $rc, stderr: $(cat /tmp/err)"
# Status 4 (profiling absent) is tested where profiling shuts down (guest/shutdown.sh); the
# sysctl of this kernel is read-only (CONFIG_MEM_ALLOC_PROFILING_DEBUG).
$A --help | grep -q 'Exit status: 0 success'
t $? "--help lists the exit statuses"
echo "1..$n"
