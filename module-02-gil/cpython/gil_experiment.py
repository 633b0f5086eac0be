"""The lesson's experiment in CPython: what the GIL does to CPU-bound and sleeping threads.

Run it with CPython 3 (3.11 was used for the lesson):  python3 gil_experiment.py
"""
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


def main():
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


if __name__ == "__main__":
    main()
