"""Reference-parsing speed and memory: one process on batches of 1k-10k distinct references,
then the 10k batch over 2 processes.

    python bench/parse_speed.py [--n 10000] [--profile]

The batch is synthetic (bibkit.models.synth, a fixed seed: distinct strings in English,
Persian, Arabic and romanized forms), generated before timing starts.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import resource
import time
from multiprocessing import Pool


def _parse_chunk(texts: list[str]) -> int:
    from bibkit.parse import parse_reference

    return sum(1 for t in texts if parse_reference(t))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--profile", action="store_true",
                        help="run the largest batch under cProfile and print where its time goes "
                             "(that row is then slowed by the profiler)")
    args = parser.parse_args()
    from bibkit.models.synth import generate
    from bibkit.parse import parse_reference

    texts = [item["text"] for item in generate(args.n, seed=20261121)]
    parse_reference("Khaduri, M. (1974). The Republican Iraq. Beirut: Al-Dar Al-Muttahida.")  # load the model
    print(f"{len(texts)} synthetic references generated; timing parse_reference in one process")
    print("(wall time suffers when the machine is busy; CPU time is the process's own)")
    print(f"{'batch':>7} {'wall s':>8} {'refs/s':>8} {'CPU s':>8} {'refs/CPU-s':>11} {'µs/ref':>8}")
    profile = cProfile.Profile() if args.profile else None
    for size in sorted({size for size in (1000, 2500, 5000) if size < args.n} | {args.n}):  # no batch past --n
        batch = texts[:size]
        profiled = profile is not None and size == args.n
        started, cpu = time.perf_counter(), time.process_time()
        with profile if profiled else contextlib.nullcontext():
            for text in batch:
                parse_reference(text)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"{size:7d} {seconds:8.2f} {size / seconds:8.0f} {cpu:8.2f} {size / cpu:11.0f} {1e6 * cpu / size:8.0f}"
              + ("  (profiled)" if profiled else ""))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process): {peak:.0f} MB")
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    half = len(texts) // 2
    started = time.perf_counter()
    with Pool(2) as pool:
        pool.map(_parse_chunk, [texts[:half], texts[half:]])
    seconds = time.perf_counter() - started
    print(f"2 processes, {len(texts)} references: {seconds:.2f} s, {len(texts) / seconds:.0f} refs/s "
          "(includes starting the workers and loading the model in each)")


if __name__ == "__main__":
    main()
