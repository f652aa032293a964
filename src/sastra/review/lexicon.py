"""A small Khmer–English lexicon of news words, to help align paragraphs that carry no number.

Paragraph alignment leans on anchors both versions share whatever the script (numbers,
dates, images). Many paragraphs of ministry news have none: "the participants expressed
their satisfaction…". Lengths alone then cannot tell which of two paragraphs of similar
length is the counterpart. A word of the list below present on both sides (``workshop`` /
``សិក្ខាសាលា``) is such an anchor: :func:`lexemes` gives the concepts a paragraph names.

The list is general vocabulary of government and institutional news (meetings, training,
education, health, telecommunications, agriculture…), not any one site's.
"""

from __future__ import annotations

import re
from functools import cache

LEXICON: dict[str, tuple[str, ...]] = {
    "ministr": ("ក្រសួង",),
    "minister": ("រដ្ឋមន្ត្រី",),
    "secretary of state": ("រដ្ឋលេខាធិការ",),
    "under-secretary": ("អនុរដ្ឋលេខាធិការ",),
    "governor": ("អភិបាល",),
    "province": ("ខេត្ត",),
    "capital": ("រាជធានី",),
    "district": ("ស្រុក", "ខណ្ឌ"),
    "commune": ("ឃុំ", "សង្កាត់"),
    "village": ("ភូមិ",),
    "meeting": ("កិច្ចប្រជុំ", "ប្រជុំ"),
    "workshop": ("សិក្ខាសាលា",),
    "seminar": ("សិក្ខាសាលា", "សន្និសីទ"),
    "conference": ("សន្និសីទ",),
    "forum": ("វេទិកា",),
    "ceremony": ("ពិធី",),
    "training": ("បណ្តុះបណ្តាល", "បណ្ដុះបណ្ដាល"),
    "course": ("វគ្គ",),
    "participant": ("សិក្ខាកាម", "អ្នកចូលរួម", "ចូលរួម"),
    "trainee": ("សិក្ខាកាម", "កម្មសិក្សា"),
    "student": ("សិស្ស", "និស្សិត"),
    "teacher": ("គ្រូ",),
    "school": ("សាលា", "វិទ្យាល័យ"),
    "university": ("សាកលវិទ្យាល័យ",),
    "education": ("អប់រំ",),
    "health": ("សុខភាព", "សុខាភិបាល"),
    "hospital": ("មន្ទីរពេទ្យ",),
    "vaccin": ("វ៉ាក់សាំង",),
    "farmer": ("កសិករ",),
    "agricultur": ("កសិកម្ម",),
    "rice": ("ស្រូវ", "អង្ករ"),
    "water": ("ទឹក",),
    "road": ("ផ្លូវ",),
    "bridge": ("ស្ពាន",),
    "electric": ("អគ្គិសនី",),
    "internet": ("អ៊ីនធឺណិត",),
    "digital": ("ឌីជីថល",),
    "telecommunication": ("ទូរគមនាគមន៍",),
    "post": ("ប្រៃសណីយ៍",),
    "data": ("ទិន្នន័យ",),
    "security": ("សុវត្ថិភាព", "សន្តិសុខ"),
    "cyber": ("អ៊ីនធឺណិត", "សាយប័រ"),
    "fraud": ("បោកប្រាស់",),
    "scam": ("បោកប្រាស់",),
    "password": ("ពាក្យសម្ងាត់",),
    "network": ("បណ្តាញ", "បណ្ដាញ"),
    "center": ("មជ្ឈមណ្ឌល",),
    "centre": ("មជ្ឈមណ្ឌល",),
    "community": ("សហគមន៍",),
    "citizen": ("ប្រជាពលរដ្ឋ",),
    "people": ("ប្រជាជន", "ប្រជាពលរដ្ឋ"),
    "youth": ("យុវជន",),
    "women": ("ស្ត្រី", "នារី"),
    "child": ("កុមារ",),
    "official": ("មន្ត្រី",),
    "civil servant": ("មន្ត្រីរាជការ",),
    "government": ("រាជរដ្ឋាភិបាល", "រដ្ឋាភិបាល"),
    "prime minister": ("នាយករដ្ឋមន្ត្រី",),
    "king": ("ព្រះមហាក្សត្រ",),
    "policy": ("គោលនយោបាយ",),
    "strateg": ("យុទ្ធសាស្ត្រ",),
    "plans": ("ផែនការ",),
    "action plan": ("ផែនការសកម្មភាព",),
    "project": ("គម្រោង",),
    "program": ("កម្មវិធី",),
    "budget": ("ថវិកា",),
    "law": ("ច្បាប់",),
    "sub-decree": ("អនុក្រឹត្យ",),
    "agreement": ("កិច្ចព្រមព្រៀង",),
    "memorandum": ("អនុស្សរណៈ",),
    "signed": ("ចុះហត្ថលេខា",),
    "signing": ("ចុះហត្ថលេខា",),
    "cooperat": ("កិច្ចសហប្រតិបត្តិការ", "សហការ"),
    "partner": ("ដៃគូ",),
    "japan": ("ជប៉ុន",),
    "china": ("ចិន",),
    "korea": ("កូរ៉េ",),
    "asean": ("អាស៊ាន",),
    "thank": ("អរគុណ", "អំណរគុណ"),
    "congratulat": ("អបអរសាទរ",),
    "satisf": ("ពេញចិត្ត",),
    "challeng": ("បញ្ហាប្រឈម",),
    "solution": ("ដំណោះស្រាយ",),
    "progress": ("វឌ្ឍនភាព",),
    "report": ("របាយការណ៍",),
    "result": ("លទ្ធផល",),
    "survey": ("ស្ទង់មតិ", "អង្កេត"),
    "inspect": ("ត្រួតពិនិត្យ",),
    "visit": ("ទស្សនកិច្ច", "ចុះពិនិត្យ"),
    "donat": ("ឧបត្ថម្ភ", "បរិច្ចាគ"),
    "gift": ("អំណោយ",),
    "certificate": ("វិញ្ញាបនបត្រ",),
    "award": ("រង្វាន់",),
    "exam": ("ប្រឡង",),
    "competition": ("ប្រកួត",),
    "flood": ("ទឹកជំនន់",),
    "drought": ("រាំងស្ងួត",),
    "tourism": ("ទេសចរណ៍",),
    "export": ("នាំចេញ",),
    "invest": ("វិនិយោគ",),
    "market": ("ទីផ្សារ",),
    "bank": ("ធនាគារ",),
    "phone": ("ទូរស័ព្ទ",),
    "website": ("គេហទំព័រ", "វិបសាយ"),
    "application": ("កម្មវិធី",),
    "online": ("អនឡាញ", "អ៊ីនធឺណិត"),
    "future": ("អនាគត",),
    "next year": ("ឆ្នាំក្រោយ",),
}
"""English stem (matched at a word start, case-insensitive) → Khmer forms."""


@cache
def _english() -> re.Pattern[str]:
    stems = sorted(LEXICON, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + ")", re.IGNORECASE)


@cache
def _khmer() -> tuple[tuple[str, str], ...]:
    return tuple((form, stem) for stem, forms in LEXICON.items() for form in forms)


def lexemes(text: str, khmer: bool) -> frozenset[str]:
    """The lexicon concepts ``text`` names, as anchors ``w:<english stem>``."""
    if khmer:
        return frozenset(f"w:{stem}" for form, stem in _khmer() if form in text)
    return frozenset(f"w:{m.group(1).lower()}" for m in _english().finditer(text))
