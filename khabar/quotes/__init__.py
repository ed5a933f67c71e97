"""Attributed statements: who said what, to whom, through which outlet.

`annotate(article)` reads the `paragraphs`, `sentences` (attr `zone`) and, where present,
`mentions` (PER names mark where a speaker's name starts after its title), `timexes`
(their tokens are asides between a cue and its content) and `body` (a statement of a
"summary" span that the story repeats is kept once, in the story) layers, and adds a `quotes`
layer: each span is a statement's content, labelled "direct" or "indirect", with
JSON-ready attrs `cue`, `speaker` (`text`, `canonical` = the person's fullest name,
`title` = the role), `medium`, `chain`, `time`, `zone`, `inherited` (every part with
offsets into the text).
`format_table(records)` prints the statements of a record for people.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress, count
from operator import attrgetter, itemgetter

from khabar.document import Article, FoldedTokens, as_cut
from khabar.quotes.attribution import attribution_item, credit_item, headline_item
from khabar.quotes.context import recap_medium
from khabar.quotes.extract import sentence_items
from khabar.quotes.lexicon import (ADVERBIAL_SECONDS, ADVERBIAL_WORDS, ATTRIBUTION_WORDS, LEX,
                                   RECAP_WORDS, TRIGGERS)
from khabar.quotes.marks import paragraph_pairs, quote_pairs
from khabar.quotes.sentence import Sentence, TokenSpelling, maqsura_spelling
from khabar.quotes.reactions import REACTION_WORDS, reaction_items
from khabar.quotes.shares import share_items
from khabar.quotes.stated_in import VERB_WORDS, stated_in_items, worth_a_look
from khabar.quotes.summary import drop_summary_repeats
from khabar.quotes.table import format_table
from khabar.quotes.writer import LAYER, Writer

__all__ = ["LAYER", "annotate", "format_table"]

def annotate(article: Article) -> None:
    """Add the `quotes` layer: one span per statement the article attributes to a source.

    Sentences with no reporting word are skipped before they are tokenized; quotation
    marks are paired per paragraph, so a quotation may run over several sentences, and
    over several paragraphs only where each of them opens it again.
    """
    text = article.text
    view = article.view("match")
    vt = view.text
    paragraphs = sorted(article.spans("paragraphs"), key=lambda p: p.start)
    sentences = sorted(article.spans("sentences"), key=lambda s: s.start)
    mentions = sorted((m for m in article.spans("mentions") if m.label in ("PER", "ORG", "LOC")),
                      key=lambda m: m.start)
    timexes = sorted(article.spans("timexes"), key=lambda t: t.start)
    mention_starts = [m.start for m in mentions]
    timex_starts = [t.start for t in timexes]
    writer = Writer(article, view, mentions, timexes)
    folded = article.folded_tokens
    # the view deletes only marks (diacritics, tatweel); with none, offsets are shared
    to_view = (lambda j: j) if len(vt) == len(text) else view.from_text
    pi = 0
    para_pairs: list[tuple[int, int]] = []
    para_end = -1
    pairs_of = paragraph_pairs(text, [(p.start, p.end) for p in paragraphs])
    surnames = _surnames(vt, mentions, to_view)
    spelling = maqsura_spelling(article)
    heh = TokenSpelling(article, "heh")  # read only where a word may end in a pronoun «ه»
    pairs_for: list[tuple[int, int]] | None = None
    pair_opens: list[int] = []
    pair_closes: list[int] = []
    prev: tuple[int, bool] | None = None  # the sentence before: its view start, statements
    for sent in sentences:
        zone = sent.attrs.get("zone", "body")
        vs, ve = to_view(sent.start), to_view(sent.end)
        # every reporting and attribution word is a word (letters or digits): the marks
        # among the tokens can never meet them, so the tokens are tested as they come
        found, starts = folded.tokens(vs, ve)
        before, prev = prev, (vs, False)
        # «وجاء في البيان أن …»: a document's statement has no cue word of the lexicon
        stated_in = zone != "title" and not VERB_WORDS.isdisjoint(found) and \
            worth_a_look(list(compress(found, map(str.isalnum, found))))
        # «. جاء ذلك في حوار مع X»: no cue, but the medium of the statement before
        recap = before is not None and before[1] and not RECAP_WORDS.isdisjoint(found) \
            and not LEX.recap_objects.isdisjoint(found)
        if zone != "title" and TRIGGERS.isdisjoint(found) and not stated_in \
                and not recap:
            continue
        tokens = as_cut(found, starts)
        while pi < len(paragraphs) and paragraphs[pi].end <= sent.start:
            pi += 1
        if pi < len(paragraphs) and paragraphs[pi].start <= sent.start and \
                paragraphs[pi].end != para_end:
            p = paragraphs[pi]
            para_end = p.end
            para_pairs = [(to_view(a), to_view(b)) for a, b in pairs_of[pi]]
        elif pi >= len(paragraphs) or paragraphs[pi].start > sent.start:
            para_pairs = [(to_view(a), to_view(b))
                          for a, b in quote_pairs(text, sent.start, sent.end)]
            para_end = -1
        if para_pairs is not pairs_for:
            # a paragraph's pairs do not overlap and come in order: a sentence reads its
            # own stretch of them by bisection, not the whole paragraph's (a text with no
            # paragraph breaks made that quadratic)
            pairs_for = para_pairs
            pair_opens, pair_closes = [a for a, _b in para_pairs], [b for _a, b in para_pairs]
        s = Sentence.build(vt, para_pairs[bisect_left(pair_closes, vs):
                                          bisect_left(pair_opens, ve)], zone, vs, ve,
                           tokens)
        s.spelling = spelling
        s.heh = heh
        if mentions:
            _name_tokens(s, mentions, mention_starts, sent.start, sent.end, to_view)
        if surnames:
            _surname_tokens(s, surnames)
        if timexes:
            _time_tokens(s, timexes, timex_starts, sent.start, sent.end, to_view)
        _adverbial_tokens(s)
        items = sentence_items(s)
        # the extra readers below append to `items` and look at it for overlaps only: the
        # statements are put in text order once, after the last of them that ran
        resort = bool(stated_in)
        if stated_in:
            items = items + stated_in_items(s, items)
        if zone != "title" and any(map(str.isdigit, map(_FIRST_CHAR, found))):
            # «وقال 79 في المئة من المشاركين إن …»: a share of a group speaks
            shares = share_items(s, items)  # drops the cues' own parse of the number
            items, resort = items + shares, True
        if zone != "title" and not REACTION_WORDS.isdisjoint(found):
            # «وأدانت الخارجية الأردنية الهجوم»: an object that ran into the subject
            items, resort = items + reaction_items(s, items), True
        if not items and zone == "title":
            extra = headline_item(s)
            items = [extra] if extra else []
        elif zone != "title" and not ATTRIBUTION_WORDS.isdisjoint(found):
            # «…، بينما وصل عدد النازحين إلى … بحسب تقديرات محلية»: a clause of its own
            extra = attribution_item(s, items)
            if extra is not None:
                items, resort = items + [extra], True
            elif not items and before is not None and not before[1] and para_end != -1 \
                    and before[0] >= to_view(p.start):
                # «… . بحسب الألمانية.»: a credit of its own reports the sentence before
                both = _credit_of_previous(folded, before[0], ve, vs, zone, para_pairs,
                                           pair_opens, pair_closes)
                if both is not None:
                    writer.write(*both)
        if resort:
            items.sort(key=_CONTENT_START)
        if not items and zone != "title" and before is not None and before[1]:
            med = recap_medium(s)
            if med is not None:
                writer.recap_medium(s, med)  # «. جاء ذلك في حوار مع صحيفة X.»
        prev = (vs, bool(items))
        writer.write(s, items)
    writer.finish()
    drop_summary_repeats(article, LAYER)


def _credit_of_previous(folded: FoldedTokens, a: int, b: int, start: int, zone: str, pairs,
                        opens, closes):
    """The sentence before a credit of its own and the credit read as one sentence (view
    offsets [a, b), the credit from `start`), with the statement the credit reports; None
    when it reports none. Names, times and asides are not needed: the content is the whole
    sentence before, the source an outlet."""
    s = Sentence.build(folded.text, pairs[bisect_left(closes, a):bisect_left(opens, b)], zone,
                       a, b, folded.cut(a, b))
    first = bisect_left(s.starts, start)
    item = credit_item(s, first)
    return (s, [item]) if item is not None else None


_FIRST_CHAR = itemgetter(slice(0, 1))  # w[:1], without a Python step per word
_CONTENT_START = attrgetter("ca")
_SURNAME_MIN = 4  # letters of a surname read as the person's name on its own


def _surnames(vt: str, mentions, to_view) -> frozenset[str]:
    """The last words of the article's person names («سامي الخطيب» → «الخطيب»): on its own
    elsewhere in the article, such a word names that person («الخطيب أكد أن …»)."""
    out = set()
    for m in mentions:
        if m.label == "PER":
            words = vt[to_view(m.start):to_view(m.end)].split()
            if len(words) > 1 and len(words[-1]) >= _SURNAME_MIN:
                out.add(words[-1])
    return frozenset(out)


def _surname_tokens(s: Sentence, surnames: frozenset[str]) -> None:
    """Surnames standing alone in the sentence, as one-word names (`Sentence.names`)."""
    if surnames.isdisjoint(s.words):
        return
    found = [k for k, w in enumerate(s.words) if w in surnames and not s.inside[k]]
    if not found:
        return
    covered = {x for a, (b, _label) in s.names.items() for x in range(a, b)}
    for k in found:
        if k not in covered:
            s.names[k] = (k + 1, "PER")


def _adverbial_tokens(s: Sentence) -> None:
    """Adverbial phrases («في وقت سابق») and honorifics («عز وجل») are asides like time
    expressions (`Sentence.times`)."""
    firsts, seconds, words = ADVERBIAL_WORDS, ADVERBIAL_SECONDS, s.words
    last = len(words) - 1
    for k in compress(count(), map(firsts.__contains__, words)):
        w = words[k]
        # every phrase has two words or more: look at the second before matching
        if k < last and words[k + 1] in seconds[w] and not s.inside[k]:
            m = LEX.adverbials.match(words, k)
            if m:
                s.times.update(range(k, k + m[0]))


def _time_tokens(s: Sentence, timexes, starts: list[int], a: int, b: int, to_view) -> None:
    """Tokens of the time stage's expressions inside the sentence (`Sentence.times`)."""
    for t in timexes[bisect_left(starts, a):bisect_left(starts, b)]:
        ka = bisect_left(s.starts, to_view(t.start))
        kb = bisect_left(s.starts, to_view(min(t.end, b)))
        s.times.update(range(ka, kb))


def _name_tokens(s: Sentence, mentions, starts: list[int], a: int, b: int, to_view) -> None:
    """The entity stage's mentions inside the sentence, as token ranges (`Sentence.names`)."""
    tok_starts, tok_ends = s.starts, s.ends
    n = len(tok_starts)
    for m in mentions[bisect_left(starts, a):bisect_left(starts, b)]:
        if m.end > b:
            continue
        # the token that starts where the mention starts and the one that ends where it
        # ends, if any (the tokens' starts and ends both rise strictly)
        p, q = to_view(m.start), to_view(m.end)
        ka: int | None = bisect_left(tok_starts, p)
        if ka == n or tok_starts[ka] != p:
            ka = None
        kb: int | None = bisect_left(tok_ends, q)
        if kb == n or tok_ends[kb] != q:
            kb = None
        if ka is None:
            # a mention after a glued clitic («وبريفو»): its token starts earlier
            ka = bisect_right(s.starts, to_view(m.start)) - 1
            if ka < 0 or s.ends[ka] < to_view(m.end) and kb is None:
                continue
        if kb is not None and kb >= ka:
            s.names.setdefault(ka, (kb + 1, m.label))


