# SPDX-License-Identifier: GPL-2.0
# Thin entry points; the work is in scripts/ (see README.md).
S := scripts

test:	; @$(S)/test			# everything CI runs: checks, both flavors, one summary line
run:	; @$(S)/test quick		# build the patched kernel, boot it, run the tests
shell:	; @$(S)/tree apply && $(S)/build test && $(S)/vm test shell
apply:	; @$(S)/tree apply		# patches/ -> build/linux
export:	; @$(S)/tree export		# build/linux -> patches/
verify:	; @$(S)/tree verify		# fails when patches/ and build/linux disagree
check:	; @$(S)/check style && $(S)/check warnings
prefixes: ; @$(S)/check prefixes	# each patch builds on its own (about 2 min)
bench:	; @$(S)/bench			# text vs ioctl cost, on the built test kernel (2, 16, 64 CPUs)
clean:	; rm -rf build			# keeps the download cache (~/.cache/alloctag-series)

.PHONY: test run shell apply export verify check prefixes bench clean
