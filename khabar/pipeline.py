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
    Stage("events", "khabar.events:annotate", ("sentences",), ("events",),
          uses=("paragraphs", "mentions", "timexes", "quotes")),
    Stage("link", "khabar.link:annotate", (), ("links",), uses=("quotes", "mentions")),
)


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
        unknown = set(options) - {s.name for s in stages}
        if unknown:
            raise PipelineError(f"options for unknown stages: {sorted(unknown)}")
        self.stages = [s for s in stages if s.name not in skip]
        have: set[str] = set()
        self._funcs: list[tuple[str, Callable[[Article], None]]] = []
        for st in self.stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {st.name!r} needs {missing}, which no earlier "
                                    f"stage assigns")
            have.update(st.assigns)
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
        for name, func in self._funcs:
            try:
                func(article)
            except Exception as err:  # a stage's bug must not lose the article
                article.flag(f"stage.{name}", f"{type(err).__name__}: {err}", "error")
        return article
