"""The record as typed Python objects: what `khabar.extract` and `khabar.pipe` give.

A `Record` wraps one JSON record (the shape `khabar schema` describes) and reads it as
typed objects: `record.quotes[0].speaker.canonical`, `record.entities`, `record.metadata`.
`to_dict()` and `to_json()` give the record itself, byte for byte what `khabar extract`
prints. The classes mirror the schema's definitions field for field (a test checks it).
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from khabar.document import Article

__all__ = ["Content", "Cue", "Entity", "Issue", "Medium", "Quote", "Record", "Speaker",
           "Timex"]


def _str(d: Mapping[str, Any], key: str) -> str | None:
    v = d.get(key)
    return None if v is None else str(v)


def _int(d: Mapping[str, Any], key: str) -> int:
    v = d.get(key)
    return int(v) if isinstance(v, int) else 0


@dataclass(frozen=True, slots=True)
class Content:
    """What was said: the statement's text and where it lies in `Record.text`."""

    text: str
    start: int
    end: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Content:
        return cls(str(d.get("text") or ""), _int(d, "start"), _int(d, "end"))


@dataclass(frozen=True, slots=True)
class Cue:
    """The reporting verb or phrase; `cls` is the schema's `class` (a Python keyword)."""

    text: str
    start: int
    end: int
    lemma: str | None = None
    cls: str | None = None
    negated: bool = False

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Cue:
        return cls(str(d.get("text") or ""), _int(d, "start"), _int(d, "end"),
                   _str(d, "lemma"), _str(d, "class"), bool(d.get("negated")))


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a statement, as written at it and by the source's fullest name."""

    text: str
    start: int
    end: int
    canonical: str | None = None
    title: str | None = None
    affiliation: str | None = None
    anonymous: bool = False
    kind: str = "person"
    entity: str | None = None

    @property
    def name(self) -> str:
        """The canonical name, or the phrase as written when there is none."""
        return self.canonical or self.text

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Speaker:
        return cls(str(d.get("text") or ""), _int(d, "start"), _int(d, "end"),
                   _str(d, "canonical"), _str(d, "title"), _str(d, "affiliation"),
                   bool(d.get("anonymous")), str(d.get("kind") or "person"),
                   _str(d, "entity"))


@dataclass(frozen=True, slots=True)
class Medium:
    """A channel or outlet a statement went through; `relation` says how."""

    text: str
    start: int
    end: int
    canonical: str | None = None
    relation: str | None = None
    entity: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Medium:
        return cls(str(d.get("text") or ""), _int(d, "start"), _int(d, "end"),
                   _str(d, "canonical"), _str(d, "relation"), _str(d, "entity"))


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement. `str(quote)` is a readable line."""

    kind: str
    content: Content
    cue: Cue | None = None
    speaker: Speaker | None = None
    medium: Medium | None = None
    chain: tuple[Medium, ...] = ()
    time: str | None = None
    zone: str = "body"
    inherited: bool = False

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker else "?"
        cue = f" ({self.cue.text})" if self.cue else ""
        via = f" → {self.medium.canonical or self.medium.text}" if self.medium else ""
        return f"{who}{via}{cue}: «{self.content.text}»"

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        def opt(key: str) -> Mapping[str, Any] | None:
            v = d.get(key)
            return v if isinstance(v, Mapping) else None

        cue, speaker, medium = opt("cue"), opt("speaker"), opt("medium")
        return cls(str(d.get("kind") or ""), Content.from_dict(opt("content") or {}),
                   Cue.from_dict(cue) if cue else None,
                   Speaker.from_dict(speaker) if speaker else None,
                   Medium.from_dict(medium) if medium else None,
                   tuple(Medium.from_dict(h) for h in d.get("chain") or ()
                         if isinstance(h, Mapping)),
                   _str(d, "time"), str(d.get("zone") or "body"), bool(d.get("inherited")))


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression and its resolved value (ISO 8601 / TIMEX3)."""

    text: str
    start: int
    end: int
    type: str
    value: str | None = None
    mod: str | None = None
    anchor: str | None = None
    granularity: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Timex:
        return cls(str(d.get("text") or ""), _int(d, "start"), _int(d, "end"),
                   str(d.get("type") or ""), _str(d, "value"), _str(d, "mod"),
                   _str(d, "anchor"), _str(d, "granularity"))


@dataclass(frozen=True, slots=True)
class Entity:
    """A name as written (type PER, ORG, LOC or MISC) and the entity it belongs to."""

    text: str
    type: str
    mentions: tuple[tuple[int, int], ...]
    canonical: str | None = None
    entity: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Entity:
        mentions = tuple((int(m[0]), int(m[1])) for m in d.get("mentions") or ()
                         if isinstance(m, Sequence) and len(m) == 2)
        return cls(str(d.get("text") or ""), str(d.get("type") or ""), mentions,
                   _str(d, "canonical"), _str(d, "entity"))


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem met while reading or processing (codes: `khabar.errors.issue_codes()`)."""

    code: str
    message: str
    severity: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Issue:
        return cls(str(d.get("code") or ""), str(d.get("message") or ""),
                   str(d.get("severity") or "warning"))


class Record:
    """One article's record: typed attributes over the JSON record.

    `article` is the `khabar.Article` behind it (text, layers of spans) when the record was
    made in this process, else None.
    """

    def __init__(self, data: dict[str, Any], article: Article | None = None) -> None:
        self._data = data
        self.article = article

    # -------------------------------------------------------------- plain fields
    @property
    def text(self) -> str:
        """The article text as ingested; every offset points into it."""
        return str(self._data.get("text") or "")

    @property
    def body(self) -> str:
        """The clean body, without page furniture."""
        return str(self._data.get("body") or "")

    @property
    def ok(self) -> bool:
        """False when an error left the record incomplete (see `issues`)."""
        return bool(self._data.get("ok", True))

    @property
    def metadata(self) -> dict[str, Any]:
        """title, published, author, outlet...: only the fields some source gave."""
        return dict(self._data.get("metadata") or {})

    @property
    def source(self) -> dict[str, Any]:
        """Where the article came from: path, format, encoding, record, name, bytes."""
        return dict(self._data.get("source") or {})

    @property
    def language(self) -> dict[str, Any]:
        return dict(self._data.get("language") or {})

    @property
    def title(self) -> str | None:
        value = (self._data.get("metadata") or {}).get("title")
        return None if value is None else str(value)

    @property
    def published(self) -> str | None:
        value = (self._data.get("metadata") or {}).get("published")
        return None if value is None else str(value)

    @property
    def layers(self) -> dict[str, list[dict[str, Any]]]:
        """Standoff spans by layer name (see the schema)."""
        return dict(self._data.get("layers") or {})

    # -------------------------------------------------------------- typed lists
    @cached_property
    def quotes(self) -> list[Quote]:
        """Attributed statements, in text order."""
        return [Quote.from_dict(q) for q in self._data.get("quotes") or ()]

    @cached_property
    def timexes(self) -> list[Timex]:
        """Temporal expressions resolved to a value."""
        return [Timex.from_dict(t) for t in self._data.get("timexes") or ()]

    @cached_property
    def timexes_unresolved(self) -> list[Timex]:
        return [Timex.from_dict(t) for t in self._data.get("timexes_unresolved") or ()]

    @cached_property
    def entities(self) -> list[Entity]:
        """Names as written, each with its entity id and canonical name."""
        return [Entity.from_dict(e) for e in self._data.get("entities") or ()]

    @cached_property
    def issues(self) -> list[Issue]:
        return [Issue.from_dict(i) for i in self._data.get("issues") or ()]

    # -------------------------------------------------------------- the record itself
    def to_dict(self) -> dict[str, Any]:
        """The JSON record as a dict (the record itself, not a copy)."""
        return self._data

    def to_json(self, indent: int | None = None) -> str:
        """The JSON record as text, Arabic kept as is (not \\u escapes)."""
        return json.dumps(self._data, ensure_ascii=False, indent=indent)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and other._data == self._data

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dict it wraps

    def __repr__(self) -> str:
        name = self.source.get("name")
        return (f"<Record {name!r} ok={self.ok} quotes={len(self.quotes)} "
                f"entities={len(self.entities)} timexes={len(self.timexes)}>")
