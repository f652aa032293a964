"""Which honorific `i18n names discover --update` writes for a well-known person."""

from __future__ import annotations

import pytest

from sastra.names.discover import DiscoveredName, Discovery
from sastra.names.glossary_yaml import suggested_entries
from sastra.names.known import well_known


@pytest.mark.parametrize(
    ("khmer", "seen_km", "seen_en", "written"),
    [
        # seen as សម្តេច only: the list's chain goes on from it, so the list's is written
        ("ហ៊ុន ម៉ាណែត", "សម្តេច", "Samdech", ("សម្តេចមហាបវរធិបតី", "Samdech Moha Borvor Thipadei")),
        # seen with more than the list has (a degree): what the site writes stays
        ("ហ៊ុន ម៉ាណែត", "សម្តេចមហាបវរធិបតីបណ្ឌិត", "Samdech Moha Borvor Thipadei Dr.",
         ("សម្តេចមហាបវរធិបតីបណ្ឌិត", "Samdech Moha Borvor Thipadei Dr.")),
        # seen with another honorific altogether: the site's
        ("ហ៊ុន ម៉ាណែត", "ឯកឧត្តម", "H.E.", ("ឯកឧត្តម", "H.E.")),
        # seen with none: the list's
        ("ហ៊ុន ម៉ាណែត", "", "", ("សម្តេចមហាបវរធិបតី", "Samdech Moha Borvor Thipadei")),
    ],
)  # fmt: skip
def test_the_listed_honorific_is_written_when_it_goes_on_from_the_one_seen(
    khmer: str, seen_km: str, seen_en: str, written: tuple[str, str]
) -> None:
    known = well_known().lookup(khmer)
    assert known is not None
    name = DiscoveredName(
        km=known.km, spellings=(("Hun Manet", 3),), km_count=3, romanized="Hun Manet",
        honorific_km=seen_km, honorific_en=seen_en, known=known,
    )  # fmt: skip
    (entry,) = suggested_entries(Discovery((name,), ()))
    assert entry.honorific is not None
    assert (entry.honorific.km, entry.honorific.en) == written
