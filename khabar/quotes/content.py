"""A statement's content: where it ends, and whether it is direct or indirect.

A content that is a quotation (nothing but an aside after it) is direct, and is the
quotation; a quotation that opens the content but is followed by more words stays inside
an indirect content («قال إن "الخطاب المتشنج" يربك …»).
"""
from __future__ import annotations

from khabar.quotes.items import Item
from khabar.quotes.lexicon import LEX
from khabar.quotes.medium import medium_end, parse_medium
from khabar.quotes.morph import ARTICLE, CONJ, IMPERFECT_LETTERS
from khabar.quotes.sentence import COMMA, Sentence, at_stop

_DIRECT_SHARE = 0.6  # a content this much inside quotation marks counts as direct
_TAIL_WORDS = 3  # words before a quotation that still leave the content direct
_LONG_QUOTE = 4  # words: a quotation this long followed by an adjunct is the statement
MIN_DIRECT_WORDS = 2  # a quoted single word is a name or a scare quote, not a statement


def trim(s: Sentence, item: Item) -> None:
    """Drop edge punctuation and a closing aside from an open-ended content."""
    a, b = item.ca, item.cb
    if not item.bounded:
        phrase = a > 0 and s.words[a - 1] not in LEX.complementizers and s.words[a - 1] != ":" \
            and (a - 1) not in s.pair_at
        for k in range(a + 1, b):
            if s.words[k - 1] in COMMA and (LEX.content_stops.match(s.words, k) or
                                             recap_at(s, k) or _outlet_phrase(s, k) or
                                             phrase and _new_clause(s, k)):
                b = k
                break
    closes = set(s.pair_at.values())
    while b > a and ((not s.isword[b - 1] and s.words[b - 1] != '"') or
                     (s.words[b - 1] == '"' and (b - 1) not in closes)):
        b -= 1
    while a < b and not s.isword[a] and a not in s.pair_at:
        a += 1
    item.ca, item.cb = a, b


def _outlet_phrase(s: Sentence, k: int) -> bool:
    """«…، خلال مقابلة مع قناة X.»: after a comma, a medium phrase that names an outlet and
    ends the sentence is where the statement was made, no part of it."""
    if s.inside[k]:
        return False
    med = parse_medium(s, k)
    if med is None or med.extra.get("form") or med.relation == "reporter":
        return False
    end = medium_end(med)
    return all(not s.isword[x] for x in range(end, len(s)))


def recap_at(s: Sentence, k: int) -> bool:
    """«…، وقال ذلك في حوار مع إذاعة X»: a reporting verb whose object is a bare
    demonstrative points back at what was just said; it closes the content (the medium
    after it is the statement's) and is no statement of its own. Not «نفى ذلك قائلا …»,
    «واصفا ذلك بأنه …» (a new statement about it), nor «أكدت ذلك والدتها» (a subject)."""
    m = LEX.cues.match(s.words, k) if s.isword[k] and not s.inside[k] else None
    if not m:
        return False
    d = k + m[0]
    if d >= len(s) or s.words[d] not in LEX.recap_objects:
        return False
    # only an aside may follow: a preposition, a medium or a time phrase opens it, and
    # nothing that opens a content of its own (a complementizer, «قائلا», a colon, a
    # quotation, another verb of saying) comes before the sentence ends
    if d + 1 < len(s) and s.isword[d + 1] and not at_stop(s, d + 1):
        return False
    return not any(s.words[x] in LEX.complementizers or s.words[x] in LEX.manner_markers
                   or s.words[x] == ":" or x in s.pair_at or s.inside[x]
                   or LEX.cues.match(s.words, x) for x in range(d + 1, len(s)))


def _new_clause(s: Sentence, k: int) -> bool:
    """«…، وتتطابق تصريحاته مع …»: «و» glued to an imperfect verb after a comma starts a
    clause of its own, which a noun-phrase content (no «أن» before it) cannot hold."""
    w = s.words[k]
    return len(w) >= 5 and w[0] in CONJ and w[1] in IMPERFECT_LETTERS and s.isword[k] \
        and not LEX.cues.match(s.words, k) and not s.inside[k]


def settle_kind(s: Sentence, it: Item) -> None:
    """Direct when the content is a quotation (a few words may follow), else indirect."""
    if it.bounded:
        return
    if it.quote_open >= 0 and it.quote_open == it.ca:
        close = _coordinated_close(s, s.pair_at[it.quote_open], it.cb)
        quoted = sum(1 for k in range(it.ca + 1, close) if s.isword[k])
        if close + 1 >= it.cb or not s.isword[close + 1] or (
                quoted >= _LONG_QUOTE and _adjunct(s, close + 1)):
            # nothing, an aside after a comma, or an adjunct follows the quotation
            it.kind, it.ca, it.cb, it.bounded = "direct", it.ca + 1, close, True
            return
    words = [k for k in range(it.ca, it.cb) if s.isword[k]]
    if not words or sum(1 for k in words if s.inside[k]) / len(words) < _DIRECT_SHARE:
        return
    # mostly quoted and ending with the quotation: the quoted part is the statement
    first_open = next((k for k in range(it.ca, it.cb) if k in s.pair_at), None)
    if first_open is not None and s.pair_at[first_open] >= it.cb - 2 and \
            first_open - it.ca <= _TAIL_WORDS + 1:
        it.kind = "direct"
        if first_open > it.ca and first_open - it.ca <= _TAIL_WORDS + 1:
            it.ca = first_open + 1
            it.cb = s.pair_at[first_open] if s.pair_at[first_open] < it.cb else it.cb


def _coordinated_close(s: Sentence, close: int, cb: int) -> int:
    """The last of the quotations joined by «و» to the one closing at `close` («"…"،
    و"…" و"…"»): chanted or listed together, they are one statement."""
    while True:
        k = close + 1
        if k < cb and s.words[k] in COMMA:
            k += 1
        if k + 1 < cb and s.words[k] in CONJ and k + 1 in s.pair_at and s.pair_at[k + 1] < cb:
            close = s.pair_at[k + 1]
            continue
        return close


def _adjunct(s: Sentence, k: int) -> bool:
    """A prepositional phrase starts at k («… في الفترة الحالية», «… بمدينة العيون»)."""
    w = s.words[k]
    return at_stop(s, k) or (w[:1] in LEX.glued_preps and len(w) > 3 and not w.startswith(ARTICLE))


def quote_before(s: Sentence, ci: int, taken: set[int]) -> int | None:
    """An opening mark whose quotation ends right before the cue («"…"، قال»)."""
    for open_k, close_k in s.pair_at.items():
        if open_k in taken or close_k >= ci:
            continue
        between = s.words[close_k + 1:ci]
        if all(w in COMMA or w in ".-–" for w in between) and close_k - open_k > 3 \
                and not _names_a_noun(s, open_k):
            return open_k
    return None


def _names_a_noun(s: Sentence, open_k: int) -> bool:
    """«داخل مدرسة "النور الجديدة"، قال …»: a quotation right after a plain word (no mark,
    no reporting word, not the sentence's first word) is the name that word introduces."""
    k = open_k - 1
    return k >= 0 and s.isword[k] and not LEX.cues.match(s.words, k) \
        and s.words[k] not in LEX.complementizers and s.words[k] not in LEX.manner_markers
