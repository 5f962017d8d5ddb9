"""The one way jdbuilder makes a Jinja2 environment: strict and autoescaping.

A field a template names but the data lacks is an error, not an empty string, and every value
is HTML-escaped, so text containing `<`, `&` or `{{` prints as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2


def strict_environment(search_path: Sequence[Path]) -> jinja2.Environment:
    """An environment loading templates from the folders in order, first match wins."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in search_path]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
