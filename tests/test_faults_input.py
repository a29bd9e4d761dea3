"""Bad input files, one case per row: every YAML file readout reads, every kind of content file,
every way a line can end, the project folder of every command. Each row has its exact message and
location, and content/ and the last good site are left as they were (the ``built`` fixture)."""

import pytest
from helpers import SEED_NAME, SEED_PATH
from test_faults import EVENT_MD, built  # noqa: F401 - the fixture

from readout.build import build
from readout.cli import COMMANDS, main
from readout.config import load_config
from readout.errors import ReadoutError
from readout.incremental import Session
from readout.load import default_lexicon, parse_source
from readout.load.lexicon import LIST_KEYS
from readout.serve import Preview

PERSON_MD = "content/people/li-qiang.md"
PAGE_MD = "content/pages/x.md"


# YAML ---------------------------------------------------------------------------------------

# Each YAML file readout reads, with a value in it: (path, text with {} for the value, line and
# column of the value).
YAML_FILES = {
    "site.yml": ("site.yml", "title: X\ndescription: {}\n", 2, 14),
    "event front matter": (EVENT_MD, "---\ntitle: X\nsubject: {}\n---\n", 3, 10),
    "person front matter": (PERSON_MD, "---\nname: Li Qiang\naliases: [{}]\n---\n", 3, 11),
    "page front matter": (PAGE_MD, "---\ntitle: X\ndescription: {}\n---\n", 3, 14),
}
# Tags as written, and as the message shows them: YAML's own, Python's, local and non-specific,
# on text, on a list and on a mapping.
TAGS = {
    "!!python/object:os.system x": "!!python/object:os.system",
    "!!python/name:os.system ''": "!!python/name:os.system",
    "!!python/object/apply:os.system [ls]": "!!python/object/apply:os.system",
    "!!float abc": "!!float", "!!int x": "!!int", "!!str 12": "!!str", "!!binary aGk=": "!!binary",
    "!!set {a}": "!!set", "!mytag x": "!mytag", "! x": "!",
}


def yaml_case(name: str, file: str, value: str, message: str, column_shift: int = 0):
    path, text, line, column = YAML_FILES[file]
    return (f"{name} in {file}", {path: text.format(value)}, f"{path}:{line}:{column + column_shift}: {message}")


YAML_CASES = [
    # YAML 1.1's numbers are text, as in YAML 1.2: a whole number is written in decimal.
    ("hexadecimal nav_order", {PAGE_MD: "---\ntitle: X\nnav_order: 0x10\n---\n"},
     f"{PAGE_MD}:3:12: 'nav_order' must be a whole number, not '0x10'"),
    ("base-60 nav_order", {PAGE_MD: "---\ntitle: X\nnav_order: 1:30\n---\n"},
     f"{PAGE_MD}:3:12: 'nav_order' must be a whole number, not '1:30'"),
    ("nav_order with underscores", {PAGE_MD: "---\ntitle: X\nnav_order: 1_0\n---\n"},
     f"{PAGE_MD}:3:12: 'nav_order' must be a whole number, not '1_0'"),
    ("hexadecimal weight in site.yml", {"site.yml": "lexicon:\n  sections: {priorities: {we will: 0x10}}\n"},
     "site.yml:2:13: lexicon 'sections' maps a section to phrases and their weights"),
    ("base-60 weight in site.yml", {"site.yml": "lexicon:\n  sections: {priorities: {we will: 1:30}}\n"},
     "site.yml:2:13: lexicon 'sections' maps a section to phrases and their weights"),
    ("YAML 1.1 boolean 'yes'", {EVENT_MD: "---\nstatements: {s3: {hidden: yes}}\n---\n"},
     f"{EVENT_MD}:2:27: 'hidden' must be true or false, not 'yes'"),
    # Tags, in every YAML file and of every kind.
    *[yaml_case("YAML tag", "page front matter", tag, f"YAML tags are not allowed here: {shown}") for tag, shown in TAGS.items()],
    *[yaml_case("Python tag", file, "!!python/object:os.system x", "YAML tags are not allowed here: !!python/object:os.system")
      for file in YAML_FILES],
    ("YAML tag on a key", {"site.yml": "!!python/name:os.system title: X\n"},
     "site.yml:1:1: YAML tags are not allowed here: !!python/name:os.system"),
    ("YAML tag by a %TAG directive", {"site.yml": "%TAG !py! tag:yaml.org,2002:python/\n---\ntitle: !py!name:os.system X\n"},
     "site.yml:3:8: YAML tags are not allowed here: !!python/name:os.system"),
    ("YAML tag in extra", {"site.yml": "extra:\n  a: [1, !!float abc]\n"}, "site.yml:2:10: YAML tags are not allowed here: !!float"),
    # What PyYAML raises beyond syntax errors, at its place.
    *[yaml_case("control character", file, "a\x07b", "invalid YAML: character U+0007 is not allowed", 1) for file in YAML_FILES],
    ("list as a key in site.yml", {"site.yml": "extra:\n  ? [a]\n  : 1\n"}, "site.yml:2:5: invalid YAML: found unhashable key"),
    ("list as a key in front matter", {PAGE_MD: "---\ntitle: X\nextra: {[a]: 1}\n---\n"},
     f"{PAGE_MD}:3:9: invalid YAML: found unhashable key"),
    # PyYAML also ends lines at U+2028; editors, and the rest of readout, do not.
    ("line separator in front matter", {EVENT_MD: "---\ntitle: \"a\u2028b\"\natendees: []\n---\n"},
     f"{EVENT_MD}:3:1: unknown key 'atendees' in event front matter"),
]


def test_yaml_values_are_read_as_yaml_1_2(project):
    """What YAML 1.1 reads as booleans, base-60 or hexadecimal numbers and dates is text."""
    root = project(files={
        "site.yml": "title: '1:30'\ndescription: 1:30\nlanguage: no\n"
                    "lexicon:\n  not_names: [On, Yes]\n  sections: {priorities: {we will: 08}}\n",
        PAGE_MD: "---\ntitle: 0x10\nnav_order: 010\n---\n",
    })
    config = load_config(root)
    assert (config.title, config.description, config.language) == ("1:30", "1:30", "no")
    assert config.lexicon["sections"] == {"priorities": {"we will": 8}}
    build(config, search=False)
    assert "0x10" in (root / "site" / "x" / "index.html").read_text()


def test_the_shipped_lexicon_is_read_by_the_same_rules():
    """lexicon.yml's phrases are all text ("On" was YAML 1.1's true, and no non-name)."""
    data = default_lexicon().data
    for key in LIST_KEYS:
        assert all(isinstance(item, (str, dict)) for item in data[key]), key
    assert "On" in data["not_names"]


# Files that cannot be read as UTF-8 text ----------------------------------------------------

FILE_CASES = [
    ("site.yml not UTF-8", {"site.yml": b"title: X\ndescription: Caf\xe9\n"}, "site.yml:2:17: not UTF-8 text: byte 0xe9 at offset 25"),
    ("event file not UTF-8", {EVENT_MD: b"---\ntitle: X\n---\nCaf\xe9\n"}, f"{EVENT_MD}:4:4: not UTF-8 text: byte 0xe9 at offset 20"),
    ("person file not UTF-8", {PERSON_MD: b"---\nname: Li Qiang\n---\n\xff\n"}, f"{PERSON_MD}:4:1: not UTF-8 text: byte 0xff at offset 23"),
    ("page file not UTF-8", {PAGE_MD: b"---\ntitle: Caf" + b"\xe9\n---\n"}, f"{PAGE_MD}:2:11: not UTF-8 text: byte 0xe9 at offset 14"),
]


def test_site_yml_that_is_a_folder(built, capsys):  # noqa: F811 - the fixture
    (built.root / "site.yml").unlink()
    (built.root / "site.yml").mkdir()
    assert built({}) == 1
    assert "site.yml: a folder where a file should be" in capsys.readouterr().err


def test_site_yml_that_is_a_link_to_nothing(built, capsys):  # noqa: F811 - the fixture
    (built.root / "site.yml").unlink()
    (built.root / "site.yml").symlink_to(built.root / "gone.yml")
    assert built({}) == 1
    assert "site.yml: cannot read the file: No such file or directory" in capsys.readouterr().err


@pytest.mark.parametrize("relative", ["site.yml", f"content/sources/{SEED_NAME}.txt", EVENT_MD, PERSON_MD, PAGE_MD])
def test_unreadable_input_file(built, capsys, monkeypatch, relative):  # noqa: F811 - the fixture
    """A file without read permission (root reads every file, so the refusal is simulated)."""
    import pathlib

    target = built.root / relative
    if relative.endswith(".md"):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\nname: Li Qiang\n---\n" if relative == PERSON_MD else "---\ntitle: X\n---\n")
    real_read, real_build, building = pathlib.Path.read_bytes, COMMANDS["build"], []

    def read_bytes(self):
        if building and self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    def build_command(args):
        building.append(True)  # the fixture's own reads before and after the build succeed
        try:
            return real_build(args)
        finally:
            building.clear()

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    monkeypatch.setitem(COMMANDS, "build", build_command)
    assert built({}) == 1
    assert f"{relative}: cannot read the file: Permission denied" in capsys.readouterr().err


# The project folder -------------------------------------------------------------------------

COMMAND_LINES = [["build", "--no-search"], ["check"], ["parse", "{source}"], ["serve", "--port", "0"],
                 ["new", "{source}"], ["export", "mkdocs", "{tmp}/export"]]


@pytest.mark.parametrize("command", COMMAND_LINES, ids=[c[0] for c in COMMAND_LINES])
@pytest.mark.parametrize("folder, message", [("no/such/dir", "no such folder"), ("a-file", "not a folder")])
def test_mistyped_project_folder_makes_nothing(tmp_path, capsys, monkeypatch, command, folder, message):
    def serve_forever(*args):
        raise AssertionError("the server started")

    monkeypatch.setattr("readout.serve.serve", serve_forever)
    (tmp_path / "a-file").write_text("not a project\n")
    before = sorted(tmp_path.rglob("*"))
    argv = [part.format(source=SEED_PATH, tmp=tmp_path) for part in command]
    assert main(["-C", str(tmp_path / folder), *argv]) == 2
    assert f"-C {tmp_path / folder}: {message}" in capsys.readouterr().err
    assert sorted(tmp_path.rglob("*")) == before


def test_the_library_refuses_a_missing_project_folder(tmp_path):
    with pytest.raises(ReadoutError, match="no such project folder"):
        load_config(tmp_path / "no" / "such")
    assert not (tmp_path / "no").exists()


# Line ends ----------------------------------------------------------------------------------

EOLS = {"LF": "\n", "CRLF": "\r\n", "CR": "\r"}


def ends(eol: str, files: dict) -> dict:
    """``files`` with every line break written as ``eol``."""
    return {path: text.replace("\n", eol) if isinstance(text, str) else text.replace(b"\n", eol.encode())
            for path, text in files.items()}


# The same mistake in files whose lines end in LF, CRLF or a lone CR is at the same line and
# column; the byte offsets (LF, CRLF, CR) count the bytes as they are.
LINE_END_CASES = [
    ("non-UTF-8 byte in a source", {"content/sources/bad.txt": b"Li Hua spoke.\n\nCaf\xe9 here.\n"},
     "content/sources/bad.txt:3:4: not UTF-8 text: byte 0xe9 at offset {}", (18, 20, 18)),
    ("NUL byte in a source", {"content/sources/nul.txt": b"Li Hua spoke.\nA \x00 here.\n"},
     "content/sources/nul.txt:2:3: binary data: a NUL byte at offset {}", (16, 17, 16)),
    ("non-UTF-8 byte in front matter", {EVENT_MD: b"---\ntitle: x\nkind: caf\xe9\n---\n"},
     EVENT_MD + ":3:10: not UTF-8 text: byte 0xe9 at offset {}", (22, 24, 22)),
    ("tab in front matter", {EVENT_MD: "---\ntitle: x\n\tkind: y\n---\n"}, EVENT_MD + ":3:1: tab character in front matter", ()),
    ("unknown key in front matter", {PAGE_MD: "---\ntitle: x\n\nnav: 1\n---\n"},
     PAGE_MD + ":4:1: unknown key 'nav' in page front matter", ()),
    ("broken link in a page's body", {PAGE_MD: "---\ntitle: x\n---\nText.\n\nSee [[Nobody]].\n"},
     PAGE_MD + ":6:5: broken link [[Nobody]]: no such person or event", ()),
    ("unknown key in site.yml", {"site.yml": "title: x\n\ntitel: y\n"}, "site.yml:3:1: unknown key 'titel' in site.yml", ()),
]

WRAPPED = """ date 2024-01-01
Li Hua, governor of the province, held a symposium in Wuhan on the
3rd to discuss the development of river ports and the shipping
industry along the Yangtze with officials from several cities.

Li said progress has been made in building new container terminals
and that the ports had handled more cargo than in any earlier year
since the program began in the spring of the previous year.

He pointed out that problems remain in coordination between the
ports and called on officials to solve them as soon as possible now
"""


def test_a_readout_reads_alike_whatever_its_line_ends():
    """A readout wrapped at a fixed width: paragraphs at its blank lines, and its warnings at
    the same line and column, with lines that end in LF, CRLF or a lone CR."""
    read = {name: parse_source(WRAPPED.replace("\n", eol), f"{name}.txt") for name, eol in EOLS.items()}
    for event in read.values():
        assert len(event.paragraphs) == 3
        assert [s.section for s in event.statements] == ["lead", "progress", "problems"]
        assert [(w.line, w.column, w.message) for w in event.warnings] == [
            (11, 68, "the text seems cut off: its last paragraph stops mid-sentence")]


# Hidden files -------------------------------------------------------------------------------

HIDDEN = {
    "content/sources/._notes.txt": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
    "content/sources/.DS_Store": b"\x00\x00\x00\x01Bud1",
    "content/sources/.draft.txt": "not a readout\n",
    "content/events/._x.md": b"\x00\x05\x16\x07",
    "content/events/.draft.md": "---\ntitel: unfinished\n---\n",
    "content/people/.x.md": "---\nnom: nobody\n---\n",
    "content/pages/.about.md": "---\nnav_order: 0x10\n---\n",
    "content/sources/notes.txt~": "an editor's backup\n",
    "content/pages/about.md~": "---\ntitle: [unclosed\n",
}


def test_hidden_files_are_no_content(project, capsys):
    """Hidden files and backups in every folder of content/ (and an editor's lock files, links
    to nowhere, in content/ and templates/) are passed over by build, check and serve."""
    root = project(files=HIDDEN)
    for folder in ("content/sources", "content/events", "content/people", "content/pages"):
        (root / folder / ".#lock.md").symlink_to("editor@host.1234:1700000000")
    (root / "templates" / ".#base.html").symlink_to("editor@host.1234:1700000000")
    assert main(["-C", str(root), "build", "--no-search"]) == 0
    assert main(["-C", str(root), "check"]) == 0
    assert "Checked 1 readouts and" in capsys.readouterr().out
    assert sorted(p.name for p in (root / "site" / "events").iterdir() if p.is_dir()) == [SEED_NAME]
    session = Session()  # what `readout serve` keeps between builds
    preview = Preview(lambda: build(load_config(root), search=False, session=session))
    preview.rebuild()
    (root / "content" / "events" / ".#other.md").symlink_to("editor@host.1234:1700000001")
    preview.rebuild()
    assert (preview.version, preview.error) == (2, None)


# The matrix ---------------------------------------------------------------------------------

CASES = [
    *YAML_CASES,
    *FILE_CASES,
    *[(f"{name} ({eol_name})", ends(eol, files), message.format(offsets[i]) if offsets else message)
      for name, files, message, offsets in LINE_END_CASES for i, (eol_name, eol) in enumerate(EOLS.items())],
]


@pytest.mark.parametrize("name, files, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_file_matrix(built, capsys, name, files, message):  # noqa: F811 - the fixture
    assert built(files) == 1
    err = capsys.readouterr().err
    assert message in err, err
    assert "Traceback" not in err
