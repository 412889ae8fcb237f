"""The whole library as an EPUB 3 book: a chapter per guide, the questions first and the answers after them.

Written with the standard library only (a zip of XHTML files); `epubcheck` validates it in the tests. Prose is
the author's Markdown, converted and then re-serialised as XHTML through an allow-list of elements, so
nothing in a scenario file can put markup the book does not expect into it.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import uuid
import zipfile
from html import escape
from html.parser import HTMLParser

import markdown

from .loader import MARKER
from .models import LEVELS, Library, Scenario
from .urls import scenario_path, web_url

TITLE = "Runway: scenario guides for senior, staff and principal interviews"
ALLOWED = {"p", "h2", "h3", "h4", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "table", "thead"}
ALLOWED |= {"tbody", "tr", "th", "td", "dl", "dt", "dd", "br", "hr", "div", "span", "abbr", "a"}
VOID = {"br", "hr"}
CSS = """body { font-family: serif; line-height: 1.45; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 1.5em; } h3 { font-size: 1.1em; }
.meta { font-size: 0.9em; font-style: italic; }
.answers { border-top: 2px solid #888; margin-top: 2em; padding-top: 0.5em; }
blockquote { margin: 0.5em 1.5em; font-style: italic; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
"""
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""


class XhtmlWriter(HTMLParser):
    """Re-serialise converted Markdown as XHTML: allowed elements only (others keep their text), text escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            return
        keep = {k: v for k, v in attrs if (k == "href" and tag == "a" and (v or "").startswith("https://"))}
        attributes = "".join(f' {k}="{escape(v or "")}"' for k, v in keep.items())
        self.out.append(f"<{tag}{attributes}{' /' if tag in VOID else ''}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in ALLOWED and tag not in VOID and tag in self.open:
            while self.open:
                last = self.open.pop()
                self.out.append(f"</{last}>")
                if last == tag:
                    break

    def handle_data(self, data):
        self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{t}>" for t in reversed(self.open))


def prose(body: str) -> str:
    """The author's Markdown as safe XHTML, without the section markers."""
    html = markdown.markdown(MARKER.sub("", body), extensions=["attr_list", "tables", "def_list", "admonition"])
    writer = XhtmlWriter()
    writer.feed(html)
    return writer.result()


def t(text: str) -> str:
    return escape(" ".join(text.split()), quote=False)


def items(tag: str, lines: list[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{line}</li>" for line in lines) + f"</{tag}>"


def chapter_name(scenario_id: str) -> str:
    return f"g-{scenario_id}.xhtml"


def answers(s: Scenario, library: Library) -> str:
    """Every answer section of a guide, in the site's order."""
    m, out = s.meta, []
    if m.two_minute_answer:
        out.append(
            "<h3>A two-minute answer</h3>" + "".join(f"<p>{t(p)}</p>" for p in m.two_minute_answer.split("\n\n"))
        )
    phases = [f"<strong>{t(p.title)}</strong>" + items("ul", [t(x) for x in p.points]) for p in m.outline]
    out.append("<h3>Answer outline</h3>" + items("ol", phases))
    out.append("<h3>Checklist</h3>" + items("ul", [t(c.text) for c in m.checklist]))
    if m.numbers:
        rows = "".join(
            f"<tr><td>{t(k.name)}</td><td>{t(k.value)}</td><td>{t(k.meaning)}</td>"
            f"<td>{t(library.sources[k.source].title) if k.source else 'example'}</td></tr>"
            for k in m.numbers
        )
        head = "<tr><th>Knob</th><th>Value</th><th>What it means</th><th>Backed by</th></tr>"
        out.append(f"<h3>Numbers and knobs</h3><table><thead>{head}</thead><tbody>{rows}</tbody></table>")
    if m.partial_failures:
        lines = [f"<strong>{t(f.failure)}</strong> Caught by: {t(f.caught_by)}" for f in m.partial_failures]
        out.append("<h3>Partial and grey failures</h3>" + items("ul", lines))
    trade = "".join(
        f"<p><strong>{t(x.decision)}</strong></p>"
        + items("ul", [f"<em>{t(o.option)}</em>: {t(o.cost)}" for o in x.options])
        for x in m.tradeoffs
    )
    out.append("<h3>Trade-offs</h3>" + trade)
    levels = "".join(
        f"<p><strong>{level.signals_heading}</strong></p>" + items("ul", [t(x) for x in getattr(m.signals, level.key)])
        for level in LEVELS
    )
    out.append("<h3>Level signals</h3>" + levels)
    out.append("<h3>Red flags</h3>" + items("ul", [t(x) for x in m.red_flags]))
    hints = [f"{t(f.question)}<br /><em>Hint:</em> {t(f.hint)}" for f in m.follow_ups]
    out.append("<h3>Follow-up hints</h3>" + items("ol", hints))
    if m.behavioral:
        out.append("<h3>An outline for your story</h3>" + items("ol", [t(x) for x in m.behavioral.outline]))
    if m.case:
        out.append(f"<h3>Case study: {t(m.case.title)}</h3><p>{t(m.case.story)}</p>")
    cited = [
        f'<a href="{escape(library.sources[u.id].url)}">{t(library.sources[u.id].title)}</a>, '
        f"{t(library.sources[u.id].publisher)}. <em>Section used:</em> {t(u.section)}. "
        f"<em>Supports:</em> {t(u.supports)}"
        for u in m.sources
    ]
    out.append("<h3>Sources</h3>" + items("ol", cited))
    related = [
        f'<a href="{chapter_name(r)}">{t(library.by_id[r].meta.code)} · {t(library.by_id[r].meta.title)}</a>'
        for r in m.related
    ]
    out.append("<h3>Related scenarios</h3>" + items("ul", related))
    return "".join(out)


def chapter(s: Scenario, library: Library, site_url: str) -> str:
    """One guide: the question, the prose and the follow-up questions; then the answers."""
    m, area = s.meta, library.area_of[s.meta.area]
    questions = f"<h2>Question</h2><blockquote><p>{t(m.question)}</p></blockquote>{prose(s.body)}"
    questions += "<h2>Follow-up questions</h2>" + items("ol", [t(f.question) for f in m.follow_ups])
    if m.behavioral:
        questions += f"<h2>Tell me about a time</h2><blockquote><p>{t(m.behavioral.question)}</p></blockquote>"
    meta = f"{area.letter}. {t(area.title)} · {', '.join(m.levels)} · {m.minutes} minutes"
    online = f'<p class="meta"><a href="{escape(web_url(site_url, scenario_path(m.id)))}">This guide online</a></p>'
    body = (
        f'<h1>{t(m.code)} · {t(m.title)}</h1><p class="meta">{meta}</p>{questions}'
        f'<div class="answers"><h2>Answers</h2><p class="meta">Try the questions above first.</p>'
        f"{answers(s, library)}</div>{online}"
    )
    return page(f"{m.code} · {m.title}", body)


def page(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">'
        f'<head><meta charset="UTF-8" /><title>{t(title)}</title><link rel="stylesheet" href="style.css" /></head>'
        f"<body>{body}</body></html>\n"
    )


def title_page(library: Library) -> str:
    body = (
        f"<h1>{t(TITLE)}</h1><p>{len(library.scenarios)} guides to the interview questions that test operational "
        "judgement. Each chapter gives the question, the guide's prose and the follow-up questions first; the "
        "answers (outline, checklist, trade-offs, level signals, red flags, hints and sources) come after them, "
        "so you can answer before you read on.</p>"
    )
    return page(TITLE, body)


def nav(library: Library) -> str:
    areas = "".join(
        f"<li><span>{area.letter}. {t(area.title)}</span>"
        + items("ol", [f'<a href="{chapter_name(s.meta.id)}">{t(s.meta.code)} · {t(s.meta.title)}</a>' for s in ss])
        + "</li>"
        for area in library.areas
        if (ss := library.in_area(area.key))
    )
    about = '<li><a href="title.xhtml">About this book</a></li>'
    body = f'<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>{about}{areas}</ol></nav>'
    return page("Contents", body)


def package(library: Library, site_url: str, modified: str) -> str:
    chapters = [s.meta.id for s in library.in_order()]
    manifest = "".join(
        f'<item id="c-{sid}" href="{chapter_name(sid)}" media-type="application/xhtml+xml"/>' for sid in chapters
    )
    spine = "".join(f'<itemref idref="c-{sid}"/>' for sid in chapters)
    book_id = uuid.uuid5(uuid.NAMESPACE_URL, site_url)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="en">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="book-id">urn:uuid:{book_id}</dc:identifier><dc:title>{t(TITLE)}</dc:title>'
        "<dc:language>en</dc:language><dc:creator>Runway</dc:creator>"
        f'<meta property="dcterms:modified">{modified}</meta>'
        "</metadata><manifest>"
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="css" href="style.css" media-type="text/css"/>'
        '<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>'
        f'{manifest}</manifest><spine><itemref idref="title"/>{spine}</spine></package>\n'
    )


def modified_time() -> str:
    """The book's timestamp: SOURCE_DATE_EPOCH when set (reproducible builds), otherwise now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def epub_bytes(library: Library, site_url: str) -> bytes:
    """The .epub file: `mimetype` first and stored, then the container, package, navigation and chapters."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        files = {
            "META-INF/container.xml": CONTAINER,
            "OEBPS/content.opf": package(library, site_url, modified_time()),
            "OEBPS/nav.xhtml": nav(library),
            "OEBPS/style.css": CSS,
            "OEBPS/title.xhtml": title_page(library),
            **{f"OEBPS/{chapter_name(s.meta.id)}": chapter(s, library, site_url) for s in library.in_order()},
        }
        for name, text in files.items():
            book.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
