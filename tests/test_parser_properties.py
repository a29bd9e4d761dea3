"""Property tests over the editors' parsers: any front matter or site.yml gives a result or a
ReadoutError with a location — nothing else escapes."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout.config import parse_config
from readout.errors import ReadoutError
from readout.frontmatter import check_mapping, date_value, split_document, text_list, text_value

YAMLISH = ["---\n", "title: ", "date: ", "2023-02-30", "2023-11-30", "[", "]", "{", "}", ": ", "- ", "\n", "  ",
           "\t", "&a ", "*a", "!!python/object:os.system ", "'", '"', "#", "null", "true", "12", "x", "é", "\x00",
           "themes:\n", "  innovation: {title: I, keywords: [a]}\n", "lexicon:\n", "  noise: ['(']\n", "base_url: ",
           "http://x/", "output_dir: ", "theme: material", "extra: {a: 1}", "? ", "|\n", ">\n", "...\n"]
yamlish = st.lists(st.sampled_from(YAMLISH), max_size=30).map("".join)
text = st.one_of(st.text(max_size=300), yamlish)
KEYS = {"title": text_value, "date": date_value, "themes": text_list}


def located(error: ReadoutError, path: str) -> bool:
    location = error.diagnostics[0].location
    return location is not None and location.path == path and (location.line is None or location.line >= 1)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_front_matter_gives_values_or_located_errors(body):
    try:
        document = split_document(body, "content/events/x.md")
    except ReadoutError as error:
        assert located(error, "content/events/x.md")
        return
    checked = check_mapping(document, KEYS, "event front matter")
    for problem in checked.problems:
        assert problem.location.path == "content/events/x.md" and problem.location.line >= 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_site_yml_gives_a_config_or_a_located_error(body):
    try:
        parse_config(body, "site.yml", Path("/tmp/project"))
    except ReadoutError as error:
        assert located(error, "site.yml")
