"""The whole job at scale: N synthetic readouts (bench/generate.py) → a finished, searchable
site. Reports readouts, pages, cold build wall time, pages/s, readouts/s, time per stage, peak
RSS, and the time of a rebuild after editing one readout, one content Markdown file and one
template, and how long `readout serve` takes from a saved edit to the rebuilt page written.
Usage: python bench/site_bench.py N [N ...] [--small]   (real-size readouts of 3-8 KB, or with
--small the old ones of about 760 bytes)"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

CHILD = """
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from readout.build import build
from readout.config import load_config
report = build(load_config(Path(sys.argv[1])))
print(json.dumps({"pages": report.pages, "files": report.files, "seconds": time.perf_counter() - t0,
                  "build": report.seconds, "stages": report.stages, "rendered": report.rendered}))
"""


def run_build(project: Path) -> dict:
    """One build in a fresh interpreter: its report, wall time (with start-up) and peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, str(project)], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["wall"] = wall
    data["peak_rss_mb"] = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return data


def serve_latency(project: Path, sources: list[Path], edits: int = 9) -> list[float]:
    """Seconds from a saved edit to the preview server's rebuilt page being written, for
    ``edits`` edits of readouts spread across the archive, oldest to newest (each adds an
    attributed statement, which may join the event to a theme's list)."""
    from readout.config import load_config
    from readout.serve import preview_of, watch

    config = load_config(project)
    preview = preview_of(config)  # as `readout serve` makes it, with its debounce
    preview.rebuild()
    observer = watch(preview, project, [config.content_dir, config.templates_dir], [project / "site.yml"])
    time.sleep(0.3)
    times = []
    try:
        ordered = sorted(sources)  # by date
        for k in range(edits):
            source = ordered[round((len(ordered) - 1) * (k + 0.5) / edits)]
            text = source.read_text() + "\nHe called for greater efforts to improve innovation and opening up.\n"
            version = preview.version
            started = time.perf_counter()
            source.write_text(text)
            with preview.changed:
                while preview.version == version and time.perf_counter() - started < 60:
                    preview.changed.wait(1)
            times.append(time.perf_counter() - started)
            time.sleep(0.2)
    finally:
        observer.stop()
        observer.join()
        preview.close()
    return times


def bench(n: int, folder: Path, real: bool = True) -> None:
    project = folder / f"n{n}"
    project.mkdir()
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copy(ROOT / "site.yml", project / "site.yml")
    sources = generate(n, project, real=real)
    size = sum(p.stat().st_size for p in sources) / n
    cold = run_build(project)
    print(f"N={n}: {n} {'real-size' if real else 'small'} readouts ({size / 1000:.1f} KB on average), {cold['pages']} pages")
    print(f"  cold build: {cold['wall']:.2f} s wall with interpreter start ({cold['build']:.2f} s in build()), "
          f"{cold['pages'] / cold['wall']:.0f} pages/s, {n / cold['wall']:.0f} readouts/s, "
          f"peak RSS {cold['peak_rss_mb']:.0f} MB")
    print("  stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in cold["stages"].items()))
    warm = run_build(project)
    print(f"  rebuild, nothing changed: {warm['wall']:.2f} s")
    edits = {
        "one readout": lambda: sources[0].write_text(sources[0].read_text() + "\nXi said the work must go on.\n"),
        "one content Markdown file": lambda: (project / "content" / "pages").mkdir(exist_ok=True) or
        (project / "content" / "pages" / "about.md").write_text("---\ntitle: About\nnav_order: 1\n---\nAbout.\n"),
        "one template": lambda: (project / "templates" / "timeline.html").write_text(
            (project / "templates" / "timeline.html").read_text().replace("<h1>Timeline</h1>", "<h1>Timeline of events</h1>")),
    }
    for name, edit in edits.items():
        edit()
        again = run_build(project)
        print(f"  rebuild after editing {name}: {again['wall']:.2f} s ({again['rendered']} pages rendered)")
    times = sorted(serve_latency(project, sources))
    print(f"  serve: edit saved → rebuilt page written: median {times[len(times) // 2] * 1000:.0f} ms, "
          f"best {times[0] * 1000:.0f} ms, worst {times[-1] * 1000:.0f} ms over {len(times)} edits")


if __name__ == "__main__":
    # The projects are removed only at the end: removing thousands of files just before a
    # build makes creating files slower for a while on some file systems (ext4 skips inodes
    # freed in the last minutes), which would bill one N's clean-up to the next N's build.
    with tempfile.TemporaryDirectory(prefix="readout-bench-", ignore_cleanup_errors=True) as folder:
        counts = [a for a in sys.argv[1:] if a != "--small"] or ["1000"]
        for arg in counts:
            bench(int(arg), Path(folder), real="--small" not in sys.argv[1:])
