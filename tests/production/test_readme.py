"""The README's Production section documents every environment variable the
settings and the gunicorn configuration read, one table row each."""

import re

import pytest

from tests.production.probe import ROOT

# Text files, whatever the database engine: CI checks them once.
pytestmark = pytest.mark.single_pass

READS = re.compile(r"(?:env_\w+|os\.environ\.get|_int)\(\s*\"([A-Z][A-Z0-9_]*)\"")


def variables_read():
    names = set()
    for path in ("portal/settings.py", "gunicorn.conf.py"):
        names |= set(READS.findall((ROOT / path).read_text(encoding="utf-8")))
    return names


def production_rows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Production\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", section, re.MULTILINE)


def test_every_variable_is_documented_once_in_the_production_table():
    rows = production_rows()
    assert len(variables_read()) > 20  # the pattern still finds them
    assert sorted(variables_read() - set(rows)) == []
    assert sorted({name for name in rows if rows.count(name) > 1}) == []
