// SPDX-License-Identifier: GPL-2.0
/*
 * Differential test of the 7.3 ioctls (CONTENT_ID, GET_AT, GET_NEXT): built
 * against mainline 7.3's <linux/alloc_tag.h>, run on a mainline 7.3 kernel and
 * on the series, and scripts/compare73 requires the two outputs to be equal.
 *
 * Each output line is one observation, "<case> <step> <call> -> <result>",
 * where a record is named by its place in the kernel's own /proc/allocinfo
 * text: "#k/<set>" is the k-th text line matching the filter <set> under the
 * 7.3 rules (names compared as their last 63 characters).  So the two kernels'
 * different tag sets do not matter, as long as a case uses sets whose
 * membership the two share: the first built-in tags (positions only), and the
 * tags of the test module test_allocinfo, whose counters are known and also
 * printed.  "?" means the record is at no expected place in the set.
 *
 * Exit status 1 and a "Bail out!" line when a precondition fails (no file, no
 * test module): then nothing was compared.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/alloc_tag.h>

#define PATH		"/proc/allocinfo"
#define MOD		"test_allocinfo"
#define MAX_SITES	65536
#define NAME		(ALLOCINFO_STR_SIZE - 1)

struct site {
	char mod[ALLOCINFO_STR_SIZE], func[ALLOCINFO_STR_SIZE], file[ALLOCINFO_STR_SIZE];
	unsigned long long line, bytes;
	int accurate;
};

static struct site sites[MAX_SITES];
static int nsites;
static long page;

static void bail(const char *fmt, ...)
{
	va_list ap;

	printf("Bail out! ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(1);
}

/* The last 63 characters of @s, as the 7.3 calls carry names. */
static void tail_copy(char *dst, const char *s, size_t len)
{
	if (len > NAME) {
		s += len - NAME;
		len = NAME;
	}
	memcpy(dst, s, len);
	dst[len] = '\0';
}

/* "bytes calls file:line [mod] func:name[ accurate:no]" */
static void load_text(void)
{
	static char buf[8 << 20];
	char *line, *p, *q, *save;
	ssize_t n, len = 0;
	int fd = open(PATH, O_RDONLY);

	if (fd < 0)
		bail("open %s: %s", PATH, strerror(errno));
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	nsites = 0;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct site *s = &sites[nsites];

		if (strncmp(line, "allocinfo", 9) == 0 || line[0] == '#')
			continue;
		if (nsites == MAX_SITES)
			bail("more than %d tags", MAX_SITES);
		memset(s, 0, sizeof(*s));
		s->bytes = strtoull(line, &p, 10);
		strtoull(p, &p, 10);
		p += strspn(p, " ");
		q = strchr(p, ':');
		if (!q)
			bail("cannot parse: %s", line);
		tail_copy(s->file, p, q - p);
		s->line = strtoull(q + 1, &p, 10);
		p += strspn(p, " ");
		if (*p == '[') {
			q = strchr(p, ']');
			if (!q)
				bail("cannot parse: %s", line);
			tail_copy(s->mod, p + 1, q - p - 1);
			p = q + 2;
		}
		if (strncmp(p, "func:", 5))
			bail("cannot parse: %s", line);
		p += 5;
		q = p + strcspn(p, " ");
		tail_copy(s->func, p, q - p);
		s->accurate = !strstr(q, "accurate:no");
		nsites++;
	}
	if (!nsites)
		bail("no tags in %s", PATH);
}

static int name_differs(const char *name, const char *filter)
{
	return strncmp(name, filter, ALLOCINFO_STR_SIZE) != 0;
}

/* The 7.3 rules, applied to a text line. */
static int matches(const struct allocinfo_filter *f, const struct site *s)
{
	if ((f->mask & ALLOCINFO_FILTER_MASK_MODNAME) && name_differs(s->mod, f->fields.modname))
		return 0;
	if ((f->mask & ALLOCINFO_FILTER_MASK_FUNCTION) &&
	    name_differs(s->func, f->fields.function))
		return 0;
	if ((f->mask & ALLOCINFO_FILTER_MASK_FILENAME) &&
	    name_differs(s->file, f->fields.filename))
		return 0;
	if ((f->mask & ALLOCINFO_FILTER_MASK_LINENO) && s->line != f->fields.lineno)
		return 0;
	if ((f->mask & ALLOCINFO_FILTER_MASK_INACCURATE) && !s->accurate != !!f->inaccurate)
		return 0;
	if ((f->mask & ALLOCINFO_FILTER_MASK_MIN_SIZE) && s->bytes < f->min_size)
		return 0;
	if ((f->mask & ALLOCINFO_FILTER_MASK_MAX_SIZE) && s->bytes > f->max_size)
		return 0;
	return 1;
}

static int same_site(const struct allocinfo_tag *t, const struct site *s)
{
	return !strcmp(t->modname, s->mod) && !strcmp(t->function, s->func) &&
	       !strcmp(t->filename, s->file) && t->lineno == s->line;
}

/* Where @t is among the text lines matching @f: at @hint if it is there. */
static int place(const struct allocinfo_tag *t, const struct allocinfo_filter *f, int hint)
{
	int i, k = 0, first = -1;

	for (i = 0; i < nsites; i++) {
		if (!matches(f, &sites[i]))
			continue;
		if (same_site(t, &sites[i])) {
			if (k == hint)
				return k;
			if (first < 0)
				first = k;
		}
		k++;
	}
	return first;
}

static const char *errname(int err)
{
	switch (err) {
	case 0:		return "0";
	case ENOENT:	return "ENOENT";
	case EINVAL:	return "EINVAL";
	case EFAULT:	return "EFAULT";
	case ENOTTY:	return "ENOTTY";
	default:	return strerror(err);
	}
}

/*
 * Outputs are poisoned before each call: a failed call must leave them alone.
 * 7.3's GET_AT returns the caller's own bytes in counter.pad and after a
 * built-in tag's empty modname, where the series returns zeros (allowed), so
 * those are cleared before a record is looked at.
 */
#define POISON	0xa5

static int poisoned(const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--)
		if (*c++ != POISON)
			return 0;
	return 1;
}

static void clean(struct allocinfo_tag_data *d)
{
	size_t len = strnlen(d->tag.modname, sizeof(d->tag.modname));

	memset(d->counter.pad, 0, sizeof(d->counter.pad));
	if (len < sizeof(d->tag.modname))
		memset(d->tag.modname + len, 0, sizeof(d->tag.modname) - len);
}

static const char *scase;
static int sstep;

static void observe(const char *call, int ret, const struct allocinfo_tag_data *d,
		    const char *set, const struct allocinfo_filter *f, int hint)
{
	printf("%s %d %s -> %s", scase, ++sstep, call, errname(ret ? errno : 0));
	if (ret && d)
		printf(poisoned(d, sizeof(*d)) ? " output kept" : " output written");
	if (!ret && d) {
		int k = place(&d->tag, f, hint);

		if (k < 0)
			printf(" ?/%s", set);
		else
			printf(" #%d/%s", k, set);
		if (!strcmp(d->tag.modname, MOD))
			printf(" bytes=%llu calls=%llu accurate=%u func=%s",
			       (unsigned long long)d->counter.bytes,
			       (unsigned long long)d->counter.calls, d->counter.accurate,
			       d->tag.function);
	}
	printf("\n");
}

static void begin(const char *name)
{
	scase = name;
	sstep = 0;
}

static int get_at(int fd, uint64_t pos, const struct allocinfo_filter *f, const char *set)
{
	struct allocinfo_get_at ga;
	char call[96];
	int ret;

	memset(&ga, POISON, sizeof(ga));
	ga.pos = pos;
	ga.filter = *f;
	ret = ioctl(fd, ALLOCINFO_IOC_GET_AT, &ga);
	if (!ret)
		clean(&ga.data);
	/* The caller's pos and filter come back as they were. */
	/* The number of tags differs between the kernels: name it. */
	if (pos == (uint64_t)nsites)
		snprintf(call, sizeof(call), "GET_AT(count,%s)", set);
	else
		snprintf(call, sizeof(call), "GET_AT(%llu,%s)", (unsigned long long)pos, set);
	if (ga.pos != pos || memcmp(&ga.filter, f, sizeof(*f)))
		strcat(call, " input changed");
	observe(call, ret, &ga.data, set, f, pos > INT32_MAX ? -1 : (int)pos);
	return ret;
}

/* GET_NEXT, the record expected at @hint of @set. */
static int get_next(int fd, const struct allocinfo_filter *f, const char *set, int hint)
{
	struct allocinfo_tag_data d;
	int ret;

	memset(&d, POISON, sizeof(d));
	ret = ioctl(fd, ALLOCINFO_IOC_GET_NEXT, &d);
	observe("GET_NEXT", ret, &d, set, f, hint);
	return ret;
}

static void raw(int fd, const char *call, unsigned long cmd, void *arg)
{
	observe(call, ioctl(fd, cmd, arg), NULL, NULL, NULL, 0);
}

static int fresh(void)
{
	int fd = open(PATH, O_RDONLY);

	if (fd < 0)
		bail("open %s: %s", PATH, strerror(errno));
	return fd;
}

static void run(const char *cmd)
{
	if (system(cmd))
		bail("'%s' failed", cmd);
	load_text();
}

static struct allocinfo_filter filter(uint64_t mask)
{
	struct allocinfo_filter f;

	memset(&f, 0, sizeof(f));
	f.mask = mask;
	return f;
}

static struct allocinfo_filter name(uint64_t mask, const char *mod, const char *func)
{
	struct allocinfo_filter f = filter(mask);

	snprintf(f.fields.modname, sizeof(f.fields.modname), "%s", mod);
	snprintf(f.fields.function, sizeof(f.fields.function), "%s", func);
	return f;
}

/* The site of the test module in function @func (or its last 63 characters). */
static const struct site *mod_site(const char *func)
{
	int i;

	for (i = 0; i < nsites; i++)
		if (!strcmp(sites[i].mod, MOD) && strstr(sites[i].func, func))
			return &sites[i];
	bail("no site of %s in %s", MOD, func);
	return NULL;
}

#define M_MOD	ALLOCINFO_FILTER_MASK_MODNAME
#define M_FUNC	ALLOCINFO_FILTER_MASK_FUNCTION
#define M_FILE	ALLOCINFO_FILTER_MASK_FILENAME
#define M_LINE	ALLOCINFO_FILTER_MASK_LINENO
#define M_INACC	ALLOCINFO_FILTER_MASK_INACCURATE
#define M_MIN	ALLOCINFO_FILTER_MASK_MIN_SIZE
#define M_MAX	ALLOCINFO_FILTER_MASK_MAX_SIZE

int main(void)
{
	struct allocinfo_filter all = filter(0), mod = name(M_MOD, MOD, "");
	struct allocinfo_filter builtin = name(M_MOD, "", ""), f, g;
	struct allocinfo_content_id id, id2;
	struct allocinfo_tag_data d;
	struct allocinfo_get_at *ga;
	const struct site *s;
	int fd, fd2, i, ret;
	char *map;

	setvbuf(stdout, NULL, _IOLBF, 0);
	page = sysconf(_SC_PAGESIZE);
	system("rmmod " MOD " 2>/dev/null");
	run("modprobe " MOD);

	begin("fresh-get-next");
	fd = fresh();
	for (i = 0; i < 3; i++)
		get_next(fd, &all, "all", i);
	close(fd);

	begin("fresh-get-next-null");
	fd = fresh();
	raw(fd, "GET_NEXT(NULL)", ALLOCINFO_IOC_GET_NEXT, NULL);
	get_next(fd, &all, "all", 1);
	close(fd);

	begin("module-walk-restarts");
	fd = fresh();
	get_at(fd, 0, &mod, "mod");
	for (i = 1; i < 6; i++)
		get_next(fd, &mod, "mod", i % 5);
	get_next(fd, &mod, "mod", 1);
	close(fd);

	begin("pos-beyond-count-keeps-walk");
	fd = fresh();
	get_at(fd, 1, &mod, "mod");
	get_at(fd, 1ULL << 32, &mod, "mod");
	get_at(fd, UINT64_MAX, &all, "all");
	get_at(fd, nsites, &all, "all");
	get_next(fd, &mod, "mod", 2);
	close(fd);

	begin("no-match-positioned");
	fd = fresh();
	get_at(fd, 0, &all, "all");
	get_at(fd, 10, &mod, "mod");
	get_next(fd, &mod, "mod", 0);
	get_next(fd, &mod, "mod", 0);
	close(fd);

	begin("no-match-unpositioned");
	fd = fresh();
	get_at(fd, 10, &mod, "mod");
	get_next(fd, &mod, "mod", 0);
	close(fd);

	begin("einval-keeps-state");
	fd = fresh();
	get_at(fd, 0, &mod, "mod");
	f = filter(1ULL << 7);
	get_at(fd, 0, &f, "bad-bit");
	f = filter(M_MIN | M_MAX);
	f.min_size = 2;
	f.max_size = 1;
	get_at(fd, 0, &f, "min>max");
	get_next(fd, &mod, "mod", 1);
	close(fd);
	fd = fresh();
	get_at(fd, 0, &f, "min>max");
	get_next(fd, &all, "all", 0);
	close(fd);

	begin("unterminated-names");
	fd = fresh();
	for (i = 0; i < 3; i++) {
		f = filter(i == 0 ? M_MOD : i == 1 ? M_FUNC : M_FILE);
		memset(i == 0 ? f.fields.modname : i == 1 ? f.fields.function :
		       f.fields.filename, 'a', ALLOCINFO_STR_SIZE);
		get_at(fd, 0, &f, "64-bytes");
	}
	get_next(fd, &f, "64-bytes", 0);
	f = mod;
	f.fields.modname[strlen(MOD) + 1] = 'x';
	get_at(fd, 0, &f, "junk-after-nul");
	get_next(fd, &mod, "mod", 1);
	close(fd);

	begin("builtin");
	fd = fresh();
	get_at(fd, 0, &builtin, "builtin");
	get_at(fd, 2, &builtin, "builtin");
	get_next(fd, &builtin, "builtin", 3);
	f = name(M_MOD, "", "");
	f.fields.modname[1] = 'x';
	get_at(fd, 0, &f, "builtin-junk");
	close(fd);

	begin("long-function");
	fd = fresh();
	s = mod_site("longer_than_sixty_three");
	f = name(M_FUNC, "", s->func);
	get_at(fd, 0, &f, "last-63");
	g = name(M_FUNC, "", "test_allocinfo_site_in_a_function_whose_name_is_longer_than_s");
	get_at(fd, 0, &g, "first-63");
	close(fd);

	begin("accuracy");
	fd = fresh();
	for (i = 0; i < 3; i++) {
		f = mod;
		f.mask |= M_INACC;
		f.inaccurate = i;
		get_at(fd, 0, &f, i ? "mod-inaccurate" : "mod-accurate");
		get_next(fd, &f, i ? "mod-inaccurate" : "mod-accurate", 1);
	}
	f = mod;
	f.inaccurate = 1;
	get_at(fd, 3, &f, "mod");
	close(fd);

	begin("sizes");
	fd = fresh();
	f = mod;
	f.mask |= M_MIN;
	f.min_size = 4 * page;
	get_at(fd, 0, &f, "mod>=4p");
	get_next(fd, &f, "mod>=4p", 1);
	get_next(fd, &f, "mod>=4p", 2);
	f = mod;
	f.mask |= M_MAX;
	f.max_size = page;
	get_at(fd, 0, &f, "mod<=1p");
	get_next(fd, &f, "mod<=1p", 1);
	f.mask |= M_MIN;
	f.min_size = f.max_size = 3 * page;
	get_at(fd, 0, &f, "mod=3p");
	get_at(fd, 0, &f, "mod=3p");
	f.max_size = UINT64_MAX;
	f.min_size = 0;
	get_at(fd, 3, &f, "mod-any");
	close(fd);

	begin("file-and-line");
	fd = fresh();
	s = mod_site("site_b");
	f = filter(M_FILE | M_LINE);
	strcpy(f.fields.filename, s->file);
	f.fields.lineno = s->line;
	get_at(fd, 0, &f, "site_b-line");
	get_next(fd, &f, "site_b-line", 1);
	f.fields.lineno |= 1ULL << 32;
	get_at(fd, 0, &f, "line+2^32");
	f = filter(M_FILE);
	strcpy(f.fields.filename, s->file);
	get_at(fd, 2, &f, "mod-file");
	close(fd);

	/* A struct the kernel can read but not write, and one it cannot read. */
	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		bail("mmap: %s", strerror(errno));
	begin("efault-read-only");
	ga = (void *)map;
	fd = fresh();
	ga = (void *)map;
	memset(ga, 0, sizeof(*ga));
	ga->pos = 1;
	ga->filter = mod;
	mprotect(map, page, PROT_READ);
	raw(fd, "GET_AT(1,mod,read-only)", ALLOCINFO_IOC_GET_AT, ga);
	get_next(fd, &mod, "mod", 2);
	raw(fd, "GET_NEXT(read-only)", ALLOCINFO_IOC_GET_NEXT, map);
	get_next(fd, &mod, "mod", 0);
	raw(fd, "CONTENT_ID(read-only)", ALLOCINFO_IOC_CONTENT_ID, map);
	close(fd);

	begin("efault-unreadable");
	fd = fresh();
	mprotect(map, page, PROT_READ | PROT_WRITE);
	munmap(map + page, page);
	ga = (void *)(map + page - sizeof(*ga) + 8);
	memset(ga, 0, sizeof(*ga) - 8);
	ga->filter = mod;
	raw(fd, "GET_AT(0,mod,straddling)", ALLOCINFO_IOC_GET_AT, ga);
	get_next(fd, &all, "all", 0);
	raw(fd, "GET_NEXT(straddling)", ALLOCINFO_IOC_GET_NEXT, map + page - 8);
	get_next(fd, &all, "all", 2);
	raw(fd, "GET_AT(NULL)", ALLOCINFO_IOC_GET_AT, NULL);
	raw(fd, "CONTENT_ID(NULL)", ALLOCINFO_IOC_CONTENT_ID, NULL);
	munmap(map, page);
	close(fd);

	begin("unknown-requests");
	fd = fresh();
	raw(fd, "_IO(0xA6,0)", _IO(ALLOCINFO_IOC_BASE, 0), &id);
	raw(fd, "_IOR(0xA6,0,u32)", _IOR(ALLOCINFO_IOC_BASE, 0, __u32), &id);
	raw(fd, "_IOW(0xA6,1,get_at)", _IOW(ALLOCINFO_IOC_BASE, 1, struct allocinfo_get_at), &id);
	raw(fd, "_IOWR(0xA6,2,tag_data)",
	    _IOWR(ALLOCINFO_IOC_BASE, 2, struct allocinfo_tag_data), &id);
	raw(fd, "_IOWR(0xA6,4,get_at)", _IOWR(ALLOCINFO_IOC_BASE, 4, struct allocinfo_get_at), &id);
	raw(fd, "_IOR(0xA7,0,content_id)",
	    _IOR(ALLOCINFO_IOC_BASE + 1, 0, struct allocinfo_content_id), &id);
	get_next(fd, &all, "all", 0);
	close(fd);

	begin("two-files-and-dup");
	fd = fresh();
	fd2 = fresh();
	get_at(fd, 1, &mod, "mod");
	get_next(fd2, &all, "all", 0);
	get_next(fd, &mod, "mod", 2);
	close(fd2);
	fd2 = dup(fd);
	get_next(fd2, &mod, "mod", 3);
	get_next(fd, &mod, "mod", 0);
	close(fd2);
	close(fd);

	begin("content-id");
	fd = fresh();
	ioctl(fd, ALLOCINFO_IOC_CONTENT_ID, &id);
	ioctl(fd, ALLOCINFO_IOC_CONTENT_ID, &id2);
	printf("%s %d stable -> %s\n", scase, ++sstep, id.id == id2.id ? "same" : "changed");
	run("rmmod " MOD);
	ioctl(fd, ALLOCINFO_IOC_CONTENT_ID, &id2);
	printf("%s %d rmmod -> %s\n", scase, ++sstep, id.id == id2.id ? "same" : "changed");
	id = id2;
	run("modprobe " MOD);
	ioctl(fd, ALLOCINFO_IOC_CONTENT_ID, &id2);
	printf("%s %d modprobe -> %s\n", scase, ++sstep, id.id == id2.id ? "same" : "changed");
	close(fd);

	begin("full-walk-is-text-order");
	fd = fresh();
	for (i = 0; !(ret = ioctl(fd, ALLOCINFO_IOC_GET_NEXT, &d)); i++)
		if (i >= nsites || !same_site(&d.tag, &sites[i]))
			break;
	printf("%s 1 GET_NEXT until ENOENT -> %s\n", scase,
	       ret && errno == ENOENT && i == nsites ? "every text line, in order" : "differs");
	close(fd);

	begin("unload-during-walk");
	fd = fresh();
	get_at(fd, 3, &mod, "mod");
	run("rmmod " MOD);
	get_next(fd, &mod, "mod", 0);
	get_next(fd, &mod, "mod", 0);
	run("modprobe " MOD);
	get_next(fd, &mod, "mod", 0);
	close(fd);

	begin("reload-during-walk");
	fd = fresh();
	get_at(fd, 1, &mod, "mod");
	run("rmmod " MOD);
	run("modprobe " MOD);
	get_next(fd, &mod, "mod", 2);
	get_next(fd, &mod, "mod", 1);
	close(fd);

	begin("unload-unfiltered-walk");
	fd = fresh();
	get_at(fd, 0, &mod, "mod");
	get_at(fd, 0, &all, "all");
	run("rmmod " MOD);
	get_next(fd, &all, "all", 1);
	close(fd);
	run("modprobe " MOD);
	return 0;
}
