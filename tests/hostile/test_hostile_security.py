"""Security: nothing from outside the site is published, nothing planted in the cache or
the theme runs, no catalog string injects markup, no file name drives the terminal."""

from __future__ import annotations

import logging
import pickle
import stat
from pathlib import Path

import pytest
from kit import EN, KM, article, cli, make, no_traceback

from sastra import cache as cache_module


class _Payload:
    """Unpickling this writes a file: the proof that code ran."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, (f"open({str(self.proof)!r}, 'w').write('ran')",))


def _plant(path: Path, proof: Path, *, sealed_header: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = pickle.dumps({"format": 6, "data": {"parsed": _Payload(proof)}})
    if sealed_header:  # looks sealed, but with a made-up seal
        data = cache_module.MAGIC + b"\0" * 32 + data
    path.write_bytes(data)


@pytest.mark.parametrize("name", ["blobs.pickle", "build.pickle", "status.pickle"])
@pytest.mark.parametrize("sealed_header", [False, True])
def test_a_planted_cache_pickle_never_runs(tmp_path: Path, name: str, sealed_header: bool) -> None:
    root = make(tmp_path)
    proof = tmp_path / "proof"
    assert cli("status", "--root", str(root)).exit_code in (0, 1)  # writes a memo first
    _plant(root / ".sastra-cache" / name, proof, sealed_header=sealed_header)
    for command in ("status", "build"):
        result = cli(command, "--root", str(root))
        no_traceback(result)
        assert result.exit_code in (0, 1), result.stderr
    assert not proof.exists()


def test_a_planted_compiled_template_never_runs(tmp_path: Path) -> None:
    """Jinja's compiled templates are code: a planted one in the cache is never loaded."""
    import marshal

    root = make(tmp_path)
    assert cli("build", "--root", str(root)).exit_code == 0
    proof = tmp_path / "proof"
    code = compile(f"open({str(proof)!r}, 'w').write('ran')", "<planted>", "exec")
    compiled = sorted((root / ".sastra-cache" / "jinja").glob("*.cache"))
    assert compiled, "the build keeps compiled templates"
    for path in compiled:  # jinja's own format: magic, checksum, marshalled code
        path.write_bytes(b"j2" + pickle.dumps(2, 2) + pickle.dumps("x", 2) + marshal.dumps(code))
    (root / "templates" / "base.html").touch()
    assert cli("build", "--root", str(root)).exit_code == 0
    assert not proof.exists()


def test_a_cache_sealed_elsewhere_is_discarded_with_one_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "blobs.pickle"
    cache = cache_module.BlobCache(path)
    cache.put("parsed", "abc", "value")
    cache.save()
    data = bytearray(path.read_bytes())
    data[len(cache_module.MAGIC)] ^= 1  # another machine's key gives another seal
    path.write_bytes(bytes(data))
    with caplog.at_level(logging.INFO, logger="sastra.cache"):
        assert cache_module.BlobCache(path).get("parsed", "abc") is None
    assert [r.getMessage() for r in caplog.records] == [
        f"ignoring cache {path}: its seal does not match (written elsewhere, or altered)"
    ]


@pytest.mark.parametrize(
    "value",
    [
        [1, 2, 3],
        {"format": 6, "data": "not a mapping"},
        {"format": 6, "data": {"parsed": ["a", "list"]}},
        {"format": 2, "out": 5, "pages": "x", "outputs": None},
    ],
    ids=["list", "data-str", "namespace-list", "build-shape"],
)
def test_a_sealed_cache_of_the_wrong_shape_is_rebuilt(tmp_path: Path, value: object) -> None:
    """A cache sealed by this machine but of another shape (an older Sastra, a bug)."""
    root = make(tmp_path)
    for name in ("blobs.pickle", "build.pickle"):
        cache_module.save_sealed(root / ".sastra-cache" / name, value)
    for command in ("status", "build", "build"):
        result = cli(command, "--root", str(root))
        no_traceback(result)
        assert result.exit_code in (0, 1), result.stderr
    assert (root / "_site" / "km" / "news" / "hello" / "index.html").is_file()


def test_garbage_in_every_cache_file_is_ignored(tmp_path: Path) -> None:
    root = make(tmp_path)
    assert cli("build", "--root", str(root)).exit_code == 0
    for path in (root / ".sastra-cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x80\x05garbage" * 10)
    for command in ("status", "build"):
        result = cli(command, "--root", str(root))
        no_traceback(result)
        assert result.exit_code in (0, 1)


def test_the_key_is_private_and_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(cache_module, "_KEYS", {})
    key = cache_module.secret_key()
    path = tmp_path / "xdg" / "sastra" / "key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() == key and len(key) == 32
    monkeypatch.setattr(cache_module, "_KEYS", {})
    assert cache_module.secret_key() == key


def test_an_unwritable_key_folder_keeps_caches_for_this_run_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "xdg").write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(cache_module, "_KEYS", {})
    with caplog.at_level(logging.WARNING, logger="sastra.cache"):
        path = tmp_path / "c.pickle"
        cache_module.save_sealed(path, {"a": 1})
        assert cache_module.load_sealed(path) == {"a": 1}
    [record] = caplog.records
    assert "caches last for this run only" in record.getMessage()


def test_a_content_symlink_to_a_file_outside_the_site_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    root = make(tmp_path)
    (root / "content/km/passwd.md").symlink_to(secret)
    result = cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    message = "warning: symlink to a file outside the site (or to nothing); not read"
    assert f"content/km/passwd.md: {message}" in result.stderr.splitlines()
    published = b"".join(p.read_bytes() for p in (root / "_site").rglob("*") if p.is_file())
    assert b"root:x:0:0" not in published


def test_a_content_folder_symlinked_outside_is_not_walked(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "leak.md").write_text(article("Leak", "private notes"))
    root = make(tmp_path)
    (root / "content/en/private").symlink_to(outside, target_is_directory=True)
    result = cli("status", "--root", str(root))
    assert "content/en/private: warning: symlink to a file outside the site" in result.stderr
    assert "leak" not in result.stdout


def test_a_symlink_loop_in_the_content_ends(tmp_path: Path) -> None:
    root = make(tmp_path)
    (root / "content/km/news/again").symlink_to(root / "content/km", target_is_directory=True)
    result = cli("status", "--root", str(root))
    no_traceback(result)
    assert result.exit_code in (0, 1)


def test_a_symlink_inside_the_site_is_still_read(tmp_path: Path) -> None:
    root = make(tmp_path, {"shared/about.md": article("About", "Shared text.")})
    (root / "content/en/about.md").symlink_to(root / "shared/about.md")
    result = cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert (root / "_site/en/about/index.html").is_file()


@pytest.mark.parametrize(
    ("files", "image", "reason"),
    [
        ({".env": "SECRET=1"}, "@/.env", "a hidden file or folder (never published)"),
        (
            {".git/config.png": "x"},
            "@/.git/config.png",
            "a hidden file or folder (never published)",
        ),
        ({}, "../../../sastra.toml", "the site's configuration (never published)"),
        (
            {"deploy.sh": "rm -rf /"},
            "@/deploy.sh",
            "not an asset type (.sh; see build.asset_types)",
        ),
        ({"cache/a.jpg": "x"}, "@/cache/a.jpg", "in the cache folder (never published)"),
    ],
)
def test_only_asset_files_from_inside_the_site_are_published(
    tmp_path: Path, files: dict[str, str], image: str, reason: str
) -> None:
    root = make(
        tmp_path,
        {**files, "content/en/news/hello.md": article("Hello", f"![x]({image})\n")},
        config='languages = ["km", "en"]\ncache_dir = "cache"\n[tracking]\ngit = false\n',
    )
    result = cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert f"content/en/news/hello.md:5: image not published: {image}: {reason}" in result.stderr
    assert not (root / "_site").exists()


def test_an_image_symlinked_out_of_the_site_is_not_published(tmp_path: Path) -> None:
    outside = tmp_path / "secret.jpg"
    outside.write_bytes(b"\xff\xd8private\xff\xd9")
    root = make(tmp_path, {"content/en/news/hello.md": article("Hello", "![x](p.jpg)\n")})
    (root / "content/en/news/p.jpg").symlink_to(outside)
    result = cli("build", "--root", str(root))
    assert "image not published: p.jpg: outside the site" in result.stderr
    assert result.exit_code == 1


def test_a_configured_asset_type_is_published(tmp_path: Path) -> None:
    config = 'languages = ["km", "en"]\n[tracking]\ngit = false\n[build]\nasset_types = ["zip"]\n'
    root = make(
        tmp_path,
        {
            "content/en/news/d.zip": b"PK",
            "content/en/news/hello.md": article("Hi", "![d](d.zip)\n"),
        },
        config=config,
    )
    result = cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert (root / "_site/assets/content/en/news/d.zip").read_bytes() == b"PK"


def test_a_theme_static_file_symlinked_outside_is_not_copied(tmp_path: Path) -> None:
    outside = tmp_path / "id_rsa"
    outside.write_text("PRIVATE KEY")
    root = make(tmp_path)
    (root / "templates/static/key.css").symlink_to(outside)
    (root / "templates/static/.htpasswd").write_text("user:hash")
    assert cli("build", "--root", str(root)).exit_code == 0
    assert not (root / "_site/assets/key.css").exists()
    assert not (root / "_site/assets/.htpasswd").exists()


_PO = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Read the original"
msgstr "<img src=x onerror=alert(1)>អានដើម"

{flag}msgid "Skip to content"
msgstr "<b>រំលង</b>"
"""


@pytest.mark.parametrize("flag", ["", "#, safe-html\n"])
def test_ui_strings_from_a_catalog_are_escaped_unless_marked_safe(
    tmp_path: Path, flag: str
) -> None:
    root = make(
        tmp_path,
        {"content/en/news/hello.md": EN.replace("Hello", "Hi"), "content/km/news/hello.md": KM},
    )
    (root / "i18n/km/LC_MESSAGES/messages.po").write_text(_PO.format(flag=flag), "utf-8")
    result = cli("build", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    page = (root / "_site/km/news/hello/index.html").read_text("utf-8")
    assert "<img src=x onerror" not in page
    skip = "<b>រំលង</b>" if flag else "&lt;b&gt;រំលង&lt;/b&gt;"
    assert skip in page


@pytest.mark.parametrize(
    "expression",
    [
        "cycler.__init__.__globals__.os.system('touch {proof}')",
        "''.__class__.__mro__[1].__subclasses__()",
        "lipsum.__globals__['os'].system('touch {proof}')",
        "article.meta.__class__.__init__.__globals__",
    ],
)
def test_a_theme_cannot_reach_python_internals(tmp_path: Path, expression: str) -> None:
    root = make(tmp_path)
    proof = tmp_path / "proof"
    template = root / "templates/article.html"
    template.write_text(
        template.read_text("utf-8").replace(
            "{% block main %}", "{% block main %}{{ " + expression.format(proof=proof) + " }}", 1
        ),
        "utf-8",
    )
    result = cli("build", "--root", str(root))
    no_traceback(result)
    assert result.exit_code == 1
    assert "templates/article.html:3: template error: " in result.stderr
    assert "unsafe" in result.stderr or "undefined" in result.stderr
    assert not proof.exists()


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("cache_dir", 'cache_dir = "{out}"\n'),
        ("tracking.synced_dir", '[tracking]\nsynced_dir = "{out}"\n'),
    ],
)
def test_cache_and_synced_folders_outside_the_site_are_refused(
    tmp_path: Path, key: str, line: str
) -> None:
    out = tmp_path / "elsewhere"
    root = make(tmp_path, config='languages = ["km", "en"]\n' + line.format(out=out))
    result = cli("status", "--root", str(root))
    assert result.exit_code == 2
    assert result.stderr == (
        f"sastra.toml: {key} '{out}' lies outside the site; refusing (--force allows it)\n"
    )
    assert not out.exists()
    forced = cli("build", "--root", str(root), "--force")
    assert forced.exit_code == 0, forced.stderr


def test_a_file_name_with_terminal_escapes_is_printed_escaped(tmp_path: Path) -> None:
    root = make(tmp_path)
    (root / "content/en/news/\x1b]0;pwned\x07evil\x1b[2J.md").write_text(
        "---\ntitle: [unclosed\n---\n", "utf-8"
    )
    result = cli("status", "--root", str(root))
    assert "\x1b" not in result.stderr + result.stdout and "\x07" not in result.stderr
    assert "content/en/news/\\x1b]0;pwned\\x07evil\\x1b[2J.md:2: invalid YAML" in result.stderr


def test_a_cache_file_is_not_world_readable(tmp_path: Path) -> None:
    root = make(tmp_path)
    assert cli("status", "--root", str(root)).exit_code in (0, 1)
    mode = stat.S_IMODE((root / ".sastra-cache/status.pickle").stat().st_mode)
    assert mode & 0o077 == 0


def test_reports_print_escape_sequences_from_names_and_text_escaped(tmp_path: Path) -> None:
    root = make(tmp_path)
    evil = "content/km/news/a\x1b[31mred.md"
    (root / evil).write_text("---\ntitle: ក\n---\nអត្ថបទ \x1b]0;pwned\x07 ។\n", "utf-8")
    for args in (("status",), ("review", "--all"), ("review", "news/a\x1b[31mred")):
        result = cli(*args, "--root", str(root))
        no_traceback(result)
        shown = result.stdout + result.stderr
        assert "\x1b" not in shown and "\x07" not in shown, args
    assert "a\\x1b[31mred" in cli("status", "--root", str(root)).stdout


def test_names_check_and_discover_print_escape_sequences_escaped(tmp_path: Path) -> None:
    """`names check` and `names discover` print what files say, so a file name or text
    with a terminal escape sequence is shown escaped, as status and review show it."""
    glossary = "names:\n  - km: ម៉ៅ សិលា\n    en: Mao Sela\n    variants: [Mao Sila]\n"
    root = make(tmp_path, {"i18n/names.yaml": glossary})
    evil = "content/en/news/b\x1b[31mred.md"
    (root / evil).write_text("---\ntitle: Visit\n---\nH.E. Mao Sila \x1b]0;pwned\x07 spoke.\n")
    for args in (("names", "check"), ("names", "check", "--fix"), ("names", "discover")):
        result = cli(*args, "--root", str(root))
        no_traceback(result)
        shown = result.stdout + result.stderr
        assert "\x1b" not in shown and "\x07" not in shown, args
    (root / evil).write_text("---\ntitle: Visit\n---\nH.E. Mao Sila spoke.\n")
    result = cli("names", "check", "--root", str(root))
    assert result.stdout.splitlines()[0] == (
        "content/en/news/b\\x1b[31mred.md:4:6: 'Mao Sila' → 'Mao Sela' (ម៉ៅ សិលា)"
    )
