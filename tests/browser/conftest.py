"""Browser tests: Debian's chromium driven by Playwright for Python (never a browser download).
Where chromium is missing they are skipped with a plain reason — except in CI (CI=true), where
they must run and a missing browser fails them."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from helpers import make_project

from readout.build import build
from readout.config import load_config
from readout.serve import make_server

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]

SECOND = (" date 2024-03-06\nLi Qiang, Premier of the State Council, chaired a meeting in Beijing on "
          "Tuesday to discuss scientific and technological innovation.\n\nLi said the country has made "
          "steady progress in innovation, and quoted the phrase 长三角一体化发展 as a model.\n\n"
          "He called for greater efforts to build laboratories in every province.\n")
ABOUT = "---\ntitle: About\nnav_order: 1\n---\n\nAn *about* page with a [link](event:2024-03-05-innovation-meeting).\n"


def chromium_or_skip():
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    message = "chromium is not installed (apt-get install -y chromium): the browser tests did not run"
    if os.environ.get("CI"):
        pytest.fail(message + " — in CI they must")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        yield instance
        instance.close()


def serve_folder(folder, preview=None):
    server = make_server(folder, port=0, preview=preview)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site_folder(tmp_path_factory):
    """A two-event site with an about page, built; its folder."""
    root = make_project(tmp_path_factory.mktemp("browser") / "project", {
        "content/sources/2024-03-05-innovation-meeting.txt": SECOND,
        "content/pages/about.md": ABOUT,
    })
    return build(load_config(root)).output


@pytest.fixture(scope="session")
def site_url(site_folder):
    """That site served on loopback; its base URL."""
    server = serve_folder(site_folder)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Watch:
    """What a page did: console errors and requests, to check after a visit."""

    def __init__(self, page, origin: str):
        self.origin, self.errors, self.requests = origin, [], []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith((self.origin, "data:"))]


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    tab = context.new_page()
    tab.watch = Watch(tab, site_url)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def thousand(tmp_path_factory):
    """A site of a thousand generated readouts, built and served: its URL and its folder."""
    import sys

    from helpers import ROOT

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    root = make_project(tmp_path_factory.mktemp("thousand") / "project", seed=False)
    generate(1000, root)
    site = build(load_config(root)).output
    server = serve_folder(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()
    server.server_close()
