// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time proof that our <linux/alloc_tag.h> has the ABI of mainline 7.3's: same ioctl
 * numbers, filter bits, struct sizes, alignments and field offsets/sizes. Built -m64 and
 * -m32. REF_HEADER names 7.3's header; its identifiers are renamed while it is included so
 * that both headers can sit in one translation unit. If this file compiles, the ABI matches;
 * the program then only reports that as TAP.
 */
#include <stddef.h>
#include <stdio.h>
#include <linux/ioctl.h>	/* 7.3's header uses _IOR() without including this */

#define STRUCTS(X) X(allocinfo_content_id) X(allocinfo_tag) X(allocinfo_counter) \
	X(allocinfo_tag_data) X(allocinfo_filter) X(allocinfo_get_at)
#define FIELDS(X) \
	X(allocinfo_content_id, id) \
	X(allocinfo_tag, modname) X(allocinfo_tag, function) X(allocinfo_tag, filename) \
	X(allocinfo_tag, lineno) \
	X(allocinfo_counter, bytes) X(allocinfo_counter, calls) X(allocinfo_counter, accurate) \
	X(allocinfo_counter, pad) \
	X(allocinfo_tag_data, tag) X(allocinfo_tag_data, counter) \
	X(allocinfo_filter, mask) X(allocinfo_filter, fields) X(allocinfo_filter, min_size) \
	X(allocinfo_filter, max_size) X(allocinfo_filter, inaccurate) \
	X(allocinfo_get_at, pos) X(allocinfo_get_at, filter) X(allocinfo_get_at, data)
#define CONSTS(X) X(ALLOCINFO_STR_SIZE) X(ALLOCINFO_IOC_BASE) \
	X(ALLOCINFO_IOC_CONTENT_ID) X(ALLOCINFO_IOC_GET_AT) X(ALLOCINFO_IOC_GET_NEXT) \
	X(ALLOCINFO_FILTER_MASK_MODNAME) X(ALLOCINFO_FILTER_MASK_FUNCTION) \
	X(ALLOCINFO_FILTER_MASK_FILENAME) X(ALLOCINFO_FILTER_MASK_LINENO) \
	X(ALLOCINFO_FILTER_MASK_INACCURATE) X(ALLOCINFO_FILTER_MASK_MIN_SIZE) \
	X(ALLOCINFO_FILTER_MASK_MAX_SIZE) X(ALLOCINFO_FILTER_MASKS)

/* 1. 7.3's header, with its struct and enumerator names moved aside. */
#define allocinfo_content_id	ref_allocinfo_content_id
#define allocinfo_tag		ref_allocinfo_tag
#define allocinfo_counter	ref_allocinfo_counter
#define allocinfo_tag_data	ref_allocinfo_tag_data
#define allocinfo_filter	ref_allocinfo_filter
#define allocinfo_get_at	ref_allocinfo_get_at
#define ALLOCINFO_FILTER_MODNAME	REF_ALLOCINFO_FILTER_MODNAME
#define ALLOCINFO_FILTER_FUNCTION	REF_ALLOCINFO_FILTER_FUNCTION
#define ALLOCINFO_FILTER_FILENAME	REF_ALLOCINFO_FILTER_FILENAME
#define ALLOCINFO_FILTER_LINENO		REF_ALLOCINFO_FILTER_LINENO
#define ALLOCINFO_FILTER_INACCURATE	REF_ALLOCINFO_FILTER_INACCURATE
#define ALLOCINFO_FILTER_MIN_SIZE	REF_ALLOCINFO_FILTER_MIN_SIZE
#define ALLOCINFO_FILTER_MAX_SIZE	REF_ALLOCINFO_FILTER_MAX_SIZE
#define __ALLOCINFO_FILTER_LAST		REF___ALLOCINFO_FILTER_LAST
#include REF_HEADER

/* Record what it says (## keeps the original names in the recorded identifiers). */
#define REC_STRUCT(s) enum { ref_size_##s = sizeof(struct s), ref_align_##s = _Alignof(struct s) };
#define REC_FIELD(s, f) enum { ref_off_##s##_##f = offsetof(struct s, f), \
			       ref_sz_##s##_##f = sizeof(((struct s *)0)->f) };
#define REC_CONST(c) static const unsigned long long ref_##c = c;
STRUCTS(REC_STRUCT)
FIELDS(REC_FIELD)
CONSTS(REC_CONST)

#undef allocinfo_content_id
#undef allocinfo_tag
#undef allocinfo_counter
#undef allocinfo_tag_data
#undef allocinfo_filter
#undef allocinfo_get_at
#undef ALLOCINFO_STR_SIZE
#undef ALLOCINFO_FILTER_MASK_MODNAME
#undef ALLOCINFO_FILTER_MASK_FUNCTION
#undef ALLOCINFO_FILTER_MASK_FILENAME
#undef ALLOCINFO_FILTER_MASK_LINENO
#undef ALLOCINFO_FILTER_MASK_INACCURATE
#undef ALLOCINFO_FILTER_MASK_MIN_SIZE
#undef ALLOCINFO_FILTER_MASK_MAX_SIZE
#undef ALLOCINFO_FILTER_MASKS
#undef _ALLOCINFO_IOC_CONTENT_ID
#undef _ALLOCINFO_IOC_GET_AT
#undef _ALLOCINFO_IOC_GET_NEXT
#undef ALLOCINFO_IOC_BASE
#undef ALLOCINFO_IOC_CONTENT_ID
#undef ALLOCINFO_IOC_GET_AT
#undef ALLOCINFO_IOC_GET_NEXT
#undef ALLOCINFO_FILTER_MODNAME
#undef ALLOCINFO_FILTER_FUNCTION
#undef ALLOCINFO_FILTER_FILENAME
#undef ALLOCINFO_FILTER_LINENO
#undef ALLOCINFO_FILTER_INACCURATE
#undef ALLOCINFO_FILTER_MIN_SIZE
#undef ALLOCINFO_FILTER_MAX_SIZE
#undef __ALLOCINFO_FILTER_LAST

/* 2. Ours, and every recorded fact compared with it. */
#include <linux/alloc_tag.h>

#define CHK_STRUCT(s) \
	_Static_assert(sizeof(struct s) == ref_size_##s, "sizeof(struct " #s ") differs from 7.3"); \
	_Static_assert(_Alignof(struct s) == ref_align_##s, "alignment of " #s " differs from 7.3");
#define CHK_FIELD(s, f) \
	_Static_assert(offsetof(struct s, f) == ref_off_##s##_##f, #s "." #f ": offset differs"); \
	_Static_assert(sizeof(((struct s *)0)->f) == ref_sz_##s##_##f, #s "." #f ": size differs");
STRUCTS(CHK_STRUCT)
FIELDS(CHK_FIELD)

/* The sizes the series promises, independent of the reference. */
_Static_assert(sizeof(struct allocinfo_content_id) == 8, "content_id");
_Static_assert(sizeof(struct allocinfo_tag) == 200, "tag");
_Static_assert(sizeof(struct allocinfo_counter) == 24, "counter");
_Static_assert(sizeof(struct allocinfo_tag_data) == 224, "tag_data");
_Static_assert(sizeof(struct allocinfo_filter) == 232, "filter");
_Static_assert(sizeof(struct allocinfo_get_at) == 464, "get_at");

/*
 * ALLOCINFO_IOC_QUERY is ours, not 7.3's: pin its layout to explicit numbers, so that the
 * -m32 and -m64 builds prove it needs no compat translation.
 */
#define QOFF(f, o) _Static_assert(offsetof(struct allocinfo_query, f) == (o), "query." #f);
QOFF(flags, 0) QOFF(mask, 8) QOFF(cursor, 16) QOFF(modname_addr, 32) QOFF(function_addr, 40)
QOFF(filename_addr, 48) QOFF(modname_len, 56) QOFF(function_len, 60) QOFF(filename_len, 64)
QOFF(min_line, 68) QOFF(max_line, 72) QOFF(__reserved, 76) QOFF(min_bytes, 80)
QOFF(max_bytes, 88) QOFF(min_calls, 96) QOFF(max_calls, 104) QOFF(buf_addr, 112)
QOFF(buf_size, 120) QOFF(records, 128) QOFF(reply_flags, 132) QOFF(written, 136)
QOFF(needed, 144) QOFF(generation, 152) QOFF(next_cursor, 160)
_Static_assert(sizeof(struct allocinfo_query) == ALLOCINFO_QUERY_SIZE_VER0, "query size");
_Static_assert(ALLOCINFO_QUERY_SIZE_VER0 == 176, "query VER0");
#define ROFF(f, o) _Static_assert(offsetof(struct allocinfo_record, f) == (o), "record." #f);
ROFF(size, 0) ROFF(names_offset, 4) ROFF(flags, 8) ROFF(line, 12) ROFF(bytes, 16)
ROFF(calls, 24) ROFF(site_seq, 32) ROFF(site_index, 40) ROFF(modname_len, 44)
ROFF(function_len, 48) ROFF(filename_len, 52)
_Static_assert(sizeof(struct allocinfo_record) == 56, "record size");

int main(void)
{
	int fails = 0, n = 0;

	/* Constants are compared at run time only because some are not integer constant
	 * expressions in C (they go through _IOC() casts); the compiler folds them anyway.
	 */
#define CHK_CONST(c) \
	n++; \
	if ((unsigned long long)(c) != ref_##c) { \
		printf("# %s: ours 0x%llx, 7.3 0x%llx\n", #c, (unsigned long long)(c), ref_##c); \
		fails++; \
	}
	CONSTS(CHK_CONST)
	n++;
	if (ALLOCINFO_IOC_QUERY != _IOWR(0xA6, 3, struct allocinfo_query)) {
		printf("# ALLOCINFO_IOC_QUERY: 0x%lx\n", (unsigned long)ALLOCINFO_IOC_QUERY);
		fails++;
	}
	printf("TAP version 13\n1..2\n");
	printf("ok 1 struct layouts identical to 7.3, QUERY as pinned (%zu-bit, checked at compile time)\n",
	       sizeof(void *) * 8);
	printf("%sok 2 %d ioctl numbers and filter bits as 7.3 has them, plus QUERY\n", fails ? "not " : "", n);
	return fails ? 1 : 0;
}
