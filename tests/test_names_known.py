"""The shipped list of well-known names, and where it applies (the ``name`` filter)."""

from __future__ import annotations

from importlib import resources

from sastra.names import Glossary, Kind, NameEntry, parse_glossary, render_name
from sastra.names.known import WELL_KNOWN_FILE, well_known, with_well_known


def test_the_list_loads_without_a_diagnostic() -> None:
    text = resources.files("sastra").joinpath(WELL_KNOWN_FILE).read_text(encoding="utf-8")
    glossary, diags = parse_glossary(text, "well-known.yaml")
    assert diags == ()
    assert glossary.lookup("ហ៊ុន ម៉ាណែត") is not None
    assert glossary.lookup("នរោត្តម សីហមុនី") is not None
    assert {e.kind for e in glossary.entries} == {Kind.PERSON, Kind.PLACE}


def test_the_site_glossary_wins() -> None:
    own = Glossary(
        (
            NameEntry("ហ៊ុន ម៉ាណែត", "Hun Manet", ("Hun Maneth",)),
            NameEntry("សុខ សុខា", "Sar Sokha"),  # a site spelling another person so
        )
    )
    merged = with_well_known(own)
    assert merged.lookup("ហ៊ុន ម៉ាណែត") is own.entries[0]
    assert merged.lookup("ស សុខា") is None  # its spelling belongs to the site's entry
    assert merged.lookup("ឈាង រ៉ា") is well_known().lookup("ឈាង រ៉ា")


def test_name_filter_order_glossary_known_gazetteer_romanizer() -> None:
    own = Glossary((NameEntry("ហ៊ុន ម៉ាណែត", "HUN Manet"),))
    assert render_name("ហ៊ុន ម៉ាណែត", "en", own) == ("HUN Manet", False)
    assert render_name("ហ៊ុន ម៉ាណែត", "en", Glossary()) == ("Hun Manet", False)
    assert render_name("ឯកឧត្តម ឈាង រ៉ា", "en", Glossary()) == ("H.E. Chheang Ra", False)
    assert render_name("ស្រុកត្រាំកក់", "en", Glossary()) == ("Tram Kak district", False)
    assert render_name("ខេត្តសៀមរាប", "en", Glossary()) == ("Siem Reap province", False)
    assert render_name("ត្រាំកក់", "en", Glossary()) == ("Tram Kak", False)
    # a village's name alone may be a person's: not taken from the gazetteer
    assert render_name("ខ្សាច់ស", "en", Glossary()) == ("Khsachsa", True)
    assert render_name("សុខ ដារា", "en", Glossary()) == ("Sok Dara", True)
