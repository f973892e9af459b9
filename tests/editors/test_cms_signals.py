"""`tarkeissa cms` owns decap-server: SIGINT or SIGTERM stops both, also when the command runs as a
background job (which a shell starts with SIGINT ignored)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ROOT


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _background_job():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what `tarkeissa cms &` inherits from a shell


@pytest.mark.parametrize(
    ("signum", "background"),
    [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGTERM, True), (signal.SIGINT, True)],
)
def test_a_signal_stops_the_editor_and_decap_server(project, signum, background):
    site = project()
    command = [str(ROOT / ".venv/bin/tarkeissa"), "cms", "--port", "0", "--root", str(site.root)]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        preexec_fn=_background_job if background else None,  # noqa: PLW1509  signal() only, before exec
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        assert "The web editor:" in process.stdout.readline()
        servers = [
            child for child in _children(process.pid) if b"decap-server" in Path(f"/proc/{child}/cmdline").read_bytes()
        ]
        assert len(servers) == 1
        os.kill(process.pid, signum)
        assert process.wait(timeout=20) == 0
        for _ in range(100):
            if not _alive(servers[0]):
                break
            time.sleep(0.1)
        assert not _alive(servers[0]), "decap-server outlived tarkeissa cms"
    finally:
        if process.poll() is None:
            process.kill()
