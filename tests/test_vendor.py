"""Third-party front-end files in static/vendor/ are exact copies of the versions
pinned in package-lock.json (scripts/vendor copies them)."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "static" / "vendor"


def vendored_packages():
    return sorted(path.name for path in VENDOR.iterdir() if path.is_dir())


@pytest.mark.parametrize("package", vendored_packages())
def test_vendored_files_match_the_pinned_package(package):
    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = lock["packages"][f"node_modules/{package}"]["version"]
    assert (VENDOR / package / "VERSION").read_text().split() == [package, pinned]
    installed = ROOT / "node_modules" / package
    if not installed.exists():
        pytest.fail("node_modules is missing: run `npm ci` (make test does).")
    for copy in (VENDOR / package).iterdir():
        if copy.name == "VERSION":
            continue
        originals = list(installed.rglob(copy.name))
        assert any(o.read_bytes() == copy.read_bytes() for o in originals), copy.name
