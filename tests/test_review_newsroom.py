"""``i18n review --all`` on the pairs a ministry reviewer met on a bilingual news site (Khmer
source, English translation): each test is one of the tester's reports, with the exact
findings review must give (and not give)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import article, run_cli

CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n\n[tracking]\ngit = false\n'
MakeSite = Callable[..., Path]


def findings(make_site: MakeSite, files: dict[str, str], *flags: str) -> tuple[list[str], int]:
    """The finding lines of ``i18n review --all`` (stripped) and its exit code."""
    root = make_site(files, CONFIG)
    result = run_cli("review", "--all", "--root", str(root), *flags)
    lines = [line.strip() for line in result.stdout.splitlines()]
    return [line for line in lines if line.startswith("content/")], result.exit_code


def test_a_link_whose_text_is_a_domain_name_is_not_english_text(make_site: MakeSite) -> None:
    files = {
        "content/km/news/library.md": article(
            "ក្រសួងដាក់ឱ្យប្រើប្រាស់បណ្ណាល័យឌីជីថល",
            "សិស្សអាចចូលប្រើតាមគេហទំព័រ [library.moeys.gov.kh](https://library.moeys.gov.kh) "
            "ចាប់ពីម៉ោង ៦:០០ ព្រឹក។",
            date="2025-09-15",
        ),
        "content/en/news/library.md": article(
            "Ministry launches a digital library",
            "Students can use it at [library.moeys.gov.kh](https://library.moeys.gov.kh) "
            "from 6:00 a.m.",
            date="2025-09-15",
        ),
    }

    assert findings(make_site, files, "--check") == ([], 0)


def test_khmer_words_left_in_an_english_title_or_paragraph_are_a_warning(
    make_site: MakeSite,
) -> None:
    files = {
        "content/km/news/meals.md": article(
            "កម្មវិធីអាហារដ្ឋានសាលារៀនពង្រីកដល់ខេត្តព្រះវិហារ",
            "ព្រះវិហារ៖ នៅថ្ងៃទី២០ ខែកុម្ភៈ ឆ្នាំ២០២៥ កម្មវិធីអាហារដ្ឋានសាលារៀនបានចាប់ផ្តើម"
            "នៅសាលាបឋមសិក្សាចំនួន ៣២ ក្នុងស្រុកត្បែងមានជ័យ។\n\n"
            "សាលាទាំងនេះស្ថិតនៅក្នុងខេត្តព្រះវិហារ។",
            date="2025-02-20",
        ),
        "content/en/news/meals.md": article(
            "School meals programme expands to ព្រះវិហារ province",
            "Preah Vihear, 20 February 2025 – The school meals programme started at 32 primary "
            "schools in ស្រុកត្បែងមានជ័យ.\n\n"
            "The schools are in Preah Vihear (ព្រះវិហារ) province.",
            date="2025-02-20",
        ),
    }

    lines, code = findings(make_site, files, "--check")

    assert lines == [
        "content/en/news/meals.md:2: ! [wrong-language] Khmer words left in the en title: "
        "«ព្រះវិហារ»  ↔ content/km/news/meals.md:2",
        "content/en/news/meals.md:6: ! [wrong-language] Khmer words left in the en paragraph 1: "
        "«ស្រុកត្បែងមានជ័យ»  ↔ content/km/news/meals.md:6",
    ]
    assert code == 0  # a warning: --strict fails on it
    assert findings(make_site, files, "--check", "--strict")[1] == 1


def _news(key: str, km: str, en: str) -> dict[str, str]:
    return {
        f"content/km/news/{key}.md": article(f"ព័ត៌មាន {key}", km, date="2025-05-05"),
        f"content/en/news/{key}.md": article(f"News {key}", en, date="2025-05-05"),
    }


def test_a_1000x_slip_in_an_amount_is_an_error_and_a_number_in_words_is_shown(
    make_site: MakeSite,
) -> None:
    files = _news(
        "budget", "ភ្នំពេញ៖ ថវិកាសរុប ១.៥០០.០០០ រៀល។", "Phnom Penh – The total budget is 1,500 riel."
    ) | _news("pupils", "ភ្នំពេញ៖ សិស្សប្រមាណប្រាំពីរពាន់នាក់។", "Phnom Penh – About 6,000 pupils.")
    root = make_site(files, CONFIG)

    result = run_cli("review", "--all", "--check", "--root", str(root))

    lines = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    assert lines == [
        "content/en/news/budget.md:6: ✗ [numbers-mismatch] the en paragraph 1 says 1,500 (1500) "
        "where the km paragraph 1 says ១.៥០០.០០០ (1500000)  ↔ content/km/news/budget.md:6",
        "content/en/news/pupils.md:6: ! [numbers-mismatch] 6,000 (6000) is in the en paragraph 1 "
        "but not in the km paragraph 1  ↔ content/km/news/pupils.md:6",
        "numbers of the km paragraph 1: ប្រាំពីរពាន់ (7000)",
        "numbers-mismatch 2",
    ]
    assert result.exit_code == 1


def test_schools_named_after_dates_era_years_counts_and_announcements_are_no_findings(
    make_site: MakeSite,
) -> None:
    files = {
        "content/km/news/visit.md": article(
            "សម្ពោធបណ្ណាល័យថ្មីនៅវិទ្យាល័យ ៧ មករា",
            "ភ្នំពេញ៖ នៅថ្ងៃទី១៣ ខែមករា ឆ្នាំ២០២៥ ឯកឧត្តម អ៊ុន ចាន់ដា បានជួបលោកគ្រូ អ្នកគ្រូ "
            "ចំនួន ៨៥ នាក់ នៅវិទ្យាល័យ ៧ មករា។",
            date="2025-01-13",
        ),
        "content/en/news/visit.md": article(
            "New library opens at 7 January High School",
            "Phnom Penh, 13 January 2025 – H.E. Oun Chanda met 85 teachers at 7 January High "
            "School.",
            date="2025-01-13",
        ),
        "content/km/news/newyear.md": article(
            "ឈប់សម្រាកបុណ្យចូលឆ្នាំថ្មី ឆ្នាំម្សាញ់ ព.ស. ២៥៦៨",
            "ភ្នំពេញ៖ ក្នុងឱកាសបុណ្យចូលឆ្នាំថ្មី ឆ្នាំម្សាញ់ សប្តស័ក ព.ស. ២៥៦៨ "
            "សិស្សានុសិស្សឈប់សម្រាកពីថ្ងៃទី១៤ ដល់ថ្ងៃទី១៨ ខែមេសា ឆ្នាំ២០២៥។",
            date="2025-04-08",
        ),
        "content/en/news/newyear.md": article(
            '"Holiday for the Khmer New Year, Year of the Snake, B.E. 2568"',
            "Phnom Penh – For the Khmer New Year, Year of the Snake, Buddhist Era 2568, students "
            "have a holiday from 14 to 18 April 2025.",
            date="2025-04-08",
        ),
    }

    assert findings(make_site, files, "--check", "--strict") == ([], 0)


def test_a_changed_era_year_is_reported_with_the_khmer_year_shown(make_site: MakeSite) -> None:
    files = _news(
        "festival",
        "ភ្នំពេញ៖ បុណ្យភ្ជុំបិណ្ឌ ព.ស. ២៥៦៩ នឹងប្រារព្ធនៅខែកញ្ញា។",
        "Phnom Penh – The Pchum Ben festival of B.E. 2568 will be held in September.",
    )
    root = make_site(files, CONFIG)

    result = run_cli("review", "--all", "--root", str(root))

    lines = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    assert lines[:2] == [
        "content/en/news/festival.md:6: ! [numbers-mismatch] 2568 is in the en paragraph 1 "
        "but not in the km paragraph 1  ↔ content/km/news/festival.md:6",
        "numbers of the km paragraph 1: ព.ស. ២៥៦៩ (2569)",
    ]
