"""How well the loader reads a set of readouts against careful human readings.

Two kinds of reading:

- our fixtures (``tests/data/readouts``: NAME.txt + NAME.yml in the format of its README):
  ``python bench/loader_accuracy.py [DIR ...]``;
- real readouts, annotated as bench/realworld/README.md says (``make eval``):
  ``python bench/loader_accuracy.py --real TEXTS [--gold DIR] [--split dev|holdout|all] [-v]``.
  The figures and their definitions are the ones the project is judged by: paragraph sections
  (the section holding most characters of each blank-line block among the event's statements is
  the label or an ``also``), host (exact name), attendees precision / recall / F1 over names (a
  name as printed counts for the person it means), date and location where the text gives them,
  kind (any word the text uses), priorities within one, main speaker where there is one, and
  exact spans. One row per readout, then the totals.
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


def norm(text) -> str:
    return " ".join(str(text or "").split()).lower()


def blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of the blank-line separated blocks of ``text``, as annotations count them."""
    import re

    spans, cursor = [], 0
    for match in re.finditer(r"(?:\r?\n[ \t]*){2,}", text):
        if text[cursor:match.start()].strip():
            spans.append((cursor, match.start()))
        cursor = match.end()
    if text[cursor:].strip():
        spans.append((cursor, len(text)))
    return spans


def block_section(event: dict, lo: int, hi: int) -> str:
    """The section holding most characters of [lo, hi) among the statements; else the section of
    the paragraph overlapping it most."""
    weight: dict[str, int] = {}
    for s in event["statements"]:
        overlap = min(hi, s["end"]) - max(lo, s["start"])
        if overlap > 0:
            weight[s["section"]] = weight.get(s["section"], 0) + overlap
    if weight:
        return max(weight, key=weight.get)
    best, most = "none", 0
    for p in event["paragraphs"]:
        overlap = min(hi, p["end"]) - max(lo, p["start"])
        if overlap > most:
            best, most = p["section"], overlap
    return best


def score_real(text: str, event: dict, gold: dict) -> dict:
    """One real readout's figures: ``event`` is ``readout parse --json``'s object, ``gold`` its
    annotation."""
    row: dict = {"misses": [], "unaligned": []}
    spans = blocks(text)
    right = total = 0
    for g in gold.get("paragraphs") or []:
        if g["index"] >= len(spans):
            row["unaligned"].append(g["index"])
            continue
        lo, hi = spans[g["index"]]
        if " ".join(text[lo:hi].split()[:6]) != g["first6"]:
            row["unaligned"].append(g["index"])
        got = block_section(event, lo, hi)
        total += 1
        if got in {g["label"], *(g.get("also") or [])}:
            right += 1
        else:
            row["misses"].append(f"p{g['index']}:{g['label']}->{got}")
    row["para"] = (right, total)
    row["host_got"] = (event.get("host") or {}).get("name")
    row["host"] = norm(row["host_got"]) == norm(gold.get("host"))
    speaker = gold.get("main_speaker")
    row["speaker"] = None if not speaker else norm((event.get("main_speaker") or {}).get("name")) == norm(speaker)
    printed = {norm(a["as_printed"]): norm(a["name"]) for a in gold.get("attendees") or [] if a.get("as_printed")}
    want = {norm(a["name"]) for a in gold.get("attendees") or []}
    got = {printed.get(norm(a.get("name")), norm(a.get("name"))) for a in event.get("attendees") or []}
    row["att"] = (len(want & got), len(got), len(want))
    row["att_extra"], row["att_missing"] = sorted(got - want), sorted(want - got)
    row["date_got"] = event.get("date")
    row["date"] = event.get("date") == str(gold.get("date")) if "text" in (gold.get("date_source") or "") else None
    row["loc_got"] = event.get("location")
    located = "text" in (gold.get("location_source") or "text")
    row["loc"] = norm(gold.get("location")) in norm(event.get("location")) if located else None
    kinds = {norm(k) for k in gold.get("event_kind_words") or []} | {norm(gold.get("event_kind"))}
    row["kind"] = norm(event.get("kind")) in kinds
    priorities = sum(1 for s in event["statements"] if s["section"] == "priorities")
    row["pri"] = None if gold.get("priorities_count") is None else abs(priorities - gold["priorities_count"]) <= 1
    row["pri_got"] = priorities
    row["spans"] = all(text[s["start"]:s["end"]] == s["text"] for s in event["statements"])
    return row


def measure_real(texts: Path, gold_dir: Path, split: str, only: set[str] | None = None) -> tuple[list, list]:
    """(name, row) for each annotated readout of ``split`` whose text is in ``texts``; and the
    names that crashed."""
    import json

    from readout.errors import ReadoutError
    from readout.load import decode_source

    rows, crashed = [], []
    for gold_path in sorted(gold_dir.glob("*.yml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        name = gold_path.stem
        text_path = texts / f"{name}.txt"
        if (split != "all" and gold.get("split", "unsplit") != split) or not text_path.exists() or (only and name not in only):
            continue
        try:
            text = decode_source(text_path.read_bytes(), text_path.name)
            event = json.loads(json.dumps(parse_source(text, text_path.name).to_json()))
        except (ReadoutError, Exception) as error:  # a crash is what this counts
            crashed.append((name, repr(error)))
            continue
        rows.append((name, score_real(text, event, gold)))
    return rows, crashed


def report_real(rows: list, crashed: list, verbose: bool) -> str:
    """The table: one row per readout, the totals last (the figures the project is judged by)."""
    def mark(value) -> str:
        return "-" if value is None else "ok" if value else "NO"

    lines = [f"{'readout':52} {'para':>7} {'host':4} {'att tp/got/want':>15} {'date':4} {'loc':4} {'kind':4} {'pri':4} spans"]
    for name, r in rows:
        lines.append(f"{name[:52]:52} {r['para'][0]:>3}/{r['para'][1]:<3} {mark(r['host']):4} "
                     f"{'/'.join(map(str, r['att'])):>15} {mark(r['date']):4} {mark(r['loc']):4} {mark(r['kind']):4} "
                     f"{mark(r['pri']):4} {mark(r['spans'])}")
        if verbose:
            if r["misses"]:
                lines.append("    paragraphs: " + " ".join(r["misses"]))
            if not r["host"]:
                lines.append(f"    host: {r['host_got']!r}")
            if r["att_extra"] or r["att_missing"]:
                lines.append(f"    attendees extra {r['att_extra']} missing {r['att_missing']}")
            if r["date"] is False:
                lines.append(f"    date: {r['date_got']}")
            if r["loc"] is False:
                lines.append(f"    location: {r['loc_got']!r}")
            if r["unaligned"]:
                lines.append(f"    annotation does not line up with the text at blocks {r['unaligned']}")
    for name, error in crashed:
        lines.append(f"{name[:52]:52} CRASHED {error[:100]}")
    n = len(rows) + len(crashed)

    def share(values) -> str:
        scored = [v for v in values if v is not None]
        return f"{100 * sum(scored) / len(scored):5.1f}%" if scored else "  n/a"

    right, total = sum(r["para"][0] for _, r in rows), sum(r["para"][1] for _, r in rows)
    tp, got, want = (sum(r["att"][i] for _, r in rows) for i in range(3))
    precision, recall = (tp / got if got else 0.0), (tp / want if want else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    hosts = [r["host"] for _, r in rows] + [False] * len(crashed)
    lines.append(f"readouts {n}, parsed {len(rows)}, crashed {len(crashed)}")
    lines.append(f"paragraph sections {100 * right / total if total else 0:5.1f}% | host {share(hosts)} | "
                 f"attendees P {precision:.2f} R {recall:.2f} F1 {f1:.2f} | date {share(r['date'] for _, r in rows)} | "
                 f"location {share(r['loc'] for _, r in rows)} | kind {share(r['kind'] for _, r in rows)} | "
                 f"priorities±1 {share(r['pri'] for _, r in rows)} | main speaker {share(r['speaker'] for _, r in rows)} | "
                 f"exact spans {share([r['spans'] for _, r in rows] + [False] * len(crashed))}")
    return "\n".join(lines)


def main_real(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="loader_accuracy.py --real")
    parser.add_argument("--real", type=Path, required=True, metavar="TEXTS", help="folder of NAME.txt")
    parser.add_argument("--gold", type=Path, default=ROOT / "bench" / "realworld", help="folder of NAME.yml")
    parser.add_argument("--split", default="dev", help="dev, holdout, fresh (a set measured once, at the end) or all")
    parser.add_argument("--only", help="NAME,NAME")
    parser.add_argument("-v", action="store_true", help="say what each readout got wrong")
    parser.add_argument("--check", action="store_true", help="only check that every text lines up with its annotation")
    args = parser.parse_args(argv)
    if not args.real.is_dir() or not any(args.real.glob("*.txt")):
        print(f"no readout texts in {args.real}/: the real readouts are other people's pages and are not in git.\n"
              f"Retrieve them as bench/realworld/README.md says (each annotation names its url and a query that\n"
              f"finds it), save each as {args.real}/NAME.txt, then run `make eval` again.")
        return 2
    if args.check:
        return check_texts(args.real, args.gold)
    rows, crashed = measure_real(args.real, args.gold, args.split, set(args.only.split(",")) if args.only else None)
    print(report_real(rows, crashed, args.v))
    return 0


def check_texts(texts: Path, gold_dir: Path) -> int:
    """Whether each retrieved text is the one annotated: its blank-line blocks begin with the
    annotation's ``first6``. Prints what is missing or off; 1 if anything is off."""
    missing, off = [], []
    for gold_path in sorted(gold_dir.glob("*.yml")):
        text_path = texts / f"{gold_path.stem}.txt"
        if not text_path.exists():
            missing.append(gold_path.stem)
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_bytes().decode("utf-8-sig")
        spans = blocks(text)
        bad = [g["index"] for g in gold["paragraphs"]
               if g["index"] >= len(spans) or " ".join(text[slice(*spans[g["index"]])].split()[:6]) != g["first6"]]
        if bad or len(spans) != len(gold["paragraphs"]):
            off.append(f"{gold_path.stem}: {len(spans)} blocks, annotated {len(gold['paragraphs'])}; "
                       f"first words differ at {bad[:5]}")
    for line in off:
        print("off:", line)
    print(f"{len(list(gold_dir.glob('*.yml')))} annotations: {len(missing)} without a text in {texts}/, "
          f"{len(off)} whose text does not line up")
    return 1 if off else 0


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
    if "--real" in sys.argv:
        sys.exit(main_real(sys.argv[1:]))
    main(sys.argv[1:])
