"""What a reader takes away, read back as their tools read it: cards.json, the Anki deck, the EPUB and the PDF.

The deck is opened with sqlite3 from the .apkg zip, the EPUB is checked by Debian's epubcheck, the PDF by pypdf.
Each is built once a session: the web build (`site`) and `make offline` (`made_offline`, which prints the PDF).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import sqlite3
import subprocess
import unicodedata
import zipfile
from pathlib import Path

from pypdf import PdfReader

from macros import cards, epub
from macros.anki import note_guid
from macros.cards import Cards
from macros.loader import load_library
from macros.urls import scenario_path
from tests.project import ROOT, make_project
from tests.scenario_factory import small_library, write_library

LIBRARY = load_library(ROOT / "scenarios")
EPUBCHECK = "/usr/share/java/epubcheck.jar"  # Debian's epubcheck package


def card_count() -> int:
    per_guide = [
        len(m.checklist) + len(m.red_flags) + len(m.follow_ups) + sum(len(v) for v in m.signals.model_dump().values())
        for m in (s.meta for s in LIBRARY.scenarios)
    ]
    return sum(per_guide)


def built_cards(folder: Path) -> list[dict]:
    return json.loads((folder / "cards.json").read_text(encoding="utf-8"))["cards"]


# ---------------------------------------------------------------- cards


def test_every_item_is_one_card_with_a_unique_id(site):
    found = built_cards(site)
    Cards.model_validate({"cards": found})
    assert len(found) == card_count()
    assert len({c["id"] for c in found}) == len(found)
    first = LIBRARY.in_order()[0].meta
    item = first.checklist[0]
    card = next(c for c in found if c["id"] == f"{first.id}/checklist/{item.id}")
    assert card["back"] == " ".join(item.text.split())
    assert card["front"].startswith(f"{first.code} · ") and item.text not in card["front"], "the front asks, not tells"
    assert (site / card["url"].split("#")[0] / "index.html").exists()


def test_card_ids_are_the_same_in_another_build(site, offline_site):
    assert [c["id"] for c in built_cards(site)] == [c["id"] for c in built_cards(offline_site)]


def test_card_ids_survive_an_edit_of_the_card_text(tmp_path):
    """Rewrite a checklist item, a red flag, a follow-up hint and a signal: the same ids, the new text."""
    s = LIBRARY.in_order()[0]
    m = s.meta
    edits = [m.checklist[0].text, m.red_flags[1], m.follow_ups[0].hint, m.signals.staff[0]]
    project = make_project(tmp_path)
    path = project / "scenarios" / s.path.name
    text = path.read_text(encoding="utf-8")
    for old in edits:
        first_words = " ".join(old.split()[:6])
        assert first_words in " ".join(text.split()), old
        start = " ".join(old.split()[:2])
        text = text.replace(start, "Reworded " + start, 1)
    path.write_text(text, encoding="utf-8")
    edited = load_library(project / "scenarios")

    def of(library):
        return {c.id: c.back for c in cards.build(library, lambda p: p).cards}

    before, after = of(LIBRARY), of(edited)
    assert list(before) == list(after), "card ids are stable"
    changed = [i for i in before if before[i] != after[i]]
    assert len(changed) == len(edits), changed


# ---------------------------------------------------------------- the Anki deck


def read_deck(apkg: Path) -> tuple[list[tuple[str, str]], dict]:
    """The (guid, fields) of every note and the decks, read with sqlite3 from the .apkg's collection."""
    with zipfile.ZipFile(apkg) as archive, io.BytesIO(archive.read("collection.anki2")) as data:
        db_path = apkg.with_suffix(".anki2")
        db_path.write_bytes(data.getvalue())
    with sqlite3.connect(db_path) as db:
        notes = db.execute("select guid, flds from notes").fetchall()
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
    return notes, decks


def test_the_deck_opens_with_a_note_per_card_and_stable_guids(site, tmp_path):
    apkg = tmp_path / "runway-cards.apkg"
    shutil.copy(site / "downloads" / "runway-cards.apkg", apkg)
    notes, decks = read_deck(apkg)
    ids = [c["id"] for c in built_cards(site)]
    assert len(notes) == len(ids) == card_count()
    assert sorted(g for g, _ in notes) == sorted(note_guid(i) for i in ids), "GUIDs come from card ids"
    names = {d["name"] for d in decks.values()}
    areas = {a.key for a in LIBRARY.areas if LIBRARY.in_area(a.key)}
    assert {n for n in names if n.startswith("Runway::")} == {
        f"Runway::{a.letter}. {a.title}" for a in LIBRARY.areas if a.key in areas
    }
    s = LIBRARY.in_order()[0]
    fields = dict(notes)[note_guid(f"{s.meta.id}/checklist/{s.meta.checklist[0].id}")].split("\x1f")
    link = "https://runway.example/" + scenario_path(s.meta.id).removesuffix(".md") + "/#checklist-"
    assert link in fields[3], "every card links back to its guide"


# ---------------------------------------------------------------- the EPUB


def epubcheck(book: Path) -> subprocess.CompletedProcess:
    if not Path(EPUBCHECK).exists():
        raise RuntimeError("epubcheck is missing: run 'make test' as root, or 'sudo apt-get install -y epubcheck'")
    java = shutil.which("java") or "java"
    return subprocess.run([java, "-jar", EPUBCHECK, str(book)], capture_output=True, text=True, timeout=300)


def test_epubcheck_passes_the_book(site):
    result = epubcheck(site / "downloads" / "runway-library.epub")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout


def test_epubcheck_fails_a_broken_book(tmp_path):
    """The check can fail: a book (a small library's) without its modification date is rejected."""
    small = load_library(write_library(tmp_path / "scenarios", small_library()))
    good, broken = tmp_path / "good.epub", tmp_path / "broken.epub"
    good.write_bytes(epub.epub_bytes(small, "https://runway.example/"))
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("content.opf"):
                data = re.sub(rb'<meta property="dcterms:modified">[^<]*</meta>', b"", data)
            out.writestr(info, data)
    result = epubcheck(broken)
    assert result.returncode != 0 and "dcterms:modified" in result.stdout + result.stderr


def test_each_chapter_asks_before_it_answers(site):
    with zipfile.ZipFile(site / "downloads" / "runway-library.epub") as book:
        names = book.namelist()
        assert names[0] == "mimetype" and book.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        for s in LIBRARY.in_order():
            chapter = book.read(f"OEBPS/{epub.chapter_name(s.meta.id)}").decode()
            answers = chapter.index("<h2>Answers</h2>")
            assert chapter.index(epub.t(s.meta.question)) < answers
            assert chapter.index(epub.t(s.meta.follow_ups[0].question)) < answers
            assert chapter.index(epub.t(s.meta.checklist[0].text)) > answers
            assert chapter.index(epub.t(s.meta.follow_ups[0].hint)) > answers


def test_prose_keeps_only_allowed_markup():
    html = epub.prose("Text <script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:x) &copy; <b>b</b>")
    assert "<script" not in html and "<img" not in html and "javascript" not in html and "<b>" not in html
    assert "©" in html and "alert(1)" in html, "text stays, as text"


# ---------------------------------------------------------------- the PDF and the zip


def test_make_offline_puts_the_deck_and_the_books_in_dist_and_the_zip(made_offline):
    for name in ("runway-cards.apkg", "runway-library.epub", "runway-library.pdf"):
        assert (made_offline.dist / name).stat().st_size > 100_000, name
        assert (made_offline.site / "downloads" / name).read_bytes() == (made_offline.dist / name).read_bytes()
    home = (made_offline.site / "index.html").read_text(encoding="utf-8")
    for name in ("runway-library.epub", "runway-library.pdf", "runway-cards.apkg"):
        assert f'href="downloads/{name}"' in home, f"the home page offers {name}"


def test_the_pdf_holds_every_guide_with_its_answers_open(made_offline):
    """Page count, then the first and the last guide read from their pages (reading all 300 takes 30 s)."""
    reader = PdfReader(made_offline.dist / "runway-library.pdf")
    pages = reader.pages
    assert len(pages) > 2 * len(LIBRARY.scenarios)

    def text(chosen) -> str:
        return unicodedata.normalize("NFKC", " ".join(" ".join(p.extract_text().split()) for p in chosen))

    first, last = LIBRARY.in_order()[0].meta, LIBRARY.in_order()[-1].meta
    start, end = text(pages[:12]), text(pages[-12:])
    assert start.startswith(f"{first.code} · {first.title}"), start[:80]
    assert f"{last.code} · {last.title}" in end
    for m, found in ((first, start), (last, end)):
        assert " ".join(m.checklist[-1].text.split()[:5]) in found, f"{m.id}: hidden sections print open"
        assert " ".join(m.red_flags[-1].split()[:5]) in found
    assert "Reveal:" not in start + end


def test_answer_pages_are_not_in_the_search_index(site, made_offline):
    """The review page and the page the PDF is printed from hold answers: search must not show them."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("review/")]
    offline = (made_offline.site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert "review.html" not in offline and "print/library.html" not in offline
    assert (made_offline.site / "print" / "library.html").exists()
