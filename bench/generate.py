"""A deterministic archive of N synthetic readouts in the genre, written by us: varied hosts,
attendees with titles, places, dates, kinds, subjects, sections and page noise.
Usage: python bench/generate.py N PROJECT_DIR [--small]   (PROJECT_DIR gets content/sources/*.txt;
real-size readouts of 3-8 KB, or with --small the old ones of about 760 bytes)"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

SURNAMES = ["Zhao", "Qian", "Sun", "Li", "Zhou", "Wu", "Zheng", "Wang", "Feng", "Chen", "Chu", "Wei",
            "Jiang", "Shen", "Han", "Yang", "Zhu", "Qin", "Xu", "He", "Lu", "Shi", "Zhang", "Kong", "Cao",
            "Yan", "Hua", "Jin", "Tao", "Xie", "Zou", "Yu", "Bai", "Su", "Pan", "Ge", "Fan", "Peng", "Lang"]
GIVEN = ["Ming", "Hua", "Jian", "Wei", "Lei", "Qing", "Hong", "Bo", "Tao", "Yun", "Xiaoping", "Guoqiang",
         "Jianguo", "Lihua", "Haiyan", "Zhiming", "Weidong", "Xuefeng", "Chunlin", "Yongjun", "Dehai", "Ruilin"]
TITLES = ["Premier of the State Council", "Vice Premier of the State Council", "State Councilor",
          "Member of the Standing Committee of the Political Bureau of the CPC Central Committee",
          "Director of the General Office of the CPC Central Committee", "Minister of Commerce",
          "Minister of Finance", "Secretary of the CPC Provincial Committee", "Governor of the province",
          "Vice Chairman of the Central Military Commission", "Chairman of the NPC Standing Committee"]
PLACES = ["Shanghai", "Hefei", "Nanjing", "Hangzhou", "Wuhan", "Changsha", "Chengdu", "Chongqing",
          "Xi'an", "Lanzhou", "Zhengzhou", "Jinan", "Tianjin", "Shenyang", "Harbin", "Kunming",
          "Nanning", "Fuzhou", "Nanchang", "Guiyang", "Xining", "Yinchuan", "Urumqi", "Lhasa"]
KINDS = ["symposium", "meeting", "forum", "conference", "study session", "executive meeting"]
VERBS = ["held", "chaired", "presided over", "convened", "hosted"]
SUBJECTS = ["the integrated development of the {r}", "high-quality development of the {r}",
            "ecological protection in the {r}", "rural revitalization in the {r}",
            "scientific and technological innovation in the {r}", "opening up of the {r}",
            "flood control and disaster relief in the {r}", "the revitalization of the {r}"]
REGIONS = ["Yangtze River Delta", "Yellow River basin", "Pearl River Delta", "western region",
           "northeast region", "Beijing-Tianjin-Hebei region", "Yangtze River Economic Belt", "central region"]
PROGRESS = ["{s} said the {r} has made notable progress in {a} over the past {n} years.",
            "{s} noted that remarkable results have been achieved in {a}.",
            "The meeting noted that the {r} has seen steady gains in {a}."]
PROBLEMS = ["However, {p} pointed out that the {r} still faces problems such as weak {a}.",
            "{s} said that shortcomings remain in {a}, and the foundation for growth is not yet solid.",
            "It was pointed out at the meeting that difficulties in {a} must not be underestimated."]
PRIORITIES = ["{s} called for greater efforts to strengthen {a}.",
              "Efforts should be made to improve {a} and to deepen reform, {s} said.",
              "First, the {r} must give full play to its strengths in {a}.",
              "It is important to promote {a} and high-level opening up, {p} stressed."]
AREAS = ["industrial innovation", "green development", "infrastructure", "water conservation",
         "digital economy", "advanced manufacturing", "grain production", "cross-border trade",
         "ecological environment", "public services", "energy security", "talent cultivation"]
CONCLUSIONS = ["{s} concluded the {k} by urging officials to shoulder their responsibilities.",
               "Overall, the {k} underlined the need for coordinated action across the {r}."]
NOISE = ["Share | Print | WeChat", "(Web editor: {g} {f})", "Enditem", "Home > China > Politics"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"


def readout(i: int, rng: random.Random, hosts: list[str]) -> tuple[str, str]:
    """(file name, text) of readout number ``i``."""
    day = date(2014, 1, 1) + timedelta(days=rng.randrange(0, 3650))
    published = day + timedelta(days=rng.choice([0, 0, 1, 2]))
    host = rng.choice(hosts)
    surname = host.split()[0]
    kind, place, region = rng.choice(KINDS), rng.choice(PLACES), rng.choice(REGIONS)
    subject = rng.choice(SUBJECTS).format(r=region)
    when = (f"on {WEEKDAYS[day.weekday()]}" if rng.random() < 0.6 else
            f"on the {rng.choice(['morning', 'afternoon'])} of the {day.day}th")
    attendees = [person(rng) for _ in range(rng.randrange(0, 4))]
    paragraphs = []
    if rng.random() < 0.3:
        paragraphs.append(rng.choice(NOISE).format(g=rng.choice(SURNAMES), f=rng.choice(GIVEN)))
    paragraphs.append(f"{host}, {rng.choice(TITLES)}, {rng.choice(VERBS)} a {kind} in {place} {when} "
                      f"to discuss {subject}.")
    if attendees:
        listed = [f"{a}, {rng.choice(TITLES)}" for a in attendees]
        paragraphs.append("; ".join(listed) + (", were present." if len(listed) > 1 else ", was present."))
    fill = {"s": surname, "p": "he", "r": region, "k": kind, "n": rng.randrange(2, 11)}
    for bank, count in ((PROGRESS, 1 + rng.randrange(2)), (PROBLEMS, rng.randrange(2)),
                        (PRIORITIES, 2 + rng.randrange(3))):
        sentences = [rng.choice(bank).format(a=rng.choice(AREAS), **fill) for _ in range(count)]
        if sentences:
            paragraphs.append(" ".join(sentences))
    if rng.random() < 0.5:
        paragraphs.append(rng.choice(CONCLUSIONS).format(**fill))
    if rng.random() < 0.2:
        paragraphs.append(rng.choice(NOISE).format(g=rng.choice(SURNAMES), f=rng.choice(GIVEN)))
    text = f" date {published.isoformat()}\n" + "\n\n".join(paragraphs) + "\n"
    return f"{day.isoformat()}-{i:05d}-{kind.replace(' ', '-')}.txt", text


# Real-size readouts: the length, the paragraphs and the statements of real ones (3-8 KB, 20-60
# statements: a lead with the host's full titles, a paragraph of attendees, several of progress,
# problems and priorities, a conclusion), some cut off mid-sentence, some with page noise.
LONG_TITLES = ["general secretary of the Communist Party of China Central Committee, Chinese president and "
               "chairman of the Central Military Commission",
               "a member of the Standing Committee of the Political Bureau of the CPC Central Committee and "
               "premier of the State Council",
               "a member of the Standing Committee of the Political Bureau of the CPC Central Committee and "
               "director of the General Office of the CPC Central Committee",
               "a member of the Political Bureau of the CPC Central Committee and vice premier of the State Council",
               "a member of the Political Bureau of the CPC Central Committee and secretary of the CPC "
               "Provincial Committee"]
OPENINGS = ["{h}, {t}, {v} a {k} on {subject} in {place} {when} and delivered an important speech.",
            "{place}, {month} {day} -- {h}, {t}, {v} a {k} on {subject} {when}, stressing the need to "
            "{goal} and to write a new chapter for the {r} in the new era."]
RICH_PROGRESS = ["Since the {k} held {n} years ago, the {r} has made new and remarkable progress in {a}, "
                 "with its economic output rising steadily and its role as a growth engine further enhanced.",
                 "{s} noted that the {r} has achieved notable results in {a} and {a2}, laying a solid "
                 "foundation for high-quality development in the years to come.",
                 "Over the past {n} years, the provinces and municipalities of the {r} have worked together "
                 "on {a}, and a number of major projects have been completed ahead of schedule.",
                 "The {r} has seen steady gains in {a}, and the living standards of its people have improved "
                 "markedly, {s} said."]
RICH_PROBLEMS = ["{s} pointed out that the {r} still faces problems such as weak {a} and an unbalanced "
                 "distribution of resources, and that the foundation for growth is not yet solid.",
                 "Shortcomings remain in {a}, and some localities have yet to break down the barriers that "
                 "keep factors of production from flowing freely across the region.",
                 "It was pointed out at the {k} that difficulties in {a} must not be underestimated, as "
                 "external uncertainties have increased and the tasks of reform remain arduous."]
RICH_PRIORITIES = ["{s} called for greater efforts to strengthen {a}, so that the {r} can play a leading "
                   "role in building a new development pattern.",
                   "Efforts should be made to improve {a} and to deepen reform and opening up in key areas, "
                   "{s} said, urging officials to take on their responsibilities.",
                   "It is important to promote {a} and high-level opening up, to build platforms for "
                   "cooperation and to share public services across the region, {p} stressed.",
                   "The {r} must give full play to its strengths in {a}, speed up the building of a modern "
                   "industrial system and nurture new growth drivers.",
                   "{s} urged the {r} to coordinate {a} with {a2} and to guard against and defuse major "
                   "risks in key areas."]
RICH_NOISE = ["Share | Print | WeChat | Weibo", "(Web editor: {g} {f}, {g2} {f2})", "Enditem",
              "Home > China > Politics > Top News", "Updated: {pub} 19:{mm} | Source: Xinhua",
              "{h} speaks at the {k} in {place}, {month} {day}, {year}. (Xinhua/{g} {f})"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def real_readout(i: int, rng: random.Random, hosts: list[str]) -> tuple[str, str]:
    """(file name, text) of real-size readout number ``i``."""
    day = date(2014, 1, 1) + timedelta(days=rng.randrange(0, 3650))
    published = day + timedelta(days=rng.choice([0, 0, 1]))
    host = rng.choice(hosts)
    kind, place, region = rng.choice(KINDS), rng.choice(PLACES), rng.choice(REGIONS)
    when = f"on {WEEKDAYS[day.weekday()]}" if rng.random() < 0.7 else f"on the afternoon of the {day.day}th"
    fill = {"s": host.split()[0], "p": "he", "r": region, "k": kind, "n": rng.randrange(2, 11), "when": when,
            "h": host, "place": place, "month": MONTHS[day.month - 1], "day": day.day, "year": day.year,
            "pub": published.isoformat(), "mm": f"{rng.randrange(60):02d}"}

    def said(bank: list[str]) -> str:
        a, a2 = rng.sample(AREAS, 2)
        return rng.choice(bank).format(a=a, a2=a2, **fill)

    def noise() -> str:
        return rng.choice(RICH_NOISE).format(g=rng.choice(SURNAMES), f=rng.choice(GIVEN),
                                             g2=rng.choice(SURNAMES), f2=rng.choice(GIVEN), **fill)

    paragraphs = [noise() for _ in range(rng.choice([0, 0, 1, 2]))]
    paragraphs.append(rng.choice(OPENINGS).format(
        t=rng.choice(LONG_TITLES), v=rng.choice(VERBS), subject=rng.choice(SUBJECTS).format(r=region),
        goal=f"advance {rng.choice(AREAS)}", **fill))
    people = [f"{person(rng)}, {rng.choice(LONG_TITLES)}" for _ in range(rng.randrange(1, 5))]
    paragraphs.append(("; ".join(people[:-1]) + " and " if len(people) > 1 else "") + people[-1]
                      + f", attended the {kind}.")
    long = 2 if rng.random() < 0.15 else 1  # a long readout: a speech's many tasks
    bank_sizes = ((RICH_PROGRESS, rng.randrange(1, 5), 3), (RICH_PROBLEMS, rng.randrange(0, 3), 2),
                  (RICH_PRIORITIES, long * rng.randrange(3, 9), 4))
    for bank, count, per in bank_sizes:
        for _ in range(count):
            paragraphs.append(" ".join(said(bank) for _ in range(rng.randrange(1, per + 1))))
    if rng.random() < 0.6:
        paragraphs.append(rng.choice(CONCLUSIONS).format(**fill))
    if rng.random() < 0.1:  # a page cut off mid-sentence, as stored copies often are
        last = paragraphs[-1]
        paragraphs[-1] = last[:rng.randrange(len(last) // 3, len(last) - 5)]
    elif rng.random() < 0.3:
        paragraphs.append(noise())
    text = f" date {published.isoformat()}\n" + "\n\n".join(paragraphs) + "\n"
    return f"{day.isoformat()}-{i:05d}-{kind.replace(' ', '-')}.txt", text


def generate(n: int, project: Path, seed: int = 20231130, real: bool = False,
             hosts: list[str] | None = None) -> list[Path]:
    """Write ``n`` readouts under ``project/content/sources``: small ones (about 760 bytes, the
    tests' default) or, with ``real``, real-size ones; ``hosts`` (else one per forty readouts)
    hold the events. The same arguments give the same files."""
    rng = random.Random(seed)
    hosts = hosts or [person(rng) for _ in range(max(3, n // 40))]
    folder = project / "content" / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text = (real_readout if real else readout)(i, rng, hosts)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    # python bench/generate.py N PROJECT_DIR [--small]: real-size readouts unless --small.
    generate(int(sys.argv[1]), Path(sys.argv[2]), real="--small" not in sys.argv[3:])
