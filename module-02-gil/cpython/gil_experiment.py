"""The lesson's experiment in CPython: what the GIL does to CPU-bound and sleeping threads.

Run it with CPython 3 (3.11 was used for the lesson):

    python3 gil_experiment.py                  # sections 3 and 4: CPU-bound and sleeping threads
    python3 gil_experiment.py timeline FILE    # section 8: who holds the GIL, logged to FILE
    python3 gil_experiment.py convoy           # section 8: the convoy effect
"""
import argparse
import datetime
import os
import platform
import statistics
import sys
import threading
import time


def countdown(n):
    while n > 0:
        n -= 1


def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def two_threads(target, arg):
    threads = [threading.Thread(target=target, args=(arg,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def sleepers(count, seconds):
    threads = [threading.Thread(target=time.sleep, args=(seconds,)) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def turns(seconds):
    """Two CPU-bound threads note each moment the turn passes to them; returns turn lengths."""
    changes = []
    last = [None]
    stop = time.perf_counter() + seconds

    def work(me):
        while time.perf_counter() < stop:
            if last[0] != me:
                last[0] = me
                changes.append(time.perf_counter())

    threads = [threading.Thread(target=work, args=(name,)) for name in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [b - a for a, b in zip(changes, changes[1:])]


def lesson():
    print(f"CPython {platform.python_version()} on {platform.system()}, "
          f"switch interval {sys.getswitchinterval()} s")
    n = 20_000_000
    countdown(n)  # warm up: the first runs of a loop are slower
    seq_times, par_times = [], []
    for _ in range(5):  # taken in turns; the best run of each is the least disturbed one
        seq_times.append(timed(lambda: (countdown(n), countdown(n))))
        par_times.append(timed(lambda: two_threads(countdown, n)))
    seq, par = min(seq_times), min(par_times)
    print(f"countdown({n:,}) twice, one after the other: {seq:.2f} s (best of 5)")
    print(f"countdown({n:,}) on two threads at once:     {par:.2f} s"
          f"  ({par / seq:.2f} x the sequential time)")
    print(f"four threads sleeping 1 s each:              {timed(lambda: sleepers(4, 1.0)):.2f} s")
    for interval in (0.005, 0.001):
        sys.setswitchinterval(interval)
        lengths = turns(1.0)
        print(f"switch interval {interval * 1000:g} ms: {len(lengths) + 1} turns in 1 s, "
              f"median turn {statistics.median(lengths) * 1000:.2f} ms")
    sys.setswitchinterval(0.005)


class Lane:
    """One thread of the timeline: it notes, with time.perf_counter_ns, each change it sees.

    Only the thread that holds the GIL runs Python code, so each clock reading is a moment at
    which its thread held the GIL. A thread that finds another lane in owner lost the GIL
    after its last reading and got it back before its next one.
    """

    def __init__(self, name, owner, events):
        self.name = name
        self.owner = owner
        self.events = events
        self.last = 0

    def note(self, ns, event):
        self.events.append((ns, self.name, event))

    def hold(self):
        self.owner[0] = self
        self.last = time.perf_counter_ns()
        self.note(self.last, "hold")

    def busy(self, until):
        """Computes until the clock passes until, noting each time the GIL was away."""
        clock = time.perf_counter_ns
        while True:
            if self.owner[0] is not self:
                self.note(self.last, "wait")
                self.hold()
            self.last = clock()
            if self.last >= until:
                return

    def sleep(self, seconds):
        """Sleeps without the GIL: time.sleep releases it and takes it back."""
        while True:
            start = time.perf_counter_ns()
            if self.owner[0] is self:
                break
            self.note(self.last, "wait")
            self.hold()
        time.sleep(seconds)
        self.owner[0] = self
        self.last = time.perf_counter_ns()
        self.note(start, "sleep")
        # Python code cannot run while it waits for the GIL, so the wait starts at the sleep's
        # deadline (time.sleep sleeps until a deadline on the same clock as perf_counter).
        self.note(min(start + round(seconds * 1e9), self.last), "wait")
        self.note(self.last, "hold")


def timeline(path, run_ms, sleep_ms, work_ms):
    """Two CPU-bound threads and a sleeper; writes what each thread saw to path."""
    events, owner, start = [], [None], []

    def begin():
        start.append(time.perf_counter_ns())

    barrier = threading.Barrier(3, action=begin)

    def cpu(lane):
        barrier.wait()
        lane.last = start[0]
        lane.busy(start[0] + run_ms * 1_000_000)
        lane.note(lane.last, "end")

    def sleeper(lane):
        barrier.wait()
        lane.note(start[0], "wait")
        lane.hold()
        stop = start[0] + run_ms * 1_000_000
        while True:
            lane.busy(min(lane.last + work_ms * 1_000_000, stop))
            if lane.last >= stop:
                break
            lane.sleep(sleep_ms / 1000)
        lane.note(lane.last, "end")

    lanes = [Lane(name, owner, events) for name in ("cpu-1", "cpu-2", "sleeper")]
    threads = [threading.Thread(target=cpu, args=(lanes[0],)),
               threading.Thread(target=cpu, args=(lanes[1],)),
               threading.Thread(target=sleeper, args=(lanes[2],))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    header = {
        "interpreter": f"CPython {platform.python_version()}",
        "machine": f"{os.cpu_count()} CPU(s), {platform.system()} {platform.release()}",
        "load average": f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown",
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "switch interval ms": f"{sys.getswitchinterval() * 1000:g}",
        "run ms": f"{run_ms:g}",
        "threads": f"cpu-1 and cpu-2 compute; sleeper computes {work_ms:g} ms, then sleeps"
                   f" {sleep_ms:g} ms, in a loop",
        "clock": "time.perf_counter_ns; a sleeper's wait starts at its sleep's deadline",
        "drop requests": "not visible from Python",
    }
    with open(path, "w", encoding="utf-8") as out:
        out.write("# threadlab GIL timeline: nanoseconds since the start, thread, event\n")
        for key, value in header.items():
            out.write(f"# {key}: {value}\n")
        for ns, name, event in sorted(events, key=lambda e: e[0]):
            out.write(f"{ns - start[0]}\t{name}\t{event}\n")
    print(f"Timeline of {run_ms:g} ms written to {path}: {len(events)} events")


def io_calls(seconds, call_seconds, beside_cpu):
    """How many short blocking calls a thread makes in the time, alone or beside a busy one."""
    calls = [0]
    start = time.perf_counter()
    stop = start + seconds

    def io():
        while time.perf_counter() < stop:
            time.sleep(call_seconds)
            calls[0] += 1

    def cpu():
        while time.perf_counter() < stop:
            pass

    threads = [threading.Thread(target=io)]
    if beside_cpu:
        threads.append(threading.Thread(target=cpu))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return calls[0], time.perf_counter() - start


def convoy(seconds, call_ms, rounds, tsv):
    """The convoy effect: an I/O thread's calls per second, alone and beside a CPU-bound one.

    Alone and beside are taken in turns; the best round of each is the least disturbed one.
    """
    if tsv:
        print(f"# CPython {platform.python_version()}")
    else:
        print(f"CPython {platform.python_version()}: an I/O thread makes blocking calls of"
              f" {call_ms:g} ms (time.sleep), alone and beside a CPU-bound thread, best of"
              f" {rounds} rounds of {seconds:g} s")
    for interval in (0.005, 0.001):
        sys.setswitchinterval(interval)
        best = {}
        for _ in range(rounds):
            for setting in ("alone", "beside"):
                calls, took = io_calls(seconds, call_ms / 1000, setting == "beside")
                if setting not in best or calls / took > best[setting][0] / best[setting][1]:
                    best[setting] = (calls, took)
        for setting, (calls, took) in best.items():
            if tsv:
                print(f"{interval * 1000:g}\t{setting}\t{calls}\t{took:.6f}")
            else:
                print(f"switch interval {interval * 1000:g} ms, {setting + ':':7}"
                      f" {calls / took:8,.0f} calls/s")
    sys.setswitchinterval(0.005)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    drawn = commands.add_parser("timeline", help="log who holds the GIL in a short run")
    drawn.add_argument("file", help="where to write the log")
    drawn.add_argument("--run-ms", type=float, default=60)
    drawn.add_argument("--sleep-ms", type=float, default=2)
    drawn.add_argument("--work-ms", type=float, default=0.2)
    slow = commands.add_parser("convoy", help="measure the convoy effect")
    slow.add_argument("--seconds", type=float, default=0.5, help="each round's length")
    slow.add_argument("--rounds", type=int, default=5)
    slow.add_argument("--call-ms", type=float, default=0.1)
    slow.add_argument("--tsv", action="store_true", help="print tab-separated rows:"
                      " switch interval in ms, alone or beside, calls, seconds")
    args = parser.parse_args()
    if args.command == "timeline":
        timeline(args.file, args.run_ms, args.sleep_ms, args.work_ms)
    elif args.command == "convoy":
        convoy(args.seconds, args.call_ms, args.rounds, args.tsv)
    else:
        lesson()


if __name__ == "__main__":
    main()
