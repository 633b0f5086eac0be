"""The lesson's experiment in CPython: what the GIL does to CPU-bound and sleeping threads.

Run it with CPython 3 (3.11 was used for the lesson):

    python3 gil_experiment.py                  # sections 3 and 4: CPU-bound and sleeping threads
    python3 gil_experiment.py timeline FILE    # section 7: who holds the GIL, logged to FILE
    python3 gil_experiment.py convoy           # Beyond the tasks: the convoy effect
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


def sample(name, samples, until):
    """Appends (name, perf_counter_ns) to samples as fast as it can, until the clock passes until.

    Only the thread that holds the GIL runs Python code, so each reading is a moment at which
    its thread held the GIL. Sorted by time, a change of name between two neighbours is a
    hand-over. (The GIL may change hands between a reading and its append, so the list itself
    is nearly, not exactly, in the order of time.) Returns the last reading.
    """
    append, clock = samples.append, time.perf_counter_ns
    while True:
        now = clock()
        append((name, now))
        if now >= until:
            return now


def events_of(samples, sleeps, start):
    """Turns the samples into the course's timeline events: hold, wait, sleep and end.

    A thread holds the GIL from the first to the last sample of each run of its samples (a
    turn). After a turn it waits, or it sleeps when sleeps holds a sleep that began at the
    turn's last sample, and then waits from that sleep's deadline.
    """
    events = [(start, name, "wait") for name in sorted({name for name, _ in samples})]
    runs = []
    for name, ns in sorted(samples, key=lambda s: s[1]):
        if runs and runs[-1][0] == name:
            runs[-1][2] = ns
        else:
            runs.append([name, ns, ns])
    last = {name: i for i, (name, _, _) in enumerate(runs)}
    for i, (name, first, final) in enumerate(runs):
        events.append((first, name, "hold"))
        if last[name] == i:
            events.append((final, name, "end"))
        elif final in sleeps.get(name, {}):
            events.append((final, name, "sleep"))
            events.append((sleeps[name][final], name, "wait"))
        else:
            events.append((final, name, "wait"))
    return sorted(events, key=lambda e: e[0])


def timeline(path, run_ms, sleep_ms, work_ms):
    """Two CPU-bound threads and a sleeper sample the clock; writes the hand-overs to path."""
    samples, sleeps, start = [], {"sleeper": {}}, []
    barrier = threading.Barrier(3, action=lambda: start.append(time.perf_counter_ns()))

    def cpu(name):
        barrier.wait()
        sample(name, samples, start[0] + round(run_ms * 1e6))

    def sleeper():
        barrier.wait()
        stop = start[0] + round(run_ms * 1e6)
        last = start[0]
        while True:
            last = sample("sleeper", samples, min(last + round(work_ms * 1e6), stop))
            if last >= stop:
                return
            # time.sleep releases the GIL. Python code cannot see when the sleep ends, nor how
            # long the thread then waits for the GIL: the log takes the sleep's deadline.
            sleeps["sleeper"][last] = last + round(sleep_ms * 1e6)
            time.sleep(sleep_ms / 1000)
            last = time.perf_counter_ns()

    threads = [threading.Thread(target=cpu, args=("cpu-1",)),
               threading.Thread(target=cpu, args=("cpu-2",)),
               threading.Thread(target=sleeper)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    events = events_of(samples, sleeps, start[0])
    facts = {
        "interpreter": f"CPython {platform.python_version()}",
        "machine": f"{os.cpu_count()} CPU(s), {platform.system()} {platform.release()}",
        "load average": f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown",
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "switch interval ms": f"{sys.getswitchinterval() * 1000:g}",
        "run ms": f"{run_ms:g}",
        "threads": f"cpu-1 and cpu-2 compute; sleeper computes {work_ms:g} ms, then sleeps"
                   f" {sleep_ms:g} ms, in a loop",
        "clock": "time.perf_counter_ns, read in a tight loop by the thread that holds the GIL;"
                 f" {len(samples)} readings; a sleeper's wait starts at its sleep's deadline",
        "drop requests": "not visible from Python",
    }
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# threadlab GIL timeline: nanoseconds since the start, thread, event\n")
        for key, value in facts.items():
            out.write(f"# {key}: {value}\n")
        out.write("nanoseconds,thread,event\n")
        for ns, name, event in events:
            out.write(f"{ns - start[0]},{name},{event}\n")
    print(f"Timeline of {run_ms:g} ms written to {path}: {len(samples)} clock readings,"
          f" {len(events)} events")


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

    Alone and beside are taken in turns, and each keeps its median round: the best round
    beside a CPU-bound thread would be the luckiest, not the least disturbed.
    """
    if tsv:
        print(f"# CPython {platform.python_version()}")
    else:
        print(f"CPython {platform.python_version()}: an I/O thread makes blocking calls of"
              f" {call_ms:g} ms (time.sleep), alone and beside a CPU-bound thread, median of"
              f" {rounds} rounds of {seconds:g} s")
    for interval in (0.005, 0.001):
        sys.setswitchinterval(interval)
        measured = {"alone": [], "beside": []}
        for _ in range(rounds):
            for setting, runs in measured.items():
                runs.append(io_calls(seconds, call_ms / 1000, setting == "beside"))
        for setting, runs in measured.items():
            calls, took = sorted(runs, key=lambda run: run[0] / run[1])[(len(runs) - 1) // 2]
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
    drawn.add_argument("--run-ms", type=float, default=80)
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
