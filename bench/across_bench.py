"""What the pages across events cost (issue 18's budget: a 1,000-readout build at most 10 % more
with them than without). N real-size synthetic readouts (bench/generate.py), built cold in a
fresh interpreter, in turn with the across-event pages and without them, ROUNDS times each;
prints each build's wall time with interpreter start, the medians, and the median of the
ratios pair by pair (a pair is one build of each, run one after the other, so a ratio holds
when the machine's speed drifts).

"Without" is the same build with the three things the across-event pages are made of switched
off in the child process: the loader's proposed series (so no series, what-changed or
follow-ups: the generated archive sets no series in front matter), who met whom (no companions
on people's pages, no network page) and the timeline's chart of the years.
Usage: python bench/across_bench.py [N] [ROUNDS]   (defaults 1000 and 5)"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

CHILD = """
import json, shutil, sys
from pathlib import Path
project, across = Path(sys.argv[1]), sys.argv[2] == "with"
if not across:
    import readout.indexes, readout.series, readout.site
    readout.series.proposed_slug = lambda event: None
    readout.site.shared_events = lambda appearances, rank: {}
    readout.indexes.years_chart = lambda events, links: None
from readout.build import build
from readout.config import load_config
shutil.rmtree(project / ".readout-cache", ignore_errors=True)
shutil.rmtree(project / "site", ignore_errors=True)
report = build(load_config(project))
print(json.dumps({"pages": report.pages, "build": report.seconds}))
"""


def cold_build(project: Path, mode: str) -> dict:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, str(project), mode], capture_output=True, text=True, check=True)
    return {"wall": time.perf_counter() - started, **json.loads(out.stdout)}


def main(n: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="readout-across-") as tmp:
        project = Path(tmp) / f"n{n}"
        project.mkdir()
        shutil.copytree(ROOT / "templates", project / "templates")
        shutil.copy(ROOT / "site.yml", project / "site.yml")
        generate(n, project, real=True)
        cold_build(project, "with")  # warm the disk cache and the interpreter's bytecode
        runs: dict[str, list[dict]] = {"with": [], "without": []}
        for r in range(rounds):
            for mode in (("with", "without") if r % 2 == 0 else ("without", "with")):
                runs[mode].append(cold_build(project, mode))
        pages = {mode: found[0]["pages"] for mode, found in runs.items()}
        print(f"N={n} real-size readouts, {rounds} cold builds each, alternating")
        for mode, found in runs.items():
            walls = [f["wall"] for f in found]
            print(f"  {mode:8} {pages[mode]:6} pages  wall {', '.join(f'{w:.2f}' for w in walls)} s  "
                  f"median {statistics.median(walls):.2f} s")
        ratios = [a["wall"] / b["wall"] for a, b in zip(runs["with"], runs["without"])]
        print(f"  with / without: median {statistics.median(ratios):.3f} "
              f"(min {min(ratios):.3f}, max {max(ratios):.3f}); the budget is 1.10")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
