"""``i18n serve`` as a user runs it: prints the URL, serves the real build, Ctrl-C stops cleanly."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import article, run_cli, write_files

CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n'
FILES = {
    "content/km/news/water.md": article("ទឹកស្អាត", "ភូមិទាំង ១២ មានទឹកស្អាត។", date="2025-04-14"),
    "content/en/news/water.md": article("Clean water", "All 12 villages.", date="2025-04-14"),
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "sastra.toml").write_text(CONFIG, "utf-8")
    write_files(root, FILES)
    return root


def _fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.status, resp.read().decode()


def test_serve_prints_the_url_serves_and_stops_on_ctrl_c(site: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sastra", "serve", "--root", str(site), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(4)]
        assert lines[0].startswith("built in ") and re.search(r": \d+ pages? written", lines[0])
        assert lines[1].startswith("Serving _site at http://127.0.0.1:")
        url = lines[1].split(" at ", 1)[1].strip()
        assert lines[2].strip() == (f"status: {url}__sastra/status   review: {url}__sastra/review/")
        assert lines[3].strip() == "watching for changes; Ctrl-C stops"
        status, page = _fetch(url + "en/news/water/")
        assert status == 200 and "<h1>Clean water</h1>" in page
        assert '<script src="/__sastra/live.js"' in page
        status, page = _fetch(url + "__sastra/status")
        assert status == 200 and "Untracked" in page
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=15)
        assert time.monotonic() - started < 10
        assert proc.returncode == 0, err
        assert err.strip().endswith("stopped") and "Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_a_taken_port_is_one_clear_error(site: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--root", str(site), "--port", str(port), "--no-watch")
    assert result.exit_code == 2
    assert result.stderr == (
        f"i18n: error: port {port} on 127.0.0.1 is in use; choose another with --port (0: any)\n"
    )
    assert not (site / "_site").exists()  # nothing built before the port was known to work


def test_a_bad_config_is_reported_before_serving(site: Path) -> None:
    (site / "sastra.toml").write_text('languages = ["km", "en"]\nsource_language = "fr"\n')
    result = run_cli("serve", "--root", str(site), "--port", "0")
    assert result.exit_code == 2
    assert result.stderr.startswith("sastra.toml:2: ")
    assert "'fr' is not one of the languages" in result.stderr
