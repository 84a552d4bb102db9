// SPDX-License-Identifier: GPL-2.0
/*
 * What one query on /proc/allocinfo costs through its text and through its ioctls.
 *
 *   text:  open, read() it all (64 KiB buffer), parse every line, filter in userspace;
 *   ioctl: open, GET_AT pos 0 with the filter, GET_NEXT until ENOENT (the kernel filters).
 *
 * Built against mainline 7.3's <linux/alloc_tag.h> only. Times are CLOCK_MONOTONIC; under
 * `qemu -icount shift=0` (scripts/bench) one guest nanosecond is one guest instruction, so
 * they are reported as instructions. Each figure is the minimum of RUNS runs. A benchmark,
 * not a test: the results are '#' lines, then "ok 1 bench ran".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>		/* first: 7.3's header uses _IOR() without including it */
#include <linux/alloc_tag.h>

#define PATH	"/proc/allocinfo"
#define BUFSZ	(64 * 1024)
#define RUNS	5
#define MiB	(1024 * 1024)
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

struct query {
	const char *name;
	const char *file;	/* NULL: any file */
	uint64_t min_size;	/* 0: no bound */
	int identity_only;	/* both paths must find the same number of tags */
};

struct result {
	uint64_t ns;		/* minimum over the runs */
	long matches, syscalls;	/* read() or ioctl() calls, open/close not counted */
};

static char buf[BUFSZ];

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
	fd = open(PATH, O_RDONLY);
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
	close(fd);
	return n < 0 ? -1 : 0;
}

/* The ioctl path. Returns 0, or -1 with errno set. */
static int ioctl_query(const struct query *q, struct result *res)
{
	struct allocinfo_get_at at;
	int fd, ret, err;

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
	res->syscalls = 1;
	fd = open(PATH, O_RDONLY);
	if (fd < 0)
		return -1;
	ret = ioctl(fd, ALLOCINFO_IOC_GET_AT, &at);
	while (!ret) {
		res->matches++;
		res->syscalls++;
		ret = ioctl(fd, ALLOCINFO_IOC_GET_NEXT, &at.data);
	}
	err = errno;
	close(fd);
	errno = err;
	return err == ENOENT ? 0 : -1;
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

static void bail(const char *what)
{
	int skip = errno == ENOTTY;

	printf("%s 1 # %s%s: %s\n", skip ? "ok" : "not ok", skip ? "SKIP " : "", what,
	       strerror(errno));
	exit(skip ? 0 : 1);
}

int main(void)
{
	struct result all, tr, ir, text, ioc;
	long ntags, nfile;
	uint64_t id;
	const char *file;
	int q, run, moved = 0;
	char label[32];

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("TAP version 13\n1..1\n");
	if (text_query(&(struct query){ "all", NULL, 0, 0 }, &all, collect)) {
		printf("ok 1 # SKIP cannot read %s: %s\n", PATH, strerror(errno));
		return 0;
	}
	id = content_id();
	ntags = all.matches;
	file = pick_file(&nfile);
	if (!file) {
		printf("ok 1 # SKIP %s lists no tag\n", PATH);
		return 0;
	}

	const struct query queries[] = {
		{ "file",	file,	0,	1 },
		{ "file+size",	file,	1,	0 },
		{ "size>=1MiB",	NULL,	MiB,	0 },
		{ "bytes>0",	NULL,	1,	0 },
		{ "full dump",	NULL,	0,	1 },
	};

	printf("# %ld tags; possible CPUs (sysconf(_SC_NPROCESSORS_CONF)): %ld; online: %ld\n",
	       ntags, sysconf(_SC_NPROCESSORS_CONF), sysconf(_SC_NPROCESSORS_ONLN));
	printf("# file filter: \"%s\" (%ld tags); minimum of %d runs; instr = guest ns\n",
	       file, nfile, RUNS);
	printf("# text: open, read() all (%d KiB buffer), parse, filter\n", BUFSZ / 1024);
	printf("# ioctl: open, GET_AT pos 0, GET_NEXT until ENOENT\n");
	printf("# queries: file = FILENAME, file+size = FILENAME + MIN_SIZE 1,\n");
	printf("#   size>=1MiB = MIN_SIZE 1 MiB, bytes>0 = MIN_SIZE 1, full dump = no filter\n");
	printf("# %-11s %8s %12s %12s %8s %7s %7s\n", "query", "matches", "text instr",
	       "ioctl instr", "ratio", "read()", "ioctl()");
	for (q = 0; q < ARRAY_SIZE(queries); q++) {
		const struct query *qr = &queries[q];
		uint64_t t0;

		text = (struct result){ UINT64_MAX, 0, 0 };
		ioc = text;
		for (run = 0; run < RUNS; run++) {
			t0 = now();
			if (text_query(qr, &tr, NULL))
				bail("read of " PATH);
			tr.ns = now() - t0;
			t0 = now();
			if (ioctl_query(qr, &ir))
				bail("allocinfo ioctl");
			ir.ns = now() - t0;
			if (tr.ns < text.ns)
				text = tr;
			if (ir.ns < ioc.ns)
				ioc = ir;
		}
		if (text.matches == ioc.matches) {
			snprintf(label, sizeof(label), "%ld", ioc.matches);
		} else {
			snprintf(label, sizeof(label), "%ld/%ld", text.matches, ioc.matches);
			moved = 1;
		}
		printf("# %-11s %8s %12llu %12llu %7.1fx %7ld %7ld\n", qr->name, label,
		       (unsigned long long)text.ns, (unsigned long long)ioc.ns,
		       (double)text.ns / ioc.ns, text.syscalls, ioc.syscalls);
		if (qr->identity_only && text.matches != ioc.matches)
			printf("# WARNING: %s: the text has %ld matching tags, the ioctls %ld\n",
			       qr->name, text.matches, ioc.matches);
	}
	if (moved)
		printf("# matches a/b: the text found a, the ioctls b; counters moved in between,\n"
		       "#   e.g. the text's own seq_file buffer (seq_buf_alloc) is live while read\n");
	if (content_id() != id)
		printf("# WARNING: the set of tags changed during the run (module load/unload)\n");
	printf("ok 1 bench ran\n");
	return 0;
}
