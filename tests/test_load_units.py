"""The loader's pieces on small strings of our own: sentences, paragraphs, dates, people."""

from datetime import date

import pytest

from readout.load import dates, default_lexicon, parse_source, slugify
from readout.load.dates import find_event_date, named_years, year_anchor
from readout.load.people import parse_mention, split_people
from readout.load.segment import Span, split_paragraphs, split_sentences

LEX = default_lexicon()


def sentences(text):
    return [text[s.start:s.end] for s in split_sentences(text, Span(0, len(text)), LEX)]


def test_sentences_survive_abbreviations_initials_and_numbers():
    text = ("Trade with the U.S. grew 3.5 percent by Aug. 20 this year. No. 1 priority is J. Smith's plan. "
            "He said, \"We will act.\" The meeting ended.")
    assert sentences(text) == [
        "Trade with the U.S. grew 3.5 percent by Aug. 20 this year.",
        "No. 1 priority is J. Smith's plan.",
        "He said, \"We will act.\"",
        "The meeting ended.",
    ]


def test_paragraphs_split_on_blank_lines_or_on_lines_when_there_are_none():
    assert [tuple(vars(s).values()) for s in split_paragraphs("A b.\n\n  \nC d.\n")] == [(0, 4), (9, 13)]
    assert len(split_paragraphs("Line one.\nLine two.\nLine three.")) == 3


@pytest.mark.parametrize("text, published, expected, tod", [
    ("He held a meeting on the morning of the 30th.", date(2023, 11, 30), date(2023, 11, 30), "morning"),
    ("He held a meeting on the 30th.", date(2023, 12, 2), date(2023, 11, 30), None),
    ("He held a meeting on Thursday.", date(2023, 12, 2), date(2023, 11, 30), None),
    ("He held a meeting on 20 August 2020.", None, date(2020, 8, 20), None),
    ("He held a meeting on Aug. 20.", date(2021, 1, 5), date(2020, 8, 20), None),
    ("He held a meeting on March 3, 2019.", date(2024, 1, 1), date(2019, 3, 3), None),
    ("He chairs a symposium in Beijing, Jan. 19. 2026.", None, date(2026, 1, 19), None),
])
def test_event_dates_resolve_against_publication(text, published, expected, tod):
    found = find_event_date(text, 0, len(text), published)
    assert (found.value, found.time_of_day) == (expected, tod)


def test_impossible_day_is_not_a_date():
    assert find_event_date("on the 31st", 0, 11, date(2023, 2, 28)).value == date(2023, 1, 31)


def test_short_title_before_name_drops_the_nationality():
    text = "Chinese Premier Li Qiang"
    mention = parse_mention(text, Span(0, len(text)), LEX)
    assert text[mention.name.start:mention.name.end] == "Li Qiang"
    assert [text[t.start:t.end] for t in mention.titles] == ["Premier"]


def test_people_list_with_semicolons_and_and():
    text = "Ding Xuexiang, Vice Premier of the State Council; Wang Yi, Minister of Foreign Affairs and Zhao Le"
    names = []
    for piece in split_people(text, Span(0, len(text)), LEX):
        mention = parse_mention(text, piece, LEX)
        names.append((text[mention.name.start:mention.name.end],
                      [text[t.start:t.end] for t in mention.titles]))
    assert names == [("Ding Xuexiang", ["Vice Premier of the State Council"]),
                     ("Wang Yi", ["Minister of Foreign Affairs"]), ("Zhao Le", [])]


def test_title_with_and_inside_stays_one_title():
    text = "Han Mei, Minister of Industry and Information Technology"
    mention = parse_mention(text, Span(0, len(text)), LEX)
    assert [text[t.start:t.end] for t in mention.titles] == ["Minister of Industry and Information Technology"]


def test_passive_attendance_and_own_readout():
    text = (" date 2024-03-22\n\nHANGZHOU, March 20 (Xinhua) -- Premier Zhou Ming chaired a "
            "meeting on Wednesday to review flood control work.\n\n"
            "The meeting was attended by Vice Premier Lin Tao and Sun Hao.\n\n"
            "Zhou said progress had been made since spring, but weak dikes remain a problem.\n\n"
            "Efforts should be made to repair reservoirs before the rainy season, Zhou said.\n")
    e = parse_source(text, "flood.txt")
    assert e.date == date(2024, 3, 20)
    assert e.location == "Hangzhou"
    assert e.kind == "meeting"
    assert e.subject == "flood control work"
    assert e.title == "Meeting on flood control work"
    assert (e.host.name, e.host.titles) == ("Zhou Ming", ["Premier"])
    assert [(p.name, p.titles) for p in e.attendees] == [("Lin Tao", ["Vice Premier"]), ("Sun Hao", [])]
    assert e.statements[-1].section == "priorities"
    assert e.statements[-1].speaker == "zhou-ming"
    for s in e.statements:
        assert text[s.start:s.end] == s.text


def test_no_date_is_a_warning_with_a_place():
    e = parse_source("Officials gathered.\n\nThey talked.", "x.txt")
    assert e.date is None
    messages = [(w.message, w.line, w.column) for w in e.warnings]
    assert ("no event date found in the text", 1, 1) in messages


def test_noise_paragraphs_are_other():
    text = ("Share | Print\n\nLi Hua held a symposium in Wuhan on the 3rd to discuss river ports.\n\n"
            "(Web editor: Zhang Bo)\n\nEnditem")
    e = parse_source(text, "noisy.txt")
    assert [p.section for p in e.paragraphs] == ["other", "lead", "other", "other"]
    assert e.host.name == "Li Hua"
    assert e.attendees == []


@pytest.mark.parametrize("line", [
    "Comments are closed.", "Commenting is disabled", "Editor's picks", "EDITOR'S PICK",
    "0 0\nreaction icon 0\nreaction icon 12\nreaction icon 0",
])
def test_a_sites_furniture_after_the_story_is_other(line):
    text = f"Li Hua held a symposium in Wuhan on the 3rd to discuss river ports.\n\nLi said ports must cut costs.\n\n{line}\n"
    assert [p.section for p in parse_source(text, "furniture.txt").paragraphs][-1] == "other"
    assert not default_lexicon().is_noise("The comments are closed to the public, Li said.")


def test_a_dateline_with_its_year_dates_a_tour_by_its_first_day():
    # the dateline is the only full date: "which concluded on Saturday" is its day, and the
    # four days of the tour end there
    text = ("Changsha, June 01, 2024, The Harbour Courier: Li Hua made these remarks during a four-day "
            "inspection tour in Hunan Province, which concluded on Saturday.\n\nLi said the province must open up.")
    assert parse_source(text, "tour.txt").date == date(2024, 5, 29)


def test_outside_voices_quoted_first_or_as_a_group_are_page_matter():
    # an outlet's own analysis after the readout: a quotation before "said X, a former …", the
    # same voice going on, and "Analysts saw …"
    text = ("Li Hua chaired a meeting of the leading group on energy in Beijing on Friday.\n\n"
            "Li called for efforts to cut the use of coal.\n\n"
            "\"The appointment shows the premier will set energy policy,\" said Zhou Ming, a former vice-chairman "
            "of the group's office.\n\n"
            "\"The group decides on prices and grids,\" Zhou said.\n\n"
            "Analysts saw the meeting as a sign of a new push on climate.")
    e = parse_source(text, "voices.txt")
    assert [p.section for p in e.paragraphs][2:] == ["other", "other", "other"]


def test_a_line_without_a_letter_is_never_the_story():
    # (an exchange-rate widget's remains above a story with no host sentence)
    text = (", , :\n$ 12.5\n€ 9.8\n\nOfficials from six provinces gathered in Wuhan on May 3, 2022 to discuss river "
            "ports.\n\nHe said the ports must share their data.")
    e = parse_source(text, "widget.txt")
    assert [p.section for p in e.paragraphs][:4] == ["other", "other", "other", "lead"]


@pytest.mark.parametrize("text, kind", [
    ("Li Hua joined a panel discussion with deputies from Jilin province on Monday.", "panel discussion"),
    ("Li Hua addressed a rally marking the centenary of the trade unions in Beijing on Monday.", "rally"),
    ("Li Hua spoke at a workshop for provincial governors in Beijing on Monday.", "workshop"),
    ("Li Hua made the remarks during a four-day investigation and research tour in Hunan Province.",
     "investigation and research tour"),
    ("Wang Min made the remarks during an inspection and research tour to Gannan Tibetan Autonomous Prefecture "
     "in northwest China's Gansu Province.", "inspection and research tour"),
])
def test_kinds_of_event_real_readouts_name(text, kind):
    assert parse_source(text, "kind.txt").kind == kind


@pytest.mark.parametrize("text, place", [
    # the tour's place, not a dateline's city nor the province of the prefecture toured
    ("Changsha, June 01, 2024, The Harbour Courier: Li Hua made the remarks during a four-day investigation and "
     "research tour in Hunan Province, which concluded on Saturday.", "Hunan"),
    ("Wang Min made the remarks during an inspection and research tour to Gannan Tibetan Autonomous Prefecture "
     "in northwest China's Gansu Province.", "Gannan Tibetan Autonomous Prefecture"),
])
def test_a_research_tour_is_of_the_place_it_went_to(text, place):
    assert parse_source(text, "tour.txt").location == place


@pytest.mark.parametrize("text", [
    "President Li Hua highlighted the tasks of the new era at a high-level conference on ethnic affairs. The Central "
    "Ethnic Affairs Conference, held in Harbin on Friday and Saturday, was the sixth of its kind.",
    "President Li Hua highlighted the tasks of the new era at a high-level conference on ethnic affairs. The "
    "conference, held in Harbin on Friday and Saturday, was the sixth of its kind.",
    # "was hosted in", as a rewrite puts it
    "The Central Ethnic Affairs Conference was hosted in Harbin from the 16th to 18 Dec 2030. President Li Hua "
    "highlighted the tasks of the new era.",
])
def test_the_event_held_in_a_place_as_an_aside(text):
    assert parse_source(text, "aside.txt").location == "Harbin"



@pytest.mark.parametrize("text", [
    # a caption in the present tense standing as the story's first paragraph, no host sentence
    ("Premier honours model workers\n\nChinese Premier Li Hua delivers a speech at a gathering to honour model workers "
     "at the Great Hall of the People in Beijing, capital of China.\n\nThe event was presided over by Vice Premier "
     "Wang Min and attended by Zhou Lan.\n\nThe country has lifted the wages of its workers for ten years running."),
])
def test_the_capital_of_china_in_the_opening_gives_the_place(text):
    assert parse_source(text, "capital.txt").location == "Beijing"


@pytest.mark.parametrize("text, years", [
    ("GDP in the second quarter of 2016 grew by 6.7 percent.", (2016,)),
    ("He reviewed the work in 2023 and set targets for 2024.", (2023,)),
    ("The plan for 2021-2025 must be done by 2025; the goals through the year 2035 stand.", ()),
    ("The 14th Five-Year Plan (2021–2025) began in 2021.", (2021,)),
    # counts that look like years
    ("In 2018, 2040 committee members voted; over 2000 deputies and 1990 local officials came.", (2018,)),
])
def test_named_years_leave_targets_out(text, years):
    assert named_years(text, 0, len(text)) == years


def test_a_named_year_places_a_day_but_never_a_weekday():
    late = year_anchor("the work in 2023 and the tasks in 2024", 0, 38)
    assert late.place_day(12, 11) == date(2023, 12, 11)  # a year-end review of 2023
    assert late.place_day(3, 5) == date(2024, 3, 5)
    assert late.place_weekday(0) is None


@pytest.mark.parametrize("sentence, day", [
    ("The committee met in 2024 in the Great Hall on the morning of the 27th.", None),  # a year names no month
    ("The committee met in 2024 on the morning of March 27.", date(2024, 3, 27)),
    ("The committee met in 2024 on the 27th.", None),
])
def test_a_named_year_dates_a_month_and_day_but_not_a_day_alone(sentence, day):
    found = find_event_date(sentence, 0, len(sentence), year_anchor(sentence, 0, len(sentence)))
    assert (found.value if found else None) == day


@pytest.mark.parametrize("line, place", [
    ("BEIJING, Jan 30 (APP): Xi Jinping chaired", "Beijing"),
    ("Xinhua News Agency, Beijing, July 27th. The seminar", "Beijing"),
    ("Xinhua Nanjing May 6th The provincial committee met", "Nanjing"),  # commas lost in translation
    ("BEIJING--Vice Premier Zhou urged", "Beijing"),  # the dash run into both words: no hyphen in the place
    ("Beijing--Vice Premier Zhou urged", "Beijing"),
    ("BEIJING —Vice Premier Zhou urged", "Beijing"),
    ("Xinhua News Agency, Hefei June 3rd The seminar", "Hefei"),
    ("Xinhua News Agency reported on Tuesday, June 25, that the", None),  # words, not a place
    ("Xinhua, 21 April, Beijing (Journalists Zhang Wei, Li Min). The conference", "Beijing"),
    ("NOTE: This translation was first published", None),
    ("Beijing, Dec 28 (IANS) The chairmen's meeting proposed", "Beijing"),
    ("Li Qiang (C) presides over the meeting", None),
    # the forms of reprints and rewrites: an agency first, a country in brackets, an outlet's
    # name or credit after the place, a city in brackets after a byline or a date
    ("China News Service, Beijing, May 6th: Li Hua, member of the standing committee", "Beijing"),
    ("Beijing [China], May 6 (ANI): The premier said", "Beijing"),
    ("BEIJING, China, Oct 25 — The premier said", "Beijing"),
    ("Beijing, The Harbour Courier: Premier Li Hua chaired", "Beijing"),
    ("Li Qiang, The Premier Of China: he said", None),
    ("Beijing, May 6(Northpost)– The session closed", "Beijing"),
    ("Wang Yi, (Premier of China) The", None),
    ("BEIJING, (ABC - Harbour Courier - 20th Dec, 2023) The annual conference", "Beijing"),
    ("3rd May 2024 – (Beijing) The Political Bureau held", "Beijing"),
    ("[Reported by Wang Fang; Photo by Li Min/Site](Changsha)May 6,2015 In the morning", "Changsha"),
    ("(Xinhua News Agency, May 6, 2019. Full text:) Beijing - President Li Hua", "Beijing"),
    ("(Xinhua) The meeting was held", None),
    ("(Photo by Li Min) Li Hua chairs", None),
    ("(Beijing) is the capital", None),
    # a city and its province, a wire between full stops
    ("XIONG’AN, Hebei, April 29 (Xinhua) — Vice Premier Han Zheng Wednesday stressed", "Xiong’an"),
    ("ZHAOJUE, Sichuan, Feb. 11 (Xinhua) -- Chinese President", "Zhaojue"),
    ("HAIKOU, December 25. /TASS/. Vice Premier Han Zheng called for", "Haikou"),
    ("HAIKOU, December 25. The vice premier called for", None),   # a full stop alone ends no dateline
    # the same in mixed case
    ("Xiong’an, Hebei, April 29 (Xinhua) — Vice Premier Han Zheng Wednesday stressed", "Xiong’an"),
    ("Haikou, December 25. /TASS/. Vice Premier Han Zheng called for", "Haikou"),
    ("Haikou, December 25. The vice premier called for", None),
])
def test_datelines_of_other_agencies_and_translations(line, place):
    from readout.load.dates import match_dateline
    found = match_dateline(line, 0, len(line), default_lexicon().is_pinyin)
    assert (found.place if found else None) == place


def test_a_dateline_that_prints_its_year_dates_the_day_without_another_anchor():
    from readout.load.dates import match_dateline
    line = "[Reported by Wang Fang; Photo by Li Min/Site](Changsha)May 6,2015 In the morning"
    found = match_dateline(line, 0, len(line), default_lexicon().is_pinyin)
    assert found.resolve(None) == date(2015, 5, 6)
    text = ("Delegation holds its plenary session\n\n"
            "  [Reported by Wang Fang; Photo by Li Min/Site](Beijing)March 5,2016 In the morning of March 5, "
            "the Hunan delegation held its second plenary session to deliberate on the draft plan.")
    e = parse_source(text, "byline.txt")
    assert (e.date, e.location) == (date(2016, 3, 5), "Beijing")


@pytest.mark.parametrize("line, day", [
    ("BEIJING, Aug. 25, 2021 /PRNewswire/ -- A report", date(2021, 8, 25)),
    ("– BEIJING, Aug. 25, 2021 /PRNewswire/ — A report", date(2021, 8, 25)),  # a dash the page puts first
    ("• SHANGHAI, June 3, 2019 (Xinhua) -- The", date(2019, 6, 3)),
    ("BEIJING, Aug. 25 (Xinhua) -- The", None),  # no year printed: it needs an anchor
    ("BEIJING, (APP - Site / Point News - 27th Feb, 2024) The", date(2024, 2, 27)),  # the day in the credit
])
def test_a_wire_dateline_keeps_the_year_it_prints(line, day):
    from readout.load.dates import match_dateline
    found = match_dateline(line, 0, len(line), default_lexicon().is_pinyin)
    assert found is not None and found.place.lower() in ("beijing", "shanghai")
    assert found.resolve(None) == day


def test_phrase_tries_match_exactly_what_the_plain_alternation_matches():
    import re

    from readout.load.phrases import phrase_pattern
    lexicon = default_lexicon()
    phrases = [p for side in lexicon.data["attendance"].values() for p in side] + lexicon.data["event_kinds"]
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
                       + r")(?![\w-])", re.IGNORECASE)
    text = " ".join(phrases) + " Members were also present at the plenary session, attended the group study session."
    assert [m.span() for m in phrase_pattern(phrases).finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("pattern, line, noise", [
    ("photo: .*", "PHOTO: Xinhua", True),  # lower-case patterns match any case
    (r"Beijing Desk\S*", "BEIJING DESK/Li", True),  # a site's capitalised one still matches
    (r"Beijing Desk\S*", "The Beijing Desk reports the meeting", False),  # whole paragraph only
    (".*photo by .*", "Seen from afar (Photo by Li Tao)", True),
])
def test_noise_patterns_match_whole_paragraphs_in_any_case(pattern, line, noise):
    lexicon = default_lexicon().extended({"noise": [pattern]})
    assert lexicon.is_noise(line) is noise


LONG = ("Lin Feng presided over the executive meeting of the State Council to arrange the work of protecting farmland "
        "from floods and to ensure the safety of the lives and property of the people in the southern provinces")


@pytest.mark.parametrize("body, heading", [
    (LONG, True),  # a translated headline of 36 words, without a stop
    (LONG + ".", False),  # a sentence
    ("The conference stressed that the country must be strong at sea. " + LONG, False),  # two sentences
    ("The conference stressed that the country must be strong at sea。 " + LONG, False),  # a Chinese full stop
    (LONG + "。", False),
    ("Premier Lin Feng, also a member of the Standing Committee of the Political Bureau, speaks at the Central "
     "Fisheries Work Conference in Beijing, capital of the country, held from Dec. 9 to 11, 2031", False),  # a caption
    (LONG + " and of the farmers in the north", True),
    (" ".join([LONG] * 2), False),  # past sixty words
])
def test_long_headings_before_the_story(body, heading):
    from readout.load.page import long_heading
    assert long_heading(body, "Premier Lin Feng presided over an executive meeting on June 3.") is heading


@pytest.mark.parametrize("text, item", [
    ("The steps include:\n\nraising wages\n\nwidening pension cover", True),
    ("The steps include:\n\nraising wages", True),
    ("Everyone should be fully aware of its role,\n\nseize the opportunities", False),  # a broken sentence
    ("The steps include:\n\nraising wages.\n\nwidening pension cover", False),  # the list ended
    ("widening pension cover", False),
])
def test_a_line_in_lower_case_is_an_item_only_after_a_colon(text, item):
    from readout.load.classify import after_colon
    assert after_colon(text, text.rfind("\n") + 1) is item


@pytest.mark.parametrize("body, caption", [
    ("President Wen visits a hospital in Xining, Qinghai Province, May 11, 2039.", True),
    ("Premier Ruan meets workers in Hefei, 12 June 2039", True),
    ("President Wen visited a hospital in Xining, Qinghai Province, on May 11, 2039.", False),  # told, not shown
    ("President Wen visits a hospital. He spoke there on May 11, 2039.", False),  # two sentences
    ("President Wen visits a hospital in Xining, Qinghai Province.", False),  # no date
    ("Tang Lin speaks at the meeting.", True),  # what the picture shows at the event
    ("Tang shakes hands with deputies from Dunhuang.", True),
    ("Tang Lin speaks at length about water, and the deputies agree.", False),
])
def test_captions_without_credit(body, caption):
    from readout.load.page import uncredited_caption
    assert uncredited_caption(body) is caption


@pytest.mark.parametrize("line, heading", [
    ("Xi Jinping Chairs Cybersecurity and Informatization Work Conference, Stresses that We Must Be One Step Ahead,", True),
    ("Li Keqiang Chairs Meeting of Central Leading Group On Responding to the Outbreak", True),
    ("Li Qiang, Zhao Leji, Wang Huning and Cai Qi attended the meeting", False),
    ("On 15 May, Li Keqiang, Member of the Standing Committee of the Political Bureau, Premier of the State Council, chaired a meeting.", False),
    ("Zhou Ming Attended the Third Exchange Meeting for the Heads of the Township Party Committees.", True),  # a stop, no comma
    ("Zhou Ming, Secretary of the Provincial Party Committee, Director of the Standing Committee.", False),  # a sentence of titles
])
def test_title_case_headlines(line, heading):
    from readout.load import title_case
    assert title_case(line, default_lexicon()) is heading


@pytest.mark.parametrize("word, title", [("Vice-Premiers", True), ("Vice-Chairman", True), ("--", False),
                                         ("Beijing-Tianjin", False), ("Premiers", True)])
def test_hyphenated_title_words(word, title):
    from readout.load.people import is_title_word
    assert is_title_word(word, default_lexicon()) is title


@pytest.mark.parametrize("text", [";Ai Ji;0;0", "Li Qiang; ;Wang Yi; and ", ";;;"])
def test_semicolon_lists_with_empty_pieces_never_crash(text):
    event = parse_source(text, "x.txt")
    assert all(text[s.start:s.end] == s.text for s in event.statements)


@pytest.mark.parametrize("printed", ["Xi’an", "Xi'an", "XI’AN"])
def test_a_place_keeps_its_apostrophe_and_both_kinds_make_one_slug(printed):
    # The record keeps the place as the page prints it; the site groups by slug, so a page
    # printing "Xi’an" and one printing "Xi'an" share one place page.
    assert slugify(printed) == "xi-an"
    assert dates.place_name(printed).replace("’", "'") == "Xi'an"
    assert dates.place_name(printed)[2] == printed[2]


@pytest.mark.parametrize("stamp, expected", [
    ("01-17-2017 21:31 BJT", date(2017, 1, 17)),   # month first
    ("17-01-2017 21:31", date(2017, 1, 17)),       # day first
    ("03-05-2017 21:31", None),                     # either way: not read at all
    ("release:8/31/2014 9:38:42 PM", date(2014, 8, 31)),  # slashes, month first
    ("posted 31/8/2014 21:38", date(2014, 8, 31)),        # slashes, day first
    ("posted 3/5/2014 21:38", None),
    ("posted 8/31-2014", None),                           # two kinds of separator: no date
])
def test_a_stamp_with_the_year_last_is_read_only_one_way(stamp, expected):
    found = dates.full_dates(stamp, 0, len(stamp))
    assert [value for value, _, _ in found] == ([expected] if expected else [])


def test_a_photo_credit_without_brackets_marks_a_caption():
    for caption in ("Xi talks to residents in a village, June 8, 2021. Photo/Xinhua",
                    "▲ Xi talks to residents in a village, June 8, 2021."):
        assert dates.CAPTION.search(caption)
    assert not dates.CAPTION.search("Xi said the photo exhibition showed the village's history.")


def test_should_seek_sets_a_task_though_should_see_does_not():
    # "should see/note/realize" states a fact; a verb that merely begins with those letters
    # ("should seek", "must notify") is a call like any other.
    from readout.load.classify import CALL

    assert CALL.search("Guangxi should seek steady progress in opening up.")
    assert CALL.search("Departments must notify the public in time.")
    assert not CALL.search("We should see that the economy has recovered.")
    assert not CALL.search("We must be soberly aware of the risks.")


@pytest.mark.parametrize("role", ["attendance", "speaking", "headline_attendance"])
def test_every_role_phrase_holds_a_word_the_quick_look_seeks(role):
    # The loader looks for these words before it runs a role's long patterns: a phrase holding
    # none of them would never be found. A site's own phrase ("took part") must be found too.
    own = {"attendance": {"before": ["took part"]}, "speaking": {"after": ["addressing it were"]}}
    for lexicon in (default_lexicon(), default_lexicon().extended(own)):
        words = lexicon.role_words[role]
        phrases = [p.lower() for side in ("before", "after") for p in lexicon.data[role][side]]
        assert [p for p in phrases if not any(w in p for w in words)] == []
    event = parse_source("Xi Jinping presided over the meeting. Li Qiang and Cai Qi took part.\n", "x.txt",
                         default_lexicon().extended({"attendance": {"before": ["took part"]}}))
    assert [a["name"] for a in event.to_json()["attendees"]] == ["Li Qiang", "Cai Qi"]


@pytest.mark.parametrize("sentence", [
    "On Friday, Xinhua reported that new rules on farmland were agreed by the cabinet on Wednesday.",
    "State media said on Friday that new rules on farmland were agreed by the cabinet on Wednesday.",
    "The cabinet will meet again on Friday; new rules on farmland were agreed by it on Wednesday.",
    "The congress is expected to open on Friday; new rules on farmland were agreed by the cabinet on Wednesday.",
])
def test_a_date_of_the_report_or_of_what_will_happen_is_not_the_event_date(sentence):
    event = parse_source(f"Updated: 2024-05-10 09:00\n\n{sentence}\n", "x.txt")
    assert event.date == date(2024, 5, 8)


@pytest.mark.parametrize("sentence, section", [
    ("Li Qiang requested to keep grain output stable and to raise farmers' incomes.", "priorities"),
    ("The meeting decided to extend the lower fees to the end of next year.", "priorities"),
    ("It advocated more support for firms that hire young graduates.", "priorities"),
    ("Keeping the borders safe is of the utmost importance, he said.", "priorities"),
    ("He said the country has fallen behind in building rural clinics.", "problems"),
    ("Broadband fees in the villages are too high, she said.", "problems"),
    ("The government will scrap fees for first-time identity cards, it said.", "priorities"),
    ("China will press ahead with the renovation of old housing, he said.", "priorities"),
    ("Over the past decade, the province has planted forests on a million hectares of sand.", "progress"),
    ("All the rural poor have been lifted out of poverty, ten years ahead of schedule.", "progress"),
    ("Based on the plan, the State Council will draw up rules for the new free trade zones.", "priorities"),
    ("Tea has broad prospects, Xi said, emphasizing the importance of a whole industrial chain.", "priorities"),
    # problems as what a task is to solve are its object, not difficulties told
    ("The meeting emphasized efforts to address problems at their source in the grain trade.", "priorities"),
    ("He said officials must be able to solve problems and overcome difficulties on the spot.", "priorities"),
    ("The region still faces problems in moving grain to the coast.", "problems"),
    ("It is important for the province to open more rail links to the ports, he said.", "priorities"),
])
def test_cues_of_tasks_problems_and_progress(sentence, section):
    from readout.load.classify import cue_section
    assert cue_section(sentence, default_lexicon())[0] == section


def test_a_speech_called_important_in_quotes_is_the_main_speech():
    text = ("Updated: 2025-12-10 20:00\n\nThe CPC Central Committee held a symposium with non-CPC figures in Beijing on Monday. "
            "Premier Li Qiang and Cai Qi attended the symposium. Li Qiang reported on the year's economic work. "
            "Li said the economy had grown steadily. Li said jobs had stayed stable. Xi Jinping delivered an 'important' speech.\n")
    assert parse_source(text, "x.txt").main_speaker.name == "Xi Jinping"


def test_a_lead_pattern_is_never_spared_where_it_would_match():
    # The loader skips a lead pattern for a sentence holding none of its words; over every
    # sentence of our readouts, no pattern may match a sentence the quick look would skip.
    from pathlib import Path

    lexicon = default_lexicon()
    root = Path(__file__).parent
    texts = [p.read_text(encoding="utf-8-sig") for p in sorted((root / "data" / "readouts").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8-sig") for p in sorted((root.parent / "content" / "sources").glob("*.txt"))]
    checked = 0
    for text in texts:
        for paragraph in split_paragraphs(text, 0):
            for sentence in split_sentences(text, paragraph, lexicon):
                lowered = text[sentence.start:sentence.end].lower()
                for pattern, words in zip(lexicon.lead_patterns, lexicon.lead_words):
                    if pattern.search(text, sentence.start, sentence.end):
                        checked += 1
                        assert any(w in lowered for w in words), (pattern.pattern[:60], lowered[:120])
    assert checked > 100


def test_a_weekday_run_into_the_place_is_no_part_of_it():
    text = "Updated: 2025-03-05 18:00\n\nThe CPPCC National Committee started its annual session in Beijing Tuesday afternoon.\n"
    assert parse_source(text, "x.txt").location == "Beijing"


def test_a_press_release_dateline_is_a_dateline_not_the_event_day():
    text = (" date 2025-07-11 BEIJING, July 11, 2025 /PRNewswire/ -- Xi Jinping, general secretary of the CPC "
            "Central Committee, inspected northwest China's Gansu Province from Monday to Thursday.\n")
    event = parse_source(text, "x.txt")
    assert (event.date, event.location) == (date(2025, 7, 7), "Gansu")


@pytest.mark.parametrize("sentence, place", [
    # several places of one province, "cities" after them
    ("Premier Li Qiang visited Lhasa and Shigatse cities in Southwest China's Xizang Autonomous Region from May 4 to 6.", "Xizang"),
    # "in Northwest China's Gansu province": the region before the province is no part of it
    ("Xi Jinping on Tuesday inspected the local flood relief work in Northwest China's Gansu province.", "Gansu"),
    # a tour "to the southern Chinese region": the region the story names, not the dateline's city
    ("NANNING, Dec. 15 -- Xi Jinping has urged Guangxi Zhuang Autonomous Region to open up further during an "
     "inspection tour to the southern Chinese region from Thursday to Friday.", "Guangxi"),
    # "inspected Central China's Hunan province": the region before the province is no part of it
    ("Xi Jinping, general secretary of the CPC Central Committee, inspected Central China's Hunan province on Sept 16.", "Hunan"),
    # "visited … in the city of …": the city, as "visited … in …" gives it
    ("Premier Wang Yi on Monday visited a grain depot in the city of Baotou, North China's Inner Mongolia Autonomous Region.", "Baotou"),
    ("Premier Wang Yi on Monday visited a seed bank in the county of Yongji, in Shanxi.", "Yongji"),
    # "led a team to …": the place the team went to
    ("Zhou Ping, vice-chairman of the NPC Standing Committee, led a team to East China's Anhui province from Jan 20 "
     "to 23 to survey the drafting of the plan.", "Anhui"),
    ("Zhou Ping led an inspection team to Yunnan on Monday.", "Yunnan"),
])
def test_where_a_tour_took_place(sentence, place):
    assert parse_source(f"Updated: 2025-05-07 10:00\n\n{sentence}\n", "x.txt").location == place


@pytest.mark.parametrize("sentence, place, said", [
    ("Li Qiang made the remarks during a tour in Jinzhou, Liaoning Province.", "Jinzhou", True),
    ("He was on an inspection of east China's Jiangxi Province.", "Jiangxi", True),
    ("He was on an inspection of east China's Jiangxi Province.", "Fujian", False),
    ("She made a trip to Jinzhou and Dalian on Monday.", "Jinzhou", False),   # one stop of several
    ("She made a trip to Jinzhou, Dalian and Anshan.", "Jinzhou", False),
    ("The visit to Jinzhou City, Liaoning Province, ended.", "Jinzhou", True),
    ("He met people in Jinzhou during a tour.", "Jinzhou", False),            # no tour of the place
])
def test_whether_the_lead_says_what_the_tour_was_of(sentence, place, said):
    from readout.load.places import tour_of
    assert tour_of(sentence, place) is said


@pytest.mark.parametrize("dateline, place", [
    ("Xinhua News Agency, Beijing, May 5 – ", "Beijing"),   # the dateline's city, not the venue in it
    ("BEIJING, May 5 (Xinhua) -- ", "Beijing"),
    ("", "Zhongnanhai"),                                     # no city anywhere: the venue is all there is
])
def test_a_venue_in_the_lead_gives_way_to_the_datelines_city(dateline, place):
    text = f"Updated: 2025-05-06 10:00\n\n{dateline}Xi Jinping presided over a symposium in Zhongnanhai on May 5.\n"
    assert parse_source(text, "x.txt").location == place


@pytest.mark.parametrize("story, place", [
    ("On the 20th, Xi Jinping went to Jiangxi for investigation and research.", "Jiangxi"),
    ("From May 9th to 10th, Zhou Wenming came to Dongling City to conduct research.", "Dongling"),
    ("On the 20th, Xi Jinping went to south China's Guangdong Province for research.", "Guangdong"),
    # a later paragraph's "went to" is another stop of the day, not where the event was
    ("Xi Jinping chaired a meeting on the 20th.\n\nHe stressed unity.\n\nIn the afternoon, he went to Xiaohe Village.", None),
    ("Zhou Wenming, who came to power in 2020, chaired a meeting on the 20th.", None),
])
def test_where_a_translation_says_someone_came_to(story, place):
    assert parse_source(f"Updated: 2025-05-21 10:00\n\n{story}\n", "x.txt").location == place


def test_a_city_is_no_person():
    from readout.load.people import find_name
    text = "He is in charge of Hong Kong affairs, and Wang Yi was there."
    name = find_name(text, Span(0, len(text)), default_lexicon())
    assert text[name.start:name.end] == "Wang Yi"


@pytest.mark.parametrize("line", ["Reporting by Beijing Monitoring Desk; Editing by Jacqueline Wong",
                                  "(Additional reporting by Li Ming)", "Writing by Wang Fang; Editing by Kim Lee"])
def test_a_wire_credit_line_is_page_furniture(line):
    text = f"Updated: 2025-01-10 12:00\n\nXi Jinping presided over a meeting on Friday.\n\n{line}\n"
    assert [p.section for p in parse_source(text, "x.txt").paragraphs][-1] == "other"


@pytest.mark.parametrize("printed, place", [
    ("Beijing’s State-owned", "Beijing"),   # "… work in Beijing’s State-owned enterprises"
    ("Shanghai's Pudong", "Shanghai"),
    ("Central China's Hunan", "Hunan"),     # a region before the place is not the place
    ("Chongqing Municipality", "Chongqing"),
    ("Xi’an", "Xi’an"),                     # an apostrophe inside a name stays
])
def test_the_place_a_lead_names_is_the_place_not_what_it_owns(printed, place):
    from readout.load.lead import short_place
    assert short_place(printed, default_lexicon()) == place


@pytest.mark.parametrize("pattern, words", [
    (r"presided\s+over\s+the", ("presided",)),  # the rarer-looking of the words it must print
    (r"(?:called\s+for|stressed)\s+\w+", ("called", "stressed")),  # one word from each alternative
    (r"(?:said|told)?\s+(?:at|to)\s+the", ("the",)),  # the only word it must print, however common
    (r"(?:at|to)?\s+\w+", None),  # optional, or too short to be worth a look
    (r"(?:on|during)\s+his\s+tour", ("tour",)),
    (r"(?=trip)|tour", None),  # an alternative that prints nothing
    (r"remarks?\s+at", ("remark",)),
])
def test_required_words_are_what_every_match_must_print(pattern, words):
    import re

    from readout.load.phrases import required_words
    assert required_words(re.compile(pattern, re.IGNORECASE)) == words


def test_lead_shortcut_spares_no_sentence_a_lead_pattern_matches():
    """Every sentence of the fixtures and the seed that a lead pattern matches holds one of the
    words the loader looks for before trying it."""
    from pathlib import Path

    lexicon = default_lexicon()
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in [*(root / "tests" / "data" / "readouts").glob("*.txt"),
                                                      *(root / "content" / "sources").glob("*.txt")]]
    matched = 0
    for text in texts:
        for sentence in text.split("\n"):
            lowered = sentence.lower()
            for pattern, words in zip(lexicon.lead_patterns, lexicon.lead_words):
                if pattern.search(sentence):
                    matched += 1
                    assert any(w in lowered for w in words), (pattern.pattern[:60], sentence)
    assert matched > 100


@pytest.mark.parametrize("caption", ["Li Qiang talks with dock workers at a port in Tianjin. (Photo: Harbour Press)",
                                     "Li Qiang talks with dock workers at a port in Tianjin. [Photo: Harbour Press]",
                                     "Li Qiang talks with dock workers in Tianjin on a wet morning [file photo: Harbour Press]"])
def test_a_caption_ending_in_a_credit_in_brackets_is_page_furniture(caption):
    text = f"Updated: 2025-01-10 12:00\n\nXi Jinping presided over a meeting on Friday.\n\n{caption}\n\nHe said reform must go on.\n"
    assert [p.section for p in parse_source(text, "x.txt").paragraphs][2] == "other"


def test_a_name_is_found_where_the_span_starts_inside_a_run_of_dashes():
    # "(Xinhua)--Xi Jinping, …": the lead's subject starts right after the dashes.
    from readout.load.people import find_name
    text = "BEIJING, June 16 (Xinhua)--Xi Jinping, general secretary, visited a village."
    start = text.index("Xi Jinping")
    name = find_name(text, Span(start, len(text)), default_lexicon())
    assert name is not None and text[name.start:name.end] == "Xi Jinping"


@pytest.mark.parametrize("word, most, expected", [("Wuxi", 3, True), ("Xi", 1, True), ("Beijing", 1, False),
                                                  ("Premier", 3, False), ("Xinhua", 3, False), ("China", 3, False)])
def test_a_word_that_may_be_a_name_is_pinyin_and_no_word_the_lexicon_rules_out(word, most, expected):
    # "Xinhua" and "China" are pinyin, but the lexicon says they are never a name.
    assert default_lexicon().may_be_name(word, most) is expected


@pytest.mark.parametrize("sentence, others", [
    ("The meeting was presided over by the executive chairpersons, Hu Mingde, Ren Kaixi and Bao Lin.", ["Ren Kaixi", "Bao Lin"]),
    ("The session was chaired by Hu Mingde and Ren Kaixi.", ["Ren Kaixi"]),
    ("It was presided over by Hu Mingde, Vice Governor Ren Kaixi and Bao Lin.", ["Ren Kaixi", "Bao Lin"]),
    # Not a list of those who presided: who attended, or the presider's own titles, come after.
    ("The meeting was presided over by Hu Mingde, and attended by Ren Kaixi and Bao Lin.", []),
    ("The meeting was chaired by Hu Mingde, Secretary of the Provincial Party Committee.", []),
    ("The meeting was chaired by Hu Mingde, secretary of the provincial Party committee, and Ren Kaixi attended.", []),
    # Only bare names: a title may open another clause ("and Governor Ren Kaixi made a speech").
    ("The meeting was chaired by Hu Mingde and Governor Ren Kaixi made a speech.", []),
])
def test_co_presiders_are_the_others_of_a_list_of_names_after_the_verb(sentence, others):
    from readout.load.attendance import co_presiders, presider

    lexicon = default_lexicon()
    chair = presider(sentence, Span(0, len(sentence)), lexicon)
    assert chair is not None and sentence[chair.name.start:chair.name.end] == "Hu Mingde"
    found = co_presiders(sentence, Span(0, len(sentence)), chair, lexicon)
    assert [sentence[m.name.start:m.name.end] for m in found] == others


@pytest.mark.parametrize("before, whose", [
    ("He acted on the instructions of President ", True),
    ("He acted on the instructions of President Xi Jinping and Premier ", True),  # a list of leaders after "of"
    ("the speeches delivered by General Secretary Xi Jinping and ", True),
    ("Later that day, Premier ", False),
    ("Officials of the province and ", False),  # "of the": a body, not a leader's name
])
def test_a_leader_named_after_of_is_whose_words_not_the_subject(before, whose):
    from readout.load.speech import NOT_SUBJECT_BEFORE
    assert bool(NOT_SUBJECT_BEFORE.search(before)) is whose


@pytest.mark.parametrize("text, place", [
    ("Vice Premier Zhou joined a group deliberation of deputies to the National People's Congress on March 6 in Beijing.", "Beijing"),
    ("Wang Ming, member of the Standing Committee, emphasized in Tibet from July 25th to 27th that unity comes first.", "Tibet"),
    ("Zhou Ming said on Tuesday in Hangzhou that the plan would be finished.", "Hangzhou"),
    ("Zhou Ming said that firms in Hangzhou should grow.", None),  # a place with no day beside it
    ("The commission approved its report to the congress, which opens on Oct. 16 in Beijing.", None),  # another, later event
])
def test_a_place_next_to_the_day_is_where_the_event_was(text, place):
    event = parse_source(text + "\n\nHe urged more effort.\n", "t.txt")
    assert event.location == place


@pytest.mark.parametrize("caption, rest", [
    ("Vice Premier Zhou speaks in Beijing. (Xinhua/Chen Lu)", " BEIJING, March 1 (Xinhua) -- Zhou urged …"),
    ("Premier Wen visits a farm. (AP Photo/Ng Han)", " The premier said …"),
    ("Premier Wen visits a port in Fuzhou, July 8, 2039. (Photo/Chen Lu)", " Premier Wen on Thursday urged …"),
    ("A photo taken on August 8, 2039 shows a village in Kunshan (Photo: Xinhua)", " President Xi on Monday urged …"),
    (None, "BEIJING, March 1 (Xinhua) -- Zhou urged local governments to sow on time."),  # no caption
])
def test_where_a_caption_ends_in_a_block(caption, rest):
    from readout.load.page import caption_end
    block = (caption or "") + rest
    assert caption_end(block, 0, len(block)) == (len(caption) if caption else None)


@pytest.mark.parametrize("line, noise", [
    ("Share to:", True),
    ("Share | Print", True),
    ("Share on: WeChat Weibo", True),
    ("Share to the people of the region what the reform brings, he said.", False),  # a sentence of the story
    ("Write comment", True),
    ("Post Comment", True),
    ("Write comments on the draft plan, the premier asked the experts.", False),
    ("By Shi Zihan Updated: 2015-10-26", True),  # a byline run into the page's stamp
    ("By the end of the year the plan will be updated: every county reports.", False),
])
def test_sharing_buttons_are_page_matter(line, noise):
    assert default_lexicon().is_noise(line) is noise


@pytest.mark.parametrize("text, place", [
    # The place after the body a session is of.
    ("Speaking yesterday at the second plenary session of the 9th Hebei Provincial Party Committee in Shijiazhuang, Zhou said the plan stands.",
     "Shijiazhuang"),
    # A name over the story, as a site tags it, is no dateline; a city on a line of its own is.
    ("Zhou Ming\n\nZhou Ming urged officials to cut red tape.", None),
    ("Hefei\n\nZhou Ming urged officials to cut red tape.", "Hefei"),
])
def test_where_a_session_of_a_body_was_held_and_no_place_from_a_name(text, place):
    assert parse_source(text + "\n\nHe called for more effort.\n", "t.txt").location == place


@pytest.mark.parametrize("name, presided", [
    ("Liu Qibao", True),
    ("Liu Yunshan", False),  # the same surname, another person
    ("Liu", True),  # a surname alone may be either
])
@pytest.mark.parametrize("text", [
    "Liu Yunshan made the remarks at a conference on Tuesday. The conference was chaired by Liu Qibao, head of the department.",
    "Liu Yunshan made the remarks at a conference on Tuesday. Liu Qibao presided over the conference.",
])
def test_who_presided_is_matched_by_the_full_name(text, name, presided):
    from readout.load.attendance import presides
    assert presides(text, name, default_lexicon()) is presided


@pytest.mark.parametrize("line, noise", [
    ("Translator: Yu Jiangjiang", True),
    ("Translator: Yu Jiangjiang\nChinese source: hunan.gov.cn", True),   # a block of credit lines
    ("Translator: Yu Jiangjiang\nChinese source:", True),                # the page cut off after it
    ("Photographer: Shen Ruru\nEditor: Gao Han", True),
    ("author:Xinhua", True),
    ("Translator: Yu Jiangjiang\nThe meeting stressed that the plan must be carried out.", False),  # a story line after it
    ("The authors: scholars who attended the symposium said the plan was sound.", False),
])
def test_credit_lines_are_page_matter(line, noise):
    assert default_lexicon().is_noise(line) is noise


@pytest.mark.parametrize("cut, attendees", [
    ("Zhou Ming, Sun Ping and Lu Wei, all memb", ["Zhou Ming", "Sun Ping", "Lu Wei"]),   # names alone, the title cut
    ("Zhou Ming, Sun Ping, Lu W", ["Zhou Ming", "Sun Ping"]),                             # the last name cut
    ("Zhou Ming, vice premier, and Sun Ping, was a", ["Zhou Ming", "Sun Ping"]),
    ("Zhou Ming and Sun Ping inspected the", []),   # what they did, not a list of who attended
    ("Zhou Ming, who", []),                          # one name alone says nothing yet
    ("Zhou Ming, general secretary of the Commun", []),   # nor one name and a title cut short
    # titles before the names
    ("Vice Premier Zhou Ming and Vice Premier Sun Ping, State Councilors Lu W", ["Zhou Ming", "Sun Ping"]),
    ("Vice Premier Zhou Ming and top legislator Sun", ["Zhou Ming"]),
    ("Vice Premier Zhou Ming visited the", []),
    # officials who joined the event
    ("Wang Jian and Liu Min joined the inspection respectively.", ["Wang Jian", "Liu Min"]),
    ("Wang Jian, Governor of the province, joined the meeting.", ["Wang Jian"]),
    ("Wang Jian joined the army in 1970.", []),     # no event of the story
    # the people of the group the sentence before named
    ("The members are Zhou Ming, Sun Ping and Lu Wei.", ["Zhou Ming", "Sun Ping", "Lu Wei"]),
    ("They were Zhou Ming, party secretary; and Sun Ping, governor.", ["Zhou Ming", "Sun Ping"]),
    ("They were there to pay tribute to the revolutionaries.", []),
])
def test_who_the_last_sentence_says_attended(cut, attendees):
    text = ("BEIJING, Sept. 6 -- Xi Jinping presided over a meeting of the commission on Tuesday.\n\n"
            f"Xi said that pipes must be renewed.\n\n{cut}")
    assert [p.name for p in parse_source(text, "x.txt").attendees] == attendees


@pytest.mark.parametrize("sentence, kind", [
    ("Officials of the three provinces held a press conference in Hefei on Friday.", "press conference"),
    ("The ministry held a news conference in Beijing on Friday.", "news conference"),
    ("Xi Jinping presided over a conference in Beijing on Friday.", "conference"),
    ("The State Council held a video and telephone conference on work safety on Friday.", "video and telephone conference"),
    ("Premier Zhou Ping made a research visit to Guangdong on Friday.", "research visit"),
])
def test_the_kind_of_event_is_the_fullest_the_lexicon_knows(sentence, kind):
    assert parse_source(f"Updated: 2025-05-24 10:00\n\n{sentence}\n", "x.txt").kind == kind


@pytest.mark.parametrize("sentence, section", [
    # what has been achieved, said to be what must be done, is a task; not in a relative clause
    ("The achievements in poverty relief should be further consolidated, Xi said.", "priorities"),
    ("Breakthroughs must be achieved in transport, he said.", "priorities"),
    ("Progress should be made while keeping prices steady, Li said.", "priorities"),
    ("Grain output has reached a record high, results which should be treasured.", "progress"),  # tells the results
    ("The region has made progress in a battle that must be won, Xi said.", "progress"),
    # what the meeting did with its business is its narrative
    ("During the meeting, the attendees reported on the progress made in their work.", "lead"),
    ("The participants discussed the progress of the reform.", "lead"),
    ("A plan was adopted by the meeting for reviewing the progress made in the reform.", "lead"),
    # what the State Council will do is a task
    ("Efforts will be made to replace old tractors.", "priorities"),
    ("It was decided at the meeting that efforts will be made to replace old tractors.", "priorities"),
    ("More efforts will also be made to train rural mechanics.", "priorities"),
    ("Steps will be taken to cut the cost of loans for farmers.", "priorities"),
    ("Measures will be taken to keep grain prices stable.", "priorities"),
])
def test_the_section_of_a_sentence_after_the_opening(sentence, section):
    text = f"Updated: 2021-09-15 10:00\n\nXi Jinping presided over a meeting on Tuesday.\n\nHe stressed unity.\n\n{sentence}\n"
    assert parse_source(text, "x.txt").paragraphs[-1].section == section


@pytest.mark.parametrize("company, held", [
    ("delegates of foreign business leaders", True), ("visiting entrepreneurs", True),
    ("representatives of the chambers of commerce", True),
    # a visit's conversation, not talks he held as an event
    ("local villagers", False), ("workers there", False),
])
def test_talks_with_people_come_to_meet_are_the_event(company, held):
    text = f"Updated: 2024-04-03 10:00\n\nOn April 2, 2024, Premier Zhou Ping held talks with {company} in Xiamen.\n"
    event = parse_source(text, "x.txt")
    assert (event.host is not None, event.main_speaker is not None) == (held, not held)


@pytest.mark.parametrize("where, place", [
    ("a research trip to Tibetan-inhabited areas of southwest China's Sichuan Province", "Sichuan"),
    ("an inspection tour of poverty-stricken counties of Gansu Province", "Gansu"),
    ("a meeting in rural areas of Hebei", "Hebei"), ("a tour of Yunnan Province", "Yunnan"),
])
def test_the_areas_of_a_place_are_in_that_place(where, place):
    text = f"BEIJING, Aug. 8 (Xinhua) -- Zhou Ping made the remarks during {where} from Monday to Wednesday.\n"
    assert parse_source(text, "x.txt").location == place


@pytest.mark.parametrize("line, noise", [
    ("LINE Back to top About Us | Jobs | Contact Us | Privacy P", True),   # a footer, cut off
    ("Day|Week|Month", True),
    ("Xinhua | 2021-01-05 | Editor: Li", True),
    ("He listed three aims: jobs | prices | growth. Each must be met.", False),   # sentences
    ("Jobs | Prices", False),   # two pieces: not enough to tell a menu
])
def test_short_pieces_between_bars_are_a_menu(line, noise):
    assert default_lexicon().is_noise(line) is noise


@pytest.mark.parametrize("rest, short", [
    ("all membe", True), ("Cai Q", True), ("was a", True), ("and top legislator Zhang", True),
    ("visited the fact", False), ("inspected the", False),   # what they did: no list cut short
    ("a member of the Standing Committee of the", False),    # more than a few words
])
def test_what_a_cut_leaves_after_the_last_name_of_a_list(rest, short):
    from readout.load.attendance import CUT_SHORT
    assert bool(CUT_SHORT.fullmatch(rest)) is short


@pytest.mark.parametrize("sentence, main", [
    ("Zhou Ping, vice premier, attended the meeting and delivered a report.", "Zhou Ping"),
    ("Zhou Ping attended the session and gave a keynote address.", "Zhou Ping"),
    ("Zhou Ping delivered a report on the pension funds.", None),   # a report alone: one of the speakers
])
def test_who_attended_and_gave_the_report_while_another_presided(sentence, main):
    text = (" date 2023-08-23\nBEIJING, Aug. 22 (Xinhua) -- The committee convened its meeting on Tuesday.\n\n"
            f"Sun Ming presided over the meeting.\n\n{sentence}\n\nHe called for more care homes.\n")
    event = parse_source(text, "x.txt")
    assert (event.host.name, event.main_speaker.name if event.main_speaker else None) == ("Sun Ming", main)


@pytest.mark.parametrize("line, noise", [
    ("• User Name Required • Your Comment • Enter the words you see: Racist, abusive and off-topic comments "
     "may be removed by the moderator. Send your stories", True),
    ("Enter the words you see:", True),
    ("Racist, abusive and off-topic comments may be removed by the moderator.", True),
    ("Your comment on the plan was heard, he said.", False),   # a sentence of the story
])
def test_a_comment_forms_fields_are_page_matter(line, noise):
    assert default_lexicon().is_noise(line) is noise


@pytest.mark.parametrize("story, day", [
    # a year named only as the time of a plan: a meeting late in the year before it
    ("The Political Bureau held a meeting on December 8 to analyze economic work in 2031.", date(2030, 12, 8)),
    ("The Political Bureau held a meeting on December 8. It stressed that 2031 will be a year of reform.", date(2030, 12, 8)),
    # a year also named as the time of what is told, or a plan for later in the same year
    ("The Political Bureau held a meeting on December 8. Growth in 2031 was steady.", date(2031, 12, 8)),
    ("The Political Bureau held a meeting on July 8 to plan economic work in the second half of 2031.", date(2031, 7, 8)),
])
def test_the_year_of_a_day_when_the_year_named_is_a_plan(story, day):
    assert parse_source(f"{story}\n", "x.txt").date == day


@pytest.mark.parametrize("gave", ["delivered a speech", "delivered a report", "gave a work report"])
def test_who_attended_and_spoke_in_the_sentence_saying_who_presided(gave):
    text = (" date 2023-08-23\nBEIJING, Aug. 22 (Xinhua) -- The committee convened its meeting on Tuesday. Sun Ming "
            f"presided over the meeting, and Zhou Ping, vice premier, attended the meeting and {gave}.\n\n"
            "He called for more care homes.\n")
    event = parse_source(text, "x.txt")
    assert (event.host.name, event.main_speaker.name if event.main_speaker else None) == ("Sun Ming", "Zhou Ping")


@pytest.mark.parametrize("text, verb, kind", [
    ("Premier Gao inspected Hainan on Monday.", "inspected", "inspection"),  # the page's own word
    ("Premier Gao inspected Hainan on Monday, the first stop of an inspection tour of the south.", "inspected", "inspection tour"),
    ("Gao said so during a trip to Hunan.", "during a trip", "trip"),
    ("Premier Gao toured Hainan on Monday.", "toured", "inspection tour"),
])
def test_a_journey_is_named_in_the_pages_words(text, verb, kind):
    from readout.load.lead import journey_named
    assert journey_named(text, verb) == kind
