"""Config validation and content loading: every problem one `path:line:` line, all collected."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import MakeSite, article, run_cli

GOOD_KM = article("ចំណងជើង", "អត្ថបទ។", date="2026-01-08")
GOOD_EN = article("Title", "Text.", date="2026-01-08")


def _status(root: Path, *args: str) -> tuple[int, list[str], dict[str, object] | None]:
    result = run_cli("status", "--root", str(root), "--format", "json", *args)
    doc = json.loads(result.stdout) if result.stdout.strip() else None
    return result.exit_code, result.stderr.splitlines(), doc


def test_malformed_yaml_is_one_error_and_the_rest_still_reports(make_site: MakeSite) -> None:
    root: Path = make_site(
        {
            "content/km/a.md": GOOD_KM,
            "content/en/a.md": GOOD_EN,
            "content/km/b.md": "---\ntitle: ok\ndate: 2026-01-08\ntags: [a, b\n---\n\nbody\n",
            "content/km/c.md": GOOD_KM,
        }
    )
    code, errors, doc = _status(root)
    assert code == 1
    assert len(errors) == 1
    assert errors[0] == (
        "content/km/b.md:4: invalid YAML in frontmatter: did not find expected ',' or ']'"
    )
    assert doc is not None
    assert {a["slug"] for a in doc["articles"]} == {"a", "c"}  # type: ignore[attr-defined]


def test_bad_date_and_missing_required_field(make_site: MakeSite) -> None:
    config = '[collections.news]\nrequired = ["title", "date"]\n'
    root: Path = make_site(
        {
            "content/km/news/a.md": "---\ntitle: ក\ndate: 2026-13-45\n---\nx\n",
            "content/km/news/b.md": "---\ntitle: ខ\ndate: soon\n---\nx\n",
            "content/km/news/c.md": "---\ndescription: គ\n---\nx\n",
        },
        config=config,
    )
    code, errors, _ = _status(root)
    assert code == 1
    assert errors == [
        "content/km/news/a.md:3: invalid value in frontmatter: month must be in 1..12",
        "content/km/news/b.md:3: 'date' is not a date: 'soon' (expected YYYY-MM-DD)",
        "content/km/news/c.md:1: required field 'title' is missing",
        "content/km/news/c.md:1: required field 'date' is missing",
    ]


def test_bom_crlf_and_mdx_are_read(make_site: MakeSite) -> None:
    crlf = GOOD_EN.replace("\n", "\r\n").encode("utf-8")
    root: Path = make_site(
        {
            "content/km/a.mdx": "\ufeff" + GOOD_KM,
            "content/en/a.md": b"\xef\xbb\xbf" + crlf,
        }
    )
    code, errors, doc = _status(root)
    assert (code, errors) == (0, [])
    assert doc is not None
    [entry] = doc["articles"]  # type: ignore[misc]
    assert entry["versions"]["km"]["path"] == "content/km/a.mdx"


def test_non_utf8_file_is_rejected_clearly(make_site: MakeSite) -> None:
    root: Path = make_site(
        {
            "content/km/a.md": GOOD_KM,
            "content/en/a.md": "---\ntitle: caf\xe9\n---\n".encode("latin-1"),
        }
    )
    code, errors, _ = _status(root)
    assert code == 1
    assert errors == ["content/en/a.md:2: not UTF-8 text (byte 0xe9); save the file as UTF-8"]


def test_two_files_for_one_key_are_reported_with_both_paths(make_site: MakeSite) -> None:
    root: Path = make_site({"content/km/x.md": GOOD_KM, "content/km/x.mdx": GOOD_KM})
    code, errors, _ = _status(root)
    assert code == 1
    assert errors == [
        "content/km/x.mdx:1: two files for 'x' in 'km': content/km/x.md and content/km/x.mdx; "
        "using content/km/x.md"
    ]


def test_file_names_with_spaces_and_punctuation_pair(make_site: MakeSite) -> None:
    name = "news/Meeting of 8 Jan (CTC), final!.md"
    root: Path = make_site({f"content/km/{name}": GOOD_KM, f"content/en/{name}": GOOD_EN})
    result = run_cli("status", "--root", str(root))
    assert "news/Meeting of 8 Jan (CTC), final!" in result.stdout
    assert "its URL slug is 'meeting-of-8-jan-ctc-final'" in result.stderr
    assert run_cli("status", "--root", str(root), "--strict").exit_code == 1


def test_unknown_language_folder_is_one_error_per_file(make_site: MakeSite) -> None:
    root: Path = make_site(
        {"content/km/a.md": GOOD_KM, "content/fr/a.md": GOOD_EN},
        config='languages = ["km", "en"]\n',
    )
    code, errors, _ = _status(root)
    assert code == 1
    assert errors == ["content/fr/a.md:1: unknown language 'fr' (languages: km, en)"]


def test_config_errors_are_all_collected_and_exit_2(make_site: MakeSite) -> None:
    config = (
        'languages = ["km", "en"]\n'
        'source_language = "fr"\n'
        "[build]\n"
        "page_size = 0\n"
        "lunar_dates = 'yes'\n"
        "[collections.news]\n"
        'translatable = ["title", "bad path!"]\n'
    )
    root: Path = make_site({"content/km/a.md": GOOD_KM}, config=config)
    result = run_cli("status", "--root", str(root))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "sastra.toml:2: 'source_language': 'fr' is not one of the languages (km, en) nor \"auto\"",
        "sastra.toml:4: 'page_size': must be at least 1",
        "sastra.toml:5: 'lunar_dates' must be true or false",
        "sastra.toml:7: 'translatable': expected a list of field paths such as 'title' or "
        "'team.member[].role'",
    ]


def test_unknown_keys_warn_and_strict_makes_them_fatal(make_site: MakeSite) -> None:
    config = 'languages = ["km", "en"]\nsource_langauge = "km"\n[build]\npagesize = 3\n'
    root: Path = make_site({"content/km/a.md": GOOD_KM}, config=config)
    result = run_cli("status", "--root", str(root))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "sastra.toml:2: warning: unknown key 'source_langauge' in the top level "
        "(did you mean 'source_language'?)",
        "sastra.toml:4: warning: unknown key 'pagesize' in [build] (did you mean 'page_size'?)",
    ]
    strict = run_cli("status", "--root", str(root), "--strict")
    assert strict.exit_code == 2


def test_invalid_toml_is_one_line(make_site: MakeSite) -> None:
    root: Path = make_site({"content/km/a.md": GOOD_KM}, config='languages = ["km"\n')
    result = run_cli("status", "--root", str(root))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("sastra.toml:")


def test_config_in_pyproject(make_site: MakeSite) -> None:
    root: Path = make_site({"content/km/a.md": GOOD_KM, "content/en/a.md": GOOD_EN})
    (root / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.sastra]\nlanguages = ["en", "km"]\nsource_language = "en"\n'
    )
    code, _, doc = _status(root)
    assert code == 0
    assert doc is not None
    assert doc["languages"] == ["en", "km"]
    [entry] = doc["articles"]  # type: ignore[misc]
    assert entry["source"] == "en"
    assert entry["versions"]["km"]["state"] == "untracked"


def test_nested_translatable_fields_are_fingerprinted(make_site: MakeSite) -> None:
    config = '[collections.board]\ntranslatable = ["team.member[].role"]\n'
    km = "---\nteam:\n  member:\n    - {name: ក, role: នាយក}\n---\n"
    en = "---\nteam:\n  member:\n    - {name: K, role: Director}\n---\n"
    root: Path = make_site(
        {"content/km/board/t.md": km, "content/en/board/t.md": en}, config=config
    )
    assert run_cli("mark", "en", "board/t", "--root", str(root)).exit_code == 0
    assert _status(root)[2]["articles"][0]["versions"]["en"]["state"] == "up_to_date"  # type: ignore[index]
    (root / "content/km/board/t.md").write_text(km.replace("នាយក", "អនុប្រធាន"))
    version = _status(root)[2]["articles"][0]["versions"]["en"]  # type: ignore[index]
    assert version["state"] == "stale"
    assert version["changed_fields"] == ["team.member[0].role"]
