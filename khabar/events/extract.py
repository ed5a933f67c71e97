"""Events in one article: triggers found, grouped per sentence and type, their arguments
read off the neighbouring layers (mentions, timexes, quotes), then mentions of one event
merged (khabar.events.merge).

Offsets: trigger words are found in the folded view and every reported part is mapped back
onto `Article.text`. Each layer is looked up by bisect on sorted starts, never scanned per
event, so the cost grows with the article, not with events × spans.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress, count
from operator import add, attrgetter

from khabar.document import Article, FoldedTokens, Span
from khabar.events import lexicon as L
from khabar.resources import load

_VERB_PREFIXES = frozenset({"", "و", "ف", "س", "وس", "فس", "ل"})
_START = attrgetter("start")
PLACE_HEADS = frozenset(L._f(w) for w in load("gazetteer_heads")["place"])


@dataclass
class Words:
    """A sentence's folded words with their view offsets."""
    starts: list[int]
    ends: list[int]
    words: list[str]
    _at: dict[int, int] = field(default_factory=dict)
    _vocabulary: frozenset[str] | None = None

    @property
    def vocabulary(self) -> frozenset[str]:
        if self._vocabulary is None:
            self._vocabulary = frozenset(self.words)
        return self._vocabulary

    def index(self, pos: int) -> int:
        """The index of the word holding view offset `pos` (remembered: arguments ask
        about the same few offsets many times)."""
        i = self._at.get(pos)
        if i is None:
            i = self._at[pos] = max(0, bisect_right(self.starts, pos) - 1)
        return i


@dataclass
class Arg:
    start: int  # view offsets until the record is written
    end: int
    kind: str  # "mention", "noun", "place", "nisba"
    span: Span | None = None
    canonical: str | None = None


@dataclass
class Candidate:
    type: str
    mode: str | None
    verb: bool
    start: int  # trigger, view offsets
    end: int
    prefix: str
    sent: int  # index in the sorted sentence list
    word: int  # index of the trigger's first word in the sentence
    last_word: int
    secondary: bool
    object_genitive: bool = False
    suffixed: bool = False
    attrs: dict = field(default_factory=dict)
    # the words its entry needs after it (`needs_after`: «أطلقت … صواريخ», «فرض
    # عقوبات»): what the verb launches or imposes, never its recipient
    needs: frozenset[str] = frozenset()
    near_actor: bool = False  # its entry's `near_actor`


def is_calendar(t: Span) -> bool:
    """Whether a timex names a point or stretch of the calendar (a DATE or TIME whose value
    starts with its year), not a duration, a set or a vague reference («PRESENT_REF»)."""
    value = t.attrs.get("value")
    return t.label in ("DATE", "TIME") and isinstance(value, str) and value[:1].isdigit()


def _sorted(article: Article, layer: str, keep=None) -> tuple[list[Span], list[int]]:
    spans = article.spans(layer)
    spans = sorted(spans if keep is None else filter(keep, spans), key=_START)
    return spans, list(map(_START, spans))


def _within(spans: list[Span], starts: list[int], a: int, b: int) -> list[Span]:
    i, j = bisect_left(starts, a), bisect_left(starts, b)
    return [s for s in spans[i:j] if s.end <= b]


def _prefix_fits(form: L.Form) -> bool:
    """Whether a form's glued prefix suits its entry (a verb takes a conjunction, «س» or
    «ل»; a noun never takes the future «س»): fixed per form, so checked once at load."""
    if form.entry.verb:
        return form.prefix in _VERB_PREFIXES
    return L.FUTURE_PREFIX not in form.prefix


# the trigger table with the forms whose prefix can never fit left out: the per-word
# scan then tries only forms that may match, and skips words that have none
_LIVE_FORMS = {w: live for w, forms in L.TRIGGERS.items()
               if (live := tuple(f for f in forms if _prefix_fits(f)))}
_LIVE_KEYS = frozenset(_LIVE_FORMS)
# a form of several words fits only before its second word: per key, the forms worth a
# try before a given next word (those of one word, and those going on with it), and the
# forms of one word for any other next word; in the table's order
_ONE_WORD_FORMS = {w: tuple(f for f in forms if not f.rest) for w, forms in _LIVE_FORMS.items()}
_FORMS_BEFORE = {(w, nxt): tuple(f for f in forms if not f.rest or f.rest[0] == nxt)
                 for w, forms in _LIVE_FORMS.items()
                 for nxt in {f.rest[0] for f in forms if f.rest}}


def _form_ok(form: L.Form, words: list[str], i: int) -> int | None:
    """The index of the trigger's last word when `form` (one of `_LIVE_FORMS`) fits the
    words at i, else None. The caller has checked that words[i - 1] is no place head."""
    e = form.entry
    k = i
    for r in form.rest:
        k += 1
        if k >= len(words) or words[k] != r:
            return None
    if e.not_after and i > 0 and (words[i - 1] in e.not_after or
                                  words[i - 1][1:] in e.not_after):
        return None
    if e.not_with and not e.not_with.isdisjoint(words[k + 1:k + 1 + max(4, e.needs_within)]):
        return None  # «أصيب الممثل بأزمة قلبية»: an illness, not a wound
    if not (e.not_before or e.needs_after):
        return k
    nxt = " ".join(words[k + 1:k + 5])
    if e.not_before and any(nxt == p or nxt.startswith(p + " ") for p in e.not_before):
        return None
    if e.needs_within != 4:
        nxt = " ".join(words[k + 1:k + 1 + e.needs_within])
    if e.needs_after and not any(f" {p} " in f" {nxt} " for p in e.needs_after):
        return None
    return k


def candidates(ctx: "Context") -> list[Candidate]:
    """Trigger candidates: the words of each sentence (found once) that are trigger keys,
    checked against their entries."""
    keys = _LIVE_KEYS
    one_word, before = _ONE_WORD_FORMS, _FORMS_BEFORE
    out: list[Candidate] = []
    for si, sent_words in enumerate(ctx.sent_words):
        if keys.isdisjoint(sent_words):
            continue
        ws = None  # the words' offsets, found only once a form fits
        taken_until = -1
        for i in list(compress(count(), map(keys.__contains__, sent_words))):
            if i > 0 and sent_words[i - 1] in PLACE_HEADS:
                continue  # «دوار الشهداء», «ساحة الاعتصام»: a place's name
            w = sent_words[i]
            tried = before.get((w, sent_words[i + 1])) if i + 1 < len(sent_words) else None
            for form in (one_word[w] if tried is None else tried):
                k = _form_ok(form, sent_words, i)
                if k is None:
                    continue
                if ws is None:
                    ws = ctx.words(si)
                pos = ws.starts[i]
                if pos < taken_until or ctx.in_name(pos):
                    break  # in_name: «كتائب شهداء الأقصى», «ميدان التحرير»
                e = form.entry
                if e.not_before_place and k + 1 < len(sent_words) and \
                        ctx.province_at(ws.starts[k + 1]):
                    break  # «مقاطعة كيبيك»: a province, not a boycott
                if (e.type in L.SPORTS_SUPPRESSED or w in L.SPORTS_SENSES) and \
                        ctx.sports(si) and L.REAL_VIOLENCE.isdisjoint(sent_words):
                    break  # «الهجوم», «ضربة», «طرد» at a match are play; «لقاء» a match
                out.append(Candidate(e.type, e.mode, e.verb, pos + len(form.prefix),
                                     ws.ends[k], form.prefix, si, i, k, e.secondary,
                                     e.object_genitive, form.suffixed, needs=e.needs_after,
                                     near_actor=e.near_actor))
                taken_until = ws.ends[k]
                break
    return out


def _mention_layer(article: Article) -> dict:
    spans, starts = _sorted(article, "mentions", lambda m: m.label in ("PER", "ORG", "LOC"))
    return {"mentions": spans, "mention_starts": starts}


def _timex_layer(article: Article) -> dict:
    spans, starts = _sorted(article, "timexes", lambda t: bool(t.attrs.get("value")))
    return {"timexes": spans, "timex_starts": starts}


def _date_layer(article: Article) -> dict:
    # what can date an event: a day, week, month, year or a range of them, never a
    # duration («ساعتين», PT2H) or a set («كل أسبوع», P1W)
    spans, starts = _sorted(article, "timexes", is_calendar)
    return {"dates": spans, "date_starts": starts}


def _quote_layer(article: Article) -> dict:
    listed = list(article.spans("quotes"))
    spans, starts = _sorted(article, "quotes")
    return {"quotes_list": listed, "quote_index": {id(q): i for i, q in enumerate(listed)},
            "quotes": spans, "quote_starts": starts}


def _paragraph_layer(article: Article) -> dict:
    paras = sorted(article.spans("paragraphs"), key=lambda p: p.start)
    return {"paragraphs": paras, "para_starts": [p.start for p in paras]}


_LAYERS = {name: make for make, names in (
    (_mention_layer, ("mentions", "mention_starts")),
    (_timex_layer, ("timexes", "timex_starts")),
    (_date_layer, ("dates", "date_starts")),
    (_quote_layer, ("quotes_list", "quote_index", "quotes", "quote_starts")),
    (_paragraph_layer, ("paragraphs", "para_starts"))) for name in names}


class Context:
    """The article's layers, sorted once, and per-sentence word lists made on demand."""

    def __init__(self, article: Article) -> None:
        self.article = article
        text = article.text
        view = article.view("match")
        self.vt = vt = view.text
        same = len(vt) == len(text)
        self.to_text = (lambda i: i) if same else view.to_text
        self.to_view = (lambda j: j) if same else view.from_text
        sents = sorted(article.spans("sentences"), key=lambda s: s.start)
        self.sent_spans = sents
        self.sentences = [(self.to_view(s.start), self.to_view(s.end)) for s in sents]
        self.sent_view_starts = [a for a, _ in self.sentences]
        self.sent_text_starts = [s.start for s in sents]
        # each sentence's words, from the article's folded tokens; their offsets only
        # where a trigger stands
        self._folded = folded = article.folded_tokens
        self.sent_words = [_word_texts(folded, a, b) for a, b in self.sentences]
        self._words: dict[int, Words] = {}
        self._cache: dict[tuple, object] = {}

    # the other layers are sorted on first use: an article with no trigger word never
    # needs them. `__getattr__` runs only while an attribute is missing, so a layer costs
    # nothing more once made.
    def __getattr__(self, name: str):
        make = _LAYERS.get(name)
        if make is None:
            raise AttributeError(name)
        self.__dict__.update(make(self.article))
        return self.__dict__[name]

    def speaker_starts(self) -> frozenset[int]:
        """Text offsets where a statement's speaker starts, made once."""
        got = self._cache.get("speakers")
        if got is None:
            got = self._cache["speakers"] = frozenset(
                sp["start"] for q in self.quotes_list
                if isinstance(sp := q.attrs.get("speaker"), dict) and "start" in sp)
        return got

    def statement_speakers(self, pos: int) -> frozenset[int]:
        """Text offsets where the speakers of the statements whose content holds text
        offset `pos` start (statements nest little: the few before are enough)."""
        k = bisect_right(self.quote_starts, pos)
        out = set()
        for i in range(k - 1, max(-1, k - 4), -1):
            q = self.quotes[i]
            sp = q.attrs.get("speaker")
            if q.start <= pos < q.end and isinstance(sp, dict) and "start" in sp:
                out.add(sp["start"])
        return frozenset(out)

    def place_context(self) -> tuple[frozenset[str], frozenset[str]]:
        """What an ambiguous place name is read against (made once, when one is met): the
        article's folded words, with and without a glued conjunction or preposition, and
        the countries of its place mentions that resolve on their own."""
        got = self._cache.get("places")
        if got is None:
            from khabar.events.geocode import geocode
            words = {w for ws in self.sent_words for w in ws}
            words |= {w[1:] for w in words if len(w) > 3 and w[0] in "وبلف"}
            countries = set()
            for m in self.mentions:
                if m.label == "LOC":
                    place = geocode(m.attrs.get("canonical") or self.article.text[m.start:m.end])
                    if place is not None:
                        countries.add(place.country)
            got = self._cache["places"] = (frozenset(words), frozenset(countries))
        return got  # type: ignore[return-value]

    def cached(self, key, make):
        """What `make()` gives for a sentence (its arguments, places, counts), made once
        for all the events of that sentence."""
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = make()
        return got

    def head_positions(self, ws: Words) -> list[int]:
        """Indices of the words of a sentence that open a place name («بمخيم …»)."""
        heads = L.PLACE_HEAD_FORMS
        if heads.keys().isdisjoint(ws.vocabulary):
            return []
        return list(compress(count(), map(heads.__contains__, ws.words)))

    def in_timex(self, view_pos: int) -> bool:
        """Whether a view offset lies inside a dated temporal expression («أمس»)."""
        pos = self.to_text(view_pos)
        k = bisect_right(self.timex_starts, pos) - 1
        return k >= 0 and self.timexes[k].start <= pos < self.timexes[k].end

    def mention_at(self, view_pos: int) -> Span | None:
        """The person, organisation or place mention that starts at a view offset."""
        pos = self.to_text(view_pos)
        k = bisect_left(self.mention_starts, pos)
        if k < len(self.mentions) and self.mentions[k].start == pos:
            return self.mentions[k]
        return None

    def sports(self, si: int) -> bool:
        """Whether sentence si is about a match (sports_context.yaml): a strong sports
        word in its paragraph or weak ones of two senses in the sentence itself, or
        three strong words in the article (a sports article). A word inside a person's
        name («اللواء فايز الدوري») does not count. Made once per paragraph."""
        known = self._cache.get(("sports sentence", si))
        if known is None:  # several triggers of a sentence ask: answered once
            known = self._cache[("sports sentence", si)] = self._sports(si)
        return bool(known)

    def _sports(self, si: int) -> bool:
        strong = self._cache.get("sports strong")
        if strong is None:  # each sentence's strong words, found once for the article
            strong = self._cache["sports strong"] = [
                self._sports_words(i, L.SPORTS_STRONG) for i in range(len(self.sent_words))]
        whole = self._cache.get("sports article")
        if whole is None:
            bases = {L.SPORTS_STRONG[w] for found in strong for w in found}  # type: ignore
            whole = self._cache["sports article"] = len(bases) >= 3
        if whole:
            return True
        if len({L.SPORTS_WEAK[w] for w in self._sports_words(si, L.SPORTS_WEAK)}) >= 2:
            return True
        s = self.sent_spans[si]
        k = bisect_right(self.para_starts, s.start) - 1
        if k >= 0 and self.paragraphs[k].end >= s.end:
            p = self.paragraphs[k]
            first = bisect_left(self.sent_text_starts, p.start)
            last = bisect_left(self.sent_text_starts, p.end)
        else:
            k, first, last = -1 - si, si, si + 1
        got = self._cache.get(("sports", k))
        if got is None:
            a, b = self.sentences[first][0], self.sentences[max(first, last - 1)][1]
            got = (any(strong[i] for i in range(first, last))  # type: ignore[index]
                   or any(ph in self.vt[a:b] for ph in L.SPORTS_STRONG_PHRASES))
            self._cache[("sports", k)] = got
        return bool(got)

    def _sports_words(self, si: int, table) -> list[str]:
        """The words of sentence si found in `table`, outside a person's name."""
        words = self.sent_words[si]
        if table.keys().isdisjoint(words):
            return []
        ws = self.words(si)
        out = []
        for i, w in enumerate(words):
            if w in table:
                pos = self.to_text(ws.starts[i])
                k = bisect_right(self.mention_starts, pos) - 1
                if k >= 0 and self.mentions[k].end > pos and self.mentions[k].label == "PER":
                    continue
                out.append(w)
        return out

    def province_at(self, view_pos: int) -> bool:
        """Whether a place name that is not a country starts at a view offset («مقاطعة
        أونتاريو»; a boycott's target is a country: «مقاطعة إسرائيل»)."""
        from khabar.events.geocode import geocode
        m = self.mention_at(view_pos)
        if m is None:  # a name the tagger missed: the word itself, when the gazetteer knows it
            word = L.WORD.match(self.vt, view_pos)
            place = geocode(word.group()) if word else None
            return place is not None and place.level != 0
        if m.label != "LOC":
            return False
        place = geocode(m.attrs.get("canonical") or self.article.text[m.start:m.end])
        return place is None or place.level != 0

    def in_name(self, view_pos: int) -> bool:
        """Whether a view offset lies inside an entity mention past its first word."""
        pos = self.to_text(view_pos)
        k = bisect_right(self.mention_starts, pos) - 1
        return k >= 0 and self.mentions[k].start < pos < self.mentions[k].end

    def words(self, si: int) -> Words:
        ws = self._words.get(si)
        if ws is None:
            words, starts, ends = _words(self._folded, *self.sentences[si])
            ws = self._words[si] = Words(starts, ends, words)
        return ws

    def text_span(self, a: int, b: int) -> tuple[int, int]:
        """View offsets [a, b) as text offsets."""
        return self.to_text(a), self.to_text(b - 1) + 1 if b > a else self.to_text(a)

    def args(self, si: int) -> list[Arg]:
        """Mentions and actor nouns in sentence si, in view offsets, in order."""
        s = self.sent_spans[si]
        out = [Arg(self.to_view(m.start), self.to_view(m.end), "mention", m,
                   m.attrs.get("canonical"))
               for m in _within(self.mentions, self.mention_starts, s.start, s.end)]
        a, b = self.sentences[si]
        if L.ACTOR_FIRST.isdisjoint(self.words(si).vocabulary):
            return out
        taken = [(x.start, x.end) for x in out]
        for m in L.ACTOR_RE.finditer(self.vt, a, b):
            x, y = m.span(1)
            if not any(p < y and x < q for p, q in taken):
                out.append(Arg(x, y, "noun"))
        out.sort(key=lambda x: x.start)
        return out


def _word_texts(folded: FoldedTokens, a: int, b: int) -> list[str]:
    """`_words` without the offsets."""
    if folded.text.find("_", a, b) < 0:
        return folded.word_list(a, b)
    return _words(folded, a, b)[0]


def _words(folded: FoldedTokens, a: int, b: int) -> tuple[list[str], list[int], list[int]]:
    """The words of view[a:b] as `lexicon.WORD` reads them (texts, starts, ends): the
    folded tokens that are words, joined where an underscore glues them («كلنا_معا»)."""
    if folded.text.find("_", a, b) < 0:
        words, starts = folded.tokens(a, b)
        isword = list(map(str.isalnum, words))
        words = list(compress(words, isword))
        starts = list(compress(starts, isword))
        return words, starts, list(map(add, starts, map(len, words)))
    words, starts, ends, isword = folded.cut(a, b)
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for w, s, e, iw in zip(words, starts, ends, isword):
        if not iw and w != "_":
            continue
        if out_e and out_e[-1] == s:
            out_w[-1] += w
            out_e[-1] = e
        else:
            out_w.append(w)
            out_s.append(s)
            out_e.append(e)
    return out_w, out_s, out_e


def _item(ctx: Context, a: int, b: int, **extra) -> dict:
    s, e = ctx.text_span(a, b)
    d = {"text": ctx.article.text[s:e], "start": s, "end": e}
    d.update({k: v for k, v in extra.items() if v is not None})
    return d


def _arg_item(ctx: Context, arg: Arg | None) -> dict | None:
    if arg is None:
        return None
    extra = {}
    if arg.span is not None:
        extra = {"entity": arg.span.attrs.get("entity"), "type": arg.span.label,
                 "canonical": arg.canonical}
    elif arg.canonical:
        extra = {"canonical": arg.canonical}
    return _item(ctx, arg.start, arg.end, **extra)
