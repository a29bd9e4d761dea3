"""Every page of the repository's own site is the same as in ``tests/golden/``: any change to
what readers get shows up here as a diff (``make golden`` rewrites it after a deliberate one)."""

from __future__ import annotations

import golden


def test_the_site_is_the_golden_site(tmp_path):
    built = golden.files(golden.build_site(tmp_path))
    expected = golden.golden_files()
    assert len(expected) > 40, "tests/golden/ is missing: run make golden"
    lines = golden.differences(built, expected)
    assert not lines, "the site differs from tests/golden/ (after a deliberate change: make golden, then review git diff tests/golden):\n" + "\n".join(lines)


def test_a_change_to_a_page_is_reported_as_a_diff_naming_the_page():
    golden_site = {"index.html": b"<h1>Record</h1>\n<p>Two events</p>\n", "feed.xml": b"<feed/>\n"}
    built = {"index.html": b"<h1>Record</h1>\n<p>Three events</p>\n", "data/new.json": b"{}"}
    lines = golden.differences(built, golden_site)
    assert "only in the build: data/new.json" in lines
    assert "only in tests/golden: feed.xml" in lines
    assert "-<p>Two events</p>" in lines and "+<p>Three events</p>" in lines
    assert any(line.startswith("--- tests/golden/index.html") for line in lines)
    assert golden.differences(golden_site, golden_site) == []
