"""An event's status: asserted, claimed (and by which statement), denied, future or
hypothetical. A denial wins over a condition, a condition over a plan, a plan over a claim:
«قال إن بلجيكا ستفرض …» is a plan the speaker announces."""
from __future__ import annotations

from bisect import bisect_right

from khabar.events import lexicon as L
from khabar.events.extract import Candidate, Context, Words


def statement_of(ctx: Context, pos: int) -> int | None:
    """The index (in the record's `quotes`) of the statement whose content holds text
    offset `pos`, or None. Statements do not nest far: the few before are enough."""
    k = bisect_right(ctx.quote_starts, pos)
    for i in range(k - 1, max(-1, k - 4), -1):
        q = ctx.quotes[i]
        if q.start <= pos < q.end:
            return ctx.quote_index[id(q)]
    return None


def _elaborated(ctx: Context, c: Candidate, ws: Words) -> int | None:
    """«أفادت مصادر محلية أن اشتباكات اندلعت، إذ تم قصف …»: a clause that opens with
    «فقد/إذ/حيث» right after a statement in its sentence details what the source said."""
    pos = ctx.to_text(c.start)
    k = bisect_right(ctx.quote_starts, pos) - 1
    if k < 0:
        return None
    q = ctx.quotes[k]
    sent = ctx.sent_spans[c.sent]
    if q.end > pos or q.start < sent.start:
        return None
    between = L.WORD.findall(ctx.vt, ctx.to_view(q.end), c.start)
    if between and between[0] in L.ELABORATION:
        return ctx.quote_index[id(q)]
    return None


def status(ctx: Context, c: Candidate, ws: Words, date_value: str | None,
           published: str | None, date_mod: str | None = None,
           date_text: str | None = None) -> tuple[str, int | None]:
    words = ws.words
    i = c.word
    stmt = statement_of(ctx, ctx.to_text(c.start))
    if stmt is None:
        stmt = _elaborated(ctx, c, ws)
    if any(w in L.NEGATION for w in words[max(0, i - 2):i]):
        return "denied", stmt
    if stmt is not None:
        cue = ctx.quotes_list[stmt].attrs.get("cue") or {}
        if cue.get("negated") or cue.get("class") in L.DENYING:
            return "denied", stmt
    if c.verb and i > 0 and words[i - 1] in L.MODAL and \
            words[i][len(c.prefix):][:1] in L.IMPERFECT_PERSON:
        return "hypothetical", stmt  # «قد تفرض»: may; «قد فرضت» (has) is a fact
    if not L.HYPOTHETICAL_FIRST.isdisjoint(ws.vocabulary) and \
            not L.HYPOTHETICAL_FIRST.isdisjoint(words[:i]):
        before = " " + " ".join(words[:i]) + " "
        if any(f" {p} " in before for p in L.HYPOTHETICAL_TEXT):
            return "hypothetical", stmt
    if L.FUTURE_PREFIX in c.prefix or any(w in L.FUTURE for w in words[max(0, i - 4):i]):
        return "future", stmt
    if stmt is not None and (ctx.quotes_list[stmt].attrs.get("cue") or {}).get("class") \
            in L.PLANNING:
        if _after_past_clause_opener(words, i):
            return "asserted", None  # «هدد بضربات بعدما قتل هجوم …»: the background is a fact
        return "future", stmt  # «هددت بفرض عقوبات»: threatened, not done
    if not c.verb and any(w[:1] == L.FUTURE_PREFIX and _future_light_verb(w)
                          for w in words[max(0, i - 4):i]):
        return "future", stmt  # «ستفرض … عقوبات»: the noun is the object of a planned act
    if not c.verb and any(_future_verb(w) for w in words[c.last_word + 1:c.last_word + 3]):
        return "future", stmt  # «آلاف الجنود سيتوجهون …»: the noun is the subject of a plan
    if date_text and any(w in L.FUTURE for w in date_text.split()):
        return "future", stmt  # «الأسبوع المقبل»
    if date_value and published and date_value[:10] > published[:10] and \
            len(date_value) >= len(published[:10]):
        return "future", stmt
    if date_value and published and len(date_value) == 4 and date_value > published[:4]:
        return "future", stmt
    if date_value and published and date_mod == "END" and published.startswith(date_value):
        # «قبل انقضاء العام الجاري»: the end of the period the article is written in
        return "future", stmt
    if stmt is not None and c.suffixed and not c.verb and \
            ctx.to_text(c.start) == ctx.quotes_list[stmt].start:
        # «أعلنت الوزيرة استقالتها من الحكومة»: the act the speaker announces as their own (the noun
        # carries their pronoun and is all the statement says) is done by announcing it
        return "asserted", None
    if stmt is None and not c.verb and \
            any(w in L.ALLEGED for w in words[c.last_word + 1:c.last_word + 3]):
        return "claimed", None  # «هجوم مفترض»: the article reports it as alleged
    return ("claimed" if stmt is not None else "asserted"), stmt


def _after_past_clause_opener(words: list[str], i: int) -> bool:
    """A trigger in a clause opened a few words before by «بعدما», «إثر», «عقب»…: a past
    event told as the background of what surrounds it."""
    window = words[max(0, i - 6):i]
    return any(tuple(window[k:k + len(p)]) == p
               for p in L.PAST_CLAUSE_OPENERS for k in range(len(window)))


def _future_verb(w: str) -> bool:
    """A plural verb with the future prefix («سيتوجهون», «ستنطلقان»): the prefix, a person
    prefix and a plural or dual ending make it a verb, not a noun that opens with «سي»
    (a nisba plural, «سياسيون», is a noun)."""
    return (len(w) >= 6 and w.startswith(L.FUTURE_PREFIX) and w[1] in L.IMPERFECT_PERSON
            and w.endswith(L.PLURAL_VERB_ENDINGS) and not w.endswith(L.NISBA_PLURAL_ENDINGS))


def _future_light_verb(w: str) -> bool:
    """A verb with the future prefix whose stem is a known verb (a trigger verb or a light
    verb: «ستفرض», «سينفذ»), so that «ستة» or «سيارة» are not taken for one."""
    if len(w) < 4 or not w.startswith(L.FUTURE_PREFIX):
        return False
    stem = w[len(L.FUTURE_PREFIX):]
    return stem in L.SUPPORT_VERBS or any(f.entry.verb for f in L.TRIGGERS.get(stem, ()))
