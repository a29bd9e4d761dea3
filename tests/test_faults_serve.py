"""Faults of the preview: its in-place update journal, a preview killed at any moment, failed
rebuilds, and the server's bad input. One case per row, each with its exact message and
location; content/ and templates/ are never touched, and the next build gives the site a fresh
build gives."""

import hashlib
import json

import pytest

from readout.cli import main
from readout.write import JOURNAL, flat_name, read_manifest

JOURNAL_AT = f".site-build-x/{JOURNAL}"
DISCARDED = "warning: discarded the journal of an interrupted update of site/: "


def digest_tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def journal(**entries) -> str:
    """A journal as readout writes it, but for ``entries``; "{build}" stands for the site's."""
    return json.dumps({"moved": [], "trees": [], "gone": [], "from": "{build}", "to": "0" * 32, **entries})


@pytest.fixture
def planted(project, monkeypatch, tmp_path):
    """A built project; returns a function that plants files (text with "{build}" for the
    site's build id and "{root}" for the project) and builds, checking that content/,
    templates/ and a folder beside the project are untouched and that the site is the one a
    fresh build gives. It returns the exit code."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = project()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    assert main(["-C", str(root), "build", "--no-search"]) == 0
    good = digest_tree(root / "site")

    def run(files: dict, links: dict | None = None) -> int:
        build_id = read_manifest(root / "site")["build"]

        def fill(text: str) -> str:
            return text.replace("{build}", build_id).replace("{root}", str(root)).replace("{outside}", str(outside))

        for relative, text in files.items():
            path = root / fill(relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(fill(text))
        for relative, destination in (links or {}).items():
            if destination is None:
                (root / relative).mkdir()
            else:
                (root / fill(relative)).symlink_to(fill(destination))
        kept = digest_tree(root / "content") | digest_tree(root / "templates") | digest_tree(outside)
        code = main(["-C", str(root), "build", "--no-search"])
        assert digest_tree(root / "content") | digest_tree(root / "templates") | digest_tree(outside) == kept
        assert (outside / "keep.txt").read_text() == "keep"
        assert digest_tree(root / "site") == good
        assert not [p for p in root.glob(".site-build-*") if not p.is_symlink()]
        return code

    run.root = root
    return run


STAGED = ".site-build-x/" + flat_name("index.html")
JOURNAL_CASES = [
    ("gone leaves by ..", {JOURNAL_AT: '{"moved": [], "trees": [], "gone": ["../content/"]}'}, None,
     f"{JOURNAL_AT}:1:37: {DISCARDED}'../content/' leaves the output folder (it holds '..')"),
    ("gone is absolute", {JOURNAL_AT: journal(gone=["{root}/content/"])}, None,
     f"{JOURNAL_AT}:1:37: {DISCARDED}'{{root}}/content/' leaves the output folder (it is absolute)"),
    ("gone holds a backslash", {JOURNAL_AT: journal(gone=["..\\content"])}, None,
     f"{JOURNAL_AT}:1:37: {DISCARDED}'..\\\\content' leaves the output folder (it holds a backslash)"),
    ("gone is empty", {JOURNAL_AT: journal(gone=[""])}, None,
     f"{JOURNAL_AT}:1:37: {DISCARDED}'' leaves the output folder (it is empty)"),
    ("gone through a symbolic link", {JOURNAL_AT: journal(gone=["editors/sources/"])},
     {"site/editors": "{root}/content"},
     f"{JOURNAL_AT}:1:37: {DISCARDED}'editors/sources/' leaves the output folder (through a symbolic link)"),
    ("moved leaves by ..", {JOURNAL_AT: journal(moved=[[flat_name("../templates/base.html"), "../templates/base.html"]]),
                            ".site-build-x/" + flat_name("../templates/base.html"): "overwritten"}, None,
     f"{JOURNAL_AT}:1:49: {DISCARDED}'../templates/base.html' leaves the output folder (it holds '..')"),
    ("moved from outside the staging folder", {JOURNAL_AT: journal(moved=[["../outside/keep.txt", "index.html"]])}, None,
     f"{JOURNAL_AT}:1:12: {DISCARDED}the staged file '../outside/keep.txt' is not the one readout writes for 'index.html'"),
    ("moved from a staged symbolic link", {JOURNAL_AT: journal(moved=[[flat_name("index.html"), "index.html"]])},
     {STAGED: "{outside}/keep.txt"},
     f"{JOURNAL_AT}:1:12: {DISCARDED}the staged file '{flat_name('index.html')}' is not the one readout writes for 'index.html'"),
    ("moved is not a pair", {JOURNAL_AT: journal(moved=[["index.html"]])}, None,
     f"{JOURNAL_AT}:1:12: {DISCARDED}a moved file must be [staged name, site path], not [\"index.html\"]"),
    ("a tree leaves by ..", {JOURNAL_AT: journal(trees=["../content"])}, None,
     f"{JOURNAL_AT}:1:25: {DISCARDED}'../content' leaves the output folder (it holds '..')"),
    ("gone is not a list", {JOURNAL_AT: '{"gone": "../content/"}'}, None,
     f"{JOURNAL_AT}:1:2: {DISCARDED}'gone' must be a list"),
    ("not JSON", {JOURNAL_AT: '{"gone": ["../con'}, None,
     f"{JOURNAL_AT}:1:11: {DISCARDED}it is not JSON (Unterminated string starting at)"),
    ("not an object", {JOURNAL_AT: '["../content/"]'}, None,
     f"{JOURNAL_AT}:1:1: {DISCARDED}it must be an object with the keys from, gone, moved, to, trees"),
    ("keys missing", {JOURNAL_AT: '{"moved": [], "trees": [], "gone": ["index.html"]}'}, None,
     f"{JOURNAL_AT}:1:1: {DISCARDED}it must be an object with the keys from, gone, moved, to, trees"),
    ("written for another site", {JOURNAL_AT: journal(gone=["index.html"]).replace("{build}", "1" * 32)}, None,
     f"{JOURNAL_AT}:1:52: {DISCARDED}it was not written for this site (its build is neither the one it started "
     "from nor the one it leads to)"),
    ("the journal is a symbolic link", {"{outside}/journal.json": journal(gone=["index.html"])},
     {".site-build-x/": None, JOURNAL_AT: "{outside}/journal.json"},
     f"{JOURNAL_AT}:1:1: {DISCARDED}it is not a file"),
    ("the staging folder is a symbolic link", {"{outside}/x/" + JOURNAL: journal(gone=["../content/"])},
     {".site-build-x": "{outside}/x"}, None),
]


@pytest.mark.parametrize("name, files, links, message", JOURNAL_CASES, ids=[c[0] for c in JOURNAL_CASES])
def test_a_journal_that_cannot_be_trusted_is_discarded(planted, capsys, name, files, links, message):
    assert planted(files, links) == 0
    err = capsys.readouterr().err
    if message is None:  # not a staging folder of readout's: neither followed nor removed
        assert DISCARDED not in err, err
        return
    assert message.replace("{root}", str(planted.root)) in err, err
    assert "hint: readout writes this file while the preview updates the site in place; nothing it named " \
           "was touched, and this build writes the whole site afresh" in err
