"""The starter ``content/events/<id>.md`` that ``readout new`` writes: what the loader read, as
commented front matter an editor uncomments to correct."""

from __future__ import annotations

import textwrap

import yaml

from .model import Event


def yaml_line(key: str, value) -> str:
    """``key: value`` in YAML's flow style on one line (quoted where YAML needs it)."""
    dumped = yaml.safe_dump({key: value}, default_flow_style=True, allow_unicode=True, width=10_000,
                            sort_keys=False).strip()
    return dumped[1:-1] if dumped.startswith("{") else dumped


def person(p) -> dict:
    return {"name": p.name, "titles": list(p.titles), **({"as_printed": p.as_printed} if p.as_printed else {})}


def people_lines(key: str, people) -> list[str]:
    """``key:`` and one commented ``- {name, titles}`` line per person (``[]`` for none)."""
    return [f"# {key}:"] + ([f"#   - {yaml_line('x', person(p))[3:]}" for p in people] or ["#   []"])


def starter_event_file(event: Event, source: dict | None = None) -> str:
    """The text of a new event file for ``event``: every extracted field commented out; where
    the readout came from a web page, its ``source:`` (page, publisher, dates), in force."""
    recorded = ["# Where the readout was published; the site cites it so.", "source:"] + [
        f"  {yaml_line(key, value)}" for key, value in source.items()] if source else []
    lines = [
        "---",
        *recorded,
        f"# What the loader read from {event.source.path}.",
        "# To correct a field, remove the '# ' before it and change the value: the editor's",
        "# value always wins over the loader's, and the event page says what was corrected.",
        "# A person has one role (host, main_speaker, attendees, speakers): naming them in one",
        "# takes them out of the others.",
        f"# {yaml_line('title', event.title)}",
        f"# {yaml_line('date', event.date)}",
        f"# {yaml_line('time_of_day', event.time_of_day)}",
        f"# {yaml_line('kind', event.kind)}",
        f"# {yaml_line('location', event.location)}",
        f"# {yaml_line('subject', event.subject)}",
        f"# {yaml_line('host', person(event.host) if event.host else None)}",
        f"# {yaml_line('main_speaker', person(event.main_speaker) if event.main_speaker else None)}",
        *people_lines("attendees", event.attendees),
        *people_lines("speakers", event.speakers),
        "# themes: []            # slugs of themes declared in site.yml, for the whole event",
        "# statements:           # by id: move one to another section, correct its speaker, or hide it",
        "#   s2: {section: problems}",
        "#   s3: {hidden: true}",
        "#",
        "# The statements as read (id, section, speaker, text):",
    ]
    for s in event.statements:
        text = textwrap.shorten(s.text, 90, placeholder=" …")
        lines.append(f"#   {s.id} {s.section}{' ' + s.speaker if s.speaker else ''}: {text}")
    for w in event.warnings:
        lines.append(f"# warning: line {w.line}, column {w.column}: {w.message}")
    lines += ["---", "", "<!-- The commentary on this event goes here, in Markdown. -->", ""]
    return "\n".join(lines)
