"""The same person across readouts is one person, with the titles printed at each event."""

from bs4 import BeautifulSoup

from readout.build import build
from readout.config import load_config

SECOND = (" date 2024-03-06\nLi Qiang, Premier of the State Council, chaired a meeting in Beijing on "
          "Tuesday to discuss the government work report.\n\nPremier Li said the economy has made steady "
          "progress.\n")


def test_one_page_per_person_with_titles_per_event(project):
    root = project(files={"content/sources/2024-03-05-state-council-meeting.txt": SECOND})
    site = build(load_config(root)).output
    soup = BeautifulSoup((site / "people" / "li-qiang" / "index.html").read_text(), "html.parser")
    appearances = soup.select(".appearances > li")
    assert [a.a.get_text() for a in appearances] == [
        "Meeting on the government work report",
        "Symposium on further promoting the integrated development of the Yangtze River Delta"]
    assert [[t.get_text() for t in a.select(".titles-list li")] for a in appearances] == [
        ["Premier of the State Council"],
        ["Member of the Standing Committee of the Political Bureau of the CPC Central Committee",
         "Premier of the State Council"]]
    assert "host" in appearances[0].get_text() and "attendee" in appearances[1].get_text()
    # "Premier Li said …" is his statement, found by surname after a short title.
    said = [p.get_text() for p in soup.select(".statement .text")]
    assert "Premier Li said the economy has made steady progress." in said
    people = BeautifulSoup((site / "people" / "index.html").read_text(), "html.parser")
    assert [a.get_text() for a in people.select(".people-index li > a")].count("Li Qiang") == 1
