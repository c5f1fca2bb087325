import json
import subprocess
import sys

import pytest
from django.utils.datastructures import CaseInsensitiveMapping

from tests.production.probe import ROOT, production_env


@pytest.fixture(scope="session")
def production(tmp_path_factory):
    """What tests/production/probe.py saw: responses and logs of the real settings
    under a production environment."""
    tmp_path = tmp_path_factory.mktemp("production")
    out = tmp_path / "probe.json"
    result = subprocess.run(
        [sys.executable, "-m", "tests.production.probe", str(out)],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(out.read_text())
    for answer in answers.values():
        if "headers" in answer:  # header names are case-insensitive
            answer["headers"] = CaseInsensitiveMapping(answer["headers"])
    return answers
