"""How long the loader takes per readout: every readout under content/sources and
tests/data/readouts, parsed many times (after a warm-up, so one-time lexicon compilation is
reported apart). Usage: python bench/parse_speed.py [ROUNDS]"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(rounds: int = 50) -> None:
    started = time.perf_counter()
    from readout.load import default_lexicon

    default_lexicon().compile_all()
    setup = time.perf_counter() - started
    ours = sorted((ROOT / "content" / "sources").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "readouts").glob("*.txt"))
    real = sorted((ROOT / ".corpus").glob("*.txt"))  # the real readouts, where retrieved (bench/realworld)
    for title, paths in (("our readouts and fixtures", ours), ("real readouts (.corpus/)", real)):
        if paths:
            measure(title, [(p.name, p.read_bytes().decode("utf-8-sig")) for p in paths], rounds, setup)


def measure(title: str, texts: list, rounds: int, setup: float) -> None:
    from readout.load import parse_source

    times = []
    for _ in range(rounds):
        for name, text in texts:
            t0 = time.perf_counter()
            parse_source(text, name)
            times.append(time.perf_counter() - t0)
    times.sort()
    ms = [t * 1000 for t in times]
    print(f"{title}: {len(texts)} ({sum(len(t) for _, t in texts) // len(texts)} characters on average), rounds: {rounds}")
    print(f"import + lexicon compile: {setup * 1000:.1f} ms (once per process)")
    print(f"parse per readout: mean {statistics.mean(ms):.2f} ms, median {statistics.median(ms):.2f} ms, "
          f"p95 {ms[int(len(ms) * 0.95)]:.2f} ms, max {ms[-1]:.2f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
