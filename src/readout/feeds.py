"""The site's machine-readable files, as text: data/events.json, data/people.json, the Atom
feed of events, sitemap.xml and robots.txt. Pure functions of the site graph."""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timezone

from .incremental import FeedsMemo
from .urls import event_url, page_file

# Characters XML 1.0 does not allow in a document at all (C0 controls but tab and line ends,
# lone surrogates, U+FFFE and U+FFFF), and DEL and the C1 controls, which it discourages: a
# readout or a setting may hold them, and one makes the whole feed unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for an XML element (xml.sax.saxutils would do, but it imports urllib and the email
    package: a fifth of a small build's start-up). Characters XML cannot hold become U+FFFD."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return NOT_XML.sub("\ufffd", text) if NOT_XML.search(text) else text


def quoteattr(text: str) -> str:
    """An XML attribute value with its double quotes."""
    return '"' + escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace(
        "\t", "&#9;") + '"'


def json_lines(items, last: dict, to_json=lambda value: value) -> tuple[str, dict]:
    """``items`` (key, value) as a JSON array, one item to a line: compact (written by the C
    encoder, many times faster than an indented file), yet easy to read and to compare line by
    line; and each key's value and line, for the next build. Given ``last`` (the last build's,
    kept by the preview), a value that is, or equals, the last one keeps its line."""
    lines, fresh = [], {}
    for key, value in items:
        known = last.get(key)
        if known is None or not (known[0] is value or known[0] == value):
            known = (value, json.dumps(to_json(value), ensure_ascii=False))
        fresh[key] = known
        lines.append(known[1])
    return "[\n" + ",\n".join(lines) + "\n]\n", fresh


def events_json(site, last: dict) -> tuple[str, dict]:
    """Every event as the JSON contract describes it (schema/event.schema.json), newest first."""
    return json_lines(((event.id, event) for event in site.events), last, lambda event: event.to_json())


def people_json(site, last: dict) -> tuple[str, dict]:
    """Every person: id, name, the names readouts print, appearances with titles, statements."""
    return json_lines(site.people.items(), last)


FEED_ENTRIES = 50  # the newest events; a feed is for what is new, and stays small as the archive grows


def stamp(day, fallback: datetime) -> str:
    """An RFC 3339 timestamp for a date (midnight UTC), as Atom wants."""
    if day is None:
        return fallback.strftime("%Y-%m-%dT%H:%M:%SZ")
    return datetime.combine(day, time(0, 0), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(site, built: datetime) -> str:
    """An Atom feed (RFC 4287) of the newest events. Links are relative to the feed
    unless base_url is set; ids are the absolute URLs, or tag-like URNs without base_url."""
    base = site.info.base_url
    feed_id = f"{base}feed.xml" if base else f"urn:readout:{site.info.title.lower().replace(' ', '-')}:feed"
    dates = [e.source.published or e.date for e in site.events if (e.source.published or e.date)]
    updated = stamp(max(dates), built) if dates else stamp(None, built)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(site.info.language)}>',
             f"  <title>{escape(site.info.title)}</title>",
             f"  <subtitle>{escape(site.info.description)}</subtitle>",
             f"  <id>{escape(feed_id)}</id>",
             f"  <updated>{updated}</updated>",
             f'  <link rel="self" href={quoteattr((base or "") + "feed.xml")}/>',
             f'  <link rel="alternate" type="text/html" href={quoteattr(base or "index.html")}/>',
             "  <author><name>" + escape(site.info.title) + "</name></author>"]
    for event in site.events[:FEED_ENTRIES]:
        url = event_url(event.id)
        link = (base or "") + page_file(url) if not base else base + url
        entry_id = base + url if base else f"urn:readout:event:{event.id}"
        summary = next((s.text for s in event.statements if s.section == "lead"), event.title)
        when = event.source.published or event.date
        lines += ["  <entry>",
                  f"    <title>{escape(event.title)}</title>",
                  f"    <id>{escape(entry_id)}</id>",
                  f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>',
                  f"    <updated>{stamp(when, built)}</updated>",
                  f"    <published>{stamp(event.date or when, built)}</published>" if (event.date or when) else "",
                  f"    <summary>{escape(summary)}</summary>",
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(line for line in lines if line) + "\n"


def sitemap(site) -> str | None:
    """sitemap.xml with absolute URLs, or None without base_url (a sitemap needs them)."""
    base = site.info.base_url
    if not base:
        return None
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in site.pages:
        if page.url.endswith(".html"):
            continue  # 404.html and the like
        lines.append(f"  <url><loc>{escape(base + page.url)}</loc></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(site) -> str:
    text = "User-agent: *\nAllow: /\n"
    if site.info.base_url:
        text += f"Sitemap: {site.info.base_url}sitemap.xml\n"
    return text


def site_files(site, built: datetime, last: FeedsMemo | None = None) -> tuple[dict[str, str], FeedsMemo]:
    """Every machine-readable file of the site by path (no sitemap without base_url), and what
    the next build may reuse of them. Given ``last`` (the last build's, kept by the preview;
    read, never changed), an event's or person's line that would be the same is reused."""
    last = last if last is not None else FeedsMemo()
    events, event_lines = events_json(site, last.events)
    people, people_lines = people_json(site, last.people)
    series, series_lines = json_lines(((s["slug"], s) for s in site.series), last.series)
    files = {"data/events.json": events, "data/people.json": people, **({"data/series.json": series} if site.series else {}),
             "feed.xml": atom_feed(site, built), "robots.txt": robots(site)}
    map_text = sitemap(site)
    if map_text:
        files["sitemap.xml"] = map_text
    return files, FeedsMemo(event_lines, people_lines, series_lines)
