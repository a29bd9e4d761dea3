"""Faults of the preview: its in-place update journal, a preview killed at any moment, failed
rebuilds, and the server's bad input. One case per row, each with its exact message and
location; content/ and templates/ are never touched, and the next build gives the site a fresh
build gives."""

import contextlib
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from helpers import ROOT, SEED_NAME
from test_serve import fetch, wait_for

from readout.build import build
from readout.cli import main
from readout.config import load_config
from readout.serve import make_server, preview_of
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


KILLER = Path(__file__).parent / "killed_preview.py"


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie waiting to be reaped does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def kill_moments(steps: list[str]) -> list[int]:
    """The steps to kill the preview at: the first and last three of each build, every step on
    the lock, the state beside the site or the journal, every rename and removal, and one in
    eight of the others (the files a build writes, the moves of a commit)."""
    starts = [i - 1 for i, step in enumerate(steps, 1) if step.endswith(".lock")]  # after making the parent
    ends = [start - 1 for start in starts[1:]] + [len(steps)]
    edges = {i + d for i in starts for d in range(3)} | {i - d for i in ends for d in range(3)}
    special = (".lock", ".readout.json", "readout-state", ".readout-commit", "rename ", "unlink ", "rmdir ")
    return [i for i, step in enumerate(steps, 1)
            if i in edges or i % 8 == 0 or any(mark in step for mark in special)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the preview renders in forked workers only where it can fork")
def test_a_preview_killed_at_any_moment_never_breaks_the_next_build(project, tmp_path):
    """A preview, killed (SIGKILL) at some forty moments of its first build and of an
    in-place rebuild after a template edit — at its n-th change to the file system, or by one
    of its parse or render workers — never breaks the next `readout build`: it succeeds at once,
    leaves nothing beside the site, gives byte for byte what a fresh build gives, and no
    worker of the killed preview lives on."""
    readouts = sorted((Path(__file__).parent / "data" / "readouts").glob("*.txt"))[:2]
    pristine = project(files={f"content/sources/{path.name}": path.read_bytes() for path in readouts})
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", PYTHONPATH=str(Path(__file__).parent))

    def killed(name: str, *args: str) -> tuple[Path, str]:
        root = tmp_path / name / "project"
        shutil.copytree(pristine, root)
        # Output to files, not pipes: a worker left running would hold a pipe open.
        with open(root.parent / "out", "w") as out, open(root.parent / "err", "w") as err:
            code = subprocess.run([sys.executable, str(KILLER), str(root), *args], env=env, stdout=out,
                                  stderr=err).returncode
        assert code == (0 if args[0] == "-1" else -signal.SIGKILL), (args, (root.parent / "err").read_text())
        return root, (root.parent / "out").read_text()

    def next_build_and_fresh(root: Path) -> tuple[int, dict, dict]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
            code = main(["-C", str(root), "build", "--no-search"])
            assert main(["-C", str(root), "build", "--no-search", "--output", str(root.parent / "fresh")]) == 0
        return code, digest_tree(root / "site"), digest_tree(root.parent / "fresh")

    root, out = killed("whole", "-1")
    steps = json.loads(out)
    preview_site = digest_tree(root / "site")
    assert next_build_and_fresh(root) == (0, preview_site, preview_site)  # unkilled, the preview is right
    moments = [(str(step), steps[step - 1]) for step in kill_moments(steps)]
    if (os.cpu_count() or 1) >= 2:  # a build forks workers only where there are two processors
        moments += [("1 render", "the first file a render worker writes"), ("3 render", "the third one"),
                    ("1 parse", "the first readout a parse worker reads")]
    assert len(moments) > 30
    for moment, what in moments:
        root, _ = killed(moment.replace(" ", "-"), *moment.split())
        leftovers = sorted(p.name for p in root.glob(".site-*"))
        try:
            code, site, fresh = next_build_and_fresh(root)  # at once: a worker may be ending still
            assert code == 0, (moment, what, leftovers)
            assert site == fresh, (moment, what)
            assert not list(root.glob(".site-*")), (moment, what)  # the next build cleaned up after it
        finally:
            if " " in moment:  # the workers that killed the preview were busy; they end with it
                workers = [int(pid) for pid in (root.parent / "worker.pid").read_text().split()]
                try:
                    wait_for(lambda workers=workers: not any(alive(pid) for pid in workers), 30)
                finally:
                    for pid in workers:
                        if alive(pid):
                            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def preview(project, monkeypatch):
    """A project's preview as `readout serve` runs it (its session, its rebuild on a timer
    thread), served on a free port; yields (root, port, preview)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = project()
    config = load_config(root)
    preview = preview_of(config)
    server = make_server(config.output_path, port=0, preview=preview)
    preview.rebuild()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, server.server_address[1], preview
    preview.close()
    server.shutdown()
    server.server_close()


def status(port: int) -> dict:
    return json.loads(fetch(port, "/__readout/status"))


def build_site_fails(*args, **kwargs):
    raise KeyError("a-person")


REBUILD_FAILURES = [
    ("a template raises", {"templates/timeline.html": "{% extends 'base.html' %}\n{% block content %}\n{{ 1 / 0 }}\n"
                                                       "{% endblock %}\n"}, None,
     "templates/timeline.html:3: template error: ZeroDivisionError: division by zero\n"
     "  hint: fix the expression on that line; the last good site is kept"),
    ("readout itself raises", {}, build_site_fails,
     "the rebuild failed: KeyError: 'a-person'\n  hint: this is a fault in readout, not in your project; the last "
     "good site is still served (`readout --debug serve` prints the traceback)"),
    ("a project error", {f"content/events/{SEED_NAME}.md": "---\ntitel: x\n---\n"}, None,
     f"content/events/{SEED_NAME}.md:2:1: unknown key 'titel' in event front matter"),
]


@pytest.mark.parametrize("name, files, replacement, message", REBUILD_FAILURES, ids=[c[0] for c in REBUILD_FAILURES])
def test_every_failed_rebuild_is_shown_over_the_page_and_printed_once(preview, capsys, monkeypatch, name, files,
                                                                        replacement, message):
    root, port, preview = preview
    good = fetch(port, "/timeline/")
    capsys.readouterr()
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)
    if replacement is not None:
        monkeypatch.setattr("readout.build.build_site", replacement)
        (root / "site.yml").write_text((root / "site.yml").read_text())  # a save, of the same text
    preview.schedule(finished=True)  # on a timer thread, as a save does
    error = wait_for(lambda: status(port)["error"], 60)
    assert message in error
    err = capsys.readouterr().err
    # Printed once: the first line of the message appears once in the terminal.
    assert err.count(message.splitlines()[0]) == 1, err
    assert "Traceback" not in err
    assert fetch(port, "/timeline/") == good  # the last good site, still served
    version = status(port)["version"]
    for relative in files:
        (root / relative).unlink()
    (root / "templates" / "timeline.html").write_text((ROOT / "templates" / "timeline.html").read_text())
    monkeypatch.undo()
    preview.schedule(finished=True)
    assert wait_for(lambda: (lambda state: state["error"] is None and state)(status(port)), 60)["version"] == version + 1


def test_a_failed_rebuild_shows_the_traceback_with_debug(project, capsys, monkeypatch):
    monkeypatch.setattr("readout.build.build_site", build_site_fails)
    preview = preview_of(load_config(project()), debug=True)
    preview.rebuild()
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "the rebuild failed: KeyError: 'a-person'" in err
    assert preview.state()["error"].startswith("readout/build.py:")  # where readout called what failed


def test_the_preview_prints_a_discarded_journal(project, capsys):
    root = project()
    preview = preview_of(load_config(root))
    preview.rebuild()
    (root / JOURNAL_AT).parent.mkdir()
    (root / JOURNAL_AT).write_text('{"moved": [], "trees": [], "gone": ["../content/"]}')
    preview.rebuild()
    assert f"{JOURNAL_AT}:1:37: {DISCARDED}'../content/' leaves the output folder" in capsys.readouterr().err
    assert (root / "content" / "sources" / f"{SEED_NAME}.txt").is_file()


def test_connections_waiting_before_the_server_answers_are_all_answered(project):
    """Two hundred connections made before the server accepts any (as during the first
    build, or a page's parallel requests) all connect and all get their page."""
    root = project()
    site = build(load_config(root), search=False).output
    server = make_server(site, port=0)
    port = server.server_address[1]
    clients = []
    try:
        for _ in range(200):  # with the default queue of five, the seventh waits in vain
            client = socket.create_connection(("127.0.0.1", port), timeout=30)
            client.sendall(b"GET /people/li-qiang/ HTTP/1.0\r\n\r\n")
            clients.append(client)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        for client in clients:
            answer = b"".join(iter(lambda client=client: client.recv(65536), b""))
            assert answer.startswith(b"HTTP/1.0 200 ") and b">Li Qiang</h1>" in answer
        server.shutdown()
    finally:
        for client in clients:
            client.close()
        server.server_close()


BAD_PATHS = [
    ("GET", "/index.html%00", 400), ("HEAD", "/index.html%00", 400), ("GET", "/%00", 400),
    ("GET", "/events/%00/", 400), ("GET", "/index.html%00?x=1", 400), ("GET", "/%ed%a0%80", 400),
    ("GET", "/%ff", 404), ("GET", "/" + "a" * 5000, 404), ("GET", "/" + "a/" * 3000, 404),
    ("GET", "/__readout/%00", 404),
]


@pytest.mark.parametrize("method, path, code", BAD_PATHS, ids=[f"{m} {p[:20]}" for m, p, _ in BAD_PATHS])
def test_a_path_no_file_can_have_is_answered(preview, method, path, code):
    _, port, _ = preview
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path)
    response = connection.getresponse()
    response.read()
    assert response.status == code
    connection.close()
    assert ">Li Qiang</h1>" in fetch(port, "/people/li-qiang/")  # and the server goes on


def port_in_use() -> socket.socket:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    return taken


SERVE_CASES = [
    ("port too large", ["--port", "99999"], 2,
     "argument --port: '99999' is not a port number: give one from 1 to 65535, or 0 for any free port"),
    ("negative port", ["--port", "-1"], 2, "argument --port: '-1' is not a port number"),
    ("port not a number", ["--port", "http"], 2, "argument --port: 'http' is not a port number"),
    ("empty address", ["--bind", ""], 2, "argument --bind: '' is not an address: give one such as 127.0.0.1 or ::1"),
    ("address of another machine", ["--bind", "192.0.2.1", "--port", "0"], 1,
     "cannot serve on 192.0.2.1 port 0: Cannot assign requested address\n  hint: give --bind an address of "
     "this machine: 127.0.0.1 or ::1 (this machine only), or 0.0.0.0 or :: (every network)"),
    ("port in use", ["--port", "{taken}"], 1,
     "port {taken} is already in use on 127.0.0.1\n  hint: stop the program that uses it, or choose another port: "
     "--port {next}, or --port 0 for any free one"),
]


@pytest.mark.parametrize("name, args, code, message", SERVE_CASES, ids=[c[0] for c in SERVE_CASES])
def test_bad_serve_input_is_a_clear_error_before_any_build(project, capsys, monkeypatch, name, args, code, message):
    root = project()

    def served(*args, **kwargs):
        raise AssertionError("the server started")

    monkeypatch.setattr(socketserver.BaseServer, "serve_forever", served)
    with contextlib.closing(port_in_use()) as taken:
        number = taken.getsockname()[1]
        fill = {"{taken}": str(number), "{next}": str(number + 1)}
        args = [fill.get(arg, arg) for arg in args]
        for key, value in fill.items():
            message = message.replace(key, value)
        assert main(["-C", str(root), "serve", *args]) == code
    err = capsys.readouterr().err
    assert message in err, err
    assert "Traceback" not in err
    assert not (root / "site").exists()  # said before any build


def test_serving_on_ipv6_loopback_works_or_is_a_clear_error(project, capsys):
    root = project()
    site = build(load_config(root), search=False).output
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError as error:
        assert main(["-C", str(root), "serve", "--bind", "::1", "--port", "0"]) == 1
        assert f"cannot serve on [::1] port 0: {error.strerror}" in capsys.readouterr().err
        return
    server = make_server(site, bind="::1", port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        connection = http.client.HTTPConnection("::1", server.server_address[1], timeout=30)
        connection.request("GET", "/people/li-qiang/")
        assert ">Li Qiang</h1>" in connection.getresponse().read().decode()
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
