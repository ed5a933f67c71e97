"""Language knowledge as data: YAML files under `resources/<lang>/`, loaded once.

Code asks for a resource by name (`load("reporting_verbs")`); it never embeds the words.
`PhraseMatcher` finds resource phrases in a normalized view, clitics allowed in front.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources as _ir
from typing import Any, Iterable, Iterator

import yaml

from khabar.normalize import fold

try:  # the C loader is ten times faster; fall back where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

LANG = "ar"


@lru_cache(maxsize=None)
def load(name: str, lang: str = LANG) -> Any:
    """The parsed content of `resources/<lang>/<name>.yaml`."""
    path = _ir.files("khabar.resources").joinpath(lang, f"{name}.yaml")
    with path.open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


def resource_names(lang: str = LANG) -> list[str]:
    folder = _ir.files("khabar.resources").joinpath(lang)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


# Arabic letters and digits count as word characters; a match must not touch them.
_WORD = r"[\w\u0600-\u06FF]"


class PhraseMatcher:
    """Finds phrases (folded) in a folded text, longest first, on word boundaries.

    `prefixes` are clitics allowed glued to the front (و، ف، ب، ل، ال…): the match's
    `start` is the phrase itself, `clitic_start` where the clitics begin.
    """

    def __init__(self, phrases: Iterable[str], prefixes: Iterable[str] = (),
                 values: dict[str, Any] | None = None) -> None:
        self.values: dict[str, Any] = {}
        keys = set()
        for p in phrases:
            k = fold(p).strip()
            if k:
                keys.add(k)
                if values is not None and p in values:
                    self.values.setdefault(k, values[p])
        ordered = sorted(keys, key=len, reverse=True)
        alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in ordered)
        pre = "|".join(re.escape(fold(p)) for p in sorted(set(prefixes), key=len, reverse=True))
        pre_group = f"(?P<pre>{pre})?" if pre else "(?P<pre>)"
        self._re = re.compile(f"(?<!{_WORD}){pre_group}(?P<m>{alt})(?!{_WORD})") if alt else None

    def finditer(self, folded: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match]:
        if self._re is None:
            return iter(())
        return self._re.finditer(folded, pos, len(folded) if endpos is None else endpos)

    def value(self, matched: str) -> Any:
        return self.values.get(re.sub(r"\s+", " ", matched))
