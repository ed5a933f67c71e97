"""A plain-text table of statements (speaker, cue, medium, content) for `khabar quotes`."""
from __future__ import annotations

import unicodedata

_WIDTHS = {"speaker": 28, "cue": 12, "medium": 18}
_CONTENT = 70


def _text(x) -> str:
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    if isinstance(x, dict):
        return str(x.get("canonical") or x.get("text") or "")
    return str(x)


def _clip(s: str, width: int) -> str:
    s = " ".join(s.split())
    if len(s) > width:
        s = s[:width - 1] + "…"
    return s


def _cell(s: str, width: int) -> str:
    s = _clip(s, width)
    visible = sum(1 for c in s if not unicodedata.combining(c))
    return s + " " * max(0, width - visible)


def format_table(records: list[dict]) -> str:
    """One line per statement: kind, speaker, cue, medium, content (clipped)."""
    head = ["#", "kind", _cell("speaker", _WIDTHS["speaker"]), _cell("cue", _WIDTHS["cue"]),
            _cell("medium", _WIDTHS["medium"]), "content"]
    lines = [" | ".join(head)]
    for i, q in enumerate(records, 1):
        speaker = _text(q.get("speaker"))
        if isinstance(q.get("speaker"), dict) and q["speaker"].get("anonymous"):
            speaker += " (anon.)"
        if q.get("inherited"):
            speaker += " ↑"
        cue = _text(q.get("cue")) if not isinstance(q.get("cue"), dict) \
            else q["cue"].get("text", "")
        if isinstance(q.get("cue"), dict) and q["cue"].get("negated"):
            cue = "¬" + cue
        medium = _text(q.get("medium"))
        for hop in q.get("chain") or []:
            if _text(hop) and _text(hop) != medium:
                medium += " ← " + _text(hop)
        content = q.get("content")
        content = content.get("text", "") if isinstance(content, dict) else str(content or "")
        kind = "D" if q.get("kind") == "direct" else "I"
        lines.append(" | ".join([str(i), f"{kind:4s}", _cell(speaker, _WIDTHS["speaker"]),
                                 _cell(cue, _WIDTHS["cue"]), _cell(medium, _WIDTHS["medium"]),
                                 _clip(content, _CONTENT)]))
    return "\n".join(lines)
