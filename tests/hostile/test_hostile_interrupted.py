"""Interrupted builds: nothing half-written survives, stale trees are swept, workers die
with their build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kit import article, cli, make

from sastra.render import output as output_module

pytestmark = pytest.mark.slow


def _gone(path: Path, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not path.exists()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_tree_left_by_a_killed_build_is_swept(tmp_path: Path) -> None:
    root = make(tmp_path)
    stale = root / f"._site.tmp-{_dead_pid()}"
    (stale / "km").mkdir(parents=True)
    (stale / "km/index.html").write_text("half")
    old = root / "._site.old-1-2"
    old.mkdir()
    assert cli("build", "--root", str(root)).exit_code == 0
    assert _gone(stale) and _gone(old)


def test_the_tree_of_a_running_build_is_left_alone(tmp_path: Path) -> None:
    root = make(tmp_path)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        busy = root / f"._site.tmp-{other.pid}"
        busy.mkdir()
        assert cli("build", "--root", str(root)).exit_code == 0
        time.sleep(0.3)
        assert busy.is_dir()
    finally:
        other.kill()
        other.wait()


def test_an_update_interrupted_before_the_swap_leaves_the_old_site_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make(tmp_path)
    assert cli("build", "--root", str(root)).exit_code == 0
    before = {p: p.read_bytes() for p in (root / "_site").rglob("*") if p.is_file()}
    for lang, word in (("km", "ថ្មី"), ("en", "New")):
        page = root / f"content/{lang}/news/hello.md"
        page.write_text(page.read_text("utf-8").replace("\n\n", f"\n\n{word} ", 1), "utf-8")

    def interrupted(tmp: Path, out: Path) -> None:
        raise KeyboardInterrupt  # Ctrl-C between the new tree and the swap

    monkeypatch.setattr(output_module, "_swap", interrupted)
    assert cli("build", "--root", str(root)).exit_code == 1  # click: "Aborted!"
    after = {p: p.read_bytes() for p in (root / "_site").rglob("*") if p.is_file()}
    assert after == before  # not one new page among the old
    assert [p.name for p in root.iterdir() if p.name.startswith("._site.tmp")] == []


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_the_build_is_killed(tmp_path: Path, sig: signal.Signals) -> None:
    files = {}
    for k in range(160):
        files[f"content/km/news/a{k}.md"] = article(f"អត្ថបទ {k}", "ខ្លឹមសារ។ " * 40)
        files[f"content/en/news/a{k}.md"] = article(f"Article {k}", "Some text. " * 40)
    root = make(tmp_path, files)
    build = subprocess.Popen(
        [sys.executable, "-m", "sastra", "build", "--root", str(root), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and build.poll() is None:
        workers = {c for c in _children(build.pid) if Path(f"/proc/{c}/cmdline").exists()}
        if len(workers) >= 2:
            break
        time.sleep(0.01)
    if build.poll() is not None:
        pytest.skip("the build finished before its workers could be seen")
    os.kill(build.pid, sig)
    build.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    again = cli("build", "--root", str(root))
    assert again.exit_code == 0, again.stderr
    assert _gone(root / f"._site.tmp-{build.pid}")
