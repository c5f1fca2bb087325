"""The layers (docs/architecture.md): every module imports only from its own
layer and the layers below it. import-linter walks the imports of every module
of portal, events and projects and checks the contract in pyproject.toml."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
# The project's wiring, above every layer; everything else in portal/ is in one.
WIRING = {"__init__", "settings", "urls", "wsgi", "asgi"}
LAYERS = {"core", "site", "opendata", "editorial", "ops"}


def test_no_module_imports_from_a_layer_above_or_beside_it(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True) == 0


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
