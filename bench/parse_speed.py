"""Reference-parsing speed and memory: batches of 1k-10k distinct references, each parsed in
a fresh process, then the 10k batch over 2 processes.

    python bench/parse_speed.py [--n 10000] [--profile]

The batch is synthetic (bibkit.models.synth, a fixed seed: distinct strings in English,
Persian, Arabic and romanized forms), generated before timing starts. Each batch runs in a
new process that first parses 300 other references (a different seed), so what is loaded
once (the model, lexicons, langdetect's profiles) is not timed. The warm-up leaves the
common words in the per-token caches (`and`, `pp.`, `Press`: about a tenth of the batch's
distinct tokens), as any list parsed after the first few hundred entries would; the rest of
the batch meets them for the first time. The figure is what `bibkit parse` on a list of that
length costs (`parse_references`, a batch of references at a time), not a re-run over warm
caches.
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import pstats
import resource
import time

WARM_UP_SEED, BATCH_SEED = 7, 20261121


def _timed_batch(warm_up: list[str], texts: list[str], profile: bool = False) -> tuple[float, float, float]:
    """Wall and CPU seconds to parse `texts` after parsing `warm_up`, and this process's peak MB.
    Both lists come from the parent: generating them here would load citeproc's styles into
    the process, which `bibkit parse` never does, and their objects would slow its garbage
    collector."""
    from bibkit.parse import parse_references

    for _ in parse_references(warm_up):
        pass
    profiler = cProfile.Profile() if profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    for _ in parse_references(texts):
        pass
    if profiler:
        profiler.disable()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return seconds, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _parse_chunk(texts: list[str]) -> int:
    from bibkit.parse import parse_references

    return sum(1 for _ in parse_references(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--profile", action="store_true",
                        help="run the largest batch under cProfile and print where its time goes "
                             "(that row is then slowed by the profiler)")
    args = parser.parse_args()
    from bibkit.models.synth import generate

    texts = [item["text"] for item in generate(args.n, seed=BATCH_SEED)]
    warm_up = [item["text"] for item in generate(300, seed=WARM_UP_SEED)]
    fresh = multiprocessing.get_context("spawn")
    print(f"{len(texts)} synthetic references generated; each batch parsed in a fresh process after a warm-up")
    print("(wall time suffers when the machine is busy; CPU time is the process's own)")
    print(f"{'batch':>7} {'wall s':>8} {'refs/s':>8} {'CPU s':>8} {'refs/CPU-s':>11} {'µs/ref':>8} {'peak MB':>8}")
    for size in sorted({size for size in (1000, 2500, 5000) if size < args.n} | {args.n}):  # no batch past --n
        profiled = args.profile and size == args.n
        with fresh.Pool(1) as pool:
            seconds, cpu, peak = pool.apply(_timed_batch, (warm_up, texts[:size], profiled))
        print(f"{size:7d} {seconds:8.2f} {size / seconds:8.0f} {cpu:8.2f} {size / cpu:11.0f} {1e6 * cpu / size:8.0f}"
              f" {peak:8.0f}" + ("  (profiled)" if profiled else ""))
    half = len(texts) // 2
    started = time.perf_counter()
    with fresh.Pool(2) as pool:
        pool.map(_parse_chunk, [texts[:half], texts[half:]])
    seconds = time.perf_counter() - started
    print(f"2 processes, {len(texts)} references: {seconds:.2f} s, {len(texts) / seconds:.0f} refs/s "
          "(includes starting the workers and loading the model in each)")


if __name__ == "__main__":
    main()
