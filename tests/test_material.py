"""theme: material — the same pages at the same URLs through MkDocs + Material, strict."""

import posixpath
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
import tomllib
from bs4 import BeautifulSoup
from helpers import ROOT, SEED_NAME

from readout.build import build
from readout.cli import main
from readout.config import load_config
from readout.errors import ReadoutError

PAGES_FILE = "content/pages/about.md"


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The same project built with each theme: (default site, material site)."""
    from helpers import make_project

    root = make_project(tmp_path_factory.mktemp("material") / "project",
                        {PAGES_FILE: "---\ntitle: About\nnav_order: 1\n---\n\nAbout the [[Li Qiang]] record.\n"})
    config = load_config(root)
    default = build(config, root / "site-default").output
    material = build(config, root / "site-material", theme="material").output
    return default, material


def pages_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")
            if not p.relative_to(site).as_posix().startswith(("pagefind/", "assets/"))}


def test_every_url_of_the_default_build_exists(both):
    default, material = both
    missing = pages_of(default) - pages_of(material)
    assert missing == set()
    for extra in ("data/events.json", "data/people.json", "feed.xml", "robots.txt", "404.html"):
        assert (material / extra).is_file(), extra


def test_material_search_index_palette_and_instant_navigation(both):
    _, material = both
    assert (material / "search" / "search_index.json").is_file()
    soup = BeautifulSoup((material / "events" / SEED_NAME / "index.html").read_text(), "html.parser")
    assert soup.find("input", attrs={"data-md-color-scheme": "slate"}) is not None
    assert "navigation.instant" in str(soup)
    assert soup.find(class_="readout-page").find("h1").get_text().startswith("Symposium on further promoting")
    tags = [a.get_text(strip=True) for a in soup.select(".md-tag")]
    assert {"Innovation", "Opening up", "Ecology"} <= set(tags)


def test_no_broken_links_and_no_request_to_another_host(both):
    _, material = both
    checked = 0
    for path in material.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, **{attr: True}):
                url = element[attr]
                if url.startswith(("data:", "mailto:")) or (tag == "a" and urlparse(url).scheme in ("http", "https")):
                    continue  # "Made with Material for MkDocs" links out; it requests nothing
                assert not urlparse(url).scheme, (path, url)
                file_part, fragment = urldefrag(url)
                if path.name == "404.html":
                    continue
                target = Path(posixpath.normpath(path.parent / file_part)) if file_part else path
                if target.is_dir():
                    target = target / "index.html"
                assert target.is_file(), f"{path}: broken link {url}"
                if fragment and target.suffix == ".html" and fragment != "__skip":
                    ids = {t["id"] for t in BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find_all(id=True)}
                    assert fragment in ids, f"{path}: missing #{fragment} in {url}"
                checked += 1
    assert checked > 200


def test_strict_mode_failures_are_errors_and_keep_the_last_good_site(project, tmp_path):
    from readout.material import mkdocs_build

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[missing](nowhere.md)\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme: {name: material, font: false}\n")
    with pytest.raises(ReadoutError, match="strict mode"):
        mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "out")
    root = project()
    out = build(load_config(root), theme="material").output
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (root / "templates" / "body.html").write_text("{% block content %}{% if %}{% endblock %}")
    with pytest.raises(ReadoutError):
        build(load_config(root), theme="material")
    assert before == {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_export_builds_with_mkdocs_strict(project, tmp_path, capsys):
    root = project()
    folder = tmp_path / "export"
    assert main(["-C", str(root), "export", "mkdocs", str(folder)]) == 0
    assert (folder / "mkdocs.yml").is_file() and (folder / "docs" / "events" / SEED_NAME / "index.md").is_file()
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run([str(mkdocs), "build", "--strict", "-f", str(folder / "mkdocs.yml"),
                             "-d", str(tmp_path / "built")], capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "built" / "events" / SEED_NAME / "source" / "index.html").is_file()
    # An export never lands in a folder holding someone else's files.
    other = tmp_path / "theirs"
    other.mkdir()
    (other / "notes.md").write_text("mine")
    assert main(["-C", str(root), "export", "mkdocs", str(other)]) == 1
    assert (other / "notes.md").read_text() == "mine"


def test_default_theme_never_imports_mkdocs(project):
    root = project()
    code = ("import sys; from readout.build import build; from readout.config import load_config; "
            f"from pathlib import Path; build(load_config(Path({str(root)!r})), search=False); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_versions_are_capped_below_the_next_major():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert "mkdocs>=1.6,<2" in extras["material"]
    assert any(d.startswith("mkdocs-material>=") and ",<10" in d for d in extras["material"])


def test_theme_from_site_yml(project, capsys):
    root = project()
    (root / "site.yml").write_text((root / "site.yml").read_text().replace("theme: readout", "theme: material"))
    assert main(["-C", str(root), "build"]) == 0
    assert (root / "site" / "search" / "search_index.json").is_file()
    (root / "site.yml").write_text("theme: materiel\n")
    assert main(["-C", str(root), "build"]) == 1
    assert "site.yml:1:8: unknown theme 'materiel'" in capsys.readouterr().err
