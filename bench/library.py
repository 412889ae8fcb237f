"""Synthetic scenario libraries of any size, built on the real template with the real library's mean shape."""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data

from macros.loader import load_library

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"

# Mean counts and word lengths of the 40 real guides (measured when this was written; bench.py prints the
# real and synthetic mean file sizes side by side so drift shows): (items, words per item).
SHAPE = {
    "title": 4,
    "question": 15,
    "summary": 26,
    "keywords": (14, 4),
    "outline": (5, 4),
    "points": (3, 21),
    "checklist": (10, 17),
    "tradeoffs": (3, 5),
    "options": (2, (5, 19)),
    "signals": (3, 18),
    "red_flags": (5, 12),
    "follow_ups": (5, (12, 17)),
    "behavioral": (12, (5, 12)),
    "case": (6, 81),
    "sources": (8, (6, 17)),
    "related": 4,
    "tags": 3,
    "why": 200,
    "approach": 120,
}


class Writer:
    """Deterministic filler prose drawn from the words of the real guides."""

    def __init__(self, seed: int, vocabulary: list[str]):
        self.rng = random.Random(seed)
        self.vocabulary = vocabulary

    def words(self, count: int) -> str:
        text = " ".join(self.rng.choice(self.vocabulary) for _ in range(count))
        return text[:1].upper() + text[1:]

    def sentence(self, count: int) -> str:
        return self.words(count) + "."

    def prose(self, count: int) -> str:
        """`count` words in paragraphs of about sixty."""
        sizes = [60] * (count // 60) + ([count % 60] if count % 60 else [])
        return "\n\n".join(" ".join(self.sentence(n // 3) for _ in range(3)) for n in sizes)


def vocabulary() -> list[str]:
    """Every word of the real guides, repeats kept, so filler has their word lengths and frequencies."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SCENARIOS.glob("[!_]*.md")))
    return [word.lower() for word in re.findall(r"\b[A-Za-z]+\b", text)]


def registry() -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Real source ids, tags and (area key, letter) pairs, as the site's own loader reads them."""
    real = load_library(SCENARIOS)
    return list(real.sources), list(real.tags), [(a.key, a.letter) for a in real.areas]


def scenario(index: int, ids: list[str], template: dict, areas, sources, tags, vocab) -> str:
    """One valid scenario file: the template's fields, filled to the real library's mean size."""
    w = Writer(index, vocab)
    area, letter = areas[index % len(areas)]
    cited = w.rng.sample(sources, SHAPE["sources"][0])
    n, (section_words, supports_words) = SHAPE["sources"]
    meta = {
        **template,
        "id": ids[index],
        "code": f"{letter}{index // len(areas) + 1}",
        "title": w.words(SHAPE["title"]),
        "question": w.words(SHAPE["question"]) + "?",
        "area": area,
        "summary": w.sentence(SHAPE["summary"]),
        "tags": w.rng.sample(tags, SHAPE["tags"]),
        "keywords": [w.words(SHAPE["keywords"][1]).lower() for _ in range(SHAPE["keywords"][0])],
        "outline": [
            {
                "title": w.words(SHAPE["outline"][1]),
                "points": [w.sentence(SHAPE["points"][1]) for _ in range(SHAPE["points"][0])],
            }
            for _ in range(SHAPE["outline"][0])
        ],
        "checklist": [
            {"id": f"item-{i}", "text": w.sentence(SHAPE["checklist"][1])} for i in range(1, SHAPE["checklist"][0] + 1)
        ],
        "tradeoffs": [
            {
                "decision": w.words(SHAPE["tradeoffs"][1]),
                "options": [
                    {"option": w.words(SHAPE["options"][1][0]), "cost": w.sentence(SHAPE["options"][1][1])}
                    for _ in range(SHAPE["options"][0])
                ],
            }
            for _ in range(SHAPE["tradeoffs"][0])
        ],
        "signals": {
            level: [w.sentence(SHAPE["signals"][1]) for _ in range(SHAPE["signals"][0])]
            for level in template["signals"]
        },
        "red_flags": [w.sentence(SHAPE["red_flags"][1]) for _ in range(SHAPE["red_flags"][0])],
        "follow_ups": [
            {"question": w.words(SHAPE["follow_ups"][1][0]) + "?", "hint": w.sentence(SHAPE["follow_ups"][1][1])}
            for _ in range(SHAPE["follow_ups"][0])
        ],
        "behavioral": {
            "question": "Tell me about a time " + w.words(SHAPE["behavioral"][0]).lower() + ".",
            "outline": [w.sentence(SHAPE["behavioral"][1][1]) for _ in range(SHAPE["behavioral"][1][0])],
        },
        "case": {"title": w.words(SHAPE["case"][0]), "story": w.prose(SHAPE["case"][1]), "source": cited[0]},
        "sources": [
            {"id": s, "section": w.words(section_words), "supports": w.sentence(supports_words)} for s in cited[:n]
        ],
        "related": [ids[(index + step) % len(ids)] for step in range(1, SHAPE["related"] + 1)],
        "aliases": [],
    }
    body = (
        f"## Why interviewers ask this {{#why-interviewers-ask}}\n\n{w.prose(SHAPE['why'])}\n\n"
        f"## How to approach it {{#approach}}\n\n{w.prose(SHAPE['approach'])}\n"
    )
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100) + "---\n\n" + body


def synthetic(count: int) -> dict[str, str]:
    """`count` valid scenario files (file name -> text) spread over the real areas."""
    _, template = get_data((SCENARIOS / "_template.md").read_text(encoding="utf-8"))
    sources, tags, areas = registry()
    vocab = vocabulary()
    ids = [f"synthetic-{i:04d}" for i in range(count)]
    return {f"{sid}.md": scenario(i, ids, template, areas, sources, tags, vocab) for i, sid in enumerate(ids)}
