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

from helpers import article, run_cli, write_files

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


@pytest.mark.slow
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


def _serve(site: Path, *args: str, **env: str) -> tuple[subprocess.Popen[str], str]:
    """Start ``i18n serve``; the process and its URL (read from the "Serving" line)."""
    import os

    proc = subprocess.Popen(
        [sys.executable, "-m", "sastra", "serve", "--root", str(site), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    assert proc.stdout is not None
    for _ in range(5):
        line = proc.stdout.readline()
        if line.startswith("Serving "):
            return proc, line.split(" at ", 1)[1].strip()
    proc.kill()
    raise AssertionError(proc.communicate()[1])


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=15)
    return err


@pytest.mark.slow
def test_bind_to_every_address_warns_and_answers_by_ip(site: Path) -> None:
    proc, url = _serve(site, "--bind", "0.0.0.0", "--no-watch")
    try:
        assert url.startswith("http://0.0.0.0:")
        port = url.rsplit(":", 1)[1].strip("/")
        status, page = _fetch(f"http://127.0.0.1:{port}/en/news/water/")
        assert status == 200 and "Clean water" in page
    finally:
        err = _stop(proc)
    assert (
        "i18n: warning: listening on 0.0.0.0: any machine that can reach this one can read "
        "the site and its /__sastra/ status and review pages"
    ) in err.splitlines()


@pytest.mark.slow
def test_open_hands_the_url_to_the_browser(site: Path, tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', "utf-8")
    browser.chmod(0o755)
    proc, url = _serve(site, "--open", "--no-watch", BROWSER=f"{browser} %s")
    try:
        deadline = time.monotonic() + 10
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        _stop(proc)
    assert opened.read_text("utf-8").strip() == url


def _zombies(pid: int) -> list[str]:
    """Defunct children of ``pid`` (from /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            stat = Path(f"/proc/{child}/stat").read_text()
            if stat.rsplit(")", 1)[1].split()[0] == "Z":
                found.append(stat.split(" ", 2)[1])
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")
def test_serve_reaps_the_process_that_deletes_a_replaced_tree(site: Path) -> None:
    assert run_cli("build", "--root", str(site)).exit_code == 0
    (site / "_site/robots.txt").unlink()  # an incomplete output: the build writes a new tree
    proc, _ = _serve(site)
    try:
        deadline = time.monotonic() + 10
        while any(p.name.startswith("._site") for p in site.iterdir()):
            assert time.monotonic() < deadline, "the replaced tree was not deleted"
            time.sleep(0.05)
        time.sleep(0.3)
        assert _zombies(proc.pid) == []
        assert (site / "_site/robots.txt").is_file()
    finally:
        _stop(proc)
