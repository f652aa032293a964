"""The dev server under hostile requests and rebuilds: every request answered with the
status its kind must get, never a dropped connection or a traceback."""

from __future__ import annotations

import http.client
import importlib.util
import socket
import sys
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import pytest
from kit import make

from helpers import REPO
from sastra.serve.server import DevServer


def _soak_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("serve_soak", REPO / "bench/serve_soak.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["serve_soak"] = module  # (its dataclasses look themselves up there)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_a_short_soak_with_rebuilds_has_no_errors(tmp_path: Path) -> None:
    soak = _soak_module()
    root = soak.make_site(tmp_path / "soak-site")
    report = soak.soak(root, requests=120, seconds=20, rebuild_every=30)
    assert report.errors == []
    assert report.sent == 120 and len(report.rebuilds) == 4


@pytest.fixture
def server(tmp_path: Path) -> DevServer:
    root = make(tmp_path)
    dev = DevServer(root, port=0, watch=False)
    dev.start()
    yield dev  # type: ignore[misc]
    dev.stop()


def _raw(dev: DevServer, request: bytes) -> bytes:
    port = int(dev.url.rsplit(":", 1)[1].strip("/"))
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _status(dev: DevServer, path: str, headers: dict[str, str] | None = None) -> int:
    port = int(dev.url.rsplit(":", 1)[1].strip("/"))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/" + quote("ក" * 100) + "/", 404),
        ("/km/" + "a" * 300, 404),
        ("/km/" + "a/" * 3000, 404),
        ("/..%2f..%2f..%2fetc/passwd", 404),
        ("/km/news/hello/index.html%00.txt", 404),
        ("/km/%c0%ae%c0%ae/", 400),
        ("/__sastra/review/" + "x" * 300, 404),
        ("/__sastra/review/%ff", 400),
    ],
)
def test_hostile_paths_get_a_plain_answer(server: DevServer, path: str, status: int) -> None:
    assert _status(server, path) == status


def test_a_malformed_request_line_is_answered(server: DevServer) -> None:
    answer = _raw(server, b"GET /km/ HTTP/1.1 extra\r\n\r\n")
    assert b"Error code: 400" in answer


def test_a_request_line_of_100_kb_is_refused(server: DevServer) -> None:
    answer = _raw(server, b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert b" 414 " in answer.split(b"\r\n", 1)[0]
