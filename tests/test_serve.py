"""`readout serve`: the site over HTTP on loopback, rebuilt on save, errors shown in the page
while the last good site goes on being served."""

import json
import threading
import time
import urllib.error
import urllib.request

import pytest
from helpers import SEED_NAME

from readout.config import load_config
from readout.serve import make_server, preview_of, watch


def fetch(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
        return response.read().decode()


def wait_for(predicate, seconds: float = 20.0):
    """The first true value of ``predicate``, polled until ``seconds`` pass. A fetch that fails
    on the way (the server busy with a rebuild) is a "not yet", not a failure: what is asserted
    is the state the preview reaches, not how fast a loaded machine gets there."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError) as error:
            value, last = None, error
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out (last failure: {last!r})")


@pytest.fixture
def preview_server(project):
    root = project()
    config = load_config(root)
    # As `readout serve` builds: with a session, so a rebuild updates the site in place and
    # every page answers while it does.
    preview = preview_of(config)
    preview.debounce = 0.05
    preview.rebuild()
    observer = watch(preview, root, [config.content_dir, config.templates_dir], [root / "site.yml"])
    server = make_server(config.output_path, port=0, preview=preview)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, server.server_address[1], preview, server
    preview.close()
    observer.stop()
    server.shutdown()
    server.server_close()


def test_serves_the_site_on_loopback_with_the_reload_script(preview_server):
    root, port, _, server = preview_server
    assert server.server_address[0] == "127.0.0.1"
    html = fetch(port, "/people/li-qiang/")
    assert ">Li Qiang</h1>" in html and "/__readout/live.js" in html
    assert "__readout" not in (root / "site" / "people" / "li-qiang" / "index.html").read_text()
    assert "EventSource" in fetch(port, "/__readout/live.js")


def save_event(root, port: int, text: str, shown: str):
    """Save the seed's event file as ``text`` and wait until its page shows ``shown``."""
    event_file = root / "content" / "events" / f"{SEED_NAME}.md"
    event_file.parent.mkdir(parents=True, exist_ok=True)
    event_file.write_text(text)
    wait_for(lambda: shown in fetch(port, f"/events/{SEED_NAME}/"))
    return event_file


def test_an_edit_rebuilds_and_a_broken_edit_keeps_the_last_good_site(preview_server):
    root, port, _, _ = preview_server
    event_file = save_event(root, port, "---\ntitle: A corrected title\n---\n\nA note from the editor.\n",
                            "A corrected title")
    # The page is in place a moment before the rebuild is counted.
    state = wait_for(lambda: (lambda s: s if s["version"] >= 2 else None)(json.loads(fetch(port, "/__readout/status"))))
    assert state["error"] is None
    event_file.write_text("---\ntitel: Oops\n---\n")
    status = wait_for(lambda: json.loads(fetch(port, "/__readout/status"))["error"])
    assert f"content/events/{SEED_NAME}.md:2:1: unknown key 'titel'" in status
    assert "A corrected title" in wait_for(lambda: fetch(port, f"/events/{SEED_NAME}/"))
    (root / "templates" / "static" / "base.css").write_text("body { color: red }\n")
    event_file.write_text("---\ntitle: Fixed again\n---\n")
    wait_for(lambda: "Fixed again" in fetch(port, f"/events/{SEED_NAME}/"))
    wait_for(lambda: json.loads(fetch(port, "/__readout/status"))["error"] is None)
    assert wait_for(lambda: fetch(port, "/static/base.css")) == "body { color: red }\n"


def test_the_event_stream_sends_the_state_first(preview_server):
    _, port, _, _ = preview_server
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__readout/events", timeout=5) as response:
        assert response.headers["Content-Type"] == "text/event-stream"
        assert response.readline() == b"event: state\n"
        assert json.loads(response.readline().decode()[len("data: "):]) == {"version": 1, "error": None}


def test_serves_nothing_outside_its_folder(preview_server, tmp_path):
    import http.client
    import socket

    root, port, _, _ = preview_server
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    (root / "site" / "leak.txt").symlink_to(secret)
    for path in ("/leak.txt", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2f..%2fetc/passwd",
                 "/..\\..\\etc\\passwd"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode(errors="replace")
        assert response.status == 404, (path, response.status)
        assert "private" not in body and "root:" not in body
        connection.close()
    # A client that hangs up in the middle of a response does not stop the server.
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(b"GET /events/" + SEED_NAME.encode() + b"/source/ HTTP/1.1\r\nHost: x\r\n\r\n")
            sock.recv(10)
    assert "Source text" in fetch(port, f"/events/{SEED_NAME}/source/")


def test_closing_the_preview_waits_for_a_build_under_way():
    import threading
    import time

    from readout.serve import Preview

    started, finished = threading.Event(), []

    def slow_build():
        started.set()
        time.sleep(0.3)
        finished.append(True)
        return type("Report", (), {"pages": 1, "rendered": 1})()

    preview = Preview(slow_build)
    preview.schedule(finished=True)
    assert started.wait(5)
    preview.close()
    assert finished == [True]  # the build ended before close() returned
    preview.schedule(finished=True)
    time.sleep(0.1)
    assert finished == [True]  # and none starts after it


def test_a_save_is_one_rebuild_however_many_events_it_makes(tmp_path):
    """One save is often two events (written, then closed); a rebuild for a save when nothing
    changed since the last good build began is skipped, one after a failure is not, and one
    asked for (the first build, or a caller's) never is."""
    import os

    from readout.serve import Preview, snapshot

    source = tmp_path / "content" / "a.txt"
    source.parent.mkdir()
    source.write_text("one")
    builds, failing = [], []

    def build():
        builds.append(source.read_text())
        if failing:
            raise RuntimeError("disk full")
        return type("Report", (), {"pages": 1, "rendered": 1})()

    preview = Preview(build, fingerprint=lambda: snapshot([tmp_path / "content", tmp_path / "site.yml"]))
    preview.rebuild()  # the first build
    preview.rebuild(saved=True)  # an event of a save already built
    assert builds == ["one"]
    source.write_text("two")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1000))
    preview.rebuild(saved=True)
    preview.rebuild(saved=True)
    assert builds == ["one", "two"] and preview.version == 2
    (tmp_path / "site.yml").write_text("title: T\n")  # a watched file that was not there
    preview.rebuild(saved=True)
    assert len(builds) == 3
    failing.append(True)
    source.write_text("three")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 2000))
    preview.rebuild(saved=True)
    preview.rebuild(saved=True)  # after a failure, the same files are built again
    assert builds[-2:] == ["three", "three"] and preview.error
    failing.clear()
    preview.rebuild()  # asked for, not saved: always built
    preview.rebuild()
    assert len(builds) == 7


def test_an_edit_through_the_watcher_is_one_rebuild(preview_server):
    root, port, preview, _ = preview_server
    save_event(root, port, "---\ntitle: Once only\n---\n", "Once only")
    wait_for(lambda: preview.version >= 2)
    time.sleep(1)  # the save's later events have arrived and been handled
    assert preview.version == 2  # the first build, then one for the save
