// SPDX-License-Identifier: GPL-2.0
/*
 * The floor of a counter sum, for scripts/bench: what summing the counters of
 * @tags alloc_tag-like per-CPU counter pairs over the online CPUs costs in a
 * bare loop, with no walk, filter, record or system call around it.  Three
 * loops are timed: CPU-major (each CPU's counters in memory order),
 * tag-major (each tag's counters on every CPU, four CPUs at a time) and
 * blocked (three tags' counters on every CPU, their sums in registers); the
 * cheapest is the floor.  A fourth loop sums only the bytes, six tags at a
 * time: the floor of a size criterion that reads the calls only of the tags
 * it keeps.  Each is the minimum of five runs, in ns (under qemu -icount
 * shift=0, guest instructions), in the parameters cpu_major, tag_major,
 * blocked and bytes.
 * Workbench code, not part of the series.
 */
#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/slab.h>

struct pair {
	u64 bytes, calls;
};

static unsigned int tags = 1000;
module_param(tags, uint, 0444);
static unsigned long long cpu_major_ns = ULLONG_MAX, tag_major_ns = ULLONG_MAX;
static unsigned long long blocked_ns = ULLONG_MAX, bytes_ns = ULLONG_MAX;
module_param_named(cpu_major, cpu_major_ns, ullong, 0444);
module_param_named(tag_major, tag_major_ns, ullong, 0444);
module_param_named(blocked, blocked_ns, ullong, 0444);
module_param_named(bytes, bytes_ns, ullong, 0444);
static unsigned long long sink;

static u64 cpu_major(struct pair __percpu *pc, struct pair *sums)
{
	u64 t = ktime_get_ns();
	unsigned int i;
	int cpu;

	memset(sums, 0, tags * sizeof(*sums));
	for_each_online_cpu(cpu) {
		const struct pair *p = per_cpu_ptr(pc, cpu);

		for (i = 0; i < tags; i++) {
			sums[i].bytes += p[i].bytes;
			sums[i].calls += p[i].calls;
		}
	}
	return ktime_get_ns() - t;
}

static u64 tag_major(struct pair __percpu *pc, struct pair *sums,
		     const unsigned long *offs, unsigned int n)
{
	u64 t = ktime_get_ns();
	const unsigned long *o;
	unsigned int i;

	for (i = 0; i < tags; i++) {
		struct pair __percpu *q = pc + i;
		struct pair v = { 0, 0 };

		for (o = offs; offs + n - o >= 4; o += 4) {
			v.bytes += SHIFT_PERCPU_PTR(q, o[0])->bytes + SHIFT_PERCPU_PTR(q, o[1])->bytes +
				   SHIFT_PERCPU_PTR(q, o[2])->bytes + SHIFT_PERCPU_PTR(q, o[3])->bytes;
			v.calls += SHIFT_PERCPU_PTR(q, o[0])->calls + SHIFT_PERCPU_PTR(q, o[1])->calls +
				   SHIFT_PERCPU_PTR(q, o[2])->calls + SHIFT_PERCPU_PTR(q, o[3])->calls;
		}
		for (; o < offs + n; o++) {
			v.bytes += SHIFT_PERCPU_PTR(q, *o)->bytes;
			v.calls += SHIFT_PERCPU_PTR(q, *o)->calls;
		}
		sums[i] = v;
	}
	return ktime_get_ns() - t;
}

#define ADD(v, q, o) ((v).bytes += *SHIFT_PERCPU_PTR(&(q)->bytes, o),	\
		      (v).calls += *SHIFT_PERCPU_PTR(&(q)->calls, o))

static u64 blocked(struct pair __percpu *pc, struct pair *sums,
		   const unsigned long *offs, unsigned int n)
{
	u64 t = ktime_get_ns();
	const unsigned long *o;
	struct pair v0, v1, v2;
	unsigned int i = 0;

	for (; tags - i >= 3; i += 3) {
		v0 = (struct pair){ 0, 0 };
		v1 = v0;
		v2 = v0;
		for (o = offs; o < offs + n; o++) {
			ADD(v0, pc + i, *o);
			ADD(v1, pc + i + 1, *o);
			ADD(v2, pc + i + 2, *o);
		}
		sums[i] = v0;
		sums[i + 1] = v1;
		sums[i + 2] = v2;
	}
	for (; i < tags; i++) {
		v0 = (struct pair){ 0, 0 };
		for (o = offs; o < offs + n; o++)
			ADD(v0, pc + i, *o);
		sums[i] = v0;
	}
	return ktime_get_ns() - t;
}

#define B(q, o)	(*SHIFT_PERCPU_PTR(&(q)->bytes, o))

static u64 bytes(struct pair __percpu *pc, struct pair *sums,
		 const unsigned long *offs, unsigned int n)
{
	u64 t = ktime_get_ns(), b0, b1, b2, b3, b4, b5;
	const unsigned long *o;
	unsigned int i = 0;

	for (; tags - i >= 6; i += 6) {
		b0 = b1 = b2 = b3 = b4 = b5 = 0;
		for (o = offs; o < offs + n; o++) {
			b0 += B(pc + i, *o);
			b1 += B(pc + i + 1, *o);
			b2 += B(pc + i + 2, *o);
			b3 += B(pc + i + 3, *o);
			b4 += B(pc + i + 4, *o);
			b5 += B(pc + i + 5, *o);
		}
		sums[i].bytes = b0;
		sums[i + 1].bytes = b1;
		sums[i + 2].bytes = b2;
		sums[i + 3].bytes = b3;
		sums[i + 4].bytes = b4;
		sums[i + 5].bytes = b5;
	}
	for (; i < tags; i++) {
		b0 = 0;
		for (o = offs; o < offs + n; o++)
			b0 += B(pc + i, *o);
		sums[i].bytes = b0;
	}
	return ktime_get_ns() - t;
}

static int __init allocinfo_floor_init(void)
{
	struct pair __percpu *pc = __alloc_percpu(tags * sizeof(struct pair), 8);
	struct pair *sums = kcalloc(tags, sizeof(*sums), GFP_KERNEL);
	unsigned long *offs = kcalloc(nr_cpu_ids, sizeof(*offs), GFP_KERNEL);
	unsigned int n = 0, i, run;
	int cpu, ret = -ENOMEM;

	if (!pc || !sums || !offs)
		goto out;
	for_each_online_cpu(cpu)
		offs[n++] = per_cpu_offset(cpu);
	for (run = 0; run < 5; run++) {
		cpu_major_ns = min(cpu_major_ns, cpu_major(pc, sums));
		tag_major_ns = min(tag_major_ns, tag_major(pc, sums, offs, n));
		blocked_ns = min(blocked_ns, blocked(pc, sums, offs, n));
		bytes_ns = min(bytes_ns, bytes(pc, sums, offs, n));
	}
	for (i = 0; i < tags; i++)
		sink += sums[i].bytes + sums[i].calls;
	ret = 0;
out:
	kfree(offs);
	kfree(sums);
	free_percpu(pc);
	return ret;
}

static void __exit allocinfo_floor_exit(void)
{
}

module_init(allocinfo_floor_init);
module_exit(allocinfo_floor_exit);
MODULE_DESCRIPTION("The bare cost of summing alloc_tag-like per-CPU counters (bench floor)");
MODULE_LICENSE("GPL");
