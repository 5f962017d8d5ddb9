"""Paste-safe plain text for web forms such as NHS Jobs, and its character count.

Text pasted into a web form can carry characters the reader never sees (zero-width spaces,
non-breaking spaces, trailing spaces), and typographic characters (curly quotes, dashes)
that some recruitment systems turn into junk. `paste_safe` replaces or removes all of them;
`count_characters` counts what is left the way a browser limits a text box.
"""

from __future__ import annotations

import re
import unicodedata

#: typographic characters and their plain keyboard equivalents
PLAIN = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark (and curly apostrophe)
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u2026": "...",  # horizontal ellipsis
        "\u2022": "-",  # bullet
        "\t": " ",
    }
)
#: characters that take no space: zero-width space, non-joiner and joiner, word joiner,
#: byte order mark, soft hyphen, Mongolian vowel separator
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
#: line breaks other than \n: CR LF, CR, next line, line and paragraph separators, form feed
LINE_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029\x0b\x0c]")
#: control characters other than \n (C0 and C1)
CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _is_space(char: str) -> bool:
    """Any Unicode space separator (no-break, thin, figure, ideographic ...)."""
    return unicodedata.category(char) == "Zs"


def paste_safe(text: str) -> str:
    """Plain, visible text: straight quotes, hyphens, single spaces, \\n line breaks, NFC.

    No tabs, no trailing or leading spaces on any line, at most one blank line in a row,
    and no blank lines at the start or end.
    """
    text = unicodedata.normalize("NFC", text)
    text = LINE_BREAKS.sub("\n", text).translate(PLAIN)
    text = INVISIBLE.sub("", text)
    text = CONTROLS.sub("", text)
    text = "".join(" " if _is_space(char) else char for char in text)
    lines = [re.sub(" {2,}", " ", line).strip(" ") for line in text.split("\n")]
    text = re.sub("\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return unicodedata.normalize("NFC", text)


def count_characters(text: str, line_break_counts_as: int = 1) -> int:
    """Characters as a browser limits a text box: UTF-16 code units (an emoji counts 2),
    with each line break counted as `line_break_counts_as`."""
    units = len(text.encode("utf-16-le")) // 2
    return units + (line_break_counts_as - 1) * text.count("\n")
