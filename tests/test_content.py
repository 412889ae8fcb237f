"""Editorial floors every scenario guide must meet (the scenario library standard)."""

import re
from collections import Counter

import pytest
import yaml

from macros.loader import load_library, scenario_files
from macros.models import LEVEL_KEYS, Library, Scenario
from tests.project import ROOT, SHARED

needs_shared = pytest.mark.shared  # reads ../shared (content map, verified registry), present on team machines and CI


def shared_text(name: str) -> str:
    """A file of the team's ../shared folder, or a failure that says what is missing and why it is needed."""
    path = SHARED / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: these checks need the team's shared folder beside the project (see README)")
    return path.read_text(encoding="utf-8")


def content_map_rows() -> list[tuple[str, str]]:
    text = shared_text("content-map.md")
    return re.findall(r"^\| ([A-G]\d+)\*? \| ([a-z0-9-]+) \|", text, re.M)


URL = re.compile(r"https?://[^\s)\"'<>]+")


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][\w'’.-]*", text))


def all_text(s: Scenario) -> str:
    """Every word a reader sees: the prose and every string in the front matter."""
    strings: list[str] = []

    def walk(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    walk(s.meta.model_dump(exclude={"id", "code", "area", "levels", "tags", "related", "aliases", "sources"}))
    return s.body + "\n" + "\n".join(strings)


def section(body: str, heading: str) -> str:
    match = re.search(rf"^## {heading}.*?$(.*?)(?=^## |\Z)", body, re.M | re.S)
    return match.group(1) if match else ""


ids = pytest.mark.parametrize("sid", [p.stem for p in scenario_files(ROOT / "scenarios")])


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(ROOT / "scenarios")


def scenario(library: Library, sid: str) -> Scenario:
    return library.by_id[sid]


@needs_shared
def test_every_content_map_row_is_a_scenario_with_its_code(library):
    rows = content_map_rows()
    have = {(s.meta.code, s.meta.id) for s in library.scenarios}
    missing = [row for row in rows if row not in have]
    assert len(rows) == 40
    assert not missing, f"content-map rows without a matching scenario: {missing}"


@ids
def test_why_interviewers_ask_is_at_least_150_words(sid, library):
    assert words(section(scenario(library, sid).body, "Why interviewers ask")) >= 150


@ids
def test_outline_has_five_phases_of_two_to_four_points(sid, library):
    outline = scenario(library, sid).meta.outline
    assert len(outline) >= 5
    assert all(2 <= len(phase.points) <= 4 for phase in outline), [p.title for p in outline]


@ids
def test_checklist_tradeoffs_flags_and_follow_ups_meet_floors(sid, library):
    m = scenario(library, sid).meta
    assert len(m.checklist) >= 8
    assert len(m.tradeoffs) >= 3
    assert len(m.red_flags) >= 3
    assert len(m.follow_ups) >= 4
    assert len(m.related) >= 2


@ids
def test_checklist_items_are_specific(sid, library):
    vague = [c.text for c in scenario(library, sid).meta.checklist if words(c.text) < 8]
    assert not vague, f"checklist items too short to act on: {vague}"


@ids
def test_signals_cover_every_level_with_two_each(sid, library):
    signals = scenario(library, sid).meta.signals
    for level in LEVEL_KEYS:
        assert len(getattr(signals, level)) >= 2, level


@ids
def test_behavioral_version_and_keywords_are_present(sid, library):
    m = scenario(library, sid).meta
    assert m.behavioral and len(m.behavioral.outline) >= 3
    assert len(m.keywords) >= 3


@ids
def test_at_least_three_distinct_sources(sid, library):
    assert len({u.id for u in scenario(library, sid).meta.sources}) >= 3


@ids
def test_length_is_900_to_2400_words(sid, library):
    assert 900 <= words(all_text(scenario(library, sid))) <= 2400


@ids
def test_two_minute_answer_is_a_field_not_prose(sid, library):
    s = scenario(library, sid)
    assert s.meta.two_minute_answer and 120 <= words(s.meta.two_minute_answer) <= 400
    assert "{#two-minute-answer}" not in s.body, "move the prose two-minute answer into two_minute_answer"


@ids
def test_at_least_four_numbers_and_knobs_with_units_or_defaults(sid, library):
    numbers = scenario(library, sid).meta.numbers
    assert len(numbers) >= 4
    assert all(re.search(r"\d", k.value) or k.source for k in numbers), "an example number needs digits"


@ids
def test_guide_carries_its_review_date(sid, library):
    assert scenario(library, sid).meta.reviewed is not None


NEW_ENTRY_FIELDS = ("evidence", "verified")


@ids
def test_no_url_outside_the_registry(sid, library):
    urls = {s.url for s in library.sources.values()}
    text = scenario(library, sid).path.read_text(encoding="utf-8")
    stray = [u.rstrip(".,;:") for u in URL.findall(text) if u.rstrip(".,;:") not in urls]
    assert not stray


def test_every_registry_entry_is_cited(library):
    cited = {u.id for s in library.scenarios for u in s.meta.sources}
    cited |= {s.meta.case.source for s in library.scenarios if s.meta.case}
    assert not sorted(set(library.sources) - cited)


@needs_shared
def test_registry_entries_match_the_shared_registry_or_carry_evidence(library):
    """An entry is a verified shared entry copied unchanged, or a new one with the evidence it was read."""
    registry = yaml.safe_load(shared_text("sources/verified.yaml"))
    shared = {e["id"]: e for e in registry["sources"]}
    unverified = {u.rstrip("/") for e in registry.get("unverified") or [] for u in URL.findall(str(e.get("url")))}
    for source in library.sources.values():
        if source.id in shared:
            for key, value in source.model_dump(exclude_none=True).items():
                assert shared[source.id][key] == value, f"{source.id}.{key} differs from the shared registry"
        else:
            assert source.url.rstrip("/") not in unverified, f"{source.id} is an unverified URL of the shared registry"
            assert source.evidence and source.verified, f"{source.id}: a new entry needs evidence and verified"
            assert re.match(r"\d{4}-\d{2}-\d{2}\b", source.verified), f"{source.id}: verified starts with the date read"
            assert len(source.evidence) <= 300


def test_registry_has_at_least_184_entries(library):
    assert len(library.sources) >= 184


def test_each_area_draws_on_three_publishers(library):
    for area in library.areas:
        publishers = Counter(library.sources[u.id].publisher for s in library.in_area(area.key) for u in s.meta.sources)
        assert len(publishers) >= 3, f"{area.key}: {sorted(publishers)}"
