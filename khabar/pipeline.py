"""The pipeline: named stages that declare the layers they read and write.

The order is checked once, when the pipeline is built, not per article. Executors
(one article, a process pool, a distributed engine: `khabar.run`) call `Pipeline.pipe`
and nothing else. Per article, a stage whose required input comes from a stage that
failed on that article is skipped with a flag, and a failed stage leaves no partial layer
behind. `khabar.contract` checks, when asked, that each stage reads and writes only what
it declares.
"""
from __future__ import annotations

import functools
import gc
import importlib
import os
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from khabar.contract import ContractError, checked_call
from khabar.document import Article
from khabar.errors import Code, flag

__all__ = ["STAGES", "Stage", "Pipeline", "PipelineError", "ContractError"]


@dataclass(frozen=True)
class Stage:
    name: str
    target: str  # "module:function", imported when the pipeline is built
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()  # read when an earlier stage made them, not required
    # layers of earlier stages whose spans this one changes in place (adds attributes to)
    updates: tuple[str, ...] = ()


# the default order; every stage adds layers, none rewrites the text. time, quotes and
# events read the folded view's tokens (`Article.folded_tokens`, docs/folded-tokens.md):
# a cache of the text like `Article.view`, no layer, so nothing to declare
STAGES: tuple[Stage, ...] = (
    Stage("furniture", "khabar.furniture:annotate", (), ("boilerplate", "body", "title", "meta")),
    Stage("language", "khabar.language:annotate", ("body",), ("language",)),
    Stage("segment", "khabar.segment:segment", ("body", "title"),
          ("paragraphs", "sentences", "tokens")),
    Stage("time", "khabar.timex:annotate", ("sentences", "meta"), ("timexes",),
          uses=("boilerplate",), updates=("meta",)),  # a publication date the story tells
    Stage("entities", "khabar.ner:annotate", ("tokens", "sentences"), ("mentions",),
          uses=("boilerplate",)),  # a dateline's place
    Stage("quotes", "khabar.quotes:annotate", ("paragraphs", "sentences", "tokens"),
          ("quotes",), uses=("mentions", "timexes", "body")),
    Stage("events", "khabar.events:annotate", ("sentences",), ("events",),
          uses=("paragraphs", "mentions", "timexes", "quotes", "meta")),
    Stage("link", "khabar.link:annotate", (), (), uses=("quotes", "mentions"),
          updates=("quotes",)),
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


# the largest article text the stages are run on, in UTF-8 bytes: the pipeline is linear
# in its input (benchmarks/growth.py), but memory is some hundred bytes per character, so
# one giant input must not take a batch down with it. Larger articles are flagged
# E_TOO_LARGE and not processed; raise it with KHABAR_MAX_ARTICLE_BYTES or `max_bytes`.
MAX_ARTICLE_BYTES = 32 * 1024 * 1024


def _max_bytes_default() -> int:
    value = os.environ.get("KHABAR_MAX_ARTICLE_BYTES", "")
    try:
        return int(value) if value else MAX_ARTICLE_BYTES
    except ValueError:
        raise PipelineError(
            f"KHABAR_MAX_ARTICLE_BYTES is not a number of bytes: {value!r}") from None


class Pipeline:
    def __init__(self, stages: Iterable[Stage] = STAGES, skip: Iterable[str] = (),
                 options: dict[str, dict] | None = None, check: bool | None = None,
                 max_bytes: int | None = None) -> None:
        """`options` gives stages keyword arguments by stage name, e.g.
        `{"entities": {"mode": "ensemble"}}`. `check` runs every stage under the contract
        check (`khabar.contract`; default: the environment variable KHABAR_CHECK_STAGES).
        `max_bytes` is the size limit of an article's text (0: none)."""
        stages = tuple(stages)
        skip = set(skip)
        options = options or {}
        if check is None:
            check = os.environ.get("KHABAR_CHECK_STAGES", "") not in ("", "0")
        self.check = check
        self.max_bytes = _max_bytes_default() if max_bytes is None else max_bytes
        # what a worker process needs to build the same pipeline (all of it picklable)
        self.spec = (stages, tuple(sorted(skip)), options, check, self.max_bytes)
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
        # which stage makes each layer, for skipping the stages that need a failed one's
        self._maker = {layer: st.name for st in self.stages for layer in st.assigns}
        for st in self.stages:
            mod, func = st.target.split(":")
            fn = getattr(importlib.import_module(mod), func)
            if options.get(st.name):
                fn = functools.partial(fn, **options[st.name])
            self._funcs.append((st.name, fn))

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    @classmethod
    def from_spec(cls, spec) -> "Pipeline":
        stages, skip, options, check, max_bytes = spec
        return cls(stages, skip, options, check, max_bytes)

    def run(self, article: Article) -> Article:
        limit = self.max_bytes
        if limit and len(article.text) * 4 > limit and len(article.text.encode()) > limit:
            flag(article, Code.E_TOO_LARGE, f"the text is {len(article.text.encode())} bytes, "
                 f"over the processing limit of {limit} (KHABAR_MAX_ARTICLE_BYTES); no stage "
                 "was run")
            return article
        broken: set[str] = set()  # stages that failed or were skipped on this article
        for st, (name, func) in zip(self.stages, self._funcs):
            lost = sorted({self._maker[r] for r in st.requires
                           if self._maker.get(r) in broken}) if broken else None
            if lost:
                broken.add(name)
                article.flag(f"stage.{name}.skipped", f"not run: it needs the output of "
                             f"stage {', '.join(lost)}, which failed on this article", "error")
                continue
            before = set(article.layers)
            meta_before = set(article.metadata)
            try:
                if self.check:
                    checked_call(st, func, article)
                else:
                    func(article)
            except ContractError:
                raise  # a stage that breaks its declaration is a bug to fix, not to flag
            except Exception as err:  # a stage's bug must not lose the article
                broken.add(name)
                # half a layer is worse than none: what the stage added goes
                for layer in set(article.layers) - before:
                    del article.layers[layer]
                for key in set(article.metadata) - meta_before:
                    del article.metadata[key]
                article.flag(f"stage.{name}", f"{type(err).__name__}: {err}", "error")
                continue
            # a stage that ran leaves its layers, empty or not: records keep one key set
            for layer in st.assigns:
                if layer not in _NOT_LAYERS:
                    article.layers.setdefault(layer, [])
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The batch entry point every executor calls: each article processed, in order.
        An article that arrives failed (an ingest error) passes through untouched.

        Once the first article has loaded the models, what is alive then is frozen for the
        garbage collector until the stream ends (unless the caller froze objects first,
        as `khabar index` does): a full collection otherwise walks every object of the
        models, 0.1-0.2 s each, about 0.2 ms per article (docs/throughput.md)."""
        frozen = False
        try:
            for article in articles:
                yield article if article.failed else self.run(article)
                if not frozen and not article.failed and not gc.get_freeze_count():
                    gc.freeze()
                    frozen = True
        finally:
            if frozen:
                gc.unfreeze()
