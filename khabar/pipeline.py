"""The pipeline: named stages that declare the layers they read and write.

The order is checked once, when the pipeline is built, not per article. Executors
(one article, a process pool, a distributed engine) call `Pipeline.run` and nothing else.
"""
from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Callable, Iterable

from khabar.document import Article


@dataclass(frozen=True)
class Stage:
    name: str
    target: str  # "module:function", imported when the pipeline is built
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()  # read when an earlier stage made them, not required


# the default order; every stage adds layers, none rewrites the text
STAGES: tuple[Stage, ...] = (
    Stage("furniture", "khabar.furniture:annotate", (), ("boilerplate", "body", "title", "meta")),
    Stage("language", "khabar.language:annotate", ("body",), ("language",)),
    Stage("segment", "khabar.segment:segment", ("body", "title"),
          ("paragraphs", "sentences", "tokens")),
    Stage("time", "khabar.timex:annotate", ("sentences", "meta"), ("timexes",)),
    Stage("entities", "khabar.ner:annotate", ("tokens", "sentences"), ("mentions",)),
    Stage("quotes", "khabar.quotes:annotate", ("sentences", "tokens"), ("quotes",),
          uses=("mentions", "timexes")),
    Stage("link", "khabar.link:annotate", (), ("links",), uses=("quotes", "mentions")),
)


# what stages assign that is not a layer of spans: the metadata fields, `Article.language`,
# and the entity ids the link stage writes into statements
_NOT_LAYERS = frozenset({"meta", "language", "links"})
# every layer of spans some stage makes, in pipeline order (names a user may ask for)
LAYERS: tuple[str, ...] = tuple(dict.fromkeys(
    a for s in STAGES for a in s.assigns if a not in _NOT_LAYERS))
STAGE_NAMES: tuple[str, ...] = tuple(s.name for s in STAGES)


class PipelineError(ValueError):
    pass


class Pipeline:
    def __init__(self, stages: Iterable[Stage] = STAGES, skip: Iterable[str] = (),
                 options: dict[str, dict] | None = None) -> None:
        """`options` gives stages keyword arguments by stage name, e.g.
        `{"entities": {"mode": "ensemble"}}`."""
        stages = tuple(stages)
        skip = set(skip)
        options = options or {}
        known = [s.name for s in stages]
        unknown = set(options) - set(known)
        if unknown:
            raise PipelineError(f"options for unknown stages: {sorted(unknown)}")
        if skip - set(known):
            raise PipelineError(f"unknown stage {', '.join(sorted(skip - set(known)))}; "
                                f"the stages are {', '.join(known)}")
        self.stages = [s for s in stages if s.name not in skip]
        have: set[str] = set()
        self._funcs: list[tuple[str, Callable[[Article], None]]] = []
        stranded: list[str] = []  # stages whose inputs no earlier stage assigns
        first_missing: list[str] = []
        for st in self.stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                stranded.append(st.name)
                first_missing = first_missing or missing
                continue
            have.update(st.assigns)
        if stranded:
            keep = [s.name for s in stages if s.name in skip and
                    set(s.assigns) & set(first_missing)]
            hint = f"; keep {', '.join(keep)} or skip {', '.join(stranded)} too" if keep else ""
            raise PipelineError(f"stage {stranded[0]!r} needs {first_missing}, which no "
                                f"earlier stage assigns{hint}")
        for st in self.stages:
            mod, func = st.target.split(":")
            fn = getattr(importlib.import_module(mod), func)
            if options.get(st.name):
                fn = functools.partial(fn, **options[st.name])
            self._funcs.append((st.name, fn))

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, article: Article) -> Article:
        for (name, func), st in zip(self._funcs, self.stages):
            try:
                func(article)
            except Exception as err:  # a stage's bug must not lose the article
                article.flag(f"stage.{name}", f"{type(err).__name__}: {err}", "error")
            # a stage that ran leaves its layers, empty or not: records keep one key set
            for layer in st.assigns:
                if layer not in _NOT_LAYERS:
                    article.layers.setdefault(layer, [])
        return article
