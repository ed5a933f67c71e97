"""The timex grammar: atoms of a folded text combined into expressions, then resolved.

A *core* (a weekday, «أمس», a date, «العام الماضي», «عام 2015», «قبل ثلاثة أشهر»…) takes the
atoms after it that complete it (a relation «الماضي», «من العام المقبل», a second weekday)
and the atoms before it that narrow it (a part of the day «صباح», «يوم», a modifier
«نهاية», a range «من 9 إلى»). Prepositions and conjunctions stay outside the span.
All offsets here are positions in the folded string; `khabar.timex` maps them back.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import compress, count
from operator import or_

from khabar import dates
from khabar.timex import lexicon as lx
from khabar.timex import resolve as rv


# (starts, words) of a folded text's runs of letters and of digits (`dates.tokens`)
Tokens = tuple[list[int], list[str]]


@dataclass(slots=True)
class Atom:
    kind: str
    key: str
    start: int  # the word itself
    end: int
    cl: str  # clitics glued in front (و، ب، ل…)
    raw: dates.RawDate | None = None


@dataclass(slots=True)
class Timex:
    """One temporal expression: offsets, TIMEX3 type/value/mod, how it was anchored."""

    start: int
    end: int
    type: str  # DATE, TIME, DURATION or SET
    value: str | None
    mod: str | None = None
    anchor: str = "publication"  # or "absolute"
    granularity: str | None = None
    text: str = ""

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "mod": self.mod, "anchor": self.anchor,
                "granularity": self.granularity}


_GAP = re.compile(r"[ \t\u00a0]*")
_GAP_COMMA = re.compile(r"\s*[,،]?\s*")
_NIGHT_DASH = re.compile(r"\s*[-–/]\s*")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|\d+|[^\w\s]?)")
_PREV_WORDS = re.compile(r"([\w\u0600-\u06ff]+)\W*$")
_SENTENCE_STOP = re.compile(r"[.!?؟\n]")
_YEAR_SPAN = (1000, 2100)
_BARE_YEAR = (1900, 2100)
_FUTURE_REACH = 9  # words before an expression where a future verb makes it lie ahead
_CLOCK_REACH = 25  # characters between a day and the clock time that falls on it

DAY_PREFIX_KINDS = ("daypart", "within")
# what may follow a day number of a lunar month: «24 شوال», «21 من شهر شوال», «شهر»
_TO_LUNAR = frozenset({"month", "ropen", "unit"})
PERIOD_PREFIX_KINDS = ("mod", "within")


# «تموز/يوليو», «يوليو (تموز)», «حزيران - يونيو», «فبراير شباط»
_DUAL_SEP = re.compile(r"\s*[/\\(\-–]\s*|\s+")
_CLOSE_PAREN = re.compile(r"\s*\)")
_DECIMAL = re.compile(r"[.,]\d")
_OPEN_PAREN = re.compile(r"\s*\(\s*")
_WORD_PUNCT = "()[]\"'«»“”,،;؛:"
_WORD_AFTER = re.compile(r"\s+(\w+)")
_OR_WORD = re.compile(r"\s+(?:او|أو)\s+")  # folded «أو» between two weekdays
_QUOTED = re.compile(r'"[^"]{0,60}"|«[^»]{0,60}»')


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# «لليوم الـ219 على التوالي»: a day counted by its number, not today
_COUNTED_DAY = re.compile(rf"\s*{re.escape(lx.DEFINITE_ARTICLE)}\s*\d")
# after «الشهر نفسه»: the year it is of («خلال الشهر نفسه عام 2014», «من العام 2014»)
_OF_YEAR = re.compile(
    rf"\s+(?:(?:{_alt(lx.OF_WORDS)})\s+)?"
    rf"(?:(?:{_alt(k for k, v in lx.UNITS.items() if v in (('Y', 'singular'), ('Y', 'definite')))})"
    rf"\s+)?((?:1[89]|20)\d\d)(?!\d)")
# «الأحد من كل أسبوع», «يومي الأحد والاثنين من كل أسبوع»: weekdays of every week (a SET)
_EVERY_WEEK = re.compile(
    rf"(?:\s+(?:{_alt(lx.CONJUNCTIONS)})?(?:{_alt(lx.WEEKDAYS_FOLDED)}))*"
    rf"\s+(?:(?:{_alt(lx.OF_WORDS)})\s+)?(?:{_alt(lx.SET_WORDS)})\s+"
    rf"(?:{_alt(k for k, v in lx.UNITS.items() if v == ('W', 'singular'))})(?!\w)")


def atoms(folded: str, toks: Tokens | None = None) -> list[Atom]:
    """The atoms of a folded text: one pass over its words, then dates where they can be.

    Each word, read with and without its clitics, is looked up in the phrase index;
    multi-word phrases must continue over the next words. The date patterns of
    khabar.dates then run only where a number, weekday or ordinal sits next to a month
    (or a number is followed by a date separator), and replace the atoms they cover.
    """
    starts, words = toks = toks or dates.tokens(folded)
    found: list[Atom] = []
    skip_to = -1
    surface = lx.SURFACE
    # most words are none of ours: find the few worth a closer look without a Python loop
    hits = compress(count(), map(or_, map(surface.__contains__, words), map(str.isdigit, words)))
    for idx in hits:
        w = words[idx]
        if w[0].isdigit():
            s = starts[idx]
            if s < skip_to:
                continue
            cl = ""
            if idx and starts[idx - 1] + len(words[idx - 1]) == s \
                    and words[idx - 1] in lx.CLITIC_ONLY:
                cl = words[idx - 1]
            e = s + len(w)
            key = w
            if _DECIMAL.match(folded, e):  # 2.5, 1,200: an amount
                key = w + "."
            found.append(Atom("num", key, s, e, cl))
            continue
        s = starts[idx]
        if s < skip_to:
            continue
        if w in lx.CLITIC_ONLY and idx + 1 < len(words) and starts[idx + 1] == s + len(w) \
                and words[idx + 1][0].isdigit():
            continue  # «و2015»: the conjunction is the number's clitic, not a word
        one = _ONE_WORD.get(w)
        if one is not None:
            kind, key, cl = one
            last = idx
        else:
            hit = _phrase_at(folded, toks, idx)
            if hit is None:
                continue
            kind, key, cl, last = hit
        end = starts[last] + len(words[last])
        if kind == "month":
            key, end, last = _dual_month(folded, toks, key, end, last)
        # «للعام»: ل + العام with the alef gone; the span keeps the whole word
        start = s + len(cl) if w.startswith(cl + key.split()[0][:1]) else s + len(cl) - 1
        found.append(Atom(kind, key, start, end, cl))
        skip_to = end
    starts = _date_starts(folded, found)
    if not starts:
        return found
    raws = dates.scan_at(folded, starts)
    if not raws:
        return found
    out = [Atom("date", "", r.start, r.end, "", r) for r in raws]
    ri = 0
    for a in found:
        while ri < len(raws) and raws[ri].end <= a.start:
            ri += 1
        if ri < len(raws) and raws[ri].start < a.end:
            continue
        out.append(a)
    out.sort(key=lambda a: a.start)
    return out


# a number then a date separator and a digit («2021-07», «2 – 5 – 1435»): a numeric date
_NUM_DATE_SEP = re.compile(r"[ \t]{0,2}[-/.–][ \t]{0,2}\d")
_SAME_DAY_WORDS = "|".join(sorted(lx.EQUIVALENT, key=len, reverse=True))
_EQUIVALENT = re.compile(rf"\s*[,،(-]?\s*(?:{_SAME_DAY_WORDS})\s*")
_DATE_REACH = 30  # characters between a number/weekday/ordinal and the month it dates


def _date_starts(folded: str, found: list[Atom]) -> list[int]:
    """Positions where a date may begin: next to a month, or a number before - / . and a digit."""
    starts = []
    n = len(found)
    for k, a in enumerate(found):
        if a.kind == "month":
            if k + 1 < n and found[k + 1].kind == "num" and found[k + 1].start - a.end < 6:
                starts.append(a.start)
            continue
        if a.kind not in ("num", "wd", "ordinal"):
            continue
        if a.kind == "num" and len(a.key) <= 4 and _NUM_DATE_SEP.match(folded, a.end):
            starts.append(a.start)
            continue
        for b in found[k + 1:k + 5]:
            if b.start - a.end > _DATE_REACH:
                break
            if b.kind == "month" or (a.kind == "wd" and b.kind == "num"):
                starts.append(a.start)
                break
    return starts


def _one_word_phrases() -> dict[str, tuple[str, str, str]]:
    """The words `_phrase_at` reads without looking further: the first phrase it tries
    for them has one word, so it always answers (kind, key, clitics, the same word)."""
    out = {}
    for w, forms in lx.SURFACE.items():
        if forms:
            cl, stem = forms[0]
            phrase, kind, key = lx.PHRASES[stem][0]
            if len(phrase) == 1:
                out[w] = (kind, key, cl)
    return out


_ONE_WORD = _one_word_phrases()


def _phrase_at(folded: str, toks, idx: int):
    """(kind, key, clitics, index of its last word) of the phrase beginning at word idx."""
    starts, words = toks
    for cl, stem in lx.SURFACE.get(words[idx], ()):
        for phrase, kind, key in lx.PHRASES[stem]:
            if len(phrase) == 1:
                return kind, key, cl, idx
            last = idx + len(phrase) - 1
            if last >= len(words):
                continue
            ok = True
            for k in range(1, len(phrase)):
                j = idx + k
                if words[j] != phrase[k]:
                    ok = False
                    break
                gap = folded[starts[j - 1] + len(words[j - 1]):starts[j]]
                if not gap.isspace() or "\n" in gap:
                    ok = False
                    break
            if ok:
                return kind, key, cl, last
    return None


def _dual_month(folded: str, toks, key: str, end: int, last: int):
    """«تموز/يوليو», «يوليو (تموز)»: the second name of the same month joins the atom."""
    starts, words = toks
    m = _DUAL_SEP.match(folded, end)
    if m is None or m.end() == end or last + 1 >= len(words) or starts[last + 1] != m.end():
        return key, end, last
    hit = _phrase_at(folded, toks, last + 1)
    if hit is None or hit[0] != "month" or hit[2] or lx.MONTHS[key] != lx.MONTHS[hit[1]]:
        return key, end, last  # «يناير - مارس» is a range of two months, not one
    last2 = hit[3]
    end2 = starts[last2] + len(words[last2])
    if (p := _CLOSE_PAREN.match(folded, end2)) is not None:
        end2 = p.end()
    return key + "|" + hit[1], end2, last2


def _same_weekday(published: dt.date, day: str, date: str) -> str:
    """The year of a day and month given with no year that falls on the weekday of `day`,
    nearest the publication date («الأحد الموافق 2 أغسطس»)."""
    wd = dt.date.fromisoformat(day).isoweekday()
    m, d = int(date[5:7]), int(date[8:10])
    found = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            c = dt.date(y, m, d)
        except ValueError:
            continue
        if c.isoweekday() == wd:
            found.append(c)
    return min(found, key=lambda c: abs(c - published)).isoformat() if found else date


class Parser:
    """Combines the atoms of one folded text into Timex items."""

    def __init__(self, folded: str, published: dt.date | None,
                 toks: Tokens | None = None, found: list[Atom] | None = None) -> None:
        self.s = folded
        self.pub = published
        # the atoms do not depend on the publication date (the parser reads, never changes
        # them): a second reading against another anchor takes those of the first
        self.a = atoms(folded, toks) if found is None else found
        self.n = len(self.a)
        self.floor = 0  # atoms before this index belong to an earlier expression
        self.out: list[Timex] = []
        # day-month and month items without a year of their own, placed from publication:
        # id -> (placed by a relation word of their own («الماضي», «المقبل»), read as future)
        self.bare: dict[int, tuple[bool, bool]] = {}
        self.lunar: set[int] = set()  # days of a lunar month without a year («24 شوال»)

    # ------------------------------------------------------------------ helpers
    def next(self, j: int, comma: bool = False) -> Atom | None:
        """Atom j when it follows atom j-1 directly (no clitic, nothing in between)."""
        if j >= self.n or j < 1:
            return None
        prev, cur = self.a[j - 1], self.a[j]
        gap = _GAP_COMMA if comma else _GAP
        if cur.cl or gap.fullmatch(self.s, prev.end, cur.start) is None:
            return None
        return cur

    def touching(self, j: int) -> bool:
        """Atom j sits right before atom j+1 (which carries no clitic)."""
        return j + 1 < self.n and self.next(j + 1) is not None

    def word_after(self, pos: int) -> str:
        return _NEXT_WORD.match(self.s, pos).group(1)

    def word_before(self, pos: int) -> str:
        m = _PREV_WORDS.search(self.s, max(0, pos - 40), pos)
        return m.group(1) if m else ""

    def future(self, pos: int) -> bool:
        """Whether the clause before `pos` speaks of the future (a future particle or word)."""
        lo = max(0, pos - 80)
        window = self.s[lo:pos]
        stop = None
        for stop in _SENTENCE_STOP.finditer(window):  # noqa: B007 (the last one is wanted)
            pass
        if stop:
            window = window[stop.end():]
        # a name in quotation marks («مدرسة "ستونهيل"») is no verb of the clause
        window = _QUOTED.sub(" ", window)
        words = window.split()[-_FUTURE_REACH:]
        if words and words[-1] in lx.PAST_OPENERS:
            return False  # «منذ 29 يونيو»: counted from a past day
        # the clause of the expression only: «سيشارك في المباراة، الجمعة» keeps its verb
        # across the comma right before the day, not across an earlier one; a relative
        # clause («الحظر الذي فرضته في …») or a past auxiliary («كان سيلعب») has its own tense
        while words and (words[-1] in (",", "،") or words[-1] in lx.DAY_PARTS
                         or words[-1] in lx.DAY_WORDS):
            words.pop()  # «، مساء الثلاثاء»: the comma is before the whole expression
        if words:
            words[-1] = words[-1].rstrip(",،")
        for k in range(len(words) - 1, -1, -1):
            if words[k].endswith((",", "،")) or words[k] in lx.CLAUSE_OPENERS:
                words = words[k + 1:]
                break
        if any(w in lx.PAST_AUXILIARIES for w in words):
            return False
        if len(words) > 1 and words[-1] in lx.POSTPONEMENT_TARGETS and any(
                w in lx.POSTPONEMENT or w[:1] in lx.CONJUNCTIONS and w[1:] in lx.POSTPONEMENT
                for w in words[:-1]):
            return True  # «أرجئ الحكم إلى 8 أغسطس»: the new date of a thing put off
        text = " ".join(words)
        if any(w in text for w in lx.FUTURE_WORDS):
            return True
        if any(w in lx.FUTURE_PARTICLES or " ".join(words[k:k + 2]) in lx.FUTURE_PARTICLES
               for k, w in enumerate(words)):
            return True
        for k, w in enumerate(words):
            w = w.strip(_WORD_PUNCT)
            if w in lx.SCHEDULE_VERBS or w[:1] in lx.CONJUNCTIONS and w[1:] in lx.SCHEDULE_VERBS \
                    or " ".join(words[k:k + 2]) in lx.SCHEDULE_VERBS:
                return True
        for w in words:
            w = w.strip(_WORD_PUNCT)  # «(آب ستور)»: a bracket is no letter of the word
            w = w[1:] if len(w) > 5 and w[0] in lx.CONJUNCTIONS else w
            if len(w) >= 5 and w.startswith(lx.FUTURE_PREFIXES) \
                    and not w.startswith(lx.FUTURE_EXCEPTIONS):
                return True
        return False

    def future_after(self, pos: int) -> bool:
        """«مباراة الأربعاء التي ستجمع الفريقين»: a relative clause right after `pos` whose
        verb is future."""
        words = self.s[pos:pos + 40].split()[:2]
        if len(words) < 2 or words[0].strip(_WORD_PUNCT) not in lx.RELATIVE_PRONOUNS:
            return False
        w = words[1].strip(_WORD_PUNCT)
        return len(w) >= 5 and w.startswith(lx.FUTURE_PREFIXES) \
            and not w.startswith(lx.FUTURE_EXCEPTIONS)

    def future_verb_after(self, pos: int) -> bool:
        """«بعد أيام يعود الطلاب»: the verb right after `pos` is one of a schedule or
        carries the future particle."""
        words = self.s[pos:pos + 30].replace("،", " ").replace(",", " ").split()[:1]
        if not words:
            return False
        w = words[0].strip(_WORD_PUNCT)
        w = w[1:] if len(w) > 4 and w[0] in lx.CONJUNCTIONS else w
        return w in lx.SCHEDULE_VERBS or len(w) >= 5 and w.startswith(lx.FUTURE_PREFIXES) \
            and not w.startswith(lx.FUTURE_EXCEPTIONS)

    def relation_after(self, j: int) -> tuple[int, int | None, int | None, int | None]:
        """What places a month or a day in time after it: «الماضي», «من العام المقبل»,
        «هذا العام», «عام 2015», «من العام 2019».

        Returns (next index, relation, year offset, year)."""
        a = self.next(j)
        if a is None:
            return j, None, None, None
        if a.kind == "rel":
            return j + 1, lx.RELATIONS[a.key], None, None
        k = j + 1 if a.kind == "ropen" and a.key in lx.OF_WORDS else j
        b = self.next(k) if k > j else a
        if b is None:
            return j, None, None, None
        if b.kind == "unit" and lx.UNITS[b.key][0] == "Y" and b.key not in lx.DUAL_UNITS:
            c = self.next(k + 1)
            if c is not None and c.kind == "rel" and lx.UNITS[b.key][1] == "definite":
                return k + 2, None, lx.RELATIONS[c.key], None
            if c is not None and c.kind == "num" and c.key.isdigit() and len(c.key) == 4 \
                    and _YEAR_SPAN[0] <= int(c.key) <= _YEAR_SPAN[1]:
                return k + 2, None, None, int(c.key)
        if b.kind == "dem":
            c = self.next(k + 1)
            if c is not None and c.kind == "unit" and lx.UNITS[c.key] == ("Y", "definite"):
                return k + 2, None, 0, None
        return j, None, None, None

    # ------------------------------------------------------------------ driver
    def parse(self) -> list[Timex]:
        out: list[Timex] = []
        self.out = out
        i = 0
        while i < self.n:
            got = self.core(i)
            if got is None:
                i += 1
                continue
            j, items, prefix_kinds = got
            first = self.extend_left(i, prefix_kinds, items[0])
            if first < i:
                items[0].start = self.a[first].start
            j = self.same_day_after(j, items)
            out.extend(items)
            i = self.floor = j
        return out

    def same_day_after(self, j: int, items: list[Timex]) -> int:
        """«25 شوال 1436 هـ الموافق 10 أغسطس 2015 م»: the same day in a second calendar
        joins the first into one expression (its value kept, or taken from the second)."""
        last = items[-1]
        if j >= self.n or self.a[j].kind != "date" or last.granularity != "day":
            return j
        m = _EQUIVALENT.match(self.s, last.end)
        if m is None or m.end() != self.a[j].start - len(self.a[j].cl):
            return j
        got = self.c_date(j)
        if got is None or got[1][0].granularity != "day":
            return j
        second = got[1][0]
        last.end = second.end
        # «يوم الأحد الموافق 2 أغسطس»: a date with its own year or month beats a weekday
        if last.value is None or last.anchor != "absolute" and second.value is not None:
            value = second.value
            if second.anchor != "absolute" and self.pub and value and len(last.value or "") == 10:
                value = _same_weekday(self.pub, last.value, value)
            last.value, last.anchor = value, second.anchor
        return got[0]

    def extend_left(self, i: int, kinds: tuple[str, ...], tx: Timex) -> int:
        first = i
        while first - 1 >= self.floor and self.touching(first - 1):
            p = self.a[first - 1]
            if p.kind in kinds:
                if p.kind == "mod" and tx.mod is None:
                    tx.mod = lx.MODIFIERS[p.key]
                elif p.kind == "approx" and tx.mod is None:
                    tx.mod = lx.APPROXIMATORS[p.key]
                first -= 1
            elif p.kind == "unit" and "day" in kinds and p.key in lx.DAY_WORDS:
                first -= 1
            elif p.kind == "unit" and "month" in kinds and lx.UNITS[p.key] == ("M", "singular"):
                first -= 1  # «شهر يوليو», «نهاية شهر»
            else:
                break
        return first

    def core(self, i: int):
        a = self.a[i]
        handler = getattr(self, "c_" + a.kind, None)
        if handler is None:
            return None
        return handler(i)

    # ------------------------------------------------------------------ cores
    def _tx(self, i: int, j: int, type_: str, value, gran, mod=None, anchor="publication"):
        return Timex(self.a[i].start, self.a[j - 1].end, type_, value, mod, anchor, gran)

    def c_relday(self, i):
        a = self.a[i]
        off = lx.RELATIVE_DAYS[a.key]
        if off == 0 and a.key in lx.DAY_UNIT_KEYS:
            story = self._story_day(i)
            if story is not None:
                return story
        if off == 0 and (self.word_after(a.end) in lx.NOT_TODAY_AFTER
                         or _COUNTED_DAY.match(self.s, a.end)):  # «لليوم الـ219»
            return None
        if self.word_before(a.start - len(a.cl)) in lx.NOT_TODAY_BEFORE:
            return None
        j, close = i + 1, None
        if (b := self.next(j)) is not None and b.kind == "wd":
            j += 1  # «اليوم الثلاثاء»
        elif j < self.n and self.a[j].kind == "wd" and not self.a[j].cl \
                and _OPEN_PAREN.fullmatch(self.s, a.end, self.a[j].start) \
                and (close := _CLOSE_PAREN.match(self.s, self.a[j].end)) is not None:
            j += 1  # «اليوم (الاثنين)»
        value = rv.shift_days(self.pub, off) if self.pub else None
        if value is not None and j == i + 2:
            # «اليوم الأحد» on a page dated Monday (a crawl day given as the date): the
            # weekday is the story's own word, the nearest such day is meant
            value = rv.nearest_weekday(dt.date.fromisoformat(value),
                                       lx.weekday_of(self.a[i + 1].key))
        tx = self._tx(i, j, "DATE", value, "day")
        if close is not None:
            tx.end = close.end()
        return j, [tx], DAY_PREFIX_KINDS + ("day",)

    def c_wd(self, i):
        a = self.a[i]
        if a.key in lx.TWO_WORDS and self._the_two(a):
            return None
        wd = lx.weekday_of(a.key)
        j = i + 1
        relation = None
        b = self.next(j)
        if b is not None and b.kind == "rel":
            relation = lx.RELATIONS[b.key]
            j += 1
        elif b is not None and b.kind == "wd":  # «ليلة الأربعاء الخميس»
            j += 1
        elif j < self.n and self.a[j].kind == "wd" and not self.a[j].cl \
                and _NIGHT_DASH.fullmatch(self.s, a.end, self.a[j].start) \
                and self._after_night(i):
            j += 1  # «ليل الجمعة - السبت»: the night from one day to the next
        if j == i + 1 and (story := self._story_weekday(i, wd)) is not None:
            return story
        if b is not None and b.kind == "num" and (dom := self._day_of_month(j)) is not None:
            dom[1][0].start = a.start  # «يوم الخميس 27 من الشهر نفسه»: the date names the day
            return dom
        if relation is None and _EVERY_WEEK.match(self.s, self.a[j - 1].end):
            return j, [self._tx(i, j, "SET", f"XXXX-WXX-{wd}", "set")], DAY_PREFIX_KINDS
        value = None
        if self.pub:
            fut = relation is None and (self.future(a.start)
                                        or self.future_after(self.a[j - 1].end))
            value = self._next_of_pair(i, wd) if relation is None else None
            value = value or rv.weekday(self.pub, wd, relation, fut)
        return j, [self._tx(i, j, "DATE", value, "day")], DAY_PREFIX_KINDS + ("day",)

    def _story_weekday(self, i: int, wd: int):
        """«وحتى السبت التالي», «الخميس السابق»: the first such weekday after (before) the
        last day the story named in the same paragraph; None without one."""
        a = self.a[i]
        after = _NEXT_WORD.match(self.s, a.end)
        shift = lx.ANAPHORIC_AFTER.get(after.group(1))
        if not shift:
            return None
        last = next((t for t in reversed(self.out) if t.granularity == "day" and t.value
                     and len(t.value) == 10 and t.value[:4].isdigit()), None)
        if last is None or "\n" in self.s[last.end:a.start]:
            return None
        day = dt.date.fromisoformat(last.value)
        step = ((wd - day.isoweekday()) % 7 or 7) if shift > 0 \
            else -((day.isoweekday() - wd) % 7 or 7)
        tx = Timex(a.start, after.end(), "DATE", rv.day(day + dt.timedelta(days=step)),
                   None, "story", "day")
        return i + 1, [tx], DAY_PREFIX_KINDS + ("day",)

    def _the_two(self, a: Atom) -> bool:
        """«أحدهما أو الاثنين معا», «كلا الاثنين»: «the two», not Monday."""
        if self.word_after(a.end) in lx.TWO_AFTER:
            return True
        before = self.s[max(0, a.start - len(a.cl) - 30):a.start - len(a.cl)].split()
        return bool(before) and (before[-1] in lx.TWO_BEFORE
                                 or " ".join(before[-2:]) in lx.TWO_BEFORE)

    def _next_of_pair(self, i: int, wd: int) -> str | None:
        """«يومي الاثنين والثلاثاء», «السبت أو الأحد»: a weekday joined to the weekday
        just before it is the first such day after that one (same week of the story)."""
        a = self.a[i]
        prev = self.out[-1] if self.out else None
        if prev is None or prev.granularity != "day" or not prev.value \
                or len(prev.value) != 10 or i == 0 or self.a[i - 1].kind != "wd":
            return None
        if a.cl in lx.AND_CLITICS:
            gap = self.s[prev.end:a.start - len(a.cl)]
        else:
            m = _OR_WORD.fullmatch(self.s, prev.end, a.start)
            gap = "" if m else "x"
        if gap.strip():
            return None
        first = dt.date.fromisoformat(prev.value)
        return rv.day(first + dt.timedelta(days=(wd - first.isoweekday()) % 7 or 7))

    def _story_day(self, i: int):
        """«في اليوم التالي», «ذلك اليوم»: a day counted from the last day the story named
        (within the same paragraph); None when there is none."""
        a = self.a[i]
        last = next((t for t in reversed(self.out) if t.granularity == "day" and t.value
                     and len(t.value) == 10), None)
        if last is None or "\n" in self.s[last.end:a.start]:
            return None
        after = _NEXT_WORD.match(self.s, a.end)
        before = _PREV_WORDS.search(self.s, max(0, a.start - len(a.cl) - 40), a.start - len(a.cl))
        if after.group(1) in lx.ANAPHORIC_AFTER:
            shift, start, end = lx.ANAPHORIC_AFTER[after.group(1)], a.start, after.end()
        elif before is not None and before.group(1) in lx.NOT_TODAY_BEFORE:
            shift, start, end = 0, before.start(1), a.end
        else:
            return None
        value = (dt.date.fromisoformat(last.value) + dt.timedelta(days=shift)).isoformat()
        j = i + 1
        if shift == 0 and (y := _OF_YEAR.match(self.s, end)) is not None:
            # «وفي نفس اليوم من عام 2016»: that day of the year named after it
            value, end = f"{y.group(1)}{value[4:]}", y.end()
            while j < self.n and self.a[j].start < end:
                j += 1
        tx = Timex(start, end, "DATE", value, None, "story", "day")
        return j, [tx], ()

    def _after_night(self, i: int) -> bool:
        """A night word («ليل», «ليلة») stands right before the weekday at i."""
        p = self.a[i - 1] if i > self.floor else None
        return p is not None and p.kind == "daypart" and lx.DAY_PARTS.get(p.key) == "NI" \
            and self.touching(i - 1)

    def c_date(self, i):
        raw = self.a[i].raw
        j = i + 1
        if raw.year is not None:
            d, _ = dates.to_gregorian(raw.year, raw.month, raw.day, raw.calendar)
            if d is None:
                return None
            gran = "day" if raw.day else "month"
            value = rv.day(d) if raw.day else rv.month(d.year, d.month)
            tx = self._tx(i, j, "DATE", value, gran, anchor="absolute")
        else:
            j, relation, year_offset, year = self.relation_after(j)
            value = None
            if year is not None:
                d, _ = dates.to_gregorian(year, raw.month, raw.day, dates.GREGORIAN)
                if d is None:
                    return None
                value = rv.day(d)
            elif self.pub:
                fut = relation is None and year_offset is None and self.future(self.a[i].start)
                y = rv.day_month_year(self.pub, raw.month, raw.day, relation, fut, year_offset)
                if relation is None and year_offset is None:
                    y = rv.near_year(self.pub, raw.month, raw.day, y)
                y = self._year_in_pair(i, y, raw.month, raw.day,
                                       relation is not None or year_offset is not None)
                d, _ = dates.to_gregorian(y, raw.month, raw.day, dates.GREGORIAN)
                if d is None:
                    return None
                value = rv.day(d)
            tx = self._tx(i, j, "DATE", value, "day",
                          anchor="absolute" if year is not None else "publication")
            if year is None and value is not None:
                self.bare[id(tx)] = (relation is not None or year_offset is not None, fut)
        start = self._range_start(i) if raw.day else i
        if start < i:
            tx.start = self.a[start].start
            first = self.a[i - 2].key if start == i - 3 else None
            if first and tx.value and len(tx.value) == 10:  # a range stands as its first day
                d, _ = dates.to_gregorian(int(tx.value[:4]), raw.month, int(first),
                                          dates.GREGORIAN)
                tx.value = rv.day(d) if d else tx.value
            return j, [tx], ()
        kinds = DAY_PREFIX_KINDS + ("day",) if raw.day else PERIOD_PREFIX_KINDS + ("month",)
        return j, [tx], kinds

    def _range_start(self, i: int) -> int:
        """«من 4 إلى 11 سبتمبر», «بين 5 و7 يونيو»: the range opens before the date."""
        if i - 1 >= self.floor and self.a[i].raw.day2 and self.a[i - 1].kind == "ropen" \
                and self.touching(i - 1):
            return i - 1
        if i - 3 < self.floor:
            return i
        o, n, c = self.a[i - 3], self.a[i - 2], self.a[i - 1]
        if o.kind == "ropen" and n.kind == "num" and n.key.isdigit() and int(n.key) <= 31 \
                and c.kind == "rclose" and self.touching(i - 3) and self.touching(i - 2) \
                and self.touching(i - 1):
            return i - 3
        return i

    def c_part(self, i):
        """«النصف الثاني من العام الماضي», «الربع الأخير من 2020»."""
        return self._part_of(i)

    def _part_of(self, i):
        """A part of a period: a part word («النصف») or a smaller unit («الأسبوع», «العقد»),
        an ordinal or «الأخير», «من», then the period. Its value is the period's, with the mod
        that says which part (TIMEX3 has no halves of centuries); a month of a year and a
        decade of a century are read exactly. None when no period follows («العام الأول من
        ولايته»)."""
        a, o, of = self.a[i], self.next(i + 1), self.next(i + 2)
        if o is None or of is None or of.kind != "ropen" or of.key not in lx.OF_WORDS \
                or o.kind not in ("ordinal", "last") or self.next(i + 3) is None:
            return None
        got = self.core(i + 3)
        if got is None:
            return None
        j, items, _ = got
        inner = items[0]
        parts = lx.PARTS.get(a.key)
        unit = lx.UNITS[a.key][0] if a.kind == "unit" else None
        nth = dates.ORDINAL_DAYS[o.key] if o.kind == "ordinal" else parts or 0
        if parts is not None and nth > parts:
            return None
        mod = "START" if nth == 1 else "END" if o.kind == "last" or nth == parts else "MID"
        value = inner.value
        if value and unit == "M" and inner.granularity == "year" and 1 <= nth <= 12:
            value, mod = rv.month(int(value), nth), None
        elif value and unit == "DE" and inner.granularity == "century" and 1 <= nth <= 10:
            value, mod = value + str(nth - 1), None
        tx = Timex(a.start, inner.end, "DATE", value, mod, inner.anchor, inner.granularity)
        return j, [tx], PERIOD_PREFIX_KINDS

    def _after_part(self, i: int) -> bool:
        """The atom before i is a part word or a smaller unit («الأسبوع الأول من …»)."""
        p = self.a[i - 1] if i > self.floor else None
        return p is not None and self.touching(i - 1) and (
            p.kind == "part" or p.kind == "unit" and lx.UNITS[p.key][1] == "definite")

    def c_ordinal(self, i):
        """«الخامس من الشهر المقبل»: a day of a month named relatively."""
        if self._after_part(i):
            return None
        if i + 1 < self.n and self.a[i + 1].kind in _TO_LUNAR \
                and (lunar := self._lunar_day(i)) is not None:
            return lunar
        of, unit = self.next(i + 1), self.next(i + 2)
        if of is None or unit is None or of.kind != "ropen" or of.key not in lx.OF_WORDS:
            return None
        if unit.kind == "unit" and lx.UNITS[unit.key] == ("M", "singular") \
                and (m := self.next(i + 3)) is not None and m.kind in ("month", "date") \
                and (got := self.core(i + 3)) is not None and got[1][0].value \
                and got[1][0].granularity == "month":
            month = got[1][0]  # «الثالث من شهر سبتمبر المقبل»
            d, _ = dates.to_gregorian(int(month.value[:4]), int(month.value[5:7]),
                                      dates.ORDINAL_DAYS[self.a[i].key], dates.GREGORIAN)
            if d is None:
                return None
            tx = self._tx(i, got[0], "DATE", rv.day(d), "day", anchor=month.anchor)
            return got[0], [tx], DAY_PREFIX_KINDS + ("day",)
        if unit.kind == "unit" and lx.UNITS[unit.key] == ("M", "definite") \
                and (story := self._story_month(i + 2)) is not None:
            d, _ = dates.to_gregorian(int(story[0][:4]), int(story[0][5:]),
                                      dates.ORDINAL_DAYS[self.a[i].key], dates.GREGORIAN)
            if d is None:
                return None
            tx = self._tx(i, i + 3, "DATE", rv.day(d), "day")  # «الثامن من الشهر ذاته»
            tx.end, tx.anchor = story[1], "story"
            return i + 3, [tx], DAY_PREFIX_KINDS + ("day",)
        j = i + 4
        if unit.kind == "dem":
            unit, relation = self.next(i + 3), 0
        else:
            rel = self.next(i + 3)
            relation = lx.RELATIONS[rel.key] if rel is not None and rel.kind == "rel" else None
        if unit is None or unit.kind != "unit" or lx.UNITS[unit.key] != ("M", "definite") \
                or relation is None:
            return None
        value = None
        if self.pub:
            month = rv.period(self.pub, "M", relation)
            d, _ = dates.to_gregorian(int(month[:4]), int(month[5:]),
                                      dates.ORDINAL_DAYS[self.a[i].key], dates.GREGORIAN)
            if d is None:
                return None
            value = rv.day(d)
        return j, [self._tx(i, j, "DATE", value, "day")], DAY_PREFIX_KINDS + ("day",)

    def c_month(self, i):
        a = self.a[i]
        got = lx.month_of(a.key.split("|"))
        if got is None:
            return None
        cal, m, ambiguous = got
        if cal == dates.HIJRI:
            return self._lunar_month(i, m)
        if cal != dates.GREGORIAN:
            return None  # a solar month without its year cannot be placed
        j, relation, year_offset, year = self.relation_after(i + 1)
        if ambiguous and j == i + 1:
            return None
        if j == i + 1 and (self.word_before(a.start - len(a.cl)) in lx.SPELLED_LETTERS
                           or self.word_after(a.end) in lx.SPELLED_LETTERS):
            return None  # «بي آوت كيو», «مايو دي بلازا»: part of a foreign name
        value = None
        if year is not None:
            value = rv.month(year, m)
        elif self.pub:
            fut = relation is None and year_offset is None and self.future(a.start)
            y = rv.month_year(self.pub, m, relation, fut, year_offset)
            if relation is None and year_offset is None and not fut:
                y = rv.near_month_year(self.pub, m, y)
            y = self._year_in_pair(i, y, m, None, relation is not None or year_offset is not None)
            value = rv.month(y, m)
        tx = self._tx(i, j, "DATE", value, "month",
                      anchor="absolute" if year is not None else "publication")
        if year is None and value is not None:
            self.bare[id(tx)] = (relation is not None or year_offset is not None, fut)
        return j, [tx], PERIOD_PREFIX_KINDS + ("month",)

    def _joined(self, prev: Timex, a: Atom) -> bool:
        """The atom follows the expression `prev` across «و» or a range word only («و»,
        «إلى», «حتى», «وحتى يوم»): the second date of a pair or a range."""
        gap = self.s[prev.end:a.start - len(a.cl)].split()
        if not gap:
            return a.cl in lx.AND_CLITICS
        if gap[0][:1] in lx.AND_CLITICS and len(gap[0]) > 1 and gap[0] not in lx.RANGE_CLOSE:
            gap[0] = gap[0][1:]  # «وحتى»
        return gap[0] in lx.RANGE_CLOSE and all(
            w in lx.DAY_WORDS or w.startswith("ال") and w[2:] in lx.DAY_WORDS for w in gap[1:])

    def _year_in_pair(self, i: int, y: int, month: int, day: int | None, placed: bool) -> int:
        """«بين 14 يونيو و15 يوليو», «من أكتوبر إلى فبراير»: two dates without a year, joined
        by «و» or a range word, lie in order within a year. The second is placed (by its own
        relation word «المقبلين», else by the tense read before the first, next to the verb)
        and the first moves to the latest such day on or before it; only a first one placed
        by its own relation word («20 ديسمبر الماضي و3 يناير») places the second after it.
        Returns the second's year."""
        prev = self.out[-1] if self.out else None
        a = self.a[i]
        if prev is None or id(prev) not in self.bare or not prev.value \
                or (prev.granularity == "day") != (day is not None):
            return y
        if not self._joined(prev, a):
            return y
        py, pm = int(prev.value[:4]), int(prev.value[5:7])
        pd = int(prev.value[8:10]) if day is not None else 0
        prev_placed, prev_future = self.bare[id(prev)]
        if prev_placed:
            if placed:
                return y
            return py if (month, day or 0) >= (pm, pd) else py + 1
        if not placed and self.pub is not None:
            # the tense is read next to the verb, before the first date: it places the pair
            y = rv.month_year(self.pub, month, None, prev_future) if day is None \
                else rv.day_month_year(self.pub, month, day, None, prev_future)
        first_y = y if (pm, pd) <= (month, day or 0) else y - 1
        d, _ = dates.to_gregorian(first_y, pm, pd or 1, dates.GREGORIAN)
        if d is not None:
            prev.value = rv.day(d) if day is not None else rv.month(first_y, pm)
        return y

    def _lunar_month(self, i, m: int):
        """«رمضان الماضي», «شهر رمضان المقبل», «شهر رمضان»: a lunar month placed from the
        publication date, as the Gregorian month it begins in. Bare («رمضان») it is also a
        name, so it needs «شهر» before it or a relation after it."""
        j, relation, year_offset, year = self.relation_after(i + 1)
        after_month_word = i > self.floor and self.touching(i - 1) \
            and self.a[i - 1].kind == "unit" and lx.UNITS[self.a[i - 1].key] == ("M", "singular")
        if year_offset is not None and after_month_word and self.pub:
            # «شهر صفر من هذا العام», «شهر رمضان من العام الماضي»: with a lunar month the
            # year counted is the lunar one («لهذا العام في شهر صفر … من العام الماضي»)
            d, _ = dates.to_gregorian(dates.hijri_of(self.pub).year + year_offset, m, 1,
                                      dates.HIJRI)
            if d is None:
                return None
            return j, [self._tx(i, j, "DATE", rv.month(d.year, d.month), "month")], \
                PERIOD_PREFIX_KINDS + ("month",)
        if year is not None or year_offset is not None \
                or relation is None and not after_month_word:
            return None  # a year of its own is read by khabar.dates
        value = None
        if self.pub:
            h = dates.hijri_of(self.pub)
            fut = relation is None and self.future(self.a[i].start)
            y = rv.month_year(h, m, relation, fut)
            d, _ = dates.to_gregorian(y, m, 1, dates.HIJRI)
            value = rv.month(d.year, d.month) if d else None
        return j, [self._tx(i, j, "DATE", value, "month")], PERIOD_PREFIX_KINDS + ("month",)

    def c_unit(self, i):
        a = self.a[i]
        unit, form = lx.UNITS[a.key]
        b = self.next(i + 1)
        if form == "definite" and b is None and unit == "Y" \
                and (m := _WORD_AFTER.match(self.s, a.end)) is not None \
                and m.group(1) in lx.ERA_ADJECTIVES and i + 1 < self.n \
                and (c := self.a[i + 1]).kind == "rel" and not c.cl \
                and _GAP.fullmatch(self.s, m.end(), c.start):
            return self._period(i, i + 2, unit, lx.RELATIONS[c.key])  # «العام الميلادي الماضي»
        if form == "definite":
            if b is not None and b.kind in ("ordinal", "last") and unit != "C":
                return self._part_of(i)  # «الأسبوع الأول من الشهر المقبل»
            if b is not None and b.kind == "rel":
                return self._period(i, i + 2, unit, lx.RELATIONS[b.key])
            if b is not None and unit == "Y" and b.kind == "num":
                return self._years(i)
            if b is not None and unit == "C" and b.kind == "ordinal":  # «القرن العشرين»
                value = rv.century(dates.ORDINAL_DAYS[b.key])
                return i + 2, [self._tx(i, i + 2, "DATE", value, "century", anchor="absolute")], \
                    PERIOD_PREFIX_KINDS
            if unit in ("Y", "M", "W") and (story := self._story_period(i, unit)) is not None:
                return story
            if i > self.floor and self.a[i - 1].kind == "mod" and self.touching(i - 1) \
                    and unit in ("Y", "M"):
                return self._period(i, i + 1, unit, 0)  # «بحلول نهاية العام»: this one
            return None
        if form == "definite_dual":  # «العامين الماضيين»: the two years up to now
            if b is None or b.kind != "rel" or lx.RELATIONS[b.key] == 0:
                return None
            return i + 2, [self._tx(i, i + 2, "DURATION", rv.duration(2, unit), "duration")], ()
        if form == "singular" and unit == "Y" and b is not None and b.kind == "num":
            return self._years(i)
        if form == "dual":
            return i + 1, [self._tx(i, i + 1, "DURATION", rv.duration(2, unit), "duration")], ()
        if form == "singular" and b is not None and b.kind == "numw" \
                and lx.CARDINALS[b.key] == 1:  # «عام واحد»
            return i + 2, [self._tx(i, i + 2, "DURATION", rv.duration(1, unit), "duration")], ()
        return None

    def _story_period(self, i: int, unit: str):
        """«في العام التالي», «وفي الشهر نفسه», «في ذلك العام»: a year, month or week counted
        from the last one the story named in the same paragraph (a date of that unit or a finer
        one); None when there is none, or when «العام» is «general» («الأمين العام السابق»)."""
        a = self.a[i]
        after = _NEXT_WORD.match(self.s, a.end)
        before = self.s[max(0, a.start - len(a.cl) - 30):a.start - len(a.cl)].split()
        prev = before[-1] if before else ""
        bare = prev[1:] if prev[:1] in lx.CONJUNCTIONS and len(prev) > 2 else prev
        if after.group(1) in lx.ANAPHORIC_AFTER:
            if not (a.cl or bare in lx.PERIOD_OPENERS or bare in lx.MODIFIERS):
                return None
            shift, start, end = lx.ANAPHORIC_AFTER[after.group(1)], a.start, after.end()
        elif bare in lx.NOT_TODAY_BEFORE and bare not in lx.DEMONSTRATIVES and not a.cl:
            shift, start, end = 0, self.s.rfind(prev, 0, a.start - len(a.cl)), a.end
        else:
            return None
        last = self._story_anchor(unit, start)
        if last is None:
            return None
        if shift < 0 and last.anchor == "publication" and self.pub:
            # «العام الماضي … ومقارنة بالعام السابق»: after a period counted from
            # publication, «السابق» is the one before publication, as «الماضي»
            last = Timex(last.start, last.end, "DATE", rv.day(self.pub), None, "publication",
                         "day")
        if unit == "Y":
            value, gran = rv.year(int(last.value[:4]) + shift), "year"
        elif unit == "M":
            d = dt.date(int(last.value[:4]), int(last.value[5:7]), 1)
            value, gran = rv.period(d, "M", shift), "month"
            # «خلال الشهر نفسه عام 2014»: that month of the year named after it
            if (y := _OF_YEAR.match(self.s, end)) is not None:
                value, end = f"{y.group(1)}{value[4:]}", y.end()
        else:
            value, gran = rv.week(dt.date.fromisoformat(last.value[:10])
                                  + dt.timedelta(weeks=shift)), "week"
        j = i + 1
        if j < self.n and (c := self.a[j]).kind == "num" and c.key == value and not c.cl \
                and _GAP_COMMA.fullmatch(self.s, end, c.start):
            j, end = j + 1, c.end  # «خلال العام السابق 2024»: the year in apposition
        while j < self.n and self.a[j].start < end:
            j += 1  # the year read after «الشهر نفسه»
        return j, [Timex(start, end, "DATE", value, None, "story", gran)], PERIOD_PREFIX_KINDS

    def _story_anchor(self, unit: str, start: int) -> Timex | None:
        """The last expression of the paragraph before `start` fine enough to count a
        year, month or week («W») of the story from."""
        need = {"Y": 4, "M": 7, "W": 10}[unit]
        last = next((t for t in reversed(self.out) if t.value and len(t.value) >= need
                     and t.value[:4].isdigit() and t.type == "DATE"
                     and (need < 10 or t.granularity == "day")), None)
        if last is None or "\n" in self.s[last.end:start]:
            return None
        return last

    def _story_month(self, k: int) -> tuple[str, int] | None:
        """(month, end) of «الشهر نفسه», «الشهر ذاته» at atom k (a day of it is named
        before: «يوم 27 من الشهر نفسه», «الثامن من الشهر ذاته»)."""
        a = self.a[k]
        after = _NEXT_WORD.match(self.s, a.end)
        if lx.ANAPHORIC_AFTER.get(after.group(1)) != 0:
            return None
        last = self._story_anchor("M", a.start)
        return (last.value[:7], after.end()) if last is not None else None

    def _period(self, i, j, unit, offset):
        value = rv.period(self.pub, unit, offset) if self.pub else None
        gran = {"Y": "year", "M": "month", "W": "week", "DE": "decade", "D": "day",
                "C": "century"}.get(unit)
        if gran is None:
            return None
        tx = self._tx(i, j, "DATE", value, gran)
        # «نهاية العام الحالي، 2021»: the year repeated in apposition belongs to it
        if unit == "Y" and (c := self.next(j, comma=True)) is not None and c.kind == "num" \
                and value is not None and c.key == value:
            j += 1
            tx.end = c.end
        return j, [tx], PERIOD_PREFIX_KINDS + ("month",)

    def c_dem(self, i):
        b = self.next(i + 1)
        if b is None or b.kind != "unit":
            return None
        unit, form = lx.UNITS[b.key]
        if form != "definite":
            return None
        return self._period(i, i + 2, unit, 0)

    def c_yearw(self, i):
        b = self.next(i + 1)
        if b is None or b.kind != "num":
            return None
        return self._years(i)

    def _years(self, i):
        """«عام 2015», «عامي 2014 و2015», «سنة 1442 هـ»: one item per year."""
        b = self.a[i + 1]
        tx = self._year_item(i, i + 2, b, marked=True)
        if tx is None:
            return None
        items, j = self._more_years([tx], i + 2)
        return j, items, PERIOD_PREFIX_KINDS + ("month",)

    def _more_years(self, items: list[Timex], j: int) -> tuple[list[Timex], int]:
        """«عامي 2014 و2015», «بين 2010 و 2015»: further years joined by the conjunction."""
        while j < self.n:
            a = self.a[j]
            if a.kind == "num" and a.cl in lx.AND_CLITICS \
                    and _GAP.fullmatch(self.s, self.a[j - 1].end, a.start - len(a.cl)):
                k = j
            elif a.kind == "rclose" and a.key in lx.AND_CLITICS and not a.cl \
                    and _GAP.fullmatch(self.s, self.a[j - 1].end, a.start) \
                    and (b := self.next(j + 1)) is not None and b.kind == "num":
                k = j + 1
            else:
                break
            nxt = self._year_item(k, k + 1, self.a[k], marked=True)
            if nxt is None:
                break
            items.append(nxt)
            j = k + 1
        return items, j

    def _year_item(self, i, j, num: Atom, marked: bool) -> Timex | None:
        """A year: `marked` by a year word before it («عام»), else bare and judged by context."""
        if not num.key.isdigit() or len(num.key) not in (3, 4):
            return None
        y = int(num.key)
        end = num.end
        cal = dates.GREGORIAN
        if (era := dates.ERA_AFTER.match(self.s, end)) is not None:
            cal = lx.ERA_WORDS.get(re.sub(r"\s+", " ", era["era"]), dates.GREGORIAN)
            end = era.end()
        lo, hi = dates.YEAR_RANGE[cal] if cal != dates.GREGORIAN else _YEAR_SPAN
        if not lo <= y <= hi:
            return None
        if cal == dates.GREGORIAN:
            if marked and y < _BARE_YEAR[0] and not self._year_context(num):
                return None  # «عام 1200 شخص»
            if not marked and not self._bare_year(num):
                return None
        else:
            d, _ = dates.to_gregorian(y, 1, 1, cal)
            if d is None:
                return None
            y = d.year
        return Timex(self.a[i].start, end, "DATE", rv.year(y), None, "absolute", "year")

    def _bare_year(self, num: Atom) -> bool:
        """Whether a 4-digit number with no year word before it is a year («في 2011»)."""
        y = int(num.key)
        hi = min(_BARE_YEAR[1], self.pub.year + 30) if self.pub else _BARE_YEAR[1]
        if not _BARE_YEAR[0] <= y <= hi:
            return False
        prev = self.word_before(num.start - len(num.cl))
        stems = {stem for _, stem in lx.readings(prev)} if prev else set()
        if stems & lx.NOT_YEAR_BEFORE:
            return False  # «القرار 2254»
        nxt = self.word_after(num.end)
        if nxt in lx.COUNTED_NOUNS:
            return False  # «2500 جندي»
        if stems & (lx.YEAR_CUES | lx.WEAK_YEAR_CUES):
            return True
        return self._year_context(num)

    def _year_context(self, num: Atom) -> bool:
        """A number is a year where the word after it may follow a year (not a counted noun)."""
        w = self.word_after(num.end)
        if not w or not w[0].isalpha():
            return w[:1] not in ("%", "$", "€")
        if w in lx.YEAR_FOLLOWERS or w in lx.ERA_WORDS:
            return not self.s[num.end:num.end + 20].lstrip().startswith(lx.AMOUNT_FOLLOWERS)
        # a new clause or a prepositional phrase: «2011 وقال», «2014 للتحقيق»
        return len(w) > 3 and w[0] in lx.CLITIC_LETTERS

    def c_num(self, i):
        a = self.a[i]
        if a.key.isdigit() and len(a.key) == 4:
            tx = self._year_item(i, i + 1, a, marked=False)
            if tx is None:
                return None
            items, j = self._more_years([tx], i + 1)
            return j, items, PERIOD_PREFIX_KINDS + ("month",)
        lunar = self._lunar_day(i) if i + 1 < self.n and self.a[i + 1].kind in _TO_LUNAR \
            else None
        return lunar or self._day_of_month(i) or self._duration(i)

    def _lunar_day(self, i):
        """«24 شوال الجاري», «21 من شهر رمضان الماضي», «السادس من شهر شوال»: a day of a lunar
        month without its year, placed from the publication date in the lunar calendar (a
        year of its own is read by khabar.dates). The Gregorian day is its value."""
        a = self.a[i]
        day = int(a.key) if a.kind == "num" and a.key.isdigit() else \
            dates.ORDINAL_DAYS.get(a.key) if a.kind == "ordinal" else None
        if day is None or not 1 <= day <= 30:
            return None
        k = i + 1
        b = self.next(k)
        if b is not None and b.kind == "ropen" and b.key in lx.OF_WORDS:
            k += 1
            b = self.next(k)
        if b is not None and b.kind == "unit" and lx.UNITS[b.key] == ("M", "singular"):
            k += 1
            b = self.next(k)
        if b is None or b.kind != "month" or (got := lx.month_of(b.key.split("|"))) is None \
                or got[0] != dates.HIJRI:
            return None
        m = got[1]
        if a.kind == "ordinal" and k == i + 1:
            return None  # «السادس رمضان»: no such phrase; an ordinal takes «من»
        j, relation, year_offset, year = self.relation_after(k + 1)
        if year is not None or year_offset is not None:
            return None
        value = None
        if self.pub:
            fut = relation is None and self.future(a.start)
            h = dates.hijri_of(self.pub)
            y = rv.day_month_year(h, m, day, relation, fut)
            prev = self.out[-1] if self.out else None
            if relation is None and prev is not None and id(prev) in self.lunar \
                    and prev.value and self._joined(prev, a):
                # «من 7 ذي القعدة المقبل وحتى الأول من ذي الحجة»: the end follows the start
                ph = dates.hijri_of(dt.date.fromisoformat(prev.value))
                y = ph.year if (m, day) >= (ph.month, ph.day) else ph.year + 1
            d, _ = dates.to_gregorian(y, m, day, dates.HIJRI)
            if d is None:
                return None
            value = rv.day(d)
        tx = self._tx(i, j, "DATE", value, "day")
        self.lunar.add(id(tx))
        return j, [tx], DAY_PREFIX_KINDS + ("day",)

    def _day_of_month(self, i):
        """«16 من الشهر الحالي», «يوم 29 من مايو الماضي»: a day of a month named after «من»."""
        a = self.a[i]
        of = self.next(i + 1)
        if not a.key.isdigit() or not 1 <= int(a.key) <= 31 or of is None \
                or of.kind != "ropen" or of.key not in lx.OF_WORDS:
            return None
        c, k = self.next(i + 2), i + 2
        if c is not None and c.kind == "unit" and lx.UNITS[c.key] == ("M", "singular") \
                and (m := self.next(i + 3)) is not None and m.kind == "month":
            c, k = m, i + 3  # «20 من شهر تموز الجاري»
        if c is None:
            return None
        end = None
        if c.kind == "unit" and lx.UNITS[c.key] == ("M", "definite") \
                and (story := self._story_month(k)) is not None:
            j, (month, end) = k + 1, story  # «يوم 27 من الشهر نفسه»
        elif c.kind == "unit" and lx.UNITS[c.key] == ("M", "definite"):
            rel = self.next(i + 3)
            if rel is None or rel.kind != "rel":
                return None
            j = i + 4
            month = rv.period(self.pub, "M", lx.RELATIONS[rel.key]) if self.pub else None
        elif c.kind == "month":
            got = self.c_month(k)
            if got is None:
                return None
            j, month = got[0], got[1][0].value
        else:
            return None
        value = None
        if month is not None:
            try:
                value = dt.date.fromisoformat(f"{month}-{int(a.key):02d}").isoformat()
            except ValueError:
                return None
        tx = self._tx(i, j, "DATE", value, "day")
        if end is not None:
            tx.end, tx.anchor = end, "story"
        return j, [tx], DAY_PREFIX_KINDS + ("day",)

    def c_numw(self, i):
        return self._duration(i)

    def _count(self, a: Atom) -> int | None:
        if a.kind == "numw":
            return lx.CARDINALS[a.key]
        if a.kind == "num" and a.key.isdigit() and int(a.key) < 1000:
            return int(a.key)
        return None

    def _count_at(self, i: int) -> tuple[int | None, int]:
        """The count at atom i and the index after it: a figure, a number word, or units and
        tens joined by «و» («خمسة وتسعين» = 95)."""
        n = self._count(self.a[i])
        if n is None or self.a[i].kind != "numw" or not 1 <= n <= 9 or i + 1 >= self.n:
            return n, i + 1
        b = self.a[i + 1]
        if b.kind == "numw" and b.cl in lx.AND_CLITICS and 20 <= lx.CARDINALS[b.key] <= 90 \
                and lx.CARDINALS[b.key] % 10 == 0 \
                and _GAP.fullmatch(self.s, self.a[i].end, b.start - len(b.cl)):
            return n + lx.CARDINALS[b.key], i + 2
        return n, i + 1

    def _duration(self, i):
        """«ثلاثة أيام», «42 يوما», «خمسة وعشرين عاما»: a count and a unit."""
        n, k = self._count_at(i)
        b = self.next(k)
        if n is None or b is None or b.kind != "unit":
            return None
        unit, form = lx.UNITS[b.key]
        if form not in ("singular", "plural"):
            return None
        before = self.s[max(0, self.a[i].start - 30):self.a[i].start].split()[-3:]
        if any(w in lx.AGE_WORDS for w in before):
            return None  # an age
        if self.s[max(0, self.a[i].start - 4):self.a[i].start].rstrip().endswith("(") and \
                _CLOSE_PAREN.match(self.s, b.end):
            return None  # «مورينيو (52 عاما)»: an age in brackets after a name
        tx = self._tx(i, k + 1, "DURATION", rv.duration(n, unit), "duration")
        # «ثمانية أعوام أخرى», «ثلاثة أيام إضافية»: the adjective belongs to the span
        if (m := _WORD_AFTER.match(self.s, tx.end)) is not None \
                and m.group(1) in lx.MORE_OF_A_DURATION:
            tx.end = m.end()
        return k + 1, [tx], ("approx",)

    def c_offset(self, i):
        """«قبل ثلاثة أشهر», «منذ يومين», «بعد أسبوع»: a point counted from publication."""
        sign = lx.OFFSETS[self.a[i].key]
        b = self.next(i + 1)
        if b is None:
            return None
        j = i + 1
        mod = None
        if b.kind == "approx":  # «قبل نحو ثلاثة أشهر»
            mod = lx.APPROXIMATORS[b.key]
            j += 1
            b = self.next(j)
            if b is None:
                return None
        n, after_count = self._count_at(j)
        if n is not None:
            j = after_count
            b = self.next(j)
            if b is None:
                return None
        if b.kind != "unit":
            return None
        unit, form = lx.UNITS[b.key]
        if form == "definite" or form == "definite_plural":
            return None
        after = self.next(j + 1)
        if after is not None and (after.kind in ("date", "wd", "relday")
                                  or after.kind == "month" and (unit, form) == ("M", "singular")):
            return None  # «منذ يوم 30 يونيو», «منذ شهر رمضان»: the word belongs to the date
        if n is None:
            n = 2 if form == "dual" else 1 if form == "singular" else None
        elif form == "dual":
            return None
        j += 1
        if form == "singular" and n == 1 and (c := self.next(j)) is not None and c.kind == "num":
            return None  # «منذ عام 2013»: a year, read at the next atom
        if sign > 0 and form == "singular" and i > self.floor and self.a[i - 1].kind == "unit" \
                and lx.UNITS[self.a[i - 1].key][0] == unit and self.touching(i - 1):
            return None  # «يوما بعد يوم»: day by day, no time
        # «بعد يومين من الهجوم», «بعد أسبوع فقط من عودته»: counted from an event of the
        # story, not from publication; so is «بعد ثلاثة أيام» in a story told in the past
        # («وعاد بعد ثلاثة أيام»): only a clause about the future counts from publication
        if self._event_anchored(self.a[j - 1].end) \
                or sign > 0 and not self.future(self.a[i].start) \
                and not self.future_verb_after(self.a[j - 1].end):
            val = rv.duration(n, unit)
            return j, [self._tx(i + 1, j, "DURATION", val, "duration", mod)], ()
        if n is None:
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return j, [self._tx(i, j, "DATE", value, None, mod)], ()
        if unit in ("H", "MI"):
            return j, [self._tx(i, j, "TIME", None, "time", mod)], ()
        value = rv.shift(self.pub, unit, sign * n) if self.pub else None
        gran = {"Y": "year", "M": "month", "W": "day", "DE": "decade", "D": "day",
                "C": "century"}[unit]
        # «قبل أكثر من عام»: more time back is a point before the one counted
        if mod in ("MORE_THAN", "LESS_THAN"):
            mod = "BEFORE" if (mod == "MORE_THAN") == (sign < 0) else "AFTER"
        return j, [self._tx(i, j, "DATE", value, gran, mod)], ()

    def _event_anchored(self, pos: int) -> bool:
        """«من»/«على» after a count of time, past a filler or two («فقط», «ونصف»)."""
        rest = self.s[pos:pos + 40].split()[:3]
        while rest and rest[0] in lx.OFFSET_FILLERS:
            rest.pop(0)
        return bool(rest) and rest[0] in lx.EVENT_ANCHORS

    def c_decade(self, i):
        """«التسعينيات», «الستينيات من القرن الماضي»: the twentieth century unless told."""
        decade = lx.DECADES[self.a[i].key]
        value, j, anchor = f"{decade // 10:03d}", i + 1, "absolute"
        of, cent = self.next(i + 1), self.next(i + 2)
        k = i + 3  # the century's ordinal or relation: «من القرن الماضي»
        if of is not None and of.kind == "unit":  # «عشرينيات القرن الماضي» (construct)
            of, cent, k = None, of, i + 2
        if cent is not None and (of is None or of.kind == "ropen" and of.key in lx.OF_WORDS) \
                and cent.kind == "unit" and lx.UNITS[cent.key] == ("C", "definite") \
                and (q := self.next(k)):
            if q.kind == "ordinal":
                value, j = rv.century(dates.ORDINAL_DAYS[q.key]) + value[-1], k + 1
            elif q.kind == "rel" and self.pub:
                value = rv.period(self.pub, "C", lx.RELATIONS[q.key]) + value[-1]
                j, anchor = k + 1, "publication"
        return j, [self._tx(i, j, "DATE", value, "decade", anchor=anchor)], PERIOD_PREFIX_KINDS

    def c_season(self, i):
        b = self.next(i + 1)
        _code, first = lx.SEASONS[self.a[i].key]
        if b is not None and b.kind == "num" and b.key.isdigit() and len(b.key) == 4:
            # «شتاء 2019», «صيف 2016»: the season of that year
            tx = self._year_item(i, i + 2, b, marked=True)
            if tx is not None:
                tx.anchor, tx.granularity = "absolute", "year"
                return i + 2, [tx], PERIOD_PREFIX_KINDS
        if self.a[i].key in lx.SEASON_CONSTRUCTS:
            return None  # «صيف» without its year: «ربيع» is a name as often as a season
        if b is None or b.kind != "rel":
            # a bare season («في الصيف», «صيفا»): the one under way or last, or the next
            # one when the clause speaks of the future
            nxt = self.word_after(self.a[i].end)
            if nxt.startswith(lx.DEFINITE_ARTICLE) and len(nxt) > 3 \
                    and nxt not in lx.FUNCTION_WORDS:
                return None  # «الربيع العربي»: a name, not a season
            last = self.out[-1] if self.out else None
            if last is not None and last.type == "SET" and self.a[i].start - last.end <= 30:
                return None  # «كل عام في الصيف»: a habit, no calendar season
            if not self.pub:
                value = None
            elif self.future(self.a[i].start):
                value = rv.season(self.pub, first, 1)
            else:
                value = rv.nearest_season(self.pub, first)
            return i + 1, [self._tx(i, i + 1, "DATE", value, "year")], PERIOD_PREFIX_KINDS
        value = rv.season(self.pub, first, lx.RELATIONS[b.key]) if self.pub else None
        return i + 2, [self._tx(i, i + 2, "DATE", value, "year")], PERIOD_PREFIX_KINDS

    def c_weekend(self, i):
        j, relation = i + 1, None
        if (b := self.next(j)) is not None and b.kind == "rel":
            relation = lx.RELATIONS[b.key]
            j += 1
        value = rv.weekend(self.pub, relation) if self.pub else None
        return j, [self._tx(i, j, "DATE", value, "week")], ()

    def c_clock(self, i):
        """«الساعة 10:30 صباحا»: a time on the day named just before it, else on publication."""
        h = self.next(i + 1)
        if h is None or h.kind != "num" or not h.key.isdigit() or int(h.key) > 24:
            return None
        hh, mm, j = int(h.key), 0, i + 2
        if j < self.n and self.s[h.end:h.end + 1] == ":" and self.a[j].start == h.end + 1 \
                and self.a[j].kind == "num" and len(self.a[j].key) == 2 \
                and int(self.a[j].key) < 60:
            mm, j = int(self.a[j].key), j + 1
        if (p := self.next(j)) is not None and p.kind in ("ampm", "daypart"):
            half = lx.CLOCK_PARTS.get(p.key) or ("am" if lx.DAY_PARTS[p.key] == "MO" else "pm")
            if half == "pm" and hh < 12:
                hh += 12
            j += 1
        if hh > 23:
            return None
        day = self._day_before(self.a[i].start)
        value = f"{day}T{hh:02d}:{mm:02d}" if day else None
        return j, [self._tx(i, j, "TIME", value, "time")], ()

    def _day_before(self, pos: int) -> str | None:
        """The day of a day expression ending just before `pos`, else the publication day."""
        last = self.out[-1] if self.out else None
        if last is not None and last.granularity == "day" and last.value \
                and pos - last.end <= _CLOCK_REACH:
            return last.value
        return self.pub.isoformat() if self.pub else None

    def c_setw(self, i):
        b = self.next(i + 1)
        if b is None or b.kind != "unit" or lx.UNITS[b.key][1] not in ("singular", "definite"):
            return None
        unit = lx.UNITS[b.key][0]
        if lx.UNITS[b.key][1] == "definite":
            return None
        return i + 2, [self._tx(i, i + 2, "SET", rv.duration(1, unit), "set")], ()

    def c_setadv(self, i):
        return i + 1, [self._tx(i, i + 1, "SET", lx.SET_ADVERBS[self.a[i].key], "set")], ()

    def c_vague(self, i):
        a = self.a[i]
        if a.key.split()[-1] in lx.LAST_PART and self.word_after(a.end) in lx.OF_WORDS:
            return None  # «الأيام الأخيرة من الموسم»: the end of something else
        return i + 1, [self._tx(i, i + 1, "DATE", lx.VAGUE[self.a[i].key], None)], ()


def parse(folded: str, published: dt.date | None, toks: Tokens | None = None,
          found: list[Atom] | None = None) -> list[Timex]:
    """The expressions of a folded text; `toks`, its `dates.tokens` where the caller has
    them from the article's folded tokens already; `found`, its atoms where an earlier
    `parse_atoms` of the same text gave them (they do not depend on `published`)."""
    return Parser(folded, published, toks, found).parse()


def parse_atoms(folded: str, published: dt.date | None, toks: Tokens | None = None
                ) -> tuple[list[Timex], list[Atom]]:
    """`parse`, with the atoms it read, for a second reading of the same text against
    another publication date (`parse(..., found=atoms)`)."""
    p = Parser(folded, published, toks)
    return p.parse(), p.a
