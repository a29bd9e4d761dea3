"""Parsing costs time linear in the input: for texts shaped like the worst a user can feed
(thousands of one-sentence paragraphs after a real readout; tiny paragraphs up to the 5 MB
limit), 4× the input must cost less than 5× the CPU time. Prints each size's median and the
ratios, and exits 1 when a ratio is 5 or more. Usage: python bench/parse_scaling.py [RUNS]"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "sources" / "2023-11-30-yangtze-river-delta-symposium.txt"
LIMIT = 5 * 1024 * 1024  # readout refuses larger sources


def sentences(n: int) -> str:
    """The seed readout followed by ``n`` one-sentence paragraphs."""
    return SEED.read_text(encoding="utf-8") + "".join(
        f"\n\nThe region has made progress in sector {i}." for i in range(n))


def tiny(size: int) -> str:
    """A lead sentence, then paragraphs of two characters, ``size`` characters in all."""
    lead = "Li Hua held a symposium in Wuhan on the 3rd.\n\n"
    return lead + "a.\n\n" * ((size - len(lead)) // 4)


def cpu_seconds(text: str, runs: int) -> float:
    from readout.load import parse_source

    times = []
    for _ in range(runs):
        started = time.process_time()
        parse_source(text, "bench.txt")
        times.append(time.process_time() - started)
    return statistics.median(times)


def main(runs: int = 3) -> int:
    from readout.load import default_lexicon

    default_lexicon().compile_all()
    failed = False
    for name, make, sizes in (("one-sentence paragraphs", sentences, (10_000, 40_000)),
                              ("tiny paragraphs up to the 5 MB limit", tiny, (LIMIT // 4 - 64, LIMIT - 64))):
        small, large = make(sizes[0]), make(sizes[1])
        t_small, t_large = cpu_seconds(small, runs), cpu_seconds(large, runs)
        ratio = t_large / t_small
        input_ratio = len(large) / len(small)
        failed |= ratio >= 5
        print(f"{name}: {len(small):,} characters {t_small:.2f} s, {len(large):,} characters {t_large:.2f} s "
              f"(median CPU of {runs}); {input_ratio:.1f}x the input costs {ratio:.2f}x the time"
              f"{'  TOO SLOW: not linear' if ratio >= 5 else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
