"""The search index and first-visit figures of `make bench`: file sizes by library size, a first visit file by
file, and their goals. bench.py measures; this module turns the measures into BENCHMARKS.md tables."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import report

KB = 1000
INDEX = Path("search") / "search_index.json"
INDEX_BUDGET = 350 * KB  # the real library's index, uncompressed: half of what it was (711 KB)
GROWTH_LIMIT = 1.15  # bytes per guide at the largest size over the smallest: linear growth, with some slack
VISIT_BUDGET = 350 * KB  # a first visit to a guide, everything but the search index, uncompressed


def index_figures(site: Path, scenarios: int) -> dict:
    """The index of one built site: bytes as written, as gzip sends them, and per guide."""
    data = (site / INDEX).read_bytes()
    sent = len(gzip.compress(data, compresslevel=6))
    return {"scenarios": scenarios, "bytes": len(data), "gzip": sent, "per_guide": len(data) / scenarios}


def kb(n: float) -> str:
    return f"{n / KB:,.1f}"


def growth(rows: list[dict]) -> float:
    """Bytes per guide in the largest library over the smallest: 1.0 is exactly linear."""
    return rows[-1]["search"]["per_guide"] / rows[0]["search"]["per_guide"]


def index_table(rows: list[dict], real: dict) -> str:
    libraries = [(f"real, {real['scenarios']} guides", real)]
    libraries += [(f"synthetic, {r['size']:,}", r["search"]) for r in rows]
    lines = [[name, kb(f["bytes"]), kb(f["gzip"]), f"{f['per_guide']:,.0f}"] for name, f in libraries]
    return report.table(["library", "search_index.json (KB)", "sent gzip (KB)", "bytes per guide"], lines)


def kind(path: str) -> str:
    """Who a fetched file belongs to, for the first-visit table."""
    if re.search(r"assets/(stylesheets|javascripts|images)/", path):
        return "Material"
    return "page" if not re.search(r"\.(js|css|xml|png|svg)(\?|$)", path) else "Runway"


def visit_table(files: dict[str, tuple[int, int]]) -> str:
    """A first visit file by file, largest first, with a total."""
    rows = [[f"`{path.split('?')[0]}`", kind(path), kb(raw), kb(sent)] for path, (raw, sent) in files.items()]
    rows.sort(key=lambda row: -float(row[2].replace(",", "")))
    rows.append(["**total**", "", kb(sum(s[0] for s in files.values())), kb(sum(s[1] for s in files.values()))])
    return report.table(["file", "from", "KB", "sent gzip (KB)"], rows)


def goals(rows: list[dict], real: dict, visit: int) -> list[list[str]]:
    """Goal rows: the real index, linear growth and the first visit."""
    ratio = growth(rows)
    return [
        [
            "search index, real library",
            f"at most {kb(INDEX_BUDGET)} KB",
            f"{kb(real['bytes'])} KB",
            "met" if real["bytes"] <= INDEX_BUDGET else f"**missed** by {kb(real['bytes'] - INDEX_BUDGET)} KB",
        ],
        [
            f"search index growth, bytes per guide at {rows[-1]['size']:,} vs {rows[0]['size']:,}",
            f"at most {GROWTH_LIMIT}x (linear)",
            f"{ratio:.2f}x",
            "met" if ratio <= GROWTH_LIMIT else f"**missed** by {ratio - GROWTH_LIMIT:.2f}x",
        ],
        [
            "first visit to a scenario page, all but the search index",
            f"at most {kb(VISIT_BUDGET)} KB",
            f"{kb(visit)} KB",
            "met" if visit <= VISIT_BUDGET else f"**missed** by {kb(visit - VISIT_BUDGET)} KB",
        ],
    ]
