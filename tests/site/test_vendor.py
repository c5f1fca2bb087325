"""Third-party front-end files in static/vendor/ are exact copies of the versions
pinned in package-lock.json (scripts/vendor copies them)."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "static" / "vendor"

# Files on disk, whatever the database engine: CI checks them once.
pytestmark = pytest.mark.single_pass


def vendored_packages():
    return sorted(path.name for path in VENDOR.iterdir() if path.is_dir())


def test_the_map_libraries_are_vendored():
    assert {"leaflet", "leaflet.markercluster"} <= set(vendored_packages())


def test_swagger_ui_is_vendored_for_the_api_docs():
    files = {path.name for path in (VENDOR / "swagger-ui-dist").iterdir()}
    assert {"swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"} <= files
    # The stylesheet names its source map; collectstatic needs the file beside it.
    css = (VENDOR / "swagger-ui-dist" / "swagger-ui.css").read_text()
    if "sourceMappingURL=swagger-ui.css.map" in css:
        assert "swagger-ui.css.map" in files


@pytest.mark.parametrize("package", vendored_packages())
def test_vendored_files_match_the_pinned_package(package):
    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = lock["packages"][f"node_modules/{package}"]["version"]
    manifest = json.loads((ROOT / "package.json").read_text())
    # Exact versions only: what is vendored is what package.json names.
    assert manifest["devDependencies"][package] == pinned
    assert (VENDOR / package / "VERSION").read_text().split() == [package, pinned]
    installed = ROOT / "node_modules" / package
    if not installed.exists():
        pytest.fail("node_modules is missing: run `npm ci` (make test does).")
    installed_version = json.loads((installed / "package.json").read_text())
    assert installed_version["version"] == pinned, "run `npm ci`"
    copies = [path for path in (VENDOR / package).rglob("*") if path.is_file()]
    for copy in copies:
        if copy.name == "VERSION":
            continue
        # A copy keeps the folders it sits in (leaflet's images/), so an original
        # must end with the same relative path.
        relative = copy.relative_to(VENDOR / package)
        originals = [
            original
            for original in installed.rglob(copy.name)
            if original.parts[-len(relative.parts) :] == relative.parts
        ]
        assert any(o.read_bytes() == copy.read_bytes() for o in originals), relative


@pytest.mark.parametrize(
    "stylesheet",
    ["vendor/leaflet/leaflet.css", "vendor/leaflet.markercluster/MarkerCluster.css"],
)
def test_vendored_stylesheets_point_at_hashed_files_that_exist(stylesheet):
    # collectstatic (run at the start of the test session) rewrote each relative
    # url(images/…) to the hashed name; every one must be a file it wrote.
    hashed_css = Path(
        staticfiles_storage.path(staticfiles_storage.stored_name(stylesheet))
    )
    targets = [
        target
        for target in re.findall(
            r"url\(['\"]?([^'\")]+)['\"]?\)", hashed_css.read_text()
        )
        if not target.startswith(("#", "data:"))
    ]
    if stylesheet.endswith("leaflet.css"):
        assert len(targets) == 3  # layers.png, layers-2x.png, marker-icon.png
    for target in targets:
        assert re.search(r"\.[0-9a-f]{12}\.png$", target), target
        assert (hashed_css.parent / target).is_file(), target
