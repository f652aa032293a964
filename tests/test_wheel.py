"""Sastra as a user gets it: a wheel built from the source, installed into a fresh venv,
run in a site outside the source tree that has only content and a ``sastra.toml``.

No network: the wheel is built without build isolation (setuptools comes from the dev
venv), installed with ``--no-index --no-deps``, and the new venv finds the dependencies
through a ``.pth`` line naming the dev venv's site-packages (whose own ``.pth`` files,
among them the editable install of Sastra, are not read from there).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from helpers import REPO, article, write_files

pytestmark = pytest.mark.slow

CONFIG = 'source_language = "km"\n'
FILES = {
    "content/km/news/rice.md": article("ការប្រមូលផលស្រូវ", "កសិករប្រមូលផលស្រូវ។\n", date="2026-01-08"),
    "content/en/news/rice.md": article(
        "Rice harvest", "Farmers harvest rice.\n", date="2026-01-08"
    ),
}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the source tree."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(
        REPO / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__")
    )
    dist = tmp / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(source)],
        check=True,
        capture_output=True,
    )
    (built,) = dist.glob("sastra-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh venv with the built wheel installed."""
    tmp = tmp_path_factory.mktemp("venv")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [*pip, "--python", str(python), "install", "--no-index", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(purelib) / "zz-dev-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", "utf-8"
    )
    return venv / "bin"


def test_every_file_of_the_package_that_is_not_python_is_in_the_wheel(wheel: Path) -> None:
    package = REPO / "src"
    data = {
        path.relative_to(package).as_posix()
        for path in (package / "sastra").rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    assert "sastra/data/names/well-known.yaml" in data
    assert "sastra/theme/templates/base.html" in data
    assert sorted(data - shipped) == []


def _site(folder: Path, files: dict[str, str]) -> Path:
    """A site outside the source tree: a ``sastra.toml`` and content."""
    folder.mkdir()
    (folder / "sastra.toml").write_text(CONFIG, "utf-8")
    write_files(folder, files)
    return folder


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(bin_dir / "i18n"), *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def test_the_installed_package_is_the_wheel_not_the_source_tree(installed: Path) -> None:
    out = subprocess.run(
        [str(installed / "python"), "-c", "import sastra.theme as t; print(t.TEMPLATES)"],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    ).stdout.strip()
    assert out.startswith(str(installed.parent)), out
    assert (Path(out) / "base.html").is_file()


def test_the_installed_wheel_ships_the_name_data(installed: Path) -> None:
    """The well-known names, the not-a-name word list and the usage table of name words
    are package data: the romanizer and ``names`` read them from the installed package."""
    script = (
        "from sastra.khmer.romanize import romanize_name as r; "
        "from sastra.names.known import well_known as w; "
        "print(r('អូន ព័ន្ធមុនីរ័ត្ន'), len(w()) > 20)"
    )
    out = subprocess.run(
        [str(installed / "python"), "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    ).stdout.strip()
    assert out == "Aun Pornmoniroth True"


def test_an_installed_wheel_builds_and_serves_a_site_with_no_theme(
    installed: Path, tmp_path: Path
) -> None:
    site = _site(tmp_path / "my-site", FILES)

    result = _run(installed, site, "build")

    assert result.returncode == 0, result.stderr
    assert re.search(r"^built \d+ pages \(\d+ rendered, 0 unchanged\) into _site/", result.stdout)
    km = (site / "_site/km/news/rice/index.html").read_text("utf-8")
    assert "រំលងទៅខ្លឹមសារ" in km and "ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦" in km
    assert (site / "_site/assets/site.css").is_file()
    assert (site / "_site/assets/fonts/NotoSansKhmer.ttf").is_file()

    server = subprocess.Popen(
        [str(installed / "i18n"), "serve", "--port", "0", "--no-watch"],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = ""
        deadline = time.monotonic() + 60
        while not url and time.monotonic() < deadline:
            line = server.stdout.readline()
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
            url = found.group(1) if found else ""
        assert url, "serve printed no address"
        with urllib.request.urlopen(url + "en/news/rice/", timeout=10) as response:
            assert response.status == 200
            assert "Rice harvest" in response.read().decode("utf-8")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)

    copied = _run(installed, site, "theme", "copy")
    assert copied.returncode == 0, copied.stderr
    assert (site / "templates/base.html").is_file()


def test_an_installed_wheel_inits_an_empty_folder_then_builds_it(
    installed: Path, tmp_path: Path
) -> None:
    site = tmp_path / "newsroom"
    site.mkdir()

    started = _run(installed, site, "init")

    assert started.returncode == 0, started.stderr
    assert started.stdout.splitlines()[:3] == [
        "wrote sastra.toml for the default layout; languages km, en, source km",
        "created content/km/news/welcome.md",
        "created content/en/news/welcome.md",
    ]
    status = _run(installed, site, "status", "--check")
    assert status.returncode == 0, status.stdout + status.stderr
    built = _run(installed, site, "build")
    assert built.returncode == 0, built.stderr
    km = (site / "_site/km/news/welcome/index.html").read_text("utf-8")
    assert "សូមស្វាគមន៍មកកាន់គេហទំព័ររបស់យើង" in km
    en = (site / "_site/en/news/welcome/index.html").read_text("utf-8")
    assert "Welcome to our website" in en and 'hreflang="km"' in en


NAMES_FILES = {
    "content/km/news/visit.md": article(
        "ឯកឧត្តម សុខ វណ្ណា ចុះពិនិត្យសាលារៀន",
        "ឯកឧត្តម សុខ វណ្ណា បានចុះពិនិត្យសាលារៀនចំនួនបីនៅខេត្តតាកែវ។\n",
        date="2026-02-03",
    ),
    "content/en/news/visit.md": article(
        "H.E. Sok Vanna visits schools",
        "H.E. Sok Vanna visited three schools in Takeo province.\n",
        date="2026-02-03",
    ),
}


def test_an_installed_wheel_reviews_and_finds_names_with_its_own_name_lists(
    installed: Path, tmp_path: Path
) -> None:
    site = _site(tmp_path / "ministry", NAMES_FILES)

    reviewed = _run(installed, site, "review", "--all")
    discovered = _run(installed, site, "names", "discover")

    assert (reviewed.returncode, reviewed.stderr) == (0, "")
    assert reviewed.stdout.splitlines()[-1] == "1 pairs · 1 without findings · no findings"
    assert (discovered.returncode, discovered.stderr) == (0, "")
    assert discovered.stdout.splitlines() == [
        "សុខ វណ្ណា  Sok Vanna ×2  [new]",
        "តាកែវ  Takeo ×1  [place; new]",
    ]
