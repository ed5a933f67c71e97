"""Named entities: a two-pass CRF tagger trained on ANERcorp, mentions and entities.

`annotate(article)` adds the `mentions` layer (labels PER/ORG/LOC/MISC, clitic outside
the span, attrs `entity` and `canonical`); `tag_tokens` and `tag_conll` expose the tagger;
`train` retrains it (see docs/ner.md).
"""
from __future__ import annotations

from typing import TextIO

from khabar.document import Article, TokenLayer
from khabar.ner import datelines, gazetteer
from khabar.ner import tagger as _tagger
from khabar.ner.grouping import Mention, group
from khabar.ner.mentions import LABELS, entities, strip_clitic, strip_conjunction
from khabar.ner.rules import refine, title_before

__all__ = ["annotate", "annotate_batch", "tag_tokens", "tag_conll", "train"]


MODES = _tagger.MODES
_COMMAS = frozenset({"،", ","})


def tag_tokens(tokens: list[str], mode: str = "crf") -> list[str]:
    """BIO tags in the ANERcorp tag set (B-PERS, I-ORG, …) for one sentence's tokens."""
    return _tagger.default(mode).tag(tokens)


def tag_conll(in_fh: TextIO, out_fh: TextIO, mode: str = "crf") -> int:
    """Tag a CoNLL file (one token per line, blank line between sentences): writes
    `token TAG` lines with the same tokens; returns the number of tokens."""
    return _tagger.default(mode).tag_conll(in_fh, out_fh)


def train(train_path, out_path, **options) -> dict:
    """Train the tagger (see `khabar.ner.train.train`); returns the settings written."""
    from khabar.ner.train import train as _train

    return _train(train_path, out_path, **options)


def _sentence_tokens(article: Article
                     ) -> list[tuple[list[int], list[int], list[str]]]:
    """(starts, ends, texts) of the tokens of each sentence that has tokens, read straight
    off the token layer's arrays (which keep the texts they were cut with)."""
    layer = article.layers.get("tokens")
    if not isinstance(layer, TokenLayer):
        return []  # nothing tokenized; `article.tokens` would make the layer, a write
    starts, ends = layer.starts, layer.ends
    out = []
    for s in sorted(article.spans("sentences"), key=lambda s: s.start):
        i, j = layer.index_range(s.start, s.end)
        if j > i:
            out.append((starts[i:j], ends[i:j], layer.texts(i, j)))
    return out


def annotate(article: Article, mode: str = "crf") -> None:
    """Add `mentions`: every name the tagger finds, grouped into entities. A person's
    mention right after a title («وزير الخارجية الأردني …») carries it in attr `title`.
    `mode` picks the tagger (see `MODES`)."""
    annotate_batch([article], mode)


def annotate_batch(articles: list[Article], mode: str = "crf") -> None:
    """`annotate` for several articles, their sentences tagged together: the CRF passes
    and above all the neural tagger (`ensemble`) spend less per sentence in bigger
    batches. Memory stays within each article; the mentions are those of `annotate`."""
    tagger = _tagger.default(mode)
    cut = [_sentence_tokens(a) for a in articles]
    sents = [[(starts, ends) for starts, ends, _ws in c] for c in cut]
    words = [[ws for _starts, _ends, ws in c] for c in cut]
    tags, lexes = tagger.tag_documents_words(words)
    # keys, cores and name forms as the tagger read them per form while tagging, when its
    # gazetteer is the one the rules read
    same_gazetteer = tagger.featurizer.gaz is gazetteer.default()
    for article, ss, ws, ts, ls in zip(articles, sents, words, tags, lexes):
        _add_mentions(article, ss, ws, ts, ls if same_gazetteer else None)


def _add_mentions(article: Article, sents, words, tags, lexes) -> None:
    text = article.text
    # the dateline's place, outside the body the tagger reads
    found = [Mention(a, b, "LOC", text[a:b]) for a, b in datelines.places(article)]
    titles: list[str | None] = [None] * len(found)
    for (starts, ends), ws, ts, ls in zip(sents, words, tags, lexes or [None] * len(words)):
        ents = entities(ts)
        ents = refine(ws, ents, ls)
        named = frozenset(i for a, b, _t in ents for i in range(a, b))
        # where the names of one type run as a list, the «و» before each is the list's
        listed = {b: typ for _a, b, typ in ents}
        for a, b, typ in ents:
            cut = strip_clitic(ws[a])
            if not cut and (listed.get(a) == typ or a > 0 and ws[a - 1] in _COMMAS
                            and listed.get(a - 1) == typ):
                cut = strip_conjunction(ws[a])
            start = starts[a] + cut
            end = ends[b - 1]
            if start >= end:
                continue
            label = LABELS.get(typ, typ)
            found.append(Mention(start, end, label, text[start:end]))
            t = title_before(ws, a, named, ls) if label == "PER" else None
            titles.append(text[starts[t] + strip_clitic(ws[t]):ends[a - 1]]
                          if t is not None else None)
    for m, title, (ent, canonical) in zip(found, titles, group(found)):
        extra = {"title": title} if title else {}
        article.add("mentions", m.start, m.end, m.type, entity=ent, canonical=canonical,
                    **extra)
