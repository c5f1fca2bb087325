"""A long stream tells gunicorn it is alive (portal/ops/heartbeat.py), through
the worker's notify() that gunicorn.conf.py's post_worker_init hands over."""

import runpy
from pathlib import Path

import pytest
from django.urls import reverse

from portal.ops import heartbeat
from tests.builders import make_event

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def beats(monkeypatch):
    calls = []
    monkeypatch.setattr(heartbeat, "_notify", lambda: calls.append(True))
    monkeypatch.setattr(heartbeat, "_last", 0.0)
    return calls


def test_beats_are_sent_at_most_once_an_interval(beats, monkeypatch):
    clock = iter([100.0, 100.2, 100.9, 101.1, 105.0])
    monkeypatch.setattr(heartbeat.time, "monotonic", lambda: next(clock))
    for _ in range(5):
        heartbeat.beat()
    assert len(beats) == 3  # at 100.0, 101.1 and 105.0


def test_outside_gunicorn_a_beat_does_nothing(monkeypatch):
    monkeypatch.setattr(heartbeat, "_notify", None)
    heartbeat.beat()


def test_the_gunicorn_hook_hands_over_the_worker_s_notify(monkeypatch):
    monkeypatch.setattr(heartbeat, "_notify", None)
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    class Worker:
        def notify(self):
            pass

    worker = Worker()
    conf["post_worker_init"](worker)
    assert heartbeat._notify == worker.notify


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        reverse("download", kwargs={"kind": "events", "fmt": "csv"}),
        reverse("download", kwargs={"kind": "events", "fmt": "json"}),
        reverse("event-calendar"),
    ],
)
def test_a_stream_beats_as_it_goes(client, beats, address):
    make_event(slug="talks")
    response = client.get(address)
    assert beats == []  # nothing read yet
    response.getvalue()
    assert beats
