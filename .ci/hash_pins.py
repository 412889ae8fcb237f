"""Write the sha256 of every file pip may install for each pin in requirements.txt (`make pins`).

pip itself resolves the pins for each Python and Linux machine we support (`pip install --dry-run --report`,
no download of the packages) and reports the hash the registry publishes for the file it picked. The hashes
are merged per pin and written back, so `pip install --require-hashes -r requirements.txt` installs exactly
these files or nothing. Run it after changing a pin; never type a hash by hand.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements.txt"
PYTHONS = ("3.11.9", "3.12.8", "3.13.1")  # pymdown-extensions 13 needs 3.11.5 or later
MACHINES = {
    "x86_64": ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux1_x86_64"),
    "aarch64": ("manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64"),
}
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def resolve(pins: list[str], python: str, platforms: tuple[str, ...]) -> dict[str, set[str]]:
    """The sha256 of the file pip picks for each pin on one Python and machine, keyed by canonical name."""
    with tempfile.TemporaryDirectory() as tmp:
        report, target = Path(tmp) / "report.json", Path(tmp) / "target"
        (Path(tmp) / "pins.txt").write_text("\n".join(pins) + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--disable-pip-version-check"]
        command += ["--ignore-installed", "--no-deps", "--only-binary=:all:", f"--python-version={python}"]
        command += [f"--platform={p}" for p in platforms]
        command += ["--target", str(target), "--report", str(report), "-r", str(Path(tmp) / "pins.txt")]
        subprocess.run(command, check=True)
        found: dict[str, set[str]] = {}
        for item in json.loads(report.read_text(encoding="utf-8"))["install"]:
            digest = item["download_info"]["archive_info"]["hashes"]["sha256"]
            found.setdefault(canonical(item["metadata"]["name"]), set()).add(digest)
        return found


def main() -> None:
    lines = REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    pins = [m.group(0) for line in lines if (m := PIN.match(line))]
    hashes: dict[str, set[str]] = {}
    for python in PYTHONS:
        for platforms in MACHINES.values():
            for name, digests in resolve(pins, python, platforms).items():
                hashes.setdefault(name, set()).update(digests)
    body = []
    for pin in pins:
        digests = sorted(hashes[canonical(PIN.match(pin).group(1))])
        body.append(" \\\n".join([pin, *(f"    --hash=sha256:{d}" for d in digests)]))
    REQUIREMENTS.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")
    print(f"wrote {REQUIREMENTS.name}: {len(pins)} pins, {sum(len(h) for h in hashes.values())} hashes")


if __name__ == "__main__":
    main()
