"""Bad input and faults: one case per row, each with its exact message, location and exit code,
and content/ and the last good site untouched."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SEED_NAME, SEED_PATH

from readout.build import build
from readout.cli import main
from readout.config import load_config

EVENT_MD = f"content/events/{SEED_NAME}.md"


def digest_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def built(project):
    """A project with a good site built; returns a function that adds files, builds, and checks
    that content/ (but for the added files) and the site are unchanged."""
    root = project()
    assert main(["-C", str(root), "build", "--no-search"]) == 0

    def run(files: dict, *args) -> tuple[int, str]:
        for relative, data in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
        content, site = digest_tree(root / "content"), digest_tree(root / "site")
        code = main(["-C", str(root), *(args or ("build", "--no-search"))])
        assert digest_tree(root / "content") == content
        assert digest_tree(root / "site") == site
        return code

    run.root = root
    return run


CASES = [
    ("non-UTF-8 source", {"content/sources/bad.txt": b"Text.\n\nCaf\xe9 here."},
     "content/sources/bad.txt:3:4: not UTF-8 text: byte 0xe9 at offset 10"),
    ("NUL byte", {"content/sources/nul.txt": b"Li Hua held a meeting.\x00\n"},
     "content/sources/nul.txt:1:23: binary data: a NUL byte at offset 22"),
    ("empty file", {"content/sources/empty.txt": b""}, "content/sources/empty.txt: the readout is empty"),
    ("only white space", {"content/sources/blank.txt": b"\xef\xbb\xbf \n\n\t\n"}, "content/sources/blank.txt: the readout is empty"),
    ("binary file", {"content/sources/photo.txt": bytes(range(256)) * 4},
     "content/sources/photo.txt:1:1: binary data: a NUL byte at offset 0"),
    ("front matter not a mapping", {EVENT_MD: "---\n- one\n---\n"},
     f"{EVENT_MD}:2:1: front matter must be a mapping of keys to values, not a list"),
    ("unclosed front matter", {EVENT_MD: "---\ntitle: x\n"}, f"{EVENT_MD}:1:1: front matter is not closed"),
    ("tab", {EVENT_MD: "---\ntitle: x\n\tkind: y\n---\n"}, f"{EVENT_MD}:3:1: tab character in front matter"),
    ("duplicate keys", {EVENT_MD: "---\nkind: a\nkind: b\n---\n"}, f"{EVENT_MD}:3:1: duplicate key 'kind' in event front matter"),
    ("YAML alias bomb", {EVENT_MD: "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n"},
     f"{EVENT_MD}:2:4: YAML anchors and aliases (& and *) are not allowed here"),
    ("1 MB front matter", {EVENT_MD: "---\ntitle: " + "x" * (1024 * 1024) + "\n---\n"},
     f"{EVENT_MD}:1:1: front matter is too large: 1024 KB (the limit is 64 KB)"),
    ("wrong type", {EVENT_MD: "---\nattendees: li-qiang\n---\n"}, f"{EVENT_MD}:2:12: 'attendees' must be a list, not 'li-qiang'"),
    ("impossible date", {EVENT_MD: "---\ndate: 2023-02-30\n---\n"}, f"{EVENT_MD}:2:7: 'date' is not a real date: 2023-02-30"),
    ("same event id twice", {"content/sources/Copy of the readout.txt": SEED_PATH.read_bytes()},
     f"content/sources/Copy of the readout.txt: event id '{SEED_NAME}' is also given by content/sources/{SEED_NAME}.txt"),
    ("override of an unknown event", {"content/events/no-such-event.md": "Note.\n"},
     "content/events/no-such-event.md: no readout for event 'no-such-event'"),
    ("id with ..", {EVENT_MD: "---\nhost: {name: X Y, id: ../etc}\n---\n"},
     f"{EVENT_MD}:2:7: person id '../etc' is not a slug (lower-case letters, digits and hyphens only)"),
    ("id with /", {EVENT_MD: "---\nattendees: [{name: A B, id: a/b}]\n---\n"},
     f"{EVENT_MD}:2:13: person id 'a/b' is not a slug"),
    ("id with backslash", {"content/people/a\\b.md": "---\nname: A B\n---\n"},
     "content/people/a\\b.md: person file name: 'a\\b' is not a slug"),
    ("Windows-reserved name", {"content/sources/con.txt": "Li Hua held a symposium in Wuhan on the 3rd to discuss ports.\n"},
     "content/sources/con.txt: event id 'con' is a name Windows reserves for a device"),
    ("template syntax error", {"templates/timeline.html": "{% extends layout %}\n{% block content %}{% for %}{% endblock %}\n"},
     "templates/timeline.html:2: template syntax error"),
]


@pytest.mark.parametrize("name, files, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_matrix(built, capsys, name, files, message):
    assert built(files) == 1
    err = capsys.readouterr().err
    assert message in err, err


def test_twenty_megabyte_source(built, capsys):
    assert built({"content/sources/huge.txt": b"Li Hua held a meeting. " * (20 * 1024 * 1024 // 23)}) == 1
    assert "content/sources/huge.txt: the readout is too large: 20.0 MB (the limit is 5 MB)" in capsys.readouterr().err


def test_bom_crlf_and_lone_cr_sources_build(project):
    text = "Li Hua held a symposium in Wuhan on the 3rd to discuss ports.\r\n\r\nLi Hua said progress has been made."
    root = project(seed=False, files={"content/sources/crlf.txt": b"\xef\xbb\xbf" + text.encode(),
                                      "content/sources/cr.txt": text.replace("\r\n", "\r").encode()})
    site = build(load_config(root), search=False).output
    for name in ("crlf", "cr"):
        page = (site / "events" / name / "index.html").read_text()
        assert "Li Hua held a symposium in Wuhan" in page
        assert "Li Hua said progress has been made." in (site / "events" / name / "progress" / "index.html").read_text()


def test_source_with_no_paragraphs_is_a_warning_not_an_error(project, capsys):
    root = project(seed=False, files={"content/sources/header-only.txt": " date 2024-01-01\n"})
    assert main(["-C", str(root), "check"]) == 0
    assert "content/sources/header-only.txt:2:1: warning: the source has no story text" in capsys.readouterr().out


def test_symlink_leading_outside_the_project(built, capsys, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Li Hua held a symposium in Wuhan on the 3rd to discuss ports.\n")
    (built.root / "content" / "sources" / "linked.txt").symlink_to(secret)
    assert built({}) == 1
    assert f"content/sources/linked.txt: symbolic link leads outside the project (to {secret})" in capsys.readouterr().err


@pytest.mark.parametrize("output, message", [
    (".", "it holds the project itself"), ("content/", "it would overwrite content/"),
    ("/", "it holds the project itself"), ("~", None),
])
def test_output_folders_refused(built, capsys, output, message):
    root = built.root
    (root / "site.yml").write_text(f"output_dir: '{output}'\n")
    assert built({}) == 1
    err = capsys.readouterr().err
    home = Path("~").expanduser().resolve()
    expected = message or ("it holds the project itself" if root.resolve().is_relative_to(home)
                           else "it holds files readout did not write")
    assert expected in err


def test_two_builds_at_once_are_refused_clearly(project, capsys):
    from readout.write import release_lock, take_lock

    root = project()
    lock = take_lock((root / "site").resolve())
    try:
        assert main(["-C", str(root), "build", "--no-search"]) == 1
        err = capsys.readouterr().err
        assert f"another build is writing {(root / 'site').resolve()} (pid {os.getpid()})" in err
        assert "wait for it to finish" in err
    finally:
        release_lock(lock)
    assert main(["-C", str(root), "build", "--no-search"]) == 0


def test_full_disk_keeps_the_last_good_site(built, capsys, monkeypatch):
    import errno

    from readout.write import OutputDir

    real = OutputDir.path_for

    def full(self, relative):
        if relative.startswith("people/"):
            raise OSError(errno.ENOSPC, "No space left on device", str(self.staging / relative))
        return real(self, relative)

    monkeypatch.setattr(OutputDir, "path_for", full)
    # A people file renames someone, so their page must be written again: the disk is full.
    assert built({"content/people/li-qiang.md": "---\nname: Li Qiang\naliases: [Premier Li]\n---\nA bio.\n"}) == 1
    err = capsys.readouterr().err
    assert "could not write the site: No space left on device" in err
    assert "the last good site was kept" in err
    assert not list(built.root.glob(".site-build-*"))


KILL_PROJECT = """
import sys
sys.path.insert(0, {bench!r})
from pathlib import Path
from generate import generate
generate(300, Path({root!r}))
"""


def test_a_build_killed_mid_render_or_mid_swap_loses_nothing(project):
    root = project()
    subprocess.run([sys.executable, "-c", KILL_PROJECT.format(bench=str(Path(__file__).parent.parent / "bench"), root=str(root))], check=True)
    assert main(["-C", str(root), "build", "--no-search"]) == 0
    good = digest_tree(root / "site")
    timeline = root / "templates" / "timeline.html"  # an edit readers see: the timeline's pages change
    timeline.write_text(timeline.read_text().replace("{% block content %}", "{% block content %}<!-- edited -->", 1))
    assert main(["-C", str(root), "build", "--no-search", "--output", str(root / "expected")]) == 0
    new = digest_tree(root / "expected")
    assert new != good
    for delay in (0.6, 1.2, 1.8, 2.4):
        process = subprocess.Popen([sys.executable, "-m", "readout", "-C", str(root), "build", "--no-search"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if (root / "site").exists():
            # Either the last good site, untouched, or the new one, complete: never a mixture.
            assert digest_tree(root / "site") in (good, new)
        # (Killed between the two renames of the swap, there is no site/: the next build puts
        # the old one back; test_killed_between_the_two_renames shows it.)
    assert main(["-C", str(root), "build", "--no-search"]) == 0
    assert (root / "site" / "index.html").is_file()
    assert not list(root.glob(".site-build-*")) and not list(root.glob(".site-old-*"))


def test_killed_between_the_two_renames(project):
    root = project()
    assert main(["-C", str(root), "build", "--no-search"]) == 0
    good = digest_tree(root / "site")
    hidden = root / ".site-old-killed"
    hidden.mkdir()
    os.rename(root / "site", hidden / "site")
    (root / ".site-build-killed").mkdir()
    assert not (root / "site").exists()
    from readout.write import OutputDir

    with OutputDir((root / "site").resolve(), root, [root / "content"]):
        pass
    assert digest_tree(root / "site") == good
    assert not list(root.glob(".site-build-*")) and not list(root.glob(".site-old-*"))


def test_unwritable_output_folder(built, capsys, monkeypatch):
    import errno
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    assert built({}) == 1
    err = capsys.readouterr().err
    assert "cannot write beside the output folder: Permission denied" in err
    assert "the last good site was kept" in err
