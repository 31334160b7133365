#!/usr/bin/env python3
"""Who used the CPU while the benchmark ran: a /proc sampler and a per-window report.

  sample:  cpu_sampler.py sample --out samples.tsv --service-pid PID --dbs punchcard_bench,punchcard_pgbench
           (runs until SIGTERM/SIGINT or, with --service-pid, until that process is gone and
           --until-service-exits is given; one line per --interval seconds)
  report:  cpu_sampler.py report samples.tsv windows.tsv
           windows.tsv: label <TAB> from_epoch <TAB> until_epoch

Every process is put in one bucket, CPU in cores (1.0 = one CPU busy for the whole interval):
  service    the service JVM and its children
  pg_ours    PostgreSQL backends connected to one of --dbs (the benchmark's own queries)
  pg_aux     the postmaster and PostgreSQL's shared processes (WAL writer, checkpointer, ...)
  loadgen    the load generator (LoadClient.java, wrk, pgbench) and this sampler
  kernel     kernel threads (kworker, jbd2 journaling for fsync, ...)
  irq        hard and soft interrupts (loopback TCP, disk completion), from /proc/stat
  others     everything else: other users' processes, other databases' backends
             (machine busy minus all of the above, so exited processes are not lost;
             hypervisor steal time lands here too)
The machine's busy cores come from /proc/stat. Linux only.
"""
import os
import signal
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
SELF = os.getpid()


def machine():
    """(busy, total, irq) jiffies over all CPUs; irq = hard + soft interrupts (loopback TCP, disk)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    total = sum(v)
    return total - v[3] - v[4], total, v[5] + v[6]


def proc_table():
    """pid -> (ppid, ticks, comm, cmdline) for every live process."""
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        pid = int(name)
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                raw = f.read().decode("utf-8", "replace")
            comm = raw[raw.index("(") + 1:raw.rindex(")")]
            rest = raw[raw.rindex(")") + 2:].split()
            ppid = int(rest[1])
            ticks = int(rest[11]) + int(rest[12])
            cmd = ""
            if comm in ("postgres", "java", "pgbench", "python3", "timeout"):
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
            out[pid] = (ppid, ticks, comm, cmd)
        except (OSError, ValueError, IndexError):
            continue
    return out


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def bucket(pid, table, service_pid, dbs):
    ppid, _, comm, cmd = table[pid]
    if service_pid:
        p, seen = pid, 0
        while p > 1 and seen < 64:
            if p == service_pid:
                return "service"
            p = table.get(p, (0,))[0]
            seen += 1
    if pid == 2 or ppid == 2:
        return "kernel"  # kernel threads: kworker, jbd2 (fsync), kswapd ...
    if pid == SELF or comm in ("pgbench", "wrk") or "LoadClient.java" in cmd:
        return "loadgen"
    if comm == "postgres":
        # backend title: "postgres: 15/main: <user> <db> <client> <state>"
        if cmd.startswith("postgres: "):
            parts = cmd.split()
            if len(parts) >= 4 and parts[3] in dbs:
                return "pg_ours"
            if len(parts) >= 4 and ("(" in cmd or "[local]" in cmd):
                return "others"  # another database's backend
            return "pg_aux"
        return "pg_aux"  # the postmaster
    return "others"


BUCKETS = ("service", "pg_ours", "pg_aux", "loadgen", "kernel")


def sample(args):
    out = args["--out"]
    interval = float(args.get("--interval", "0.5"))
    service_pid = int(args.get("--service-pid", "0") or 0)
    dbs = set(filter(None, args.get("--dbs", "").split(",")))
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    prev_table = proc_table()
    prev_m = machine()
    prev_t = time.time()
    with open(out, "w", buffering=1) as f:
        f.write("epoch\tinterval_s\tmachine_busy\t" + "\t".join(BUCKETS) + "\tirq\tothers\tservice_rss_kb\n")
        while not stop:
            time.sleep(interval)
            now = time.time()
            table = proc_table()
            m = machine()
            dt_ticks = m[1] - prev_m[1]
            if dt_ticks <= 0:
                continue
            ncpu = os.cpu_count() or 1
            # /proc/stat counts all CPUs: busy share times CPUs = busy cores
            busy = (m[0] - prev_m[0]) / dt_ticks * ncpu
            irq = (m[2] - prev_m[2]) / dt_ticks * ncpu
            wall = now - prev_t
            sums = dict.fromkeys(BUCKETS, 0)
            for pid, (_, ticks, _, _) in table.items():
                b = bucket(pid, table, service_pid, dbs)
                if b == "others":
                    continue
                before = prev_table.get(pid)
                delta = ticks - before[1] if before else ticks
                sums[b] += max(0, delta)
            cores = {b: sums[b] / TICK / wall for b in BUCKETS}
            others = max(0.0, busy - irq - sum(cores.values()))
            f.write(f"{now:.3f}\t{wall:.3f}\t{busy:.3f}\t"
                    + "\t".join(f"{cores[b]:.3f}" for b in BUCKETS)
                    + f"\t{irq:.3f}\t{others:.3f}\t{rss_kb(service_pid) if service_pid else 0}\n")
            prev_table, prev_m, prev_t = table, m, now
            if args.get("--until-service-exits") and service_pid and service_pid not in table:
                break


def report(samples_path, windows_path):
    rows = []
    with open(samples_path) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            v = line.rstrip("\n").split("\t")
            if len(v) == len(header):
                rows.append(dict(zip(header, (float(x) for x in v))))
    cols = ("machine_busy",) + BUCKETS + ("irq", "others")
    print("window\tseconds\t" + "\t".join(cols))
    with open(windows_path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            label, a, b = parts[0], float(parts[1]), float(parts[2])
            # a sample covers (epoch - interval_s, epoch]; keep those fully inside the window
            inside = [r for r in rows if r["epoch"] - r["interval_s"] >= a - 0.01 and r["epoch"] <= b + 0.01]
            secs = sum(r["interval_s"] for r in inside)
            if secs <= 0:
                print(f"{label}\t0" + "\t-" * len(cols))
                continue
            avg = {c: sum(r[c] * r["interval_s"] for r in inside) / secs for c in cols}
            print(f"{label}\t{secs:.1f}\t" + "\t".join(f"{avg[c]:.2f}" for c in cols))


def main(argv):
    if len(argv) >= 2 and argv[1] == "sample":
        args, i = {}, 2
        while i < len(argv):
            if argv[i] == "--until-service-exits":
                args[argv[i]] = True
                i += 1
            else:
                args[argv[i]] = argv[i + 1]
                i += 2
        sample(args)
    elif len(argv) == 4 and argv[1] == "report":
        report(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
