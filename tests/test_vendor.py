"""Vendored browser libraries are byte for byte the file of the npm package pinned in package.json."""

from __future__ import annotations

import json

import pytest

from tests.project import ROOT

VENDOR = ROOT / "docs" / "assets" / "vendor"
# file in docs/assets/vendor -> (npm package, its file)
VENDORED = {
    "iframe-worker-shim.js": ("iframe-worker", "shim/index.js"),
    "ts-fsrs.umd.js": ("ts-fsrs", "dist/index.umd.js"),
    "lz-string.min.js": ("lz-string", "libs/lz-string.min.js"),
    "qrcode-generator.js": ("qrcode-generator", "dist/qrcode.js"),
}
PINS = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]


@pytest.mark.parametrize("name", sorted(VENDORED))
def test_vendored_file_is_the_pinned_package_file(name):
    package, path = VENDORED[name]
    installed = ROOT / "node_modules" / package
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == PINS[package], (
        f"node_modules/{package} is not the pinned version: run 'npm ci'"
    )
    assert (VENDOR / name).read_bytes() == (installed / path).read_bytes(), (
        f"docs/assets/vendor/{name} differs from {package}@{PINS[package]}'s {path}: copy it again"
    )


def test_every_vendored_script_is_listed_and_pinned_exactly():
    assert {p.name for p in VENDOR.glob("*.js")} == set(VENDORED)
    for package, _ in VENDORED.values():
        assert PINS[package][0].isdigit(), f"{package} must be pinned to an exact version"
