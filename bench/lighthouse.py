"""Lighthouse scores (performance, accessibility, best practices, SEO) for each page type of a
built site, with Debian's chromium. Needs Node and the npm package lighthouse@12.2.3; `make
lighthouse` installs it under .tools/ and runs this. Usage: python bench/lighthouse.py SITE_DIR
LIGHTHOUSE_BIN"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from readout.serve import make_server

PAGES = {
    "home": "", "event": "events/{event}/", "topic": "events/{event}/progress/",
    "source": "events/{event}/source/", "person": "people/xi-jinping/", "people": "people/",
    "timeline": "timeline/", "topics": "topics/", "topic across events": "topics/priorities/",
    "theme": "themes/innovation/", "place": "places/shanghai/", "organization": "organizations/state-council/",
    "search": "search/?q=innovation", "about": "about/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"


def main(site: Path, lighthouse: str) -> int:
    event = json.loads((site / "data" / "events.json").read_text())[0]["id"]
    server = make_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    worst = 100
    print(f"{'page':22} " + " ".join(f"{c:>15}" for c in CATEGORIES))
    for name, path in PAGES.items():
        url = base + path.format(event=event)
        if not (site / path.format(event=event).split("?")[0]).exists():
            continue
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            subprocess.run([lighthouse, url, "--quiet", "--output=json", f"--output-path={report.name}",
                            f"--chrome-flags={FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
                           check=True, env={"CHROME_PATH": "/usr/bin/chromium", "PATH": "/usr/bin:/bin:/usr/local/bin"})
            data = json.loads(Path(report.name).read_text())
        scores = [round(data["categories"][c]["score"] * 100) for c in CATEGORIES]
        worst = min(worst, *scores)
        print(f"{name:22} " + " ".join(f"{s:>15}" for s in scores), flush=True)
        for category in CATEGORIES:
            for ref in data["categories"][category]["auditRefs"]:
                audit = data["audits"][ref["id"]]
                if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                    print(f"    {category}: {audit['id']}: {audit['title']} ({audit['score']})")
    server.shutdown()
    print(f"lowest score: {worst}")
    return 0 if worst >= 95 else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
