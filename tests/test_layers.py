"""The layers (docs/architecture.md): every module imports only from its own
layer and the layers below it. import-linter walks the imports of every module
of portal, events and projects and checks the contract in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

import pytest

# Imports, whatever the database engine: CI checks them once.
pytestmark = pytest.mark.single_pass

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
# The project's wiring, above every layer; everything else in portal/ is in one.
WIRING = {"__init__", "settings", "urls", "wsgi", "asgi"}
LAYERS = {"core", "site", "opendata", "editorial", "ops", "search"}


def test_no_module_imports_from_a_layer_above_or_beside_it():
    # In a process of its own, as CI runs it: import-linter's command sets up
    # logging with dictConfig's default disable_existing_loggers=True, which
    # in this process would silence every logger the tests after it read.
    lint = subprocess.run(
        [Path(sys.executable).with_name("lint-imports"), "--no-cache", PYPROJECT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "0 broken" in lint.stdout


def test_every_module_of_the_portal_package_is_in_a_layer():
    """A module left at the top of portal/ would escape the contract."""
    outside = [
        path.name
        for path in ROOT.joinpath("portal").iterdir()
        if path.name not in ("__pycache__", "seed")
        and not (path.suffix == ".py" and path.stem in WIRING)
        and not (path.is_dir() and path.name in LAYERS)
    ]
    assert outside == []


# The suite's folders: one per layer of the code, and the runs that cross every
# layer at once (a browser, real servers, production settings, attacks, the
# benchmark's own scripts).
TEST_LAYERS = LAYERS | {"events", "projects"}
ACROSS = {"e2e", "realstack", "production", "safety", "bench"}
# Tests of the layout itself and of the suite's shared fixtures.
TOP = {"test_layers.py", "test_recipes.py", "test_conftest.py"}


def test_the_tests_are_filed_by_the_layer_they_test():
    """A test file lands in the folder of the layer it tests (CONTRIBUTING.md),
    so that a layer's tests can be run, read and timed alone."""
    tests = ROOT / "tests"
    misplaced = sorted(
        str(path.relative_to(tests))
        for path in tests.rglob("test_*.py")
        if (path.parent == tests and path.name not in TOP)
        or (
            path.parent != tests
            and path.relative_to(tests).parts[0] not in TEST_LAYERS | ACROSS
        )
    )
    assert misplaced == []
    assert {path.name for path in tests.iterdir() if path.is_dir()} - {
        "__pycache__"
    } == TEST_LAYERS | ACROSS
