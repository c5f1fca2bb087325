"""PostgreSQL stopped under a running gunicorn: pages answer 503 with Retry-After
within seconds, the health probes say what is up, the site recovers by itself
when the database is back, and no write is lost or half done.

The writes are what an editor does: adding an organisation, with its texts in
three languages and a citation row, through the admin over HTTP (signed-in
session, CSRF token). Each save is one transaction holding the record, its
citation and their reversion versions, so after the outage every organisation
must have all of them, and every save the server answered with success must be
there.
"""

import contextlib
import re
import threading
import time
from dataclasses import dataclass, field

import pytest
import requests

from tests.realstack.conftest import Editor, form_fields

pytestmark = [pytest.mark.realstack, pytest.mark.xdist_group("realstack")]

# The longest a page may take to answer while the database is down.
OUTAGE_ANSWER_SECONDS = 5
RECOVERY_SECONDS = 10
NAME = "Outage Test Organisation"


class OrganisationEditor(Editor):
    """An editor adding organisations, each with a citation."""

    def organisation_form(self, source_id):
        """The add form's fields, with one citation row filled in."""
        page = self.http.get(f"{self.base}/admin/portal/organization/add/", timeout=10)
        assert page.status_code == 200, page.status_code
        fields, options = form_fields(page.text, "organization_form")
        for name in [name for name in fields if "__prefix__" in name]:
            value = fields.pop(name)
            fields[name.replace("__prefix__", "0")] = value
        prefix = next(
            name.removesuffix("-TOTAL_FORMS")
            for name in fields
            if name.endswith("-TOTAL_FORMS") and "citation" in name
        )
        fields[f"{prefix}-TOTAL_FORMS"] = "1"
        fields[f"{prefix}-0-source"] = str(source_id)
        fields[f"{prefix}-0-quote"] = "Quoted during the outage test."
        fields.setdefault(f"{prefix}-0-position", "0")
        # The first kind of organisation the list offers.
        fields["kind"] = next(value for value in options["kind"] if value)
        return fields

    def add_organisation(self, template, number):
        fields = dict(template)
        fields.update(
            {
                "csrfmiddlewaretoken": self.csrf_token,
                "name_en": f"{NAME} {number}",
                "name_az": f"Sınaq təşkilatı {number}",
                "name_zh_hans": f"测试组织 {number}",
                "slug": f"outage-test-organisation-{number}",
                "_save": "Save",
            }
        )
        return self.http.post(
            f"{self.base}/admin/portal/organization/add/",
            data=fields,
            timeout=15,
            allow_redirects=False,
        )


@dataclass
class Attempt:
    number: int
    status: int | None
    seconds: float
    error: str = ""
    location: str = ""
    started: float = 0.0  # time.monotonic() when it was sent

    @property
    def succeeded(self):
        # The admin redirects to the list after a save; the form again means it
        # was refused, and a redirect elsewhere (sign-in) is no save either.
        return self.status == 302 and self.location.endswith(
            "/admin/portal/organization/"
        )


@dataclass
class Writer:
    editor: Editor
    template: dict
    attempts: list = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self):
        number = 0
        while not self.stop.is_set():
            number += 1
            started = time.monotonic()
            try:
                response = self.editor.add_organisation(self.template, number)
                attempt = Attempt(
                    number,
                    response.status_code,
                    0,
                    location=response.headers.get("Location", "").split("?")[0],
                )
                if response.status_code == 200:
                    attempt.error = "form refused; fields: " + ", ".join(
                        re.findall(r'id="id_([\w-]+)_error"', response.text)
                    )
            except requests.RequestException as error:
                attempt = Attempt(number, None, 0, type(error).__name__)
            attempt.seconds = time.monotonic() - started
            attempt.started = started
            self.attempts.append(attempt)
            time.sleep(0.05)

    def successes(self):
        return [a for a in self.attempts if a.succeeded]


def wait_for(condition, timeout, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def timed_get(url):
    started = time.monotonic()
    response = requests.get(url, timeout=OUTAGE_ANSWER_SECONDS + 5)
    return response, time.monotonic() - started


def stored_organisations(cluster):
    """Each test organisation with its translations, citations and versions."""
    with cluster.connect() as db:
        rows = db.execute(
            """
            SELECT o.id, o.name_en, o.name_az, o.name_zh_hans,
                (SELECT count(*) FROM portal_citation c
                  WHERE c.content_type_id = ct.id AND c.object_id = o.id),
                (SELECT count(*) FROM reversion_version v
                  WHERE v.content_type_id = ct.id AND v.object_id = o.id::text),
                (SELECT count(*) FROM reversion_version v
                  JOIN portal_citation c ON v.object_id = c.id::text
                  JOIN django_content_type cct ON v.content_type_id = cct.id
                  WHERE cct.app_label = 'portal' AND cct.model = 'citation'
                    AND c.content_type_id = ct.id AND c.object_id = o.id)
            FROM portal_organization o, django_content_type ct
            WHERE ct.app_label = 'portal' AND ct.model = 'organization'
              AND o.name_en LIKE %s
            """,
            [f"{NAME} %"],
        ).fetchall()
    return {int(row[1].rsplit(" ", 1)[1]): row for row in rows}


def test_a_database_outage_answers_503_and_loses_no_write(stack):
    base, cluster = stack.base, stack.cluster
    home = requests.get(f"{base}/en/", timeout=10)
    assert home.status_code == 200

    with cluster.connect() as db:
        source_id = db.execute("SELECT min(id) FROM portal_source").fetchone()[0]
    editor = OrganisationEditor(base, *stack.editor)
    writer = Writer(editor, editor.organisation_form(source_id))
    thread = threading.Thread(target=writer.run, daemon=True)
    thread.start()
    outage = []
    try:
        assert wait_for(
            lambda: (
                len(writer.successes()) >= 3
                or any(a.status == 200 for a in writer.attempts)
            ),
            30,
        )
        assert len(writer.successes()) >= 3, writer.attempts[:3]
        before = len(writer.attempts)
        cluster.stop("immediate")
        stopped_at = time.monotonic()

        # While it is down: 503 with Retry-After, quickly, on every try.
        for _ in range(5):
            page, seconds = timed_get(f"{base}/en/")
            events, events_seconds = timed_get(f"{base}/en/events/")
            health, _ = timed_get(f"{base}/healthz")
            ready, _ = timed_get(f"{base}/readyz")
            outage.append((page, seconds, events, events_seconds, health, ready))
            time.sleep(0.3)
        assert wait_for(lambda: len(writer.attempts) >= before + 3, 20)
        during = len(writer.attempts)

        cluster.start()
        restarted_at = time.monotonic()
        assert wait_for(
            lambda: requests.get(f"{base}/en/", timeout=10).status_code == 200,
            RECOVERY_SECONDS,
        ), "the site did not recover without a restart"
        recovered = time.monotonic() - restarted_at
        count = len(writer.successes())
        assert wait_for(lambda: len(writer.successes()) >= count + 3, 30)
    finally:
        writer.stop.set()
        thread.join(timeout=30)
        with contextlib.suppress(Exception):
            cluster.start()

    for page, seconds, events, events_seconds, health, ready in outage:
        assert page.status_code == 503, page.status_code
        assert events.status_code == 503, events.status_code
        assert page.headers.get("Retry-After", "").isdigit()
        assert events.headers.get("Retry-After", "").isdigit()
        assert max(seconds, events_seconds) < OUTAGE_ANSWER_SECONDS
        assert health.status_code == 200
        assert ready.status_code == 503
    slowest = max(max(entry[1], entry[3]) for entry in outage)

    # Writes: every save answered with success is there, whole; no failed save
    # left a piece of itself.
    stored = stored_organisations(cluster)
    succeeded = {a.number for a in writer.successes()}
    # Only the saves sent and answered while it was down: one sent just before
    # the stop may find the database gone halfway (Django's database sessions
    # then answer 400, "session deleted"); whether its row was stored is
    # checked below with the rest.
    failed_during_outage = [
        a
        for a in writer.attempts[before:during]
        if not a.succeeded
        and a.started >= stopped_at
        and a.started + a.seconds <= restarted_at
    ]
    assert failed_during_outage, "no write was tried while the database was down"
    # Refused with the outage answer, not a server error or a hang.
    assert {a.status for a in failed_during_outage} == {503}, failed_during_outage
    refused = [a for a in writer.attempts if a.status == 200]
    assert not refused, refused[0].error
    assert succeeded <= stored.keys(), sorted(succeeded - stored.keys())
    for number, (
        _,
        name_en,
        name_az,
        name_zh,
        citations,
        versions,
        cited,
    ) in stored.items():
        assert name_en == f"{NAME} {number}"
        assert name_az == f"Sınaq təşkilatı {number}"
        assert name_zh == f"测试组织 {number}"
        assert citations == 1, f"organisation {number} has {citations} citations"
        assert versions == 1, f"organisation {number} has {versions} versions"
        assert cited == 1, f"the citation of organisation {number} has no version"
    # Numbers for the report (shown with -s or on failure).
    print(
        f"\noutage: {len(writer.attempts)} saves tried, {len(succeeded)} succeeded, "
        f"{len(failed_during_outage)} failed while down, "
        f"{len(stored.keys() - succeeded)} stored despite an error answer; "
        f"slowest 503 {slowest:.3f} s; recovered {recovered:.2f} s after restart "
        f"({restarted_at - stopped_at:.1f} s down)"
    )
