"""How well the loader reads a set of readouts against careful human readings: the measures of
issue 3 (paragraph sections, host, attendee names F1, event date, location, exact spans).

Usage: python bench/loader_accuracy.py [DIR ...]   (default: tests/data/readouts)
Each DIR holds NAME.txt and NAME.yml pairs in the format of tests/data/readouts/README.md;
a held-out set kept outside the project can be measured the same way.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from readout.load import parse_source

ROOT = Path(__file__).resolve().parent.parent


def measure(folders: list[Path]) -> dict:
    totals = {"readouts": 0, "paragraphs": 0, "paragraphs_right": 0, "host_right": 0,
              "tp": 0, "fp": 0, "fn": 0, "dated": 0, "date_right": 0, "located": 0,
              "location_right": 0, "spans_exact": 0, "crashes": 0, "seconds": 0.0}
    misses = []
    for folder in folders:
        for text_path in sorted(folder.glob("*.txt")):
            expected_path = text_path.with_suffix(".yml")
            if not expected_path.exists():
                continue
            expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
            text = text_path.read_text(encoding="utf-8")
            totals["readouts"] += 1
            started = time.perf_counter()
            try:
                event = parse_source(text, text_path.name)
            except Exception as error:  # a crash is what this counts
                totals["crashes"] += 1
                misses.append(f"{text_path.name}: crashed: {error!r}")
                continue
            totals["seconds"] += time.perf_counter() - started
            got = [p.section for p in event.paragraphs]
            want = expected["paragraphs"]
            totals["paragraphs"] += len(want)
            totals["paragraphs_right"] += sum(a == b for a, b in zip(got, want))
            if got != want:
                misses.append(f"{text_path.name}: paragraphs {got}, expected {want}")
            host = event.host.name if event.host else None
            want_host = expected["host"]["name"] if expected.get("host") else None
            totals["host_right"] += host == want_host
            if host != want_host:
                misses.append(f"{text_path.name}: host {host!r}, expected {want_host!r}")
            names = {p.name for p in event.attendees}
            wanted = {p["name"] for p in expected.get("attendees") or []}
            totals["tp"] += len(names & wanted)
            totals["fp"] += len(names - wanted)
            totals["fn"] += len(wanted - names)
            if names != wanted:
                misses.append(f"{text_path.name}: attendees {sorted(names)}, expected {sorted(wanted)}")
            if expected.get("date") is not None:
                totals["dated"] += 1
                totals["date_right"] += event.date == expected["date"]
                if event.date != expected["date"]:
                    misses.append(f"{text_path.name}: date {event.date}, expected {expected['date']}")
            if expected.get("location") is not None:
                totals["located"] += 1
                totals["location_right"] += event.location == expected["location"]
                if event.location != expected["location"]:
                    misses.append(f"{text_path.name}: location {event.location!r}, expected {expected['location']!r}")
            totals["spans_exact"] += all(text[s.start:s.end] == s.text for s in event.statements)
    totals["misses"] = misses
    return totals


def ratio(a: int, b: int) -> str:
    return f"{a / b:.1%} ({a}/{b})" if b else "n/a"


def main(argv: list[str]) -> None:
    folders = [Path(a) for a in argv] or [ROOT / "tests" / "data" / "readouts"]
    t = measure(folders)
    precision = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
    recall = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n = t["readouts"]
    print(f"readouts: {n}, crashes: {t['crashes']}")
    print(f"paragraph sections: {ratio(t['paragraphs_right'], t['paragraphs'])}")
    print(f"host: {ratio(t['host_right'], n)}")
    print(f"attendee names: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")
    print(f"event date (where the text gives it): {ratio(t['date_right'], t['dated'])}")
    print(f"location: {ratio(t['location_right'], t['located'])}")
    print(f"spans exact: {ratio(t['spans_exact'], n - t['crashes'])}")
    if n - t["crashes"]:
        print(f"parse time: {t['seconds'] / (n - t['crashes']) * 1000:.2f} ms per readout (first parse, cold)")
    for miss in t["misses"]:
        print("  miss:", miss)


if __name__ == "__main__":
    main(sys.argv[1:])
