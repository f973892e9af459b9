"""`make cms`: the built site on a loopback port with the web editor writing into the working tree.

decap-server (from node_modules, pinned) edits the files of a project folder; this server serves the
built site and hands /api/v1 to decap-server, so the editor's Content-Security-Policy needs no other
origin than its own ('self'). Both listen on loopback only.
"""

from __future__ import annotations

import functools
import http.client
import http.server
import os
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from .cms_config import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
API = "/api/v1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    api_port = 0
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml; charset=utf-8",
                      ".js": "text/javascript; charset=utf-8"}

    def do_POST(self) -> None:
        if self.path != API:
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        connection = http.client.HTTPConnection("127.0.0.1", self.api_port, timeout=60)
        connection.request("POST", API, body, {"Content-Type": "application/json"})
        answer = connection.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.getheader("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def decap_server(project: Path, port: int):
    """decap-server editing `project` (files only, never a commit: MODE=fs) on a loopback port."""
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(project),
           "MODE": "fs", "LOG_LEVEL": "error"}
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL)
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
def serve(project: Path, site: Path, port: int = 0):
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
