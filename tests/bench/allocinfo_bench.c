// SPDX-License-Identifier: GPL-2.0
/*
 * What one query on /proc/allocinfo costs through its text and through its ioctls.
 *
 *   text:   open, read() it all (64 KiB buffer), parse every line, filter in userspace;
 *   GET_AT: open, GET_AT pos 0 with the filter, GET_NEXT until ENOENT (the kernel filters);
 *   QUERY:  open, ALLOCINFO_IOC_QUERY from cursor 0 until ALLOCINFO_REPLY_END into one
 *           64 KiB buffer, walking the records of each reply (the kernel filters).
 *
 * Then a paged sweep: the full dump through QUERY with a 4 KiB buffer, timing the first
 * call and the last one (the one that returns END): resuming from a cursor must be O(1).
 *
 * Built against our <linux/alloc_tag.h>; GET_AT/GET_NEXT use only the 7.3 ABI. Times are
 * CLOCK_MONOTONIC; under `qemu -icount shift=0` (scripts/bench) one guest nanosecond is one
 * guest instruction, so they are reported as instructions. Each figure is the minimum of RUNS
 * runs. A benchmark, not a test: the results are '#' lines, then "ok 1 bench ran". For
 * scripts, one line per query:
 * "# row <query> <text instr> <GET_AT instr> <QUERY instr> <floor> <bytes floor>"
 * (the query name may hold a space: the five numbers are the last five fields). The floor of
 * a size-filtered query is what summing both counters of the tags it sums costs in a bare
 * loop (tests/bench/floor, loaded with that many tags), its bytes floor what summing only
 * their bytes costs. The floor of the full dump is that of summing both counters of every
 * tag plus what copying its records out costs (read() of a pipe holding as many bytes): it
 * has no bytes floor. 0 for the other queries.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <linux/alloc_tag.h>

#define PATH	"/proc/allocinfo"
#define BUFSZ	(64 * 1024)
#define QBUFSZ	(64 * 1024)	/* QUERY buffer */
#define PAGESZ	(4 * 1024)	/* QUERY buffer of the paged sweep */
#define RUNS	5
#define MiB	(1024 * 1024)
#define TOOL	"/usr/sbin/allocinfo"		/* static, musl (scripts/build) */
#define TOOL_GLIBC	"/tests/allocinfo-glibc"	/* static, glibc (tests/Makefile) */
#define ARRAY_SIZE(a)	((int)(sizeof(a) / sizeof((a)[0])))

/*
 * One tag line of the text, parsed in full as a consumer would:
 * "<bytes> <calls> file:line [module] func:name [accurate:no]"
 */
struct rec {
	long long bytes;
	unsigned long long calls;
	char *file, *module, *func;
	unsigned long lineno;
	int accurate;
};

/* What summing some tags' counters costs in a bare loop: both counters, and bytes only. */
struct floor {
	uint64_t pairs, bytes;
};

struct query {
	const char *name;
	const char *file;	/* NULL: any file */
	uint64_t min_size;	/* 0: no bound */
	int identity_only;	/* both paths must find the same number of tags */
	const struct floor *floor;	/* its floors, or NULL: see the top of this file */
};

struct result {
	uint64_t ns;		/* minimum over the runs */
	long matches, syscalls;	/* read() or ioctl() calls, plus open and close */
	uint64_t written;	/* QUERY: the bytes of its records */
};

/* The paged sweep: its first call and its last one (which returned END). */
struct pages {
	uint64_t first, last;	/* minimum over the runs */
	long pages, records;	/* calls, records in all */
	uint32_t first_records, last_records;
};

static char buf[BUFSZ];
/*
 * >= 0: the text and QUERY paths use this open file instead of opening their own, as an agent
 * that polls would (QUERY keeps no per-file state; the text is re-read from offset 0).
 */
static int held_fd = -1;

/*
 * The file one query runs on: the held one (rewound first if @rewind) or a fresh one, and
 * the system calls that costs (open + close, or lseek) added to @syscalls. -1 on error.
 */
static int query_open(int rewind, long *syscalls)
{
	if (held_fd < 0) {
		*syscalls += 2;
		return open(PATH, O_RDONLY);
	}
	if (!rewind)
		return held_fd;
	(*syscalls)++;
	return lseek(held_fd, 0, SEEK_SET) ? -1 : held_fd;
}

/* End a query on @fd: close it unless it is the held one, keeping errno. -1 if @failed. */
static int query_close(int fd, int failed)
{
	int err = errno;

	if (fd != held_fd)
		close(fd);
	errno = err;
	return failed ? -1 : 0;
}
static uint64_t qbuf[QBUFSZ / sizeof(uint64_t)];	/* records are 8-byte aligned */

static uint64_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The kernel compares names by their last ALLOCINFO_STR_SIZE - 1 characters. */
static const char *last63(const char *s)
{
	size_t n = strlen(s);

	return n > ALLOCINFO_STR_SIZE - 1 ? s + n - (ALLOCINFO_STR_SIZE - 1) : s;
}

static char *token(char **p)
{
	char *t = *p + strspn(*p, " ");

	if (!*t)
		return NULL;
	*p = t + strcspn(t, " ");
	if (**p)
		*(*p)++ = '\0';
	return t;
}

/* Parse one line in place; -1 for the header lines (or anything else). */
static int parse(char *s, struct rec *r)
{
	char *p, *t, *colon;

	r->bytes = strtoll(s, &p, 10);
	if (p == s)
		return -1;
	s = p;
	r->calls = strtoull(s, &p, 10);
	t = p == s ? NULL : token(&p);
	colon = t ? strrchr(t, ':') : NULL;
	if (!colon)
		return -1;
	*colon = '\0';
	r->file = t;
	r->lineno = strtoul(colon + 1, NULL, 10);
	t = token(&p);
	r->module = "";
	if (t && t[0] == '[') {
		t[strlen(t) - 1] = '\0';
		r->module = t + 1;
		t = token(&p);
	}
	if (!t || strncmp(t, "func:", 5))
		return -1;
	r->func = t + 5;
	t = token(&p);
	r->accurate = !(t && !strcmp(t, "accurate:no"));
	return 0;
}

static int match(const struct query *q, const struct rec *r)
{
	if (q->file && strcmp(last63(r->file), q->file))
		return 0;
	return (uint64_t)r->bytes >= q->min_size;	/* u64 compare, as the kernel's */
}

/*
 * The text path: the matching tags are counted, and handed to @fn if not NULL.
 * Returns 0, or -1 with errno set.
 */
static int text_query(const struct query *q, struct result *res,
		      void (*fn)(const struct rec *))
{
	size_t have = 0;
	char *line, *nl;
	struct rec r;
	ssize_t n;
	int fd;

	res->matches = 0;
	res->syscalls = 0;
	fd = query_open(1, &res->syscalls);
	if (fd < 0)
		return -1;
	for (;;) {
		n = read(fd, buf + have, BUFSZ - have);
		res->syscalls++;
		if (n <= 0)
			break;
		have += n;
		for (line = buf; (nl = memchr(line, '\n', buf + have - line)); line = nl + 1) {
			*nl = '\0';
			if (!parse(line, &r) && match(q, &r)) {
				res->matches++;
				if (fn)
					fn(&r);
			}
		}
		have = buf + have - line;
		memmove(buf, line, have);
		if (have == BUFSZ) {
			errno = E2BIG;
			n = -1;
			break;
		}
	}
	return query_close(fd, n < 0);
}

/* The GET_AT/GET_NEXT path. Returns 0, or -1 with errno set. */
static int ioctl_query(const struct query *q, struct result *res)
{
	struct allocinfo_get_at at;
	int fd, ret;

	memset(&at, 0, sizeof(at));
	if (q->file) {
		at.filter.mask |= ALLOCINFO_FILTER_MASK_FILENAME;
		snprintf(at.filter.fields.filename, ALLOCINFO_STR_SIZE, "%s", q->file);
	}
	if (q->min_size) {
		at.filter.mask |= ALLOCINFO_FILTER_MASK_MIN_SIZE;
		at.filter.min_size = q->min_size;
	}
	res->matches = 0;
	res->syscalls = 1;	/* GET_AT */
	fd = query_open(0, &res->syscalls);
	if (fd < 0)
		return -1;
	ret = ioctl(fd, ALLOCINFO_IOC_GET_AT, &at);
	while (!ret) {
		res->matches++;
		res->syscalls++;
		ret = ioctl(fd, ALLOCINFO_IOC_GET_NEXT, &at.data);
	}
	return query_close(fd, errno != ENOENT);
}

/*
 * The QUERY pattern that selects what GET_AT's FILENAME filter @file does: @file with the
 * glob metacharacters *?[\ escaped. GET_AT compares the last 63 characters of the name, so a
 * 63-character @file (perhaps trimmed) matches every name that ends with it: '*' in front.
 * @pat holds 2 * ALLOCINFO_STR_SIZE bytes; returns the pattern's length (no NUL needed).
 */
static uint32_t file_glob(char *pat, const char *file)
{
	char *p = pat;

	if (strlen(file) >= ALLOCINFO_STR_SIZE - 1)
		*p++ = '*';
	for (; *file; file++) {
		if (strchr("*?[\\", *file))
			*p++ = '\\';
		*p++ = *file;
	}
	return p - pat;
}

/* Walk the records of one QUERY reply by their size; add their number to @count. */
static int walk(const struct allocinfo_query *aq, long *count)
{
	const struct allocinfo_record *r;
	uint64_t off, left;
	uint32_t n = 0;

	if (aq->written > aq->buf_size)
		goto bad;
	for (off = 0; off < aq->written; off += r->size, n++) {
		r = (const void *)((const char *)qbuf + off);
		left = aq->written - off;
		if (left < sizeof(*r) || r->size < sizeof(*r) || r->size % 8 || r->size > left)
			goto bad;
	}
	if (n != aq->records)
		goto bad;
	*count += n;
	return 0;
bad:
	errno = EPROTO;		/* a malformed reply */
	return -1;
}

/* The QUERY path. Returns 0, or -1 with errno set. */
static int query_ioctl(const struct query *q, struct result *res)
{
	char pat[2 * ALLOCINFO_STR_SIZE];
	struct allocinfo_query aq;
	int fd, ret;

	memset(&aq, 0, sizeof(aq));
	if (q->file) {
		aq.mask |= ALLOCINFO_QUERY_FILENAME;
		aq.filename_len = file_glob(pat, q->file);
		aq.filename_addr = (uintptr_t)pat;
	}
	if (q->min_size) {
		aq.mask |= ALLOCINFO_QUERY_BYTES;
		aq.min_bytes = q->min_size;
		aq.max_bytes = UINT64_MAX;
	}
	aq.buf_addr = (uintptr_t)qbuf;
	aq.buf_size = QBUFSZ;
	res->matches = 0;
	res->syscalls = 0;
	res->written = 0;
	fd = query_open(0, &res->syscalls);
	if (fd < 0)
		return -1;
	do {
		res->syscalls++;
		ret = ioctl(fd, ALLOCINFO_IOC_QUERY, &aq);
		if (!ret)
			ret = walk(&aq, &res->matches);
		res->written += aq.written;
		memcpy(aq.cursor, aq.next_cursor, sizeof(aq.cursor));
	} while (!ret && !(aq.reply_flags & ALLOCINFO_REPLY_END));
	return query_close(fd, ret);
}

/* One paged sweep: the full dump through QUERY, PAGESZ bytes per call. */
static int paged_sweep(struct pages *pg)
{
	struct allocinfo_query aq;
	uint64_t t0, ns;
	long syscalls = 0;
	int fd, ret;

	memset(&aq, 0, sizeof(aq));
	aq.buf_addr = (uintptr_t)qbuf;
	aq.buf_size = PAGESZ;
	pg->pages = 0;
	pg->records = 0;
	fd = query_open(0, &syscalls);
	if (fd < 0)
		return -1;
	do {
		t0 = now();
		ret = ioctl(fd, ALLOCINFO_IOC_QUERY, &aq);
		ns = now() - t0;
		if (ret)
			break;
		if (!pg->pages++) {
			pg->first = ns;
			pg->first_records = aq.records;
		}
		pg->last = ns;
		pg->last_records = aq.records;
		ret = walk(&aq, &pg->records);
		memcpy(aq.cursor, aq.next_cursor, sizeof(aq.cursor));
	} while (!ret && !(aq.reply_flags & ALLOCINFO_REPLY_END));
	return query_close(fd, ret);
}

/* Choosing the file of the file filter: every tag's file, sorted, then counted. */
static char **files;
static long nfiles;

static void collect(const struct rec *r)
{
	files = realloc(files, (nfiles + 1) * sizeof(*files));
	if (files)
		files[nfiles] = strdup(last63(r->file));
	if (!files || !files[nfiles++]) {
		perror("out of memory");
		exit(1);
	}
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "mm/slub.c" if it has several tags, else the file with the most; its tag count in @count. */
static const char *pick_file(long *count)
{
	const char *best = NULL;
	long i, j, slub = 0;

	*count = 0;
	qsort(files, nfiles, sizeof(*files), cmp);
	for (i = 0; i < nfiles; i = j) {
		for (j = i; j < nfiles && !strcmp(files[i], files[j]); j++)
			;
		if (!strcmp(files[i], "mm/slub.c"))
			slub = j - i;
		if (j - i > *count) {
			*count = j - i;
			best = files[i];
		}
	}
	if (slub > 1) {
		*count = slub;
		return "mm/slub.c";
	}
	return best;
}

/* The generation of the tag set (ALLOCINFO_IOC_CONTENT_ID); 0 if it cannot be read. */
static uint64_t content_id(void)
{
	struct allocinfo_content_id id = { 0 };
	int fd = open(PATH, O_RDONLY);

	if (fd >= 0) {
		ioctl(fd, ALLOCINFO_IOC_CONTENT_ID, &id);
		close(fd);
	}
	return id.id;
}

/*
 * The floors of summing @n tags' counters: tests/bench/floor's module, loaded with tags=@n,
 * times its bare loops; the cheapest one of both counters, and its loop of bytes only.
 * Zero if it could not be loaded.
 */
static struct floor sum_floor(long n)
{
	static const char *const loops[] = { "cpu_major", "tag_major", "blocked", "bytes" };
	struct floor fl = { 0, 0 };
	unsigned long long v;
	char cmd[96];
	FILE *f;
	int i;

	snprintf(cmd, sizeof(cmd), "insmod /tests/allocinfo_floor.ko tags=%ld", n);
	if (system(cmd))
		return fl;
	for (i = 0; i < ARRAY_SIZE(loops); i++) {
		snprintf(cmd, sizeof(cmd), "/sys/module/allocinfo_floor/parameters/%s", loops[i]);
		f = fopen(cmd, "r");
		v = 0;
		if (!f || fscanf(f, "%llu", &v) != 1)
			v = 0;
		else if (i == ARRAY_SIZE(loops) - 1)
			fl.bytes = v;
		else if (!fl.pairs || v < fl.pairs)
			fl.pairs = v;
		printf("# floor of %ld tags, %s: %llu instr\n", n, loops[i], v);
		if (f)
			fclose(f);
	}
	if (system("rmmod allocinfo_floor") || !fl.bytes)
		fl.pairs = 0;
	return fl;
}

/*
 * What copying @n bytes out of the kernel costs in the cheapest way at hand: read() of a pipe
 * that holds them, in QBUFSZ pieces as QUERY's; the minimum of RUNS. Zero on error.
 */
static uint64_t copy_floor(uint64_t n)
{
	uint64_t best = UINT64_MAX, left, t0, ns;
	int p[2], run = 0;
	ssize_t r = 0;

	if (pipe(p))
		return 0;
	if (fcntl(p[1], F_SETPIPE_SZ, MiB) < (long long)n)
		goto out;
	for (; run < RUNS; run++) {
		for (left = n; left; left -= r) {
			r = write(p[1], buf, left < BUFSZ ? left : BUFSZ);
			if (r <= 0)
				goto out;
		}
		t0 = now();
		for (left = n; left; left -= r) {
			r = read(p[0], qbuf, left < QBUFSZ ? left : QBUFSZ);
			if (r <= 0)
				goto out;
		}
		ns = now() - t0;
		if (ns < best)
			best = ns;
	}
out:
	close(p[0]);
	close(p[1]);
	return run == RUNS ? best : 0;
}

static void bail(const char *what)
{
	int skip = errno == ENOTTY;

	printf("%s 1 # %s%s: %s\n", skip ? "ok" : "not ok", skip ? "SKIP " : "", what,
	       strerror(errno));
	exit(skip ? 0 : 1);
}

static int text_path(const struct query *q, struct result *res)
{
	return text_query(q, res, NULL);
}

/* Run one path of query @q, timed; keep it in @best if it was the cheapest run so far. */
static void measure(int (*path)(const struct query *, struct result *), const struct query *q,
		    struct result *best, const char *what)
{
	struct result r;
	uint64_t t0 = now();

	if (path(q, &r))
		bail(what);
	r.ns = now() - t0;
	if (r.ns < best->ns)
		*best = r;
}

/*
 * The whole process of a tools/mm/allocinfo binary (spawn, run, exit, wait),
 * output to /dev/null: the cheapest of RUNS runs, or 0 if it failed.
 */
static uint64_t tool_run(const char *tool, char *const argv[])
{
	posix_spawn_file_actions_t fa;
	uint64_t best = UINT64_MAX, t0, t;
	int run, status;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	for (run = 0; run < RUNS; run++) {
		t0 = now();
		if (posix_spawn(&pid, tool, &fa, NULL, argv, NULL) ||
		    waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status)) {
			best = 0;
			break;
		}
		t = now() - t0;
		if (t < best)
			best = t;
	}
	posix_spawn_file_actions_destroy(&fa);
	return best;
}

/* allocinfo ARG through the text and through QUERY: "# tool NAME (LIBC) TEXT QUERY". */
static int tool_row(const char *tool, const char *libc, char *arg)
{
	char *q[] = { "allocinfo", "--backend=query", arg, NULL };
	char *t[] = { "allocinfo", "--backend=text", arg, NULL };
	uint64_t nq = tool_run(tool, q), nt = tool_run(tool, t);

	if (!nq || !nt)
		return -1;
	printf("# tool %s (%s) %llu %llu\n", !strcmp(arg, "--help") ? "--help: the process alone" :
	       arg, libc, (unsigned long long)nt, (unsigned long long)nq);
	return 0;
}

int main(void)
{
	struct result all, text, ioc, qry, htext, hqry;
	struct floor floor_all, floor_file, floor_dump = { 0, 0 };
	uint64_t copy;
	struct pages pg, page;
	long ntags, nfile;
	uint64_t id;
	const char *file;
	int q, run, moved = 0;
	char label[48];

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("TAP version 13\n1..1\n");
	if (text_query(&(struct query){ "all", NULL, 0, 0, 0 }, &all, collect)) {
		printf("ok 1 # SKIP cannot read %s: %s\n", PATH, strerror(errno));
		return 0;
	}
	ntags = all.matches;
	file = pick_file(&nfile);
	if (!file) {
		printf("ok 1 # SKIP %s lists no tag\n", PATH);
		return 0;
	}
	/* Before the content id: the floor's module comes and goes. */
	floor_all = sum_floor(ntags);
	floor_file = sum_floor(nfile);
	if (!floor_all.pairs || !floor_file.pairs) {
		printf("not ok 1 # the floor module (tests/bench/floor) did not load\n");
		return 1;
	}
	id = content_id();

	const struct query queries[] = {
		{ "file",	file,	0,	1, NULL },
		{ "file+size",	file,	1,	0, &floor_file },
		{ "size>=1MiB",	NULL,	MiB,	0, &floor_all },
		{ "bytes>0",	NULL,	1,	0, &floor_all },
		{ "full dump",	NULL,	0,	1, &floor_dump },
	};

	printf("# %ld tags; possible CPUs (sysconf(_SC_NPROCESSORS_CONF)): %ld; online: %ld\n",
	       ntags, sysconf(_SC_NPROCESSORS_CONF), sysconf(_SC_NPROCESSORS_ONLN));
	printf("# file filter: \"%s\" (%ld tags); minimum of %d runs; instr = guest ns\n",
	       file, nfile, RUNS);
	printf("# text: open, read() all (%d KiB buffer), parse, filter\n", BUFSZ / 1024);
	printf("# GET_AT: open, GET_AT pos 0, GET_NEXT until ENOENT\n");
	printf("# QUERY: open, ALLOCINFO_IOC_QUERY until END (%d KiB buffer), walk the records\n",
	       QBUFSZ / 1024);
	printf("# queries: file = FILENAME, file+size = FILENAME + MIN_SIZE 1,\n");
	printf("#   size>=1MiB = MIN_SIZE 1 MiB, bytes>0 = MIN_SIZE 1, full dump = no filter\n");
	printf("#   (QUERY: FILENAME glob, BYTES [N, UINT64_MAX], full dump = mask 0)\n");
	printf("# syscalls: read() or ioctl() calls, plus open and close\n");
	printf("# %-11s %13s %11s %11s %11s %8s %8s %8s %8s %8s\n", "query", "matches",
	       "text instr", "GET_AT", "QUERY", "t/GET_AT", "t/QUERY", "sc text", "sc GETAT",
	       "sc QUERY");
	for (q = 0; q < ARRAY_SIZE(queries); q++) {
		const struct query *qr = &queries[q];

		text = (struct result){ UINT64_MAX, 0, 0, 0 };
		ioc = text;
		qry = text;
		htext = text;
		hqry = text;
		for (run = 0; run < RUNS; run++) {
			measure(text_path, qr, &text, "read of " PATH);
			measure(ioctl_query, qr, &ioc, "allocinfo GET_AT/GET_NEXT");
			measure(query_ioctl, qr, &qry, "ALLOCINFO_IOC_QUERY");
			held_fd = open(PATH, O_RDONLY);
			if (held_fd < 0)
				bail("open of " PATH);
			measure(text_path, qr, &htext, "read of " PATH);
			measure(query_ioctl, qr, &hqry, "ALLOCINFO_IOC_QUERY");
			close(held_fd);
			held_fd = -1;
		}
		if (qr->floor == &floor_dump) {
			copy = copy_floor(qry.written);
			if (!copy)
				bail("read of a pipe holding the full dump's bytes");
			floor_dump.pairs = floor_all.pairs + copy;
			printf("# full dump   floor: summing %llu + copying its %llu bytes out %llu\n",
			       (unsigned long long)floor_all.pairs,
			       (unsigned long long)qry.written, (unsigned long long)copy);
		}
		if (text.matches == ioc.matches && text.matches == qry.matches) {
			snprintf(label, sizeof(label), "%ld", qry.matches);
		} else {
			snprintf(label, sizeof(label), "%ld/%ld/%ld", text.matches, ioc.matches,
				 qry.matches);
			moved = 1;
		}
		printf("# %-11s %13s %11llu %11llu %11llu %7.1fx %7.1fx %8ld %8ld %8ld\n",
		       qr->name, label, (unsigned long long)text.ns, (unsigned long long)ioc.ns,
		       (unsigned long long)qry.ns, (double)text.ns / ioc.ns,
		       (double)text.ns / qry.ns, text.syscalls, ioc.syscalls, qry.syscalls);
		printf("# row %s %llu %llu %llu %llu %llu\n", qr->name, (unsigned long long)text.ns,
		       (unsigned long long)ioc.ns, (unsigned long long)qry.ns,
		       (unsigned long long)(qr->floor ? qr->floor->pairs : 0),
		       (unsigned long long)(qr->floor ? qr->floor->bytes : 0));
		if (qr->floor)
			printf("# %-11s floor %llu instr: QUERY/floor %.2f, text/floor %.1fx\n",
			       qr->name, (unsigned long long)qr->floor->pairs,
			       (double)qry.ns / qr->floor->pairs,
			       (double)text.ns / qr->floor->pairs);
		if (qr->floor && qr->floor->bytes)
			printf("# %-11s bytes floor %llu instr: QUERY/bytes floor %.2f\n", qr->name,
			       (unsigned long long)qr->floor->bytes,
			       (double)qry.ns / qr->floor->bytes);
		printf("# %-11s open fd: text %llu, QUERY %llu: %.1fx (QUERY %ld syscalls)\n",
		       qr->name, (unsigned long long)htext.ns, (unsigned long long)hqry.ns,
		       (double)htext.ns / hqry.ns, hqry.syscalls);
		printf("# heldrow %s %llu %llu\n", qr->name, (unsigned long long)htext.ns,
		       (unsigned long long)hqry.ns);
		if (qr->identity_only &&
		    (text.matches != ioc.matches || text.matches != qry.matches))
			printf("# WARNING: %s: the text has %ld matching tags, GET_AT/NEXT %ld,"
			       " QUERY %ld\n", qr->name, text.matches, ioc.matches, qry.matches);
	}
	if (moved)
		printf("# matches a/b/c: the text found a, GET_AT/NEXT b, QUERY c; counters moved in\n"
		       "#   between, e.g. the text's own seq_file buffer (seq_buf_alloc) is live while read\n");

	pg = (struct pages){ .first = UINT64_MAX, .last = UINT64_MAX };
	for (run = 0; run < RUNS; run++) {
		if (paged_sweep(&page))
			bail("ALLOCINFO_IOC_QUERY (paged)");
		if (page.first < pg.first) {
			pg.first = page.first;
			pg.first_records = page.first_records;
		}
		if (page.last < pg.last) {
			pg.last = page.last;
			pg.last_records = page.last_records;
		}
		pg.pages = page.pages;
		pg.records = page.records;
	}
	printf("# paged full dump (mask 0), %d KiB buffer: %ld calls, %ld records\n",
	       PAGESZ / 1024, pg.pages, pg.records);
	printf("# paged first page %llu instr (%u records), last page (END) %llu instr"
	       " (%u records); last/first %.2f\n", (unsigned long long)pg.first,
	       pg.first_records, (unsigned long long)pg.last, pg.last_records,
	       (double)pg.last / pg.first);
	if (pg.last > pg.first)
		printf("# WARNING: paged: the last page cost more than the first (resume not O(1)?)\n");
	printf("# tool: the whole process of allocinfo (spawn to wait), text vs QUERY backend\n");
	errno = 0;
	for (q = 0; q < 2; q++) {
		const char *tool = q ? TOOL_GLIBC : TOOL, *libc = q ? "glibc" : "musl";

		if (tool_row(tool, libc, "--file=mm/slub.c") || tool_row(tool, libc, "--json") ||
		    tool_row(tool, libc, "--help"))
			bail(tool);
	}
	if (content_id() != id)
		printf("# WARNING: the set of tags changed during the run (module load/unload)\n");
	printf("ok 1 bench ran\n");
	return 0;
}
