"""`make bench`: build scaling, overhead against plain Material and Markdown, page weight and Lighthouse."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(1, str(ROOT))

import library  # noqa: E402
import lighthouse  # noqa: E402
import plain  # noqa: E402
import report  # noqa: E402
import search_figures  # noqa: E402
import weight  # noqa: E402
from serve import GzipHandler  # noqa: E402

from tests.browser import free_port, launch, serve  # noqa: E402
from tests.project import build_command, make_project  # noqa: E402

SIZES = (40, 400, 2000)
REPEATS = {40: 3, 400: 3, 2000: 1}  # builds per size; the median is reported
KB = 1000
OUTPUT = ROOT / "BENCHMARKS.md"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> Run:
    """Wall time and peak resident memory of one process; exits with its output if it fails."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            log.seek(0)
            sys.exit(f"failed: {' '.join(command)}\n{log.read().decode(errors='replace')[-4000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def mkdocs_build(config: Path, site: Path, **env: str) -> Run:
    """A strict, quiet `mkdocs build`, as `make build` runs it."""
    return timed(
        build_command(config, site),
        config.parent,
        {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RUNWAY_OFFLINE": "false", **env},
    )


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def first_scenario(site: Path) -> str:
    return json.loads((site / "catalog.json").read_text(encoding="utf-8"))["scenarios"][0]["url"]


def html_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def site_figures(site: Path) -> dict:
    pages = [p.stat().st_size for p in site.glob("scenarios/*/index.html")]
    return {
        "site": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "page_mean": statistics.mean(pages),
        "page_max": max(pages),
        "index": (site / "search" / "search_index.json").stat().st_size,
    }


def scaling(size: int, browser) -> dict:
    """Ours, plain Material and Markdown alone on one synthetic library of `size` scenarios."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = library.synthetic(size)
        (tmp / "project").mkdir()
        project = make_project(tmp / "project", files)
        mkdocs_build(plain.dump_config(project), tmp / "dump-site", RUNWAY_BENCH_DUMP=str(tmp / "plain"))
        plain_config = plain.plain_config(project, tmp / "plain")
        ours, floor = [], []
        for _ in range(REPEATS[size]):  # interleaved, so drift on the machine hits both alike
            ours.append(mkdocs_build(project / "mkdocs.yml", tmp / "site"))
            floor.append(mkdocs_build(plain_config, tmp / "plain-site"))
        if html_pages(tmp / "plain-site") != html_pages(tmp / "site"):
            sys.exit("the plain build does not have the same pages as ours; the comparison would be wrong")
        markdown = statistics.median(plain.markdown_only(plain_config, tmp / "md") for _ in range(REPEATS[size]))
        with serve(tmp / "site", handler=GzipHandler) as base:
            visit = weight.first_visit(browser, base + first_scenario(tmp / "site"))
        return {
            "size": size,
            "ours": median(ours),
            "plain": median(floor),
            "markdown": markdown,
            "visit": visit,
            "file_mean": statistics.mean(len(t.encode()) for t in files.values()),
            "search": search_figures.index_figures(tmp / "site", size),
            **site_figures(tmp / "site"),
        }


def real_site(browser) -> tuple[dict, dict, float, dict]:
    """Page weight, Lighthouse scores and search index of the real site, served (gzip) at the URL it was built for."""
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        mkdocs_build(ROOT / "mkdocs.yml", site, RUNWAY_SITE_URL=f"http://127.0.0.1:{port}/")
        pages = {"home": "", "scenario": first_scenario(site)}
        index = search_figures.index_figures(site, len(json.loads((site / "catalog.json").read_bytes())["scenarios"]))
        with serve(site, port, handler=GzipHandler) as base:
            weights = {name: weight.first_visit(browser, base + path) for name, path in pages.items()}
            scores = {
                (name, form): lighthouse.median_scores(base + path, form)
                for name, path in pages.items()
                for form in ("desktop", "mobile")
            }
    real_files = [p.stat().st_size for p in library.SCENARIOS.glob("[!_]*.md")]
    return weights, scores, statistics.mean(real_files), index


def kb(n: float) -> str:
    return f"{n / KB:,.1f}"


def goal(name: str, target: str, measured: str, met: bool, by: str = "") -> list[str]:
    return [name, target, measured, "met" if met else f"**missed** {by}".strip()]


def render(machine: dict, rows: list[dict], weights: dict, scores: dict, real_file_mean: float, index: dict) -> str:
    by_size = {r["size"]: r for r in rows}
    big, mid = by_size[max(SIZES)], by_size[SIZES[1]]
    worst_ratio = max(r["ours"].seconds / r["plain"].seconds for r in rows)
    worst_page = max(r["page_max"] for r in rows)
    visit = weights["scenario"].total
    growth = big["ours"].seconds / mid["ours"].seconds
    desktop = [v for (page, form), s in scores.items() if form == "desktop" for v in s.values()]
    mobile = [v for (page, form), s in scores.items() if form == "mobile" for v in s.values()]
    out = "## Machine\n\n" + report.table(["", ""], [[k, v] for k, v in machine.items()])
    out += (
        f"\nSynthetic libraries are made from `scenarios/_template.md` and filled to the mean shape of the real guides "
        f"(mean file {kb(rows[0]['file_mean'])} KB synthetic, {kb(real_file_mean)} KB real). KB = 1,000 bytes. "
        f"Times are the median of {REPEATS[SIZES[0]]} builds ({REPEATS[max(SIZES)]} at {max(SIZES):,}), each a fresh "
        "`mkdocs build --strict` process; peak memory is that process's maximum resident set.\n"
    )
    out += "\n## 1. Build scaling\n\n" + report.table(
        [
            "scenarios",
            "build (s)",
            "peak memory (MB)",
            "site (MB)",
            "scenario page HTML, mean / max (KB)",
            "search index (KB)",
            "first visit to a scenario page, all but the index (KB)",
        ],
        [
            [
                f"{r['size']:,}",
                f"{r['ours'].seconds:.1f}",
                f"{r['ours'].peak_mb:.0f}",
                f"{r['site'] / KB / KB:.1f}",
                f"{kb(r['page_mean'])} / {kb(r['page_max'])}",
                kb(r["index"]),
                kb(r["visit"].total),
            ]
            for r in rows
        ],
    )
    out += "\n## 2. Overhead against plain Material and Markdown alone\n\n" + report.table(
        [
            "scenarios",
            "ours (s)",
            "plain Material (s)",
            "Markdown only (s)",
            "ours / plain Material",
            "ours / Markdown only",
        ],
        [
            [
                f"{r['size']:,}",
                f"{r['ours'].seconds:.1f}",
                f"{r['plain'].seconds:.1f}",
                f"{r['markdown']:.1f}",
                f"{r['ours'].seconds / r['plain'].seconds:.2f}x",
                f"{r['ours'].seconds / r['markdown']:.1f}x",
            ]
            for r in rows
        ],
    )
    out += (
        "\nPlain Material: every page's final Markdown (after our hook and macros) written out, then built by MkDocs "
        "with the same theme, features, Markdown extensions and plugins, minus the hook and mkdocs-macros. "
        "Markdown only: Python-Markdown with the same extensions converting the same pages in one process.\n"
    )
    out += "\n## 3. Page weight: first visit, empty cache (real site)\n\n" + report.table(
        [
            "page",
            "HTML (KB)",
            "everything but the search index (KB)",
            "same, sent gzip (KB)",
            "search index (KB)",
            "requests",
        ],
        [
            [name, kb(w.html), kb(w.total), kb(w.transferred), kb(w.search_index), w.requests]
            for name, w in weights.items()
        ],
    )
    out += "\nThe first visit to the scenario page above, file by file (a worker script reads 0 sent: Chromium does "
    out += "not report its transfer size):\n\n" + search_figures.visit_table(weights["scenario"].files)
    out += "\n## 4. Search index\n\n" + search_figures.index_table(rows, index)
    out += (
        "\nOne document per guide (macros/search_index.py): its title, question, keywords, summary and tags, and "
        "every other word of the page once. The web build fetches it when a page opens; the offline build inlines "
        "the same index in `search/search_index.js`.\n"
    )
    out += f"\n## 5. Lighthouse 12.2.3 (real site, median of {lighthouse.RUNS} runs)\n\n" + report.table(
        ["page", "form factor", *lighthouse.CATEGORIES],
        [[page, form, *s.values()] for (page, form), s in scores.items()],
    )
    out += (
        "\nThe site is served from loopback by bench/serve.py, which gzips text as any production host does, "
        "and built with `site_url` set to the address it is served from.\n"
    )
    out += "\n## Goals\n\n" + report.table(
        ["goal", "target", "measured", "result"],
        [
            goal(
                "build overhead against plain Material",
                "at most 1.25x",
                f"{worst_ratio:.2f}x (worst size)",
                worst_ratio <= 1.25,
                f"by {worst_ratio / 1.25 - 1:.0%}",
            ),
            goal(
                f"build of {max(SIZES):,} scenarios",
                "under 60 s",
                f"{big['ours'].seconds:.1f} s",
                big["ours"].seconds < 60,
                f"by {big['ours'].seconds - 60:.1f} s",
            ),
            goal(
                f"time growth {max(SIZES):,} vs {SIZES[1]}",
                "at most 6x",
                f"{growth:.1f}x",
                growth <= 6,
                f"by {growth - 6:.1f}x",
            ),
            goal(
                "scenario page HTML, every size",
                "at most 60 KB",
                f"{kb(worst_page)} KB (largest)",
                worst_page <= 60 * KB,
                f"by {kb(worst_page - 60 * KB)} KB",
            ),
            *search_figures.goals(rows, index, visit),
            goal(
                "Lighthouse, desktop",
                "100 in all four",
                f"lowest {min(desktop)}",
                min(desktop) == 100,
                f"by {100 - min(desktop)}",
            ),
            goal(
                "Lighthouse, mobile",
                "at least 95 in all four",
                f"lowest {min(mobile)}",
                min(mobile) >= 95,
                f"by {95 - min(mobile)}",
            ),
        ],
    )
    return out


def main() -> None:
    machine = report.machine()
    print("Machine:", ", ".join(f"{k} {v}" for k, v in machine.items()), flush=True)
    rows = []
    with launch() as browser:
        for size in SIZES:
            rows.append(scaling(size, browser))
            r = rows[-1]
            print(
                f"{size:>5} scenarios: ours {r['ours'].seconds:.1f} s, plain Material {r['plain'].seconds:.1f} s, "
                f"Markdown only {r['markdown']:.1f} s, peak {r['ours'].peak_mb:.0f} MB, "
                f"page max {kb(r['page_max'])} KB, "
                f"index {kb(r['index'])} KB, first visit {kb(r['visit'].total)} KB",
                flush=True,
            )
        weights, scores, real_file_mean, index = real_site(browser)
    for name, w in weights.items():
        print(f"real {name}: HTML {kb(w.html)} KB, all but index {kb(w.total)} KB ({kb(w.transferred)} KB sent)")
    for (page, form), s in scores.items():
        print(f"Lighthouse {page} {form}: {s}")
    report.write(OUTPUT, render(machine, rows, weights, scores, real_file_mean, index))
    print(f"Wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
