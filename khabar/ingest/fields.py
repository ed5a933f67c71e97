"""The field-name tables of `resources/ingest_fields.yaml` and `ingest_encodings.yaml`,
loaded once at import and turned into lookups."""
from __future__ import annotations

import codecs
import re
from importlib import resources as _ir
from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

# the keys of `Article.given` that come from input metadata, in record order
GIVEN_KEYS = ("title", "published", "author", "url", "sitename", "article_id")


def load_neutral(name: str) -> Any:
    """A language-neutral resource file `resources/<name>.yaml`."""
    path = _ir.files("khabar.resources").joinpath(f"{name}.yaml")
    with path.open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


_KEY_NOISE = re.compile(r"[\s_\-.]+")


def key_form(key: str) -> str:
    """How record keys are compared: pubDate, pub_date and "Pub Date" are one key."""
    return _KEY_NOISE.sub("", key).casefold()


def codec_name(name: str) -> str | None:
    """Python's canonical name of a codec, or None if Python does not know it."""
    try:
        return codecs.lookup(name.strip()).name
    except (LookupError, AttributeError):
        return None


_FIELDS = load_neutral("ingest_fields")
_ENCODINGS = load_neutral("ingest_encodings")

# target -> aliases in precedence order, each in key_form
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    target: tuple(key_form(a) for a in aliases)
    for target, aliases in _FIELDS["record_fields"].items()
}
RECORD_CONTAINERS: tuple[str, ...] = tuple(key_form(k) for k in _FIELDS["record_containers"])
HTML_META: dict[str, tuple[str, ...]] = {
    target: tuple(k.lower() for k in keys) for target, keys in _FIELDS["html_meta"].items()
}
JSONLD_TYPES: frozenset[str] = frozenset(_FIELDS["jsonld_types"])
JSONLD_FIELDS: dict[str, tuple[str, ...]] = {
    target: tuple(keys) for target, keys in _FIELDS["jsonld_fields"].items()
}

PREFERRED_CODECS: tuple[str, ...] = tuple(
    n for n in (codec_name(c) for c in _ENCODINGS["preferred"]) if n)
WEAK_DECLARED: frozenset[str] = frozenset(
    n for n in (codec_name(c) for c in _ENCODINGS["weak_declared"]) if n)
