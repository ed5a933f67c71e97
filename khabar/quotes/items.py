"""A statement found in a sentence, in token positions, before it becomes a span."""
from __future__ import annotations

from dataclasses import dataclass, field

from khabar.quotes.lexicon import CueForm
from khabar.quotes.medium import Medium
from khabar.quotes.speaker import NP


@dataclass(slots=True)
class Item:
    kind: str  # direct / indirect
    ca: int  # content, token range [ca, cb)
    cb: int
    cue_a: int
    cue_b: int
    cue_skip: int
    form: CueForm | None
    negated: bool = False
    speaker: NP | None = None
    medium: Medium | None = None
    chain: list[Medium] = field(default_factory=list)
    inherited: bool = False
    bounded: bool = False  # a quotation: its end is fixed
    headline: bool = False
    end_view: int | None = None  # a quotation closing beyond the sentence (view offset)
    quote_open: int = -1  # the content opens with this quotation mark
    loose: bool = False  # a verb or a stray preposition stands between subject and content
    content_skip: int = 0  # characters of a particle glued to the content's first word
    document: bool = False  # the speaker wrote a document that is the verb's subject
    relative: bool = False  # the cue opens a relative clause; its speaker is the antecedent
