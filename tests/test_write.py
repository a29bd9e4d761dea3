"""The writer's guarantees: build aside and swap, keep the last good site, refuse unsafe folders."""

import os
from pathlib import Path

import pytest

from readout.build import build
from readout.cli import main
from readout.config import load_config
from readout.errors import ReadoutError
from readout.write import MARKER, OutputDir, read_manifest, state_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


def test_build_replaces_the_whole_folder_and_keeps_its_own_records_beside_it(project):
    root = project()
    out = build(load_config(root)).output
    # Nothing of readout's own is published: the site holds only what a reader loads.
    assert not [p.name for p in out.rglob(".*")]
    assert state_path(out) == root / ".site.readout.json" and read_manifest(out)["pages"]
    (out / "stale.html").write_text("old")
    build(load_config(root))
    assert not (out / "stale.html").exists()
    assert leftovers(root) == []


def test_a_folder_made_again_under_the_same_name_is_not_taken_for_readouts(project, capsys):
    """The record beside the site names the folder readout made (device and inode), not its
    name: an editor's folder put where the site was is refused, and nothing in it is lost."""
    root = project()
    out = build(load_config(root)).output
    out.rename(root / "moved")
    out.mkdir()
    (out / "mine.html").write_text("an editor's page")
    (root / "moved").rename(out / "kept")  # the old site's inode is now elsewhere
    assert main(["-C", str(root), "build"]) == 1
    assert "it holds files readout did not write" in capsys.readouterr().err
    assert (out / "mine.html").read_text() == "an editor's page"


def test_a_site_an_earlier_version_marked_inside_is_still_replaced(project):
    root = project()
    out = root / "site"
    out.mkdir()
    (out / MARKER).write_text("built by readout\n")
    (out / "old.html").write_text("old")
    build(load_config(root))
    assert not (out / "old.html").exists() and not (out / MARKER).exists()


def test_failed_build_leaves_the_last_good_site(project, capsys):
    root = project()
    assert main(["-C", str(root), "build"]) == 0
    before = snapshot(root / "site")
    (root / "templates" / "home.html").write_text("{% extends 'base.html' %}\n{% block content %}\n{% if %}\n")
    assert main(["-C", str(root), "build"]) == 1
    err = capsys.readouterr().err
    assert "templates/home.html:3: template syntax error:" in err
    assert snapshot(root / "site") == before
    assert leftovers(root) == []


def test_failed_load_leaves_the_last_good_site(project, capsys):
    root = project()
    build(load_config(root))
    before = snapshot(root / "site")
    (root / "content" / "sources" / "bad.txt").write_bytes(b"\xfe\xff")
    assert main(["-C", str(root), "build"]) == 1
    assert snapshot(root / "site") == before


@pytest.mark.parametrize("output, reason", [
    (".", "it holds the project itself"),
    ("..", "it holds the project itself"),
    ("content", "it would overwrite content/"),
    ("content/site", "it would overwrite content/"),
    ("templates", "it would overwrite templates/"),
])
def test_refuses_folders_a_build_must_not_replace(project, output, reason, capsys):
    root = project()
    before = snapshot(root / "content") | snapshot(root / "templates")
    (root / "site.yml").write_text(f"output_dir: {output}\n")
    assert main(["-C", str(root), "build"]) == 1
    assert reason in capsys.readouterr().err
    assert snapshot(root / "content") | snapshot(root / "templates") == before


def test_refuses_a_folder_holding_files_it_did_not_write(project, tmp_path, capsys):
    root = project()
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"meow")
    assert main(["-C", str(root), "build", "--output", str(other)]) == 1
    assert "it holds files readout did not write" in capsys.readouterr().err
    assert snapshot(other) == {"cat.jpg": b"meow"}


def test_accepts_a_new_or_empty_folder(project, tmp_path):
    root = project()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["-C", str(root), "build", "--output", str(empty)]) == 0
    assert main(["-C", str(root), "build", "--output", str(tmp_path / "new" / "site")]) == 0
    assert (tmp_path / "new" / "site" / "index.html").is_file()


def test_an_interrupted_swap_restores_the_old_site(project):
    root = project()
    out = build(load_config(root)).output
    before = snapshot(out)
    # A build killed between its two renames leaves the old site under .site-old-*/site.
    hidden = root / ".site-old-x"
    hidden.mkdir()
    os.rename(out, hidden / "site")
    with OutputDir(out, root, [root / "content"]):
        pass
    assert snapshot(out) == before
    assert leftovers(root) == []


def test_output_paths_stay_inside_and_are_written_once(project, tmp_path):
    root = project()
    with OutputDir(tmp_path / "out", root, []) as out:
        for bad in ("../escape.html", "/etc/passwd", "a/../../b", "a\\b", ""):
            with pytest.raises(ValueError):
                out.put_text(bad, "x")
        out.put_text("a/index.html", "x")
        with pytest.raises(ValueError, match="written twice"):
            out.put_text("a/index.html", "y")
    assert not (tmp_path / "out").exists()


def test_build_never_writes_into_content_or_templates(project):
    root = project()
    before = snapshot(root / "content") | snapshot(root / "templates")
    build(load_config(root))
    assert snapshot(root / "content") | snapshot(root / "templates") == before


def test_check_target_error_is_a_readout_error(project):
    root = project()
    with pytest.raises(ReadoutError):
        OutputDir(root, root, [])
