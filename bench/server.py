"""gunicorn serving the portal the way `make serve` does, on a free loopback
port: what the benchmark (bench/run.py) measures and the real-stack tests
(tests/realstack/) run against, started and stopped here for both.

Written here because no test or benchmark tool starts gunicorn for us: it runs
as a child process with gunicorn.conf.py, production settings from the
environment it is given, its own control socket and log file, and counts as
started once /readyz answers 200. It imports nothing from Django, so the
benchmark can use it before any settings are read.
"""

import contextlib
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_ready(base, process, log, timeout=30):
    """Until `base`/readyz answers 200; fails with the log's end if gunicorn
    exits or takes longer than `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{log.read_text()[-4000:]}")
        with contextlib.suppress(OSError, urllib.error.URLError):
            with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.2)
    raise AssertionError(
        f"gunicorn not ready in {timeout} s:\n{log.read_text()[-4000:]}"
    )


class Server:
    """gunicorn with gunicorn.conf.py and `env` (its BIND set to the port), on
    `port` or a free loopback port; its output in FOLDER/NAME.log, its control
    socket FOLDER/NAME.ctl (not the one in ~/.gunicorn that any other gunicorn
    on this machine uses too). Started and ready when made; stop() or the end
    of a `with` block stops it."""

    def __init__(
        self, folder, env, name="gunicorn", port=None, ready_timeout=30, stop_timeout=15
    ):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {**env, "BIND": f"127.0.0.1:{self.port}"}
        self.log = folder / f"{name}.log"
        self.stop_timeout = stop_timeout
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [
                    str(GUNICORN),
                    "-c",
                    "gunicorn.conf.py",
                    f"--control-socket={folder / f'{name}.ctl'}",
                    "portal.wsgi",
                ],
                cwd=REPO,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_until_ready(self.base, self.process, self.log, timeout=ready_timeout)
        except BaseException:
            self.stop()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=self.stop_timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines=40):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def workers(self):
        """The pids of the master's worker processes."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def worker_peak_mb(self):
        """Each worker's peak resident memory (VmHWM), in MiB."""
        peaks = {}
        for pid in self.workers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
            if match:
                peaks[pid] = round(int(match.group(1)) / 1024, 1)
        return peaks
