"""The preview's session: each edit costs what it changes, writes only files whose bytes
change, and always gives the very site a fresh build gives — never a stale page."""

import hashlib
import sys

import pytest
from helpers import ROOT, SEED_NAME, make_project

from readout import indexes, write
from readout.build import build
from readout.config import load_config
from readout.errors import ReadoutError
from readout.incremental import Session

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def digest_tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def stats(folder):
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def archive(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the same feed in every build
    for name, size in (("GROUPS_PER_PAGE", 2), ("EVENTS_PER_PAGE", 3), ("HOLDERS_PER_PAGE", 3),
                       ("PEOPLE_PER_PAGE", 4)):
        monkeypatch.setattr(indexes, name, size)  # every list cut into pages, which edits shift
    root = make_project(tmp_path / "project")
    sources = generate(12, root)
    return root, sources


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_edit_gives_the_site_a_fresh_build_gives(archive):
    root, sources = archive
    config = load_config(root)
    session = Session()
    site = build(config, search=False, session=session).output
    seed = root / "content" / "sources" / f"{SEED_NAME}.txt"
    events = root / "content" / "events"
    people = root / "content" / "people"
    edits = [
        ("a statement added to a readout",
         lambda: sources[3].write_text(sources[3].read_text() + "\nHe called for greater efforts to deepen reform.\n")),
        ("an event file: a statement moved, commentary naming a person and a statement",
         lambda: (events.mkdir(exist_ok=True), (events / f"{SEED_NAME}.md").write_text(
             "---\nstatements:\n  s6: {section: problems}\n---\nSee [[Li Qiang]] and [this](statement:s2).\n"))),
        ("main speaker set in front matter (an attendee moved; a speaker with a printed name)",
         lambda: (events / f"{SEED_NAME}.md").write_text(
             "---\nmain_speaker: li-qiang\nspeakers:\n  - {name: Cai Qi, as_printed: Cai Qiding}\n---\n")),
        ("a readout's lead changed (title, host, date and place on every list)",
         lambda: edit(sources[5], " in ", " in Hangzhou and ")),
        ("a person renamed by a people file",
         lambda: (people.mkdir(exist_ok=True), (people / "li-qiang.md").write_text(
             "---\nname: Li Qiang\naliases: [Premier Li]\n---\nPremier of the State Council.\n"))),
        ("the seed's readout edited while its event file stands", lambda: edit(seed, "symposium", "meeting")),
        ("a template", lambda: edit(root / "templates" / "source.html", "<h1>", "<h1 class=\"source-title\">")),
        ("site.yml", lambda: edit(root / "site.yml", "title: ", "title: The ")),
        ("a readout removed", lambda: sources[7].unlink()),
        ("a readout added", lambda: (root / "content" / "sources" / "2024-05-01-new-forum.txt").write_text(
            " date 2024-05-02\nZhao Ming chaired a forum in Wuhan on Wednesday to discuss opening up.\n\n"
            "Zhao said notable progress has been made in trade.\n")),
    ]
    for number, (what, change) in enumerate(edits):
        change()
        report = build(load_config(root), search=False, session=session)
        fresh = build(load_config(root), root / f"fresh{number}", search=False)
        assert digest_tree(site) == digest_tree(fresh.output), what
        if what == "a statement added to a readout":
            assert 0 < report.rendered < report.pages / 4, report.rendered  # what depends on it, no more
    assert session.build is not None


def test_an_edit_rewrites_only_the_files_whose_bytes_change(archive):
    root, sources = archive
    config = load_config(root)
    session = Session()
    site = build(config, search=False, session=session).output
    build(config, search=False, session=session)  # from now on the site is updated in place
    before, bytes_before = stats(site), digest_tree(site)
    sources[2].write_text(sources[2].read_text() + "\nHe called for greater efforts to improve innovation.\n")
    report = build(config, search=False, session=session)
    after, bytes_after = stats(site), digest_tree(site)
    changed = {name for name in bytes_after if bytes_before.get(name) != bytes_after[name]}
    touched = {name for name in after if before.get(name) != after[name]}
    assert changed and touched == changed  # every changed file rewritten, and no other
    assert len(changed) < len(after) / 10
    assert report.rendered <= len(changed)


def test_an_unchanged_rebuild_renders_and_writes_nothing(archive):
    root, _ = archive
    config = load_config(root)
    session = Session()
    site = build(config, search=False, session=session).output
    build(config, search=False, session=session)
    before = stats(site)
    report = build(config, search=False, session=session)
    assert report.rendered == 0
    changed = {name for name, stat in stats(site).items() if before.get(name) != stat}
    assert changed == set()


def test_a_broken_edit_changes_nothing_and_the_fix_catches_up(archive):
    root, sources = archive
    session = Session()
    site = build(load_config(root), search=False, session=session).output
    build(load_config(root), search=False, session=session)
    good = digest_tree(site)
    (root / "content" / "events").mkdir()
    broken = root / "content" / "events" / f"{SEED_NAME}.md"
    broken.write_text("---\ndate: 2023-02-30\n---\n")
    sources[0].write_text(sources[0].read_text() + "\nHe called for more work.\n")
    with pytest.raises(ReadoutError):
        build(load_config(root), search=False, session=session)
    assert digest_tree(site) == good
    broken.write_text("---\ndate: 2023-11-29\n---\n")
    build(load_config(root), search=False, session=session)
    fresh = build(load_config(root), root / "fresh", search=False)
    assert digest_tree(site) == digest_tree(fresh.output)


def test_someone_elses_build_between_two_edits_is_not_trusted(archive):
    root, _ = archive
    session = Session()
    site = build(load_config(root), search=False, session=session).output
    edit(root / "templates" / "timeline.html", "<h1>", "<h1 class=\"x\">")
    build(load_config(root), search=False)  # `readout build` in another terminal
    edit(root / "templates" / "timeline.html", "<h1 class=\"x\">", "<h1>")
    build(load_config(root), search=False, session=session)
    fresh = build(load_config(root), root / "fresh", search=False)
    assert digest_tree(site) == digest_tree(fresh.output)


def test_a_commit_cut_short_is_finished_by_the_next_build(archive, monkeypatch):
    root, sources = archive
    session = Session()
    site = build(load_config(root), search=False, session=session).output
    build(load_config(root), search=False, session=session)
    sources[4].write_text(sources[4].read_text() + "\nHe called for greater efforts to improve innovation.\n")
    real = write.apply_journal

    def killed(staging, target, journal):  # the process dies after moving the first file
        real(staging, target, dict(journal, moved=journal["moved"][:1], trees=[], gone=[]))
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "apply_journal", killed)
    with pytest.raises(KeyboardInterrupt):
        build(load_config(root), search=False, session=session)
    monkeypatch.setattr(write, "apply_journal", real)
    assert [p for p in root.glob(".site-build-*") if (p / write.JOURNAL).is_file()]
    fresh = build(load_config(root), root / "fresh", search=False)
    assert digest_tree(site) != digest_tree(fresh.output)  # half old, half new, for now
    with write.OutputDir(site, root, [root / "content"]):  # what every build does first
        pass
    assert digest_tree(site) == digest_tree(fresh.output)
    assert not list(root.glob(".site-build-*"))
