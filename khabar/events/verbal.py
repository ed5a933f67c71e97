"""Verbal acts: statements whose speech act is a PLOVER verbal type (accusing, threatening,
requesting, rejecting, supporting, conceding) listed as events too, marked
`from_statement` with the statement's index, so the output is complete PLOVER."""
from __future__ import annotations

from khabar.events import lexicon as L
from khabar.events.extract import Context


def verbal_events(ctx: Context) -> list[dict]:
    out = []
    text = ctx.article.text
    for i, q in enumerate(ctx.quotes_list):
        cue = q.attrs.get("cue") or {}
        type_ = L.VERBAL_ACTS.get(cue.get("class"))
        if type_ is None or "start" not in cue:
            continue
        speaker = q.attrs.get("speaker")
        out.append({
            "type": type_,
            "mode": None,
            "trigger": {"text": text[cue["start"]:cue["end"]], "start": cue["start"],
                        "end": cue["end"]},
            "sentence": {"text": text[q.start:q.end], "start": q.start, "end": q.end},
            "zone": q.attrs.get("zone", "body"),
            "actor": {k: speaker[k] for k in ("text", "start", "end", "canonical")
                      if k in speaker} if speaker and "start" in speaker else None,
            "recipient": None, "location": None, "date": None,
            "dead": None, "injured": None, "arrested": None,
            "status": "denied" if cue.get("negated") else "asserted",
            "statement": i,
            "from_statement": True,
            "mentions": [],
        })
    return out
