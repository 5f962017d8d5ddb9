"""The composed job pack as JSON."""

from __future__ import annotations

import json

from jdbuilder.model import JobPack


def render_json(pack: JobPack) -> bytes:
    """The whole pack as indented UTF-8 JSON, for other systems and for `jdbuilder check`."""
    document = {"jdbuilder_pack": 1, **pack.to_dict()}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def render_files(pack: JobPack) -> dict[str, bytes]:
    return {"pack.json": render_json(pack)}
