"""environment.yml (conda, Binder) and requirements.lock (make env) pin the same versions."""

import re

import yaml

from digiwelfare.config import ROOT


def lock_pins():
    lines = (ROOT / "requirements.lock").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_lock_pins_every_package_exactly():
    pins = lock_pins()
    assert len(pins) > 50
    for pin in pins:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+!\-]+", pin), pin


def test_design_packages_are_locked():
    names = {pin.split("==")[0].lower() for pin in lock_pins()}
    assert {"jupyterlab", "pandas", "nltk", "gensim", "seaborn", "papermill", "nbval"} <= names
    wanted = [line.split("#")[0].strip().lower()
              for line in (ROOT / "requirements.in").read_text().splitlines()]
    assert {w for w in wanted if w} <= names


def test_environment_yml_agrees_with_the_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert [p for p in pip if "==" in p] == lock_pins()
    assert "python=3.11" in env["dependencies"]
