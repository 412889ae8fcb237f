"""What CI installs and runs is pinned to exact bytes: Python packages by sha256, workflow actions by commit."""

from __future__ import annotations

import re

import yaml

from tests.project import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_every_python_pin_carries_its_hashes_and_make_requires_them():
    entries = re.split(r"\n(?=[A-Za-z])", (ROOT / "requirements.txt").read_text(encoding="utf-8").split("\n\n")[0])
    pins = [e for e in entries if re.match(r"[A-Za-z0-9_.-]+==", e)]
    assert pins and all(re.search(r"--hash=sha256:[0-9a-f]{64}", pin) for pin in pins), "run 'make pins'"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --disable-pip-version-check -q --require-hashes -r requirements.txt" in makefile


def test_every_action_is_pinned_by_commit_and_checkout_keeps_no_token():
    for workflow in WORKFLOWS:
        jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values()
        steps = [step for job in jobs for step in job["steps"]]
        for step in steps:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False


def test_run_sh_says_loudly_when_it_cannot_cut_the_network():
    script = (ROOT / "tests" / "run.sh").read_text(encoding="utf-8")
    assert "WARNING: the network is NOT cut" in script and ">&2" in script
