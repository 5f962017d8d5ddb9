"""Small pieces of English the composer, the renderers and the advert all write the same way."""

from __future__ import annotations

import datetime


def join_words(items: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b and c'; one item is itself, none is ''."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def long_date(day: datetime.date) -> str:
    """15 January 2027."""
    return f"{day.day} {day:%B %Y}"


def lower_first(text: str) -> str:
    """'Perform ...' -> 'perform ...', leaving abbreviations such as 'ECG' alone."""
    if text[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]
