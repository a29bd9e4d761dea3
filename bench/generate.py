"""A deterministic archive of N synthetic readouts in the genre, written by us: varied hosts,
attendees with titles, places, dates, kinds, subjects, sections and page noise.
Usage: python bench/generate.py N PROJECT_DIR   (PROJECT_DIR gets content/sources/*.txt)"""

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


def generate(n: int, project: Path, seed: int = 20231130) -> list[Path]:
    """Write ``n`` readouts under ``project/content/sources``; the same n and seed give the same
    files."""
    rng = random.Random(seed)
    hosts = [person(rng) for _ in range(max(3, n // 40))]
    folder = project / "content" / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text = readout(i, rng, hosts)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
