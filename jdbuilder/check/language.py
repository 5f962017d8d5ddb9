"""Plain language: gender-coded words, long sentences, acronyms, and a readability figure.

Readability is the Flesch reading ease score, 206.835 - 1.015 x (words per sentence) -
84.6 x (syllables per word), over the running text only (sentences of at least
`running_text_min_words` words; headings, labels and short table cells are left out).
Syllables are counted by a rule, not a dictionary: each group of consecutive vowels
(a, e, i, o, u, y) is one syllable; a silent final "e" ("care") and a silent "-es" or "-ed"
("makes", "cared", but not "-tes", "-des", "-ses" ...) take one away; every word has at
least one. Figures and all-capital abbreviations count as one syllable, as Flesch advised.
The rule is right for most words and close for the rest, so compare scores made by this
tool with each other rather than with scores from other tools.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from jdbuilder.check.config import GenderWord, Language
from jdbuilder.check.document import Document, Sentence
from jdbuilder.check.results import Finding
from jdbuilder.check.text import shorten, words

_TOKEN = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&()]*[A-Z](s?)\b")
_ROMAN = re.compile(r"[IVX]+")
#: a reference code such as "401-AP-RAD-26" or "AP/2026/14": letters in it are not acronyms
_CODE = re.compile(r"\S*\d\S*")
_NUMBERED = re.compile(
    r"\b(?:part|level|stage|phase|grade|section|schedule|annex|year|volume)\s+$", re.I
)
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SILENT_ES_ED = re.compile(r"(?<![tdszcg])(?<!sh)(?<!ch)e[sd]$")
QUOTE = 80


def syllables(word: str) -> int:
    """Syllables in a word by the vowel-group rule in the module docstring."""
    if not any(c.isalpha() for c in word) or (word.isupper() and len(word) > 1):
        return 1
    letters = re.sub(r"[^a-z]", "", word.lower())
    count = len(_VOWEL_GROUPS.findall(letters))
    silent_e = letters.endswith("e") and not letters.endswith(("le", "ee", "ye"))
    if count > 1 and (silent_e or _SILENT_ES_ED.search(letters)):
        count -= 1
    return max(1, count)


def flesch_reading_ease(sentences: list[str]) -> float:
    """The Flesch reading ease of the given sentences."""
    sentence_words = [words(sentence) for sentence in sentences]
    total_words = sum(len(w) for w in sentence_words)
    total_syllables = sum(syllables(word) for w in sentence_words for word in w)
    return 206.835 - 1.015 * (total_words / len(sentences)) - 84.6 * (total_syllables / total_words)


def readability(document: Document, language: Language) -> Finding:
    """The readability figure, with its method, as an info finding."""
    running = [
        s.text for s in document.sentences if len(words(s.text)) >= language.running_text_min_words
    ]
    if not running:
        return Finding(
            "info",
            "lang-readability",
            f"Not enough running text to compute a readability figure ({language.readability_method}).",
        )
    score = flesch_reading_ease(running)
    label = next(label for low, label in language.readability_bands if score >= low)
    return Finding(
        "info",
        "lang-readability",
        f"{language.readability_method}: {score:.1f} ({label}), over {len(running)} sentences of "
        f"running text. Method: {language.readability_formula}, with syllables counted by a "
        "vowel-group rule; higher is easier, 60 to 70 is plain English.",
    )


def long_sentences(document: Document, language: Language) -> list[Finding]:
    """Each sentence longer than the limit."""
    limit = language.max_sentence_words
    findings = []
    for sentence in document.sentences:
        count = len(words(sentence.text))
        if count > limit:
            findings.append(
                Finding(
                    "warning",
                    "lang-long-sentence",
                    f"A sentence of {count} words (aim for {limit} or fewer): "
                    f"“{shorten(sentence.text, QUOTE)}”",
                    sentence.location,
                )
            )
    return findings


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _spelled_out(text: str, start: int, end: int) -> bool:
    """'Full Name (ACR)', 'Full Name (UK ACR)' or 'ACR (Full Name)' at this use of it."""
    opened, closed = text.rfind("(", 0, start), text.find(")", end)
    inside_brackets = (
        opened > text.rfind(")", 0, start)
        and closed >= 0
        and len(text[opened + 1 : closed].split()) <= 3
        and opened > 0
        and text[opened - 1] == " "
    )
    followed = re.match(r"\s\(([^)]+)\)", text[end:])
    return inside_brackets or bool(followed and len(followed.group(1).split()) >= 2)


def _in_code(text: str, start: int) -> bool:
    """Whether the capitals at start belong to a code joined by hyphens or slashes to digits."""
    token_start = text.rfind(" ", 0, start) + 1
    token_end = text.find(" ", start)
    token = text[token_start : token_end if token_end >= 0 else len(text)]
    return bool(_CODE.fullmatch(token)) and any(mark in token for mark in "-/")


def acronyms(document: Document, language: Language) -> list[Finding]:
    """Acronyms whose first use is not spelled out."""
    seen: set[str] = set()
    findings = []
    for sentence in document.sentences:
        if _mostly_capitals(sentence.text):
            continue
        for match in _ACRONYM.finditer(sentence.text):
            acronym = match.group()[: -len(match.group(1))] if match.group(1) else match.group()
            if acronym in seen or acronym in language.known_acronyms:
                continue
            if _ROMAN.fullmatch(acronym) and _NUMBERED.search(sentence.text[: match.start()]):
                continue  # "Part II", "Level III": a number, not an acronym
            if _in_code(sentence.text, match.start()):
                continue
            seen.add(acronym)
            if not _spelled_out(sentence.text, match.start(), match.end()):
                findings.append(
                    Finding(
                        "warning",
                        "lang-acronym",
                        f"“{acronym}” is not spelled out where it is first used; write it in "
                        f"full, then ({acronym}).",
                        sentence.location,
                    )
                )
    return findings


@dataclass(frozen=True)
class CodedUse:
    word: str
    entry: str
    gender: str
    location: str


def _allowed_spans(sentence: Sentence, language: Language) -> list[tuple[int, int]]:
    return [
        match.span()
        for _, patterns in language.allowlist
        for pattern in patterns
        for match in pattern.finditer(sentence.text)
    ]


def _entry_for(word: str, language: Language) -> GenderWord | None:
    for entry in language.gender_words.get(word[:1], ()):
        if entry.matches(word):
            return entry
    return None


def coded_words(document: Document, language: Language) -> tuple[list[CodedUse], int]:
    """Each use of a gender-coded word, and how many uses the allowlist excused."""
    uses: list[CodedUse] = []
    excused = 0
    for sentence in document.sentences:
        allowed = _allowed_spans(sentence, language)
        for match in _TOKEN.finditer(sentence.text):
            token = match.group().lower().replace("’", "'")
            candidates = [token, *token.split("-")] if "-" in token else [token]
            entry = next((e for word in candidates if (e := _entry_for(word, language))), None)
            if entry is None:
                continue
            if any(start <= match.start() and match.end() <= end for start, end in allowed):
                excused += 1
                continue
            uses.append(CodedUse(token, entry.entry, entry.gender, sentence.location))
    return uses, excused


def gender_coding(document: Document, language: Language) -> list[Finding]:
    """One info finding per gender-coded word, and a summary with the citation."""
    uses, excused = coded_words(document, language)
    counts = Counter(use.gender for use in uses)
    findings = [
        Finding(
            "info",
            "lang-gender-summary",
            f"Gender-coded words: {counts['masculine']} masculine-coded and "
            f"{counts['feminine']} feminine-coded uses; {excused} uses of NHS values words and "
            f"other allowed terms not counted. Word lists: {language.gender_citation}",
        )
    ]
    by_word: dict[str, list[CodedUse]] = {}
    for use in uses:
        by_word.setdefault(use.word, []).append(use)
    for word, word_uses in by_word.items():
        first = word_uses[0]
        times = "once" if len(word_uses) == 1 else f"{len(word_uses)} times"
        findings.append(
            Finding(
                "info",
                f"lang-gender-{first.gender}",
                f"“{word}” is {first.gender}-coded (list entry {first.entry}), used {times}.",
                first.location,
            )
        )
    return findings
