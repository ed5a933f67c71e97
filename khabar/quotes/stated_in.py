"""Statements a document holds: «وجاء في البيان أن …», «وورد في بيان الهيئة: "…"»,
«أصدرت الوزارة بيانا جاء فيه أن …».

The verb («جاء», «ورد»: document_statements.yaml) has no speaker of its own. After «في»
the document names the source: its author when one follows («بيان الهيئة», «بيان صادر
عن الوزارة»), else the document noun itself, which the writer reads as the latest source
(a statement noun speaks for whoever issued it). With a pronoun pointing back at an
indefinite document before the verb («بيانا جاء فيه»), the source is the phrase before
that noun. The content opens with a complementizer, a colon or a quotation a few tokens
after the document.
"""
from __future__ import annotations

from khabar.normalize import fold
from khabar.resources import load
from khabar.quotes.content import settle_kind, trim
from khabar.quotes.documents import document_source
from khabar.quotes.items import Item
from khabar.quotes.lexicon import LEX, CueForm
from khabar.quotes.medium import Medium
from khabar.quotes.morph import CONJ
from khabar.quotes.relative import document_author
from khabar.quotes.sentence import COMMA, Sentence
from khabar.quotes.speaker import NP

_DATA = load("document_statements")
_VERBS = frozenset(fold(v) for v in _DATA["verbs"])
_IN = frozenset(fold(p) for p in _DATA["in_prepositions"])
# every written form of the verbs, a conjunction glued or not: a sentence holding none of
# them is not looked at (annotate's quick test)
VERB_WORDS = frozenset(_VERBS | {c + v for c in CONJ for v in _VERBS})
_GAP = 6  # tokens (adjectives, a time, an aside) between the document and the content
_FORM = {v: CueForm(v, "assert", "perfect", frozenset(), False, False, False) for v in _VERBS}


def worth_a_look(words: list[str]) -> bool:
    """The sentence's folded words hold one of the verbs right before «في» or a pronoun
    pointing back at a document («فيه»): the quick test before the sentence is parsed."""
    last = len(words) - 1
    return any(w in VERB_WORDS and k < last and
               (words[k + 1] in _IN or words[k + 1] in LEX.resumptive_pronouns)
               for k, w in enumerate(words))


def stated_in_items(s: Sentence, items: list[Item]) -> list[Item]:
    """The statements the sentence's documents hold, outside the cues' own statements."""
    out: list[Item] = []
    for k in range(len(s) - 2):
        w = s.words[k]
        if w not in VERB_WORDS or s.inside[k] or not s.isword[k]:
            continue
        if any(it.ca <= k < it.cb or it.cue_a <= k < it.cue_b for it in items + out):
            continue
        item = _item_at(s, k)
        if item is not None:
            out.append(item)
    return out


def _item_at(s: Sentence, k: int) -> Item | None:
    w = s.words[k]
    verb = w if w in _VERBS else w[1:]
    nxt = s.words[k + 1]
    medium = None
    chain: list[Medium] = []
    if nxt in LEX.resumptive_pronouns:
        # «أصدرت الوزارة بيانا جاء فيه»: the source before the document noun
        speaker = _document_before_relative(s, k) or document_author(s, k, k + 1)
        if speaker is None:
            return None
        e = k + 2
    elif nxt in _IN:
        j = k + 2
        doc = document_source(s, j)
        if doc is not None:
            speaker, e, medium, chain = doc.speaker, doc.end, doc.medium, [doc.hop]
            speaker, e = _before_long_quotation(s, speaker, e)
        else:
            noun = LEX.document_nouns.match(s.words, j)
            if noun is None or s.inside[j]:
                return None
            e = j + noun[0]
            speaker = NP(j, e, 0, "statement", -1, True)
            chain = [Medium(j, e, 0, "channel", j)]
            close = s.pair_at.get(e)
            if close is not None and 0 < sum(1 for y in range(e + 1, close) if s.isword[y]) \
                    < _QUOTED_NAME_MAX:
                # «بيان "جبهة الإنقاذ"»: the quoted name after the noun is its author
                speaker = NP(e + 1, close, 0, "organisation", -1, True)
    else:
        return None
    ca = _content_start(s, e)
    if ca is None:
        return None
    item = Item("indirect", ca, len(s), k, k + 1, 0, _FORM[verb], speaker=speaker,
                medium=medium, chain=chain, document=True)
    if ca in s.far:
        item.kind, item.ca, item.bounded = "direct", ca + 1, True
        item.end_view = s.far[ca]
    elif ca in s.pair_at:
        item.quote_open = ca
    trim(s, item)
    settle_kind(s, item)
    if sum(1 for x in range(item.ca, item.cb) if s.isword[x]) < 2:
        return None
    return item


def _document_before_relative(s: Sentence, k: int) -> NP | None:
    """«نشرت الوكالة بيان المحكمة الذي جاء فيه …»: a document named before the relative
    pronoun; its genitive author speaks («المحكمة»), else the noun itself (the latest
    source, as for «وجاء في البيان»)."""
    r = k - 1
    if r < 1 or s.words[r] not in _RELATIVES:
        return None
    for j in range(r - 1, max(-1, r - 1 - _BACK), -1):
        if not s.isword[j] or s.inside[j]:
            return None
        noun = LEX.document_nouns.match(s.words, j)
        if noun is None:
            continue
        e = j + noun[0]
        doc = document_source(s, j, limit=r)
        if doc is not None:
            return doc.speaker
        return NP(j, e, 0, "statement", -1, True)
    return None


_BACK = 3  # tokens between a document noun and the relative pronoun after it
_RELATIVES = frozenset(c + w for w in LEX.relatives for c in ("",) + CONJ)


def _before_long_quotation(s: Sentence, np: NP, e: int) -> tuple[NP, int]:
    """«بيان صادر عن الوزارة "نتقدم بالتعازي …"»: a quotation of a few words after the
    author is the statement, not the author's name; the author ends before it."""
    for x in range(np.a + 1, e):
        close = s.pair_at.get(x)
        if close is not None and sum(1 for y in range(x + 1, close) if s.isword[y]) \
                >= _QUOTED_NAME_MAX:
            return NP(np.a, x, np.skip, np.kind, np.title_end if np.title_end < x else -1,
                      np.titled), x
    return np, e


_QUOTED_NAME_MAX = 4  # words: a longer quotation after a source is what it said


def _content_start(s: Sentence, e: int) -> int | None:
    """The first token of the content: after a complementizer or a colon, or a quotation
    mark, within a few tokens (adjectives, a time, a comma) of the document at e."""
    gap = 0
    x = e
    while x < len(s):
        w = s.words[x]
        if w in LEX.complementizers:
            return x + 1
        if w == ":":
            x += 1
            if x < len(s) and s.words[x] in LEX.complementizers:
                x += 1  # «: إن …»
            return x if x < len(s) else None
        if x in s.far:
            return x
        close = s.pair_at.get(x)
        if close is not None:
            named = x > e and s.isword[x - 1]  # «عنونت بـ"…"»: a word right before it
            if not named and sum(1 for y in range(x + 1, close) if s.isword[y]) \
                    >= _QUOTED_NAME_MAX:
                return x
            # «بيان "جبهة الإنقاذ" في المدينة، أن …», «الرسالة التي عنونت بـ"…": "…"»: a
            # short quotation names the author or the document
            x = close + 1
            continue
        if LEX.cues.match(s.words, x) or w in VERB_WORDS:
            return None  # another verb: the document is that verb's topic
        if w not in COMMA and x not in s.times:
            gap += 1
            if gap > _GAP:
                return None
        x += 1
    return None
