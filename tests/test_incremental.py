"""Incremental builds: a change re-renders exactly what depends on it, and never leaves a stale
page; unchanged pages keep their bytes and their file."""

import re
from pathlib import Path

import pytest
from helpers import SEED_NAME

from readout import rendering
from readout.build import build
from readout.config import load_config
from readout.write import read_manifest

SECOND = (" date 2024-03-06\nLi Qiang, Premier of the State Council, chaired a meeting in Beijing on "
          "Tuesday to discuss scientific and technological innovation.\n\nLi said the country has made "
          "steady progress in innovation.\n")


def files(site):
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*.html") if "pagefind" not in p.parts}


def snapshot(site):
    return {name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for name, p in files(site).items()}


@pytest.fixture
def two(project):
    root = project(files={"content/sources/2024-03-05-innovation-meeting.txt": SECOND})
    report = build(load_config(root), search=False)
    assert report.rendered == report.pages
    return root, report.output


def test_nothing_changed_nothing_rendered_nothing_rewritten(two):
    root, site = two
    before = snapshot(site)
    report = build(load_config(root), search=False)
    assert report.rendered == 0
    assert snapshot(site) == before  # same files (inodes), same mtimes, same bytes


def test_one_readout_edited_rerenders_only_what_depends_on_it(two):
    root, site = two
    before = snapshot(site)
    source = root / "content" / "sources" / "2024-03-05-innovation-meeting.txt"
    source.write_text(SECOND + "\nLi called for greater efforts to train engineers.\n")
    report = build(load_config(root), search=False)
    after = snapshot(site)
    changed = {name for name in after if before.get(name, (None, None, None))[2] != after[name][2]}
    rerendered = {name for name in after if before.get(name, (None, None))[:2] != after[name][:2]}
    assert changed == rerendered  # every page whose bytes changed was rendered, and only those
    assert "events/2024-03-05-innovation-meeting/priorities/index.html" in changed
    assert f"events/{SEED_NAME}/index.html" not in rerendered
    assert f"events/{SEED_NAME}/source/index.html" not in rerendered
    assert report.rendered == len(rerendered) < report.pages


def test_renaming_a_person_updates_every_page_that_names_them(two):
    root, site = two
    (root / "content" / "people").mkdir()
    (root / "content" / "people" / "li-qiang.md").write_text("---\nname: Li Keqiang-Renamed\naliases: [Li Qiang]\n---\n")
    build(load_config(root), search=False)
    # The readouts' own text still says "Li Qiang"; every place that names the person must not.
    stale = [name for name, p in files(site).items()
             if re.search(r">Li Qiang</a>|person:Li Qiang|\"name\": \"Li Qiang\"", p.read_text())]
    assert stale == []
    linked = [name for name, p in files(site).items() if ">Li Keqiang-Renamed</a>" in p.read_text()]
    assert len(linked) >= 8
    assert "Li Keqiang-Renamed" in (site / "people" / "li-qiang" / "index.html").read_text()
    assert "Li Keqiang-Renamed" in (site / "events" / SEED_NAME / "attendees" / "index.html").read_text()


def test_a_template_change_rerenders_every_page(two):
    root, site = two
    template = root / "templates" / "base.html"
    template.write_text(template.read_text().replace("Built with readout.", "Built with readout, edited."))
    report = build(load_config(root), search=False)
    assert report.rendered == report.pages
    assert all("Built with readout, edited." in p.read_text() for p in files(site).values())


def test_parallel_rendering_gives_the_same_site(project, monkeypatch):
    root = project(files={"content/sources/2024-03-05-innovation-meeting.txt": SECOND})
    serial = build(load_config(root), root / "serial", search=False)
    monkeypatch.setattr(rendering, "PARALLEL_FROM", 1)
    parallel = build(load_config(root), root / "parallel", search=False)
    assert parallel.rendered == parallel.pages
    a, b = files(serial.output), files(parallel.output)
    assert a.keys() == b.keys()
    assert all(a[name].read_bytes() == b[name].read_bytes() for name in a)
    records = read_manifest(serial.output), read_manifest(parallel.output)
    assert records[0]["pages"] and [{**record, "folders": None} for record in records] == [
        {**records[1], "folders": None}] * 2


def site_graph(root):
    from readout.content import load_content
    from readout.site import build_site
    from readout.write import ParseCache
    config = load_config(root)
    return build_site(load_content(config, ParseCache(root)), config)


def test_page_keys_depend_on_values_only_and_on_every_shared_view(two):
    """A shared view (a statement on four pages, the site's settings on all) stands in a key as
    the hash of its value, worked out once a render: the keys are those of each page hashed
    alone, equal for a site graph made again from fresh objects, and a statement's text
    changes the key of every page that shows it and of no other."""
    root, _ = two
    site = site_graph(root)
    shared: dict = {}
    keys = [rendering.page_key(page, site.info, "t", shared) for page in site.pages]
    assert keys == [rendering.page_key(page, site.info, "t") for page in site.pages]
    again = site_graph(root)
    assert [rendering.page_key(page, again.info, "t") for page in again.pages] == keys
    source = root / "content/sources/2024-03-05-innovation-meeting.txt"
    source.write_text(SECOND.replace("steady progress", "steady and broad progress"))
    edited = site_graph(root)
    changed = {page.url for page, key in zip(edited.pages, keys)
               if rendering.page_key(page, edited.info, "t", shared) != key}
    assert [page.url for page in edited.pages] == [page.url for page in site.pages]
    showing = {page.url for page in edited.pages if "steady and broad progress" in repr(page)}
    assert showing and changed == showing


def test_the_parse_cache_is_used_and_only_saves_time(two, monkeypatch):
    root, _ = two
    calls = []
    import readout.sources as sources

    real = sources.parse_bytes
    monkeypatch.setattr(sources, "parse_bytes", lambda *a, **k: calls.append(1) or real(*a, **k))
    build(load_config(root), search=False)
    assert calls == []  # both readouts came from the cache
    import pickle

    stored = root / ".readout-cache" / "events.pickle"
    entries = pickle.loads(stored.read_bytes())
    assert len(entries) == 2  # one file holds every readout: one read and one write per build
    stored.write_bytes(pickle.dumps({key: b"not a pickle" for key in entries}))
    build(load_config(root), search=False)
    assert len(calls) == 2  # a damaged entry is parsed again, not trusted
    stored.write_bytes(b"\x80\x05 not a pickle at all")
    build(load_config(root), search=False)
    assert len(calls) == 4  # nor is a damaged file
    (root / "content" / "sources" / "2024-03-05-innovation-meeting.txt").unlink()
    build(load_config(root), search=False)
    assert len(pickle.loads(stored.read_bytes())) == 1  # entries no build uses are dropped


def test_the_parse_cache_key_holds_every_field_of_the_model(monkeypatch):
    """An upgrade that adds a field to the model (an event's 'matches') must not unpickle the
    last version's events, which lack it: the cache's key holds the name of every field of
    every class of the model, so a model of another shape finds no entry and parses again."""
    import dataclasses
    import hashlib

    import readout.model as model
    import readout.sources as sources

    shape = sources.model_shape()
    classes = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert {c.__name__ for c in classes} >= {"Event", "Statement", "Person", "Paragraph", "Source"}
    for cls in classes:
        assert f"{cls.__name__}:{','.join(f.name for f in dataclasses.fields(cls))}" in shape
    assert sources.CACHE_VERSION.endswith(hashlib.sha256(shape.encode()).hexdigest()[:16])
    key = sources.source_key(b"text", "content/sources/a.txt", sources.default_lexicon())
    monkeypatch.setattr(sources, "CACHE_VERSION", "1:another-shape")
    assert sources.source_key(b"text", "content/sources/a.txt", sources.default_lexicon()) != key


def test_parallel_parsing_gives_the_same_events(project, monkeypatch):
    import readout.sources as sources
    from readout.sources import load_events

    root = project(files={"content/sources/2024-03-05-innovation-meeting.txt": SECOND,
                          "content/sources/bad.txt": b"\xff\xfe"})
    config = load_config(root)
    with pytest.raises(Exception) as serial_error:
        load_events(config)
    (root / "content" / "sources" / "bad.txt").unlink()
    serial = [e.to_json() for e in load_events(config)]
    monkeypatch.setattr(sources, "PARALLEL_PARSE_FROM", 1)
    assert [e.to_json() for e in load_events(config)] == serial
    (root / "content" / "sources" / "bad.txt").write_bytes(b"\xff\xfe")
    with pytest.raises(Exception) as parallel_error:
        load_events(config)
    assert str(parallel_error.value) == str(serial_error.value)


def test_the_search_bundle_is_kept_until_a_search_document_changes(project, monkeypatch):
    from readout.write import OutputDir

    root = project(files={"content/sources/2024-03-05-innovation-meeting.txt": SECOND})
    site = build(load_config(root)).output
    entry = site / "pagefind" / "pagefind-entry.json"
    started = []
    real = OutputDir.start_search_index
    monkeypatch.setattr(OutputDir, "start_search_index", lambda self, docs: started.append(docs) or real(self, docs))
    source = root / "templates" / "source.html"  # source pages are not search documents
    source.write_text(source.read_text().replace("<h1>", '<h1 class="source-title">'))
    build(load_config(root))
    assert started == [] and (site / "pagefind" / "pagefind-entry.json").stat().st_ino == entry.stat().st_ino
    readout = root / "content" / "sources" / "2024-03-05-innovation-meeting.txt"
    readout.write_text(SECOND + "\nLi called for greater efforts to train engineers.\n")
    build(load_config(root))
    assert len(started) == 1  # an event page changed: indexed again, with every search document
    people = {f"people/{p.name}/index.html" for p in (site / "people").iterdir() if p.is_dir() and p.name != "network"}
    assert set(started[0]) == {"events/2024-03-05-innovation-meeting/index.html", f"events/{SEED_NAME}/index.html",
                               *people}
    assert "train engineers" in started[0]["events/2024-03-05-innovation-meeting/index.html"]


def test_a_failed_build_stops_its_indexer_and_leaves_nothing(project, monkeypatch):
    from readout.errors import ReadoutError
    from readout.write import OutputDir

    root = project()
    good = build(load_config(root)).output
    before = sorted(p.relative_to(good).as_posix() for p in good.rglob("*"))
    started = []
    real = OutputDir.start_search_index
    monkeypatch.setattr(OutputDir, "start_search_index", lambda self, docs: started.append(real(self, docs)) or started[-1])
    event = root / "templates" / "event.html"  # event pages are search documents: indexed anew
    event.write_text(event.read_text().replace("<h1>{{ event.title }}</h1>", "<h1>{{ event.title }}.</h1>"))
    (root / "templates" / "topic.html").write_text("{% extends layout %}{% block content %}{{ page.nothing }}{% endblock %}\n")
    with pytest.raises(ReadoutError, match="undefined"):
        build(load_config(root))
    process, folder = started[0]  # the event pages rendered, so indexing began before the topics failed
    assert process.poll() is not None and not Path(folder.name).exists()
    assert sorted(p.relative_to(good).as_posix() for p in good.rglob("*")) == before
    assert not list(root.glob(".site-build-*"))
