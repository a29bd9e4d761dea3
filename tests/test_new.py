"""`readout new`: add a readout and a starter event file; never overwrite."""

import re

import yaml
from helpers import SEED_NAME, SEED_PATH

from readout.cli import main
from readout.frontmatter import split_document


def test_new_copies_the_readout_and_writes_a_starter_file(project, tmp_path, capsys):
    root = project(seed=False)
    download = tmp_path / "000_scraped page.txt"
    download.write_bytes(SEED_PATH.read_bytes())
    assert main(["-C", str(root), "new", str(download)]) == 0
    out = capsys.readouterr().out
    source = root / "content" / "sources" / f"{SEED_NAME}.txt"
    starter = root / "content" / "events" / f"{SEED_NAME}.md"
    assert f"Added content/sources/{SEED_NAME}.txt" in out
    assert source.read_bytes() == SEED_PATH.read_bytes()
    text = starter.read_text()
    assert "#   s6 problems xi-jinping: However, he also pointed out" in text
    # The starter builds as it is, and every field line, uncommented, is valid front matter
    # holding exactly what the loader read.
    assert main(["-C", str(root), "build"]) == 0
    fields = [line[2:] for line in text.splitlines()
              if re.match(r"# (title|date|time_of_day|kind|location|subject|host):", line)]
    values = yaml.safe_load("\n".join(fields))
    assert values["location"] == "Shanghai" and str(values["date"]) == "2023-11-30"
    assert values["host"]["titles"][2] == "Chairman of the Central Military Commission"
    uncommented = "---\n" + "\n".join(fields) + "\n---\n"
    starter.write_text(uncommented)
    assert split_document(uncommented, "x.md").front is not None
    assert main(["-C", str(root), "build"]) == 0
    assert "Corrected by hand" in (root / "site" / "events" / SEED_NAME / "index.html").read_text()


def test_new_never_overwrites(project, tmp_path, capsys):
    root = project()  # the seed is already in content/sources
    events = root / "content" / "events"
    before = SEED_PATH.read_bytes()
    assert main(["-C", str(root), "new", str(SEED_PATH)]) == 1
    err = capsys.readouterr().err
    assert f"this text was added already, as '{SEED_NAME}'" in err  # the same text, whatever its name
    assert (root / "content" / "sources" / f"{SEED_NAME}.txt").read_bytes() == before
    assert not events.exists() or not any(events.iterdir())
    # Another text that would take the same id is refused too.
    (root / "content" / "sources" / f"{SEED_NAME}.txt").write_bytes(before + b"\n")
    assert main(["-C", str(root), "new", str(SEED_PATH)]) == 1
    err = capsys.readouterr().err
    assert f"content/sources/{SEED_NAME}.txt already exists" in err and "never overwrites" in err
    assert (root / "content" / "sources" / f"{SEED_NAME}.txt").read_bytes() == before + b"\n"
    # An event file already there is kept too, and nothing is copied.
    (root / "content" / "sources" / f"{SEED_NAME}.txt").unlink()
    events.mkdir(parents=True, exist_ok=True)
    (events / f"{SEED_NAME}.md").write_text("mine")
    assert main(["-C", str(root), "new", str(SEED_PATH)]) == 1
    assert (events / f"{SEED_NAME}.md").read_text() == "mine"
    assert not (root / "content" / "sources" / f"{SEED_NAME}.txt").exists()
