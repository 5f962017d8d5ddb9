"""Paste-safe text: every class of troublesome character, and how characters are counted."""

from __future__ import annotations

import unicodedata

import pytest

from jdbuilder.paste import count_characters, paste_safe


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # curly quotes and apostrophes become straight ones
        ("\u2018Kind\u2019 and \u201cSafe\u201d", "'Kind' and \"Safe\""),
        ("the trust\u2019s values", "the trust's values"),
        ("\u201alow\u201b \u201elow\u201f", "'low' \"low\""),
        # every dash becomes a hyphen
        ("Orthopaedics \u2013 Fracture Clinic", "Orthopaedics - Fracture Clinic"),
        ("care\u2014always", "care-always"),
        ("X\u2010ray, X\u2011ray, 1\u20122, \u2015, \u22121", "X-ray, X-ray, 1-2, -, -1"),
        # the ellipsis becomes three full stops; a bullet becomes a hyphen
        ("and so on\u2026", "and so on..."),
        ("\u2022 one", "- one"),
        # non-breaking and other Unicode spaces become plain spaces
        ("37.5\u00a0hours", "37.5 hours"),
        ("\u00a327,485\u202fa year", "\u00a327,485 a year"),
        ("a\u2007b\u2009c\u3000d", "a b c d"),
        # zero-width characters, the byte order mark and soft hyphens are removed
        ("\ufeffzero\u200bwidth\u200c\u200d\u2060", "zerowidth"),
        ("radio\u00adgraphy", "radiography"),
        # tabs become spaces, runs of spaces become one, lines lose trailing spaces
        ("one\ttwo", "one two"),
        ("one   two", "one two"),
        ("line one   \nline two\t", "line one\nline two"),
        ("  indented", "indented"),
        # every line break becomes \n; at most one blank line; none at the ends
        ("a\r\nb\rc\u2028d\u2029e\u0085f", "a\nb\nc\nd\ne\nf"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("\n\ntext\n\n", "text"),
        # other control characters are removed
        ("bell\x07 and\x1b escape", "bell and escape"),
        # plain text is left alone, including the pound sign and accented letters
        ("£24,937 to £26,598 a year, café", "£24,937 to £26,598 a year, café"),
    ],
)
def test_paste_safe(raw: str, clean: str) -> None:
    assert paste_safe(raw) == clean
    assert paste_safe(clean) == clean  # clean text is a fixed point


def test_unicode_is_composed_nfc() -> None:
    decomposed = "cafe\u0301"  # e + combining acute accent: two code points
    assert len(decomposed) == 5
    clean = paste_safe(decomposed)
    assert clean == "caf\u00e9" and unicodedata.is_normalized("NFC", clean)
    assert count_characters(clean) == 4


def test_counting_is_after_clean_up() -> None:
    pasted = "Kind\u200b\u00a0 care\u2019s   \r\n"
    assert count_characters(pasted) == len(pasted) == 18  # what the raw text would count
    assert count_characters(paste_safe(pasted)) == len("Kind care's") == 11


@pytest.mark.parametrize(
    ("text", "per_break", "count"),
    [
        ("one\ntwo", 1, 7),
        ("one\ntwo", 2, 8),
        ("a\n\nb", 2, 6),
        ("no breaks", 2, 9),
        ("emoji \U0001f600", 1, 8),  # outside the BMP: two UTF-16 code units, as browsers count
    ],
)
def test_count_characters(text: str, per_break: int, count: int) -> None:
    assert count_characters(text, per_break) == count
