#!/usr/bin/env python3
"""Where ClusterLoad's tail comes from: stall episodes and who had the CPU during them.

Reads the timeline ClusterLoad writes with -Dbench.timeline=FILE (uptime_ms latency_ms
monotonic_ms per particle) and, optionally, a scheduler trace taken beside it:

  perf record -e sched:sched_switch -a -k CLOCK_MONOTONIC -o sched.data -- sleep 10
  perf script -i sched.data -F time,cpu,trace > sched.txt

An episode is a run of slow particles (over --slow ms) whose lifetimes overlap; one that holds
about as many particles as were in flight is a stall of the whole process, not one unlucky
particle. With a scheduler trace, each episode's CPU time is split by thread name, and bursts of
the kernel's DAMON thread (kdamond) are lined up with the episodes.

usage: cluster-load-stalls.py TIMELINE [SCHED_TXT] [--slow MS] [--last SECONDS] [--whole N]
"""
import argparse
import collections
import re


def read_timeline(path):
    rows = []
    with open(path) as f:
        next(f)
        for line in f:
            fields = line.split()
            latency, end = float(fields[1]), float(fields[2])
            rows.append((end - latency, end))
    return rows


def episodes(rows, slow_ms):
    """Overlapping slow particles, merged: [start, end, count] in monotonic ms."""
    merged = []
    for start, end in sorted(r for r in rows if r[1] - r[0] > slow_ms):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] += 1
        else:
            merged.append([start, end, 1])
    return merged


def read_sched(path):
    """Running slices (start_ms, end_ms, thread name) from perf script's sched_switch lines."""
    pattern = re.compile(r"\[(\d+)\]\s+([\d.]+): prev_comm=.*? prev_pid=\d+ .*==> next_comm=(.*?) next_pid")
    slices, running = [], {}
    with open(path) as f:
        for line in f:
            m = pattern.match(line)
            if not m:
                continue
            cpu, at = m.group(1), float(m.group(2)) * 1000
            if cpu in running:
                slices.append((running[cpu][0], at, running[cpu][1]))
            running[cpu] = (at, m.group(3))
    return slices


def thread_kind(name):
    return re.sub(r"[\d#]+$", "", name).strip()


def cpu_by_thread(slices, start, end):
    used = collections.Counter()
    for s, e, name in slices:
        overlap = min(e, end) - max(s, start)
        if overlap > 0:
            used[thread_kind(name)] += overlap
    return used


def shares(used, top):
    total = sum(used.values()) or 1
    return ", ".join(f"{k} {v / total * 100:.0f}%" for k, v in used.most_common(top))


def kdamond_bursts(slices):
    """kdamond's slices merged when less than 50 ms apart; bursts of over 5 ms of CPU."""
    bursts = []
    for s, e in sorted((s, e) for s, e, n in slices if n.startswith("kdamond")):
        if bursts and s - bursts[-1][1] < 50:
            bursts[-1][1] = e
            bursts[-1][2] += e - s
        else:
            bursts.append([s, e, e - s])
    return [b for b in bursts if b[2] > 5]


def main():
    args = argparse.ArgumentParser()
    args.add_argument("timeline")
    args.add_argument("sched", nargs="?")
    args.add_argument("--slow", type=float, default=30, help="a slow particle takes over this (ms)")
    args.add_argument("--last", type=float, default=30, help="look at the last SECONDS only")
    args.add_argument("--whole", type=int, default=12, help="particles that make a whole-process stall")
    opts = args.parse_args()

    rows = read_timeline(opts.timeline)
    slices = read_sched(opts.sched) if opts.sched else []
    if slices:
        first, last = min(s[0] for s in slices), max(s[1] for s in slices)
        rows = [r for r in rows if r[0] >= first and r[1] <= last]
    else:
        last_end = max(r[1] for r in rows)
        rows = [r for r in rows if r[1] >= last_end - opts.last * 1000]
    found = episodes(rows, opts.slow)
    whole = [e for e in found if e[2] >= opts.whole]
    slow = sum(e[2] for e in found)
    print(f"{len(rows)} particles, {slow} over {opts.slow:g} ms, in {len(found)} episodes; "
          f"{len(whole)} episodes of {opts.whole}+ particles hold {sum(e[2] for e in whole)} of them")
    print("seconds between whole-process stalls: "
          + " ".join(f"{(b[1] - a[1]) / 1000:.2f}" for a, b in zip(whole, whole[1:])))
    if not slices:
        return
    print("CPU over the whole trace: " + shares(cpu_by_thread(slices, first, last), 8))
    during = collections.Counter()
    for start, end, _ in whole:
        during.update(cpu_by_thread(slices, start, end))
    print("CPU during the whole-process stalls: " + shares(during, 8))
    bursts = kdamond_bursts(slices)
    if bursts:
        hit = sum(1 for s, e, _ in whole if any(b[0] < e and b[1] > s for b in bursts))
        print(f"kdamond: {len(bursts)} bursts, every "
              + " ".join(f"{(b[0] - a[0]) / 1000:.2f}" for a, b in zip(bursts, bursts[1:]))
              + f" s; {round(sum(b[2] for b in bursts))} ms of CPU; "
              f"{hit} of {len(whole)} whole-process stalls overlap one")


if __name__ == "__main__":
    main()
