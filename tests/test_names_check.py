"""``i18n names check``: listed variants found at the right place, fixed and nothing else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from helpers import MakeSite, article, copy_sample_site, run_cli
from sastra.names import Glossary, NameEntry, find_variants, fix_text, parse_glossary

CHECK = Path(__file__).parent / "fixtures" / "names" / "check"
SAMPLE_EN = "content/en/news/ctc-working-group-2025.md"


def test_fixture_findings_and_fix() -> None:
    glossary, _ = parse_glossary((CHECK / "names.yaml").read_text(encoding="utf-8"), "names.yaml")
    text = (CHECK / "article.md").read_text(encoding="utf-8")
    findings = find_variants(text, glossary, "article.md")
    expected = (CHECK / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [str(f) for f in findings] == expected
    assert fix_text(text, findings) == (CHECK / "fixed.md").read_text(encoding="utf-8")


def test_sample_site_check_and_fix(tmp_path: Path) -> None:
    root = copy_sample_site(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = run_cli("names", "check", "--root", str(root))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{SAMPLE_EN}:2:13: 'Mao Sila' → 'Mao Sela' (ម៉ៅ សិលា)"
    assert lines == [
        f"{SAMPLE_EN}:{where}: 'Mao Sila' → 'Mao Sela' (ម៉ៅ សិលា)"
        for where in ("2:13", "3:127", "12:6", "14:114", "16:286")
    ]

    fixed = run_cli("names", "check", "--fix", "--root", str(root))
    assert fixed.exit_code == 0
    assert f"--- a/{SAMPLE_EN}" in fixed.stdout and f"+++ b/{SAMPLE_EN}" in fixed.stdout
    changed = {p for p in before if p.read_bytes() != before[p]}
    assert changed == {root / SAMPLE_EN}
    old = before[root / SAMPLE_EN].decode()
    assert (root / SAMPLE_EN).read_text(encoding="utf-8") == old.replace("Mao Sila", "Mao Sela")

    again = run_cli("names", "check", "--root", str(root))
    assert again.exit_code == 0 and again.stdout == ""


def test_fix_with_check_still_fails_and_keeps_bom_and_crlf(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content" / "en").mkdir(parents=True)
    (root / "i18n").mkdir()
    (root / "sastra.toml").write_text('languages = ["km", "en"]\n', encoding="utf-8")
    (root / "i18n" / "names.yaml").write_bytes((CHECK / "names.yaml").read_bytes())
    raw = "\ufeff---\r\ntitle: Mao Sila\r\n---\r\nMao Sila's day.\r\n".encode()
    (root / "content" / "en" / "a.md").write_bytes(raw)
    result = run_cli("names", "check", "--fix", "--check", "--root", str(root))
    assert result.exit_code == 1
    assert "content/en/a.md:2:8: 'Mao Sila' → 'Mao Sela'" in result.stdout
    assert (root / "content" / "en" / "a.md").read_bytes() == raw.replace(b"Sila", b"Sela")


def test_bad_glossary_exits_2(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content" / "en").mkdir(parents=True)
    (root / "i18n").mkdir()
    (root / "sastra.toml").write_text('languages = ["km", "en"]\n', encoding="utf-8")
    bad = CHECK.parent / "glossary" / "variant-twice.yaml"
    (root / "i18n" / "names.yaml").write_bytes(bad.read_bytes())
    result = run_cli("names", "check", "--root", str(root))
    assert result.exit_code == 2
    assert "i18n/names.yaml:6: variant 'Sok Sopheaa' is listed under" in result.stderr


GLOSSARY = Glossary((NameEntry("ម៉ៅ សិលា", "Mao Sela", ("Mao Sila",)),))
PIECES = st.sampled_from(
    ["Mao Sila", "Mao Sela", "Mao Silas", "Mao", "Sila", "'s", " ", "\n", ". ", "H.E. ", "x"]
)


@given(st.lists(PIECES, max_size=30))
def test_fix_removes_every_variant_and_touches_nothing_else(pieces: list[str]) -> None:
    text = "".join(pieces)
    findings = find_variants(text, GLOSSARY, "t.md")
    fixed = fix_text(text, findings)
    assert find_variants(fixed, GLOSSARY, "t.md") == []
    assert fix_text(fixed, []) == fixed
    assert len(fixed) == len(text)  # Sila → Sela: only those letters change
    # the "i" of each "Sila" (the words may be apart by any whitespace)
    assert [i for i, (a, b) in enumerate(zip(text, fixed, strict=True)) if a != b] == [
        f.end - len("ila") for f in findings
    ]


def test_no_glossary_says_so_and_checks_the_well_known_names(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content" / "en").mkdir(parents=True)
    (root / "content" / "en" / "a.md").write_text(
        "---\ntitle: Deputy Prime Minister Aun Ponmoniroth opens a forum\n---\n\nText.\n",
        encoding="utf-8",
    )
    result = run_cli("names", "check", "--root", str(root))
    assert result.stdout == (
        "content/en/a.md:2:30: 'Aun Ponmoniroth' → 'Aun Pornmoniroth' (អូន ព័ន្ធមុនីរ័ត្ន)\n"
    )
    assert result.stderr.splitlines()[0] == (
        "i18n: no glossary (i18n/names.yaml does not exist): checked only the 25 well-known "
        "names shipped with Sastra. Start one with: i18n names discover --update"
    )
    assert result.exit_code == 1


def test_no_glossary_and_nothing_found_exits_0_unless_strict(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content" / "en").mkdir(parents=True)
    (root / "content" / "en" / "a.md").write_text("---\ntitle: A\n---\n\nText.\n", "utf-8")
    result = run_cli("names", "check", "--root", str(root))
    assert (result.exit_code, result.stdout) == (0, "")
    assert "Start one with: i18n names discover --update" in result.stderr
    assert run_cli("names", "check", "--strict", "--root", str(root)).exit_code == 1


def test_a_variant_that_a_longer_name_goes_on_from_is_not_fixed() -> None:
    """A saved variant "Hang Chuon" must not turn "Hang Chuon Narun" (another spelling of
    the whole name) into "Hang Chuon Naron Narun"."""
    glossary = Glossary((NameEntry("ហង់ ជួនណារ៉ុន", "Hang Chuon Naron", ("Hang Chuon",)),))
    text = (
        "H.E. Hang Chuon Narun visited the school.\n"
        "Minister Hang Chuon\nNarun spoke. Hang Chuon, the minister, left; "
        "so did H.E. Hang Chuon.\n"
    )
    findings = find_variants(text, glossary, "a.md")
    assert [str(f) for f in findings] == [
        "a.md:3:14: 'Hang Chuon' → 'Hang Chuon Naron' (ហង់ ជួនណារ៉ុន)",
        "a.md:3:58: 'Hang Chuon' → 'Hang Chuon Naron' (ហង់ ជួនណារ៉ុន)",
    ]
    assert fix_text(text, findings).splitlines()[:2] == text.splitlines()[:2]


def test_discover_then_fix_puts_the_listed_spelling_in_place_of_a_misspelt_minister(
    make_site: MakeSite,
) -> None:
    """The editor's round: discover saves what the English writes as a variant of the
    well-known spelling, check --fix replaces it. The English writes the Khmer word
    ជួនណារ៉ុន as two, so a loose match of the first two words used to save "Hang Chuon"."""
    km = article(
        "ឯកឧត្តមរដ្ឋមន្ត្រី ហង់ ជួនណារ៉ុន អញ្ជើញពិនិត្យការសិក្សា",
        "ភ្នំពេញ៖ ឯកឧត្តមរដ្ឋមន្ត្រី ហង់ ជួនណារ៉ុន បានអញ្ជើញចុះពិនិត្យការបង្រៀន។\n",
    )
    en = article(
        "H.E. Minister Hang Chuon Narun inspects teaching",
        "Phnom Penh – H.E. Minister Hang Chuon Narun inspected teaching.\n",
    )
    root = make_site({"content/km/news/visit.md": km, "content/en/news/visit.md": en})
    assert run_cli("names", "discover", "--update", "--root", str(root)).exit_code == 0
    assert "variants: [Hang Chuon Narun]" in (root / "i18n/names.yaml").read_text("utf-8")
    fixed = run_cli("names", "check", "--fix", "--root", str(root))
    assert fixed.exit_code == 0, fixed.stderr
    assert (root / "content/en/news/visit.md").read_text("utf-8") == en.replace(
        "Hang Chuon Narun", "Hang Chuon Naron"
    )
