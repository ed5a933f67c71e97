"""A document as the source of a statement: «بحسب تقرير نشرته صحيفة "X"», «أفاد تقرير لمنظمة X».

A document noun (a report, a study, a statement; quote_grammar.yaml `document_nouns`)
followed by its author — after a relative verb whose pronoun points back at it («نشرته»,
«أعدتها»: `publishing_verbs`) or after a glued «ل» («لصحيفة X», «لمنظمة X») — names the
author as the speaker (an outlet or an organisation that states something speaks for
itself). The document stays the statement's channel; an outlet that published it is also
the statement's medium, as its reporter. An unnamed source followed by the outlet that
relayed it («مصادر نقلت عنها صحيفة X»: `relaying_verbs`) stays the speaker, the outlet
its reporter.
"""
from __future__ import annotations

from dataclasses import dataclass

from khabar.quotes.lexicon import LEX
from khabar.quotes.medium import Medium, glued_skip, outlet_name
from khabar.quotes.morph import ARTICLE, CLITIC_ARTICLE, LAM
from khabar.quotes.sentence import COMMA, Sentence, at_stop
from khabar.quotes.speaker import NP, apposition, parse_np

_ADJECTIVES = 2  # words between the noun and its author («تقرير سري جديد نشرته …»)


@dataclass(slots=True)
class DocumentSource:
    speaker: NP  # the author (or the unnamed source an outlet relayed)
    medium: Medium | None  # the outlet that published or relayed it (relation reporter)
    hop: Medium  # the document noun (relation channel), or the relaying outlet (reporter)
    end: int  # the token after the author's phrase


def document_source(s: Sentence, k: int, skip: int = 0,
                    limit: int | None = None) -> DocumentSource | None:
    """The author of a document named at token k, or None when no author follows it.

    `skip`: characters of a preposition glued to the noun («وفقا لتقرير»).
    """
    n = len(s.words) if limit is None else min(limit, len(s.words))
    if k >= n or not s.isword[k] or s.inside[k]:
        return None
    noun = LEX.document_nouns.match(s.words, k)
    if noun is None:
        return _relayed(s, k, skip, n)
    j = k + noun[0]
    channel = Medium(k, j, skip, "channel", k)
    if _construct(s, j, n, noun[2]):
        # «بيان القيادة العامة»: a bare noun before a definite one takes it as its genitive,
        # the document's author
        return _author(s, k, j, n, channel, glued=False)
    for x in range(j, min(n, j + _ADJECTIVES + 1)):
        verb = LEX.publishing_verbs.match(s.words, x)
        if verb is not None:
            return _author(s, k, x + verb[0], n, channel, glued=False)
        if s.words[x][:1] == LAM and s.isword[x]:
            return _author(s, k, x, n, channel, glued=True)
        if not _modifier(s, x):
            return None
    return None


def _construct(s: Sentence, j: int, n: int, prefix: str) -> bool:
    """The document noun, bare of the article, stands before a definite word or a name."""
    if j >= n or not s.isword[j] or at_stop(s, j) or prefix.endswith(ARTICLE) or \
            prefix in CLITIC_ARTICLE:
        return False
    # «البيان الصادر عن …» is an adjective clause, not a genitive
    return (s.words[j].startswith(ARTICLE) or j in s.names) and \
        LEX.publishing_verbs.match(s.words, j) is None


def _modifier(s: Sentence, x: int) -> bool:
    """An adjective or a relative pronoun between the document and its author."""
    w = s.words[x]
    if w in LEX.relatives:
        return True  # «التقرير الذي نشرته …»
    return s.isword[x] and not at_stop(s, x) and w not in COMMA and \
        w not in LEX.complementizers and LEX.cues.match(s.words, x) is None and \
        LEX.document_nouns.match(s.words, x) is None


def _author(s: Sentence, k: int, x: int, n: int, channel: Medium,
            glued: bool) -> DocumentSource | None:
    """The author's phrase at x: an outlet (its own name is the speaker), else a noun phrase."""
    if x >= n:
        return None
    if glued and s.words[x] == LAM:
        x += 1  # «تقرير لـ"الأيام"»: the preposition written apart
        glued = False
    found = outlet_name(s, x, bare_ok=True)
    if found is not None and found[3] <= n and (not glued or LAM in found[4]):
        a, b, sk, end, _, listed = found
        extra = _extra(end, listed)
        name_a, name_sk = a, sk
        if isinstance(listed, int):
            name_a, name_sk = listed, 0  # «صحيفة الأيام» → «الأيام»
        else:
            kind = LEX.outlet_kinds.match(s.words, a)
            if kind is not None and listed and a + kind[0] < b:
                name_a, name_sk = a + kind[0], 0  # «وكالة رويترز» → «رويترز»
        speaker = NP(name_a, b, name_sk, "outlet", -1, True, end - b)
        return DocumentSource(speaker, Medium(a, b, sk, "reporter", k, extra), channel, end)
    sk = glued_skip(s.words[x], LAM) if glued else 0
    np = parse_np(s, x, skip=sk, limit=n)
    if np is None or np.kind == "statement":
        return None
    np = apposition(s, np, limit=n)
    # «التقرير الذي نشرته الصحيفة»: an outlet named by its kind noun alone reports too
    medium = Medium(np.a, np.b, np.skip, "reporter", k) if np.kind == "outlet" else None
    return DocumentSource(np, medium, channel, np.after)


def _relayed(s: Sentence, k: int, skip: int, n: int) -> DocumentSource | None:
    """«مصادر مطلعة نقلت عنها صحيفة X»: the unnamed source speaks, the outlet relayed it."""
    head = LEX.anonymous.match(s.words, k)
    if head is None:
        return None
    j = k + head[0]
    for x in range(j, min(n, j + _ADJECTIVES + 1)):
        verb = LEX.relaying_verbs.match(s.words, x)
        if verb is not None:
            found = outlet_name(s, x + verb[0], bare_ok=True)
            if found is None or found[3] > n:
                return None
            a, b, sk, end, _, listed = found
            outlet = Medium(a, b, sk, "reporter", k, _extra(end, listed))
            return DocumentSource(NP(k, x, skip, "anonymous", -1, True), outlet, outlet, end)
        if not _modifier(s, x):
            return None
    return None


def _extra(end: int, listed) -> dict:
    if isinstance(listed, int):
        return {"end": end, "name_at": listed}
    return {"end": end, "canonical": listed}
