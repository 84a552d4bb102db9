// SPDX-License-Identifier: GPL-2.0
/*
 * Keeps callers inside /proc/allocinfo until it goes away (guest/shutdown.sh): on one
 * descriptor opened beforehand, one thread loops ALLOCINFO_IOC_QUERY, one GET_AT and one
 * reads the text. Each stops at its first error; the program then prints the errno that
 * stopped each, and what open() says, as "query=E get_at=E read=E open=E".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/alloc_tag.h>

static int fd;
static int err[3];

static void *loop(void *arg)
{
	static char bufs[3][65536];
	long kind = (long)arg;
	char *buf = bufs[kind];
	struct allocinfo_query q;
	struct allocinfo_get_at ga;
	int ret;

	do {
		if (kind == 0) {
			memset(&q, 0, sizeof(q));
			q.buf_addr = (unsigned long)buf;
			q.buf_size = sizeof(bufs[0]);
			ret = ioctl(fd, ALLOCINFO_IOC_QUERY, &q);
		} else if (kind == 1) {
			memset(&ga, 0, sizeof(ga));
			ret = ioctl(fd, ALLOCINFO_IOC_GET_AT, &ga);
		} else {
			ret = pread(fd, buf, sizeof(bufs[0]), 0) < 0 ? -1 : 0;
		}
	} while (!ret);
	err[kind] = errno;
	return NULL;
}

int main(void)
{
	pthread_t t[3];
	long i;
	int fd2;

	fd = open("/proc/allocinfo", O_RDONLY);
	if (fd < 0) {
		perror("open /proc/allocinfo");
		return 1;
	}
	for (i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, loop, (void *)i);
	for (i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	fd2 = open("/proc/allocinfo", O_RDONLY);
	printf("query=%s get_at=%s read=%s open=%s\n", strerrorname_np(err[0]),
	       strerrorname_np(err[1]), strerrorname_np(err[2]),
	       fd2 < 0 ? strerrorname_np(errno) : "0");
	return 0;
}
