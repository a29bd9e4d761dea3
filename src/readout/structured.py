"""What search engines and citation tools read: schema.org data (JSON-LD) for an event and for
our copy of its readout, and how a reader cites the readout."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .model import Event, Person
from .urls import event_url, person_url


def printed_name(person: Person) -> str | None:
    """The name the readout prints for ``person``, where it is not their name."""
    return person.as_printed if person.as_printed and person.as_printed != person.name else None


def original_article(source) -> dict | None:
    """The publisher's article as a schema.org NewsArticle, where the source has a page."""
    if not source.url:
        return None
    article = {"@type": "NewsArticle", "url": source.url}
    if source.publisher:
        article["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published:
        article["datePublished"] = source.published.isoformat()
    return article


def publication(source) -> str:
    """How a reader cites the readout: "Xinhua, 30 November 2023, https://…" where the page is
    known, else the file in the project ("content/sources/….txt")."""
    if not source.url:
        return source.path
    day = f"{source.published.day} {source.published:%B %Y}" if source.published else None
    return ", ".join(x for x in (source.publisher, day, source.url) if x)


def script_json(data) -> str:
    """JSON safe inside a <script> element: no "<", ">" or "&" can close it or start markup."""
    text = json.dumps(data, ensure_ascii=False)  # compact: the C encoder, many times faster
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def addressed(data: dict, absolute: Callable[[str], str], path: str) -> dict:
    """``data`` with its ``url``: the address of site path ``path``, where the site has one
    (``base_url``). Without, no ``url``: schema.org wants an address, and a path relative to
    whatever page holds the data is none."""
    url = absolute(path)
    if url.startswith(("https://", "http://")):
        data["url"] = url
    return data


def source_jsonld(event: Event, absolute: Callable[[str], str]) -> dict:
    """Our copy of the readout as a schema.org CreativeWork: ``isBasedOn`` and ``citation``
    name the publisher's article (its page, publisher and date) where the event file gives
    it; ``about`` is the event. ``absolute`` makes a site path an address (the site's
    ``base_url`` before it, where it has one)."""
    data = addressed({"@context": "https://schema.org", "@type": "CreativeWork", "name": f"Source text — {event.title}",
                      "about": addressed({"@type": "Event", "name": event.title}, absolute, event_url(event.id)),
                      "encodingFormat": "text/plain", "sha256": event.source.sha256},
                     absolute, event_url(event.id) + "source/")
    article = original_article(event.source)
    if article:
        data["isBasedOn"] = article
        data["citation"] = publication(event.source)
    return data


def event_jsonld(event: Event, absolute: Callable[[str], str]) -> dict:
    """schema.org Event with its people's roles and its Place. schema.org has no "presided"
    or "spoke": the host is the ``organizer`` (who convened and chaired it); the main
    speaker the ``performer`` ("a presenter…": whom the event was there to hear); those who
    reported or spoke in turn are ``contributor``s ("a secondary contributor to the … Event"),
    kept apart from the main speech; attendees are ``attendee``s. All but the host are in a
    Role saying what they did (an attendee's roleName is their titles); a Person has the
    titles printed beside the name as ``jobTitle``, a garbled printed name as ``alternateName``."""
    def person(p):
        data = addressed({"@type": "Person", "name": p.name}, absolute, person_url(p.id))
        if p.titles:
            data["jobTitle"] = list(p.titles)
        if printed_name(p):
            data["alternateName"] = printed_name(p)
        return data

    data: dict[str, Any] = addressed({"@context": "https://schema.org", "@type": "Event", "name": event.title},
                                     absolute, event_url(event.id))
    if event.date:
        data["startDate"] = event.date.isoformat()
    if event.location:
        data["location"] = {"@type": "Place", "name": event.location}
    if event.subject:
        data["about"] = event.subject
    if event.host:
        data["organizer"] = person(event.host)
    if event.main_speaker:
        data["performer"] = {"@type": "Role", "roleName": "main speaker", "performer": person(event.main_speaker)}
    data["attendee"] = [{"@type": "Role", "roleName": "; ".join(p.titles) or "attendee", "attendee": person(p)}
                        for p in event.attendees]
    if event.speakers:
        data["contributor"] = [{"@type": "Role", "roleName": "speaker", "contributor": person(p)}
                               for p in event.speakers]
    article = original_article(event.source)
    if article:  # the readout the event is known from
        data["subjectOf"] = article
    return data
