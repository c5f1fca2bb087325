"""A stand-in for node_modules/.bin/lighthouse in tests/bench: writes the saved
report for the URL it is given (accessibility 93 on the Chinese home page on
mobile, so a run has one miss) and logs its arguments to $FAKE_LIGHTHOUSE_LOG."""

import json
import os
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "lighthouse-mobile-home.json"

url, options = sys.argv[1], sys.argv[2:]
report = json.loads(FIXTURE.read_text())
report["requestedUrl"] = url
if url.endswith("/zh-hans/") and "--preset=desktop" not in options:
    report["categories"]["accessibility"]["score"] = 0.93
    report["audits"]["color-contrast"]["score"] = 0
output = next(o.split("=", 1)[1] for o in options if o.startswith("--output-path="))
Path(output).write_text(json.dumps(report))
with open(os.environ["FAKE_LIGHTHOUSE_LOG"], "a") as log:
    log.write(json.dumps([url, options, os.environ["CHROME_PATH"]]) + "\n")
