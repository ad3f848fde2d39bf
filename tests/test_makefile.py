"""Makefile targets that no other test runs: `make mutate` (dry run only; a real run takes
minutes per module)."""

import re
import shutil
import subprocess

import pytest

from digiwelfare.config import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def mutate_plan(*args):
    """The modules and tests `make mutate` would use, from its dry run."""
    dry = subprocess.run(["make", "-n", "--no-print-directory", "-C", str(ROOT), "mutate", *args],
                         capture_output=True, text=True, check=True).stdout
    found = re.search(r'make mutate: (.+) against (.+) in build/mutation', dry)
    assert found, dry
    return found[1].split(), found[2].split(), dry


def test_mutate_defaults_to_existing_statistics_modules_and_their_tests():
    modules, tests, dry = mutate_plan()
    assert "src/digiwelfare/effects.py" in modules and "tests/test_effects.py" in tests
    for path in modules + tests:
        assert (ROOT / path).is_file(), path
    assert all(m.startswith("src/digiwelfare/") for m in modules)
    assert "> build/mutation/pyproject.toml" in dry  # mutmut's settings stay in the copy


def test_mutate_takes_one_module_and_only_its_tests():
    modules, tests, _ = mutate_plan("MUTATE=src/digiwelfare/effects.py")
    assert modules == ["src/digiwelfare/effects.py"] and tests == ["tests/test_effects.py"]


def test_what_mutmut_leaves_is_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "build/" in ignored and "mutants/" in ignored
