"""`make cms`: the built site on a loopback port with the web editor writing into the working tree.

decap-server (from node_modules, pinned) edits the files of a project folder; this server serves the
built site and hands /api/v1 to decap-server, so the editor's Content-Security-Policy needs no other
origin than its own ('self'). Both listen on loopback only.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import http.client
import http.server
import json
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from ..content.file_policy import ASSET_TYPES
from .cms_config import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
API = "/api/v1"


def _is_media(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() in ASSET_TYPES


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class _Handler(http.server.SimpleHTTPRequestHandler):
    api_port = 0
    extensions_map: dict[str, str] = {  # noqa: RUF012  the base class declares it per instance; this is its own
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".yml": "text/yaml; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
    }

    def do_POST(self) -> None:
        if self.path != API:
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            request = json.loads(body)
        except ValueError:
            self.send_error(400)
            return
        action = request.get("action") if isinstance(request, dict) else None
        params = request.get("params") or {} if isinstance(request, dict) else {}
        if action == "persistMedia" and not _is_media(str((params.get("asset") or {}).get("path", ""))):
            self.send_error(403, "only images and documents are media")
            return
        # the media library deletes with deleteFile(s), as Decap deletes an entry: only media are deleted here,
        # never a content file (.md, .yml); an entry is removed in git, by a pull request
        deleted = (
            [params.get("path")] if action == "deleteFile" else params.get("paths") if action == "deleteFiles" else []
        )
        if not isinstance(deleted, list) or not all(isinstance(path, str) and _is_media(path) for path in deleted):
            self.send_error(403, "only media files are deleted here")
            return
        connection = http.client.HTTPConnection("127.0.0.1", self.api_port, timeout=60)
        connection.request("POST", API, body, {"Content-Type": "application/json"})
        answer = connection.getresponse()
        data = answer.read()
        if action == "getMedia" and answer.status == 200:
            # the media library lists the entries' folder: it never shows (so never deletes) a content file
            files = json.loads(data)
            data = json.dumps([item for item in files if _is_media(str(item.get("path", "")))]).encode()
        status = answer.status
        if action == "getEntry" and status == 200 and _missing(data):
            # decap-server answers a missing file with empty data; GitHub answers 404, and Decap opens an
            # entry whose default language's file is missing only on a refusal (TTDefaultEntry). Without it,
            # the missing language's pane opened empty and its empty lists were copied over the other's.
            status, data = 404, json.dumps({"error": f"{params.get('path')} not found"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", answer.getheader("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def _missing(answer: bytes) -> bool:
    """decap-server's answer to getEntry for a file that is not there: {"data": null, ...}."""
    try:
        entry = json.loads(answer)
    except ValueError:
        return False
    return isinstance(entry, dict) and entry.get("data") is None


def _end_with_parent() -> None:
    """In the child: Linux sends it SIGTERM when the process that started it dies, even by SIGKILL."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the parent's signal handlers still stop it
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@contextmanager
def decap_server(project: Path, port: int) -> Iterator[None]:
    """decap-server editing `project` (files only, never a commit: MODE=fs) on a loopback port."""
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(project),
        "MODE": "fs",
        "LOG_LEVEL": "error",
    }
    # preexec_fn only calls prctl (no lock, no allocation), so the fork-with-threads hazard does not apply.
    process = subprocess.Popen(
        ["node", str(DECAP_SERVER)],
        env=env,
        stdout=subprocess.DEVNULL,
        preexec_fn=_end_with_parent,  # noqa: PLW1509
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def serve(project: Path, site: Path, port: int = 0) -> Iterator[str]:
    """The site of `project` with its editor; yields the address of /admin/."""
    api_port = free_port()
    with decap_server(project, api_port):
        handler = functools.partial(type("Handler", (_Handler,), {"api_port": api_port}), directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/admin/"
        finally:
            server.shutdown()
            server.server_close()
