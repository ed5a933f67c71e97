"""`khabar tag`: named-entity tags per token, from running text or a CoNLL token file,
with the labels the records use (PER, not ANERcorp's PERS)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from khabar.document import Article

# a column after the token that is a tag or another CoNLL annotation, not a word
_ANNOTATION = re.compile(r"^[\x21-\x7e]+$")
_BATCH = 64  # sentences tagged at once; the tagger's memory spans one batch


@dataclass
class Sentence:
    tokens: list[str]
    offsets: list[tuple[int, int]] | None = None  # into the text, for running text
    tags: list[str] | None = None


def record_label(tag: str) -> str:
    """An ANERcorp BIO tag with the record's entity label: B-PERS -> B-PER."""
    from khabar.ner.mentions import LABELS

    if tag == "O" or "-" not in tag:
        return tag
    prefix, typ = tag.split("-", 1)
    return f"{prefix}-{LABELS.get(typ, typ)}"


def text_sentences(text: str) -> list[Sentence]:
    """Running text cut into sentences and tokens by khabar's own segmenter."""
    from khabar.segment import segment

    article = Article(text)
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if end > start:
        article.add("body", start, end, "body")
    segment(article)
    layer = article.tokens
    out = []
    for s in sorted(article.spans("sentences"), key=lambda s: s.start):
        i, j = layer.index_range(s.start, s.end)
        offsets = list(zip(layer.starts[i:j], layer.ends[i:j]))
        if offsets:
            out.append(Sentence([text[a:b] for a, b in offsets], offsets))
    return out


def conll_sentences(lines: Iterable[str], warn: Callable[[str], None]) -> Iterator[Sentence]:
    """Sentences of a CoNLL file: the first column of each line is the token, a blank line
    ends a sentence. Lines whose other columns are words, not tags, are counted and
    reported once through `warn` at the end."""
    tokens: list[str] = []
    several: list[int] = []
    for lineno, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            if tokens:
                yield Sentence(tokens)
                tokens = []
            continue
        if any(not _ANNOTATION.match(p) for p in parts[1:]):
            several.append(lineno)
        tokens.append(parts[0])
    if tokens:
        yield Sentence(tokens)
    if several:
        n = len(several)
        lines = f"{n} lines of the --conll input hold" if n > 1 else \
            "1 line of the --conll input holds"
        warn(f"warning: {lines} several words "
             f"(first: line {several[0]}); only the first word of each line was tagged. "
             f"For running text use `khabar tag FILE` or `khabar tag -`.")


def tag_sentences(sentences: Iterable[Sentence], mode: str = "crf") -> Iterator[Sentence]:
    """The sentences with `tags` filled, in batches (the tagger's document memory spans a
    batch, as it spans an article in the pipeline)."""
    from khabar.ner import tagger as _tagger

    tagger = _tagger.default(mode)
    batch: list[Sentence] = []

    def flush() -> Iterator[Sentence]:
        tagged = tagger.tag_document([s.tokens for s in batch])
        for s, tags in zip(batch, tagged):
            s.tags = [record_label(t) for t in tags]
            yield s
        batch.clear()

    for s in sentences:
        batch.append(s)
        if len(batch) >= _BATCH:
            yield from flush()
    if batch:
        yield from flush()


TAG_COLUMNS = ("sentence", "i", "token", "tag", "start", "end")


def _rows(sentences: Iterable[Sentence]) -> Iterator[dict[str, object]]:
    for n, s in enumerate(sentences, 1):
        for i, (tok, tag) in enumerate(zip(s.tokens, s.tags or ())):
            a, b = s.offsets[i] if s.offsets else (None, None)
            yield {"sentence": n, "i": i + 1, "token": tok, "tag": tag, "start": a, "end": b}


def write_tags(sentences: Iterable[Sentence], out: IO[str], fmt: str, total: int) -> None:
    from khabar.termtable import render
    from khabar.writers import RowWriter

    if fmt == "conll":
        for s in sentences:
            for tok, tag in zip(s.tokens, s.tags or ()):
                out.write(f"{tok} {tag}\n")
            out.write("\n")
    elif fmt == "table":
        rows = [[str(r["sentence"]), str(r["i"]), str(r["token"]), str(r["tag"])]
                for r in _rows(sentences)]
        out.write(render(["sentence", "i", "token", "tag"], rows, [8, 5, 40, 8], total) + "\n")
    else:
        RowWriter(out, fmt, TAG_COLUMNS).write(_rows(sentences))
