#!/usr/bin/env python3
"""Print a starting annotation (NAME.yml) for a real readout saved as NAME.txt.

Usage: python3 bench/realworld/skeleton.py .corpus/NAME.txt [URL] [QUERY]

Paragraphs are the text's blank-line separated blocks, counted from 0, exactly as
`make eval` counts them; each gets its first six words (`first6`) and the label `'?'`,
which the annotator replaces following GENRE's conventions (bench/realworld/README.md).
Nothing is guessed: every other field is left for the annotator to fill in.
"""
import re
import sys
from pathlib import Path


def blocks(text):
    """The blank-line separated blocks of `text`, in order."""
    return [b for b in re.split(r"(?:\r?\n[ \t]*){2,}", text) if b.strip()]


def first6(block):
    return " ".join(block.split()[:6])


def skeleton(text, url="", query=""):
    def q(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"
    lines = [
        f"url: {url}",
        f"query: {q(query)}",
        "date: null                # event date YYYY-MM-DD (first day of a range)",
        "date_source: none         # text | text_relative | publication | none",
        "location: null",
        "location_source: none     # text | none",
        "event_kind: null",
        "event_kind_words: []",
        "host: null",
        "host_titles: []",
        "main_speaker: null",
        "attendees: []",
        "speakers: []",
        "paragraphs:",
    ]
    for i, b in enumerate(blocks(text)):
        lines.append(f"  - {{index: {i}, first6: {q(first6(b))}, label: '?'}}")
    lines += ["priorities_count: 0", "complete: true"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    text = Path(sys.argv[1]).read_bytes().decode("utf-8-sig")
    sys.stdout.write(skeleton(text, *sys.argv[2:4]))
