"""From trigger candidates to events: one per sentence and type, arguments read, status
set, mentions of one event merged, verbal acts added from statements."""
from __future__ import annotations

from bisect import bisect_right

from khabar.document import Article
from khabar.events import arguments as A
from khabar.events import lexicon as L
from khabar.events.coref import FAR_PLACE, context_words, join
from khabar.events.counts import _noart, counts, number_at, totals
from khabar.events.extract import Arg, Candidate, Context, _arg_item, _item, candidates
from khabar.events.geocode import geocode, geocode_in, readings
from khabar.events.merge import SYMMETRIC, merge
from khabar.events.status import statement_of, status
from khabar.events.verbal import verbal_events


NEAR_ACTOR = "near_actor"  # an event of a `near_actor` entry (internal, dropped)


def _groups(ctx: Context, cands: list[Candidate]) -> list[list[Candidate]]:
    """One group per main trigger; a toll word («مقتل», «جرحى») joins the nearest main
    trigger of its type in its sentence, or stands alone where there is none."""
    by_sent: dict[tuple[int, str], list[Candidate]] = {}
    for c in cands:
        by_sent.setdefault((c.sent, c.type), []).append(c)
    groups: list[list[Candidate]] = []
    for members in by_sent.values():
        mains = [c for c in members if not c.secondary]
        if not mains:
            groups.append(members)
            continue
        # «قتل سبعة في غارة»: main triggers a few words apart in one clause are one event
        words = ctx.words(members[0].sent).words
        joined: list[Candidate] = []
        prev = None
        for m in mains:
            if prev is not None and m.word - prev.last_word <= 5 and \
                    not any(w in L.CLAUSE_BREAKS or w[1:] in L.CLAUSE_BREAKS
                            for w in words[prev.last_word + 1:m.word]):
                prev = m
                continue
            joined.append(m)
            prev = m
        extra = [m for m in mains if m not in joined]
        mains = joined
        mine = {id(m): [m] for m in mains}
        for c in extra:
            near = min(mains, key=lambda m: abs(m.word - c.word))
            mine[id(near)].append(c)
        for c in members:
            if c.secondary:
                near = min(mains, key=lambda m: abs(m.word - c.word))
                mine[id(near)].append(c)
        groups.extend(mine.values())
    return groups


def _needed_object(ws, c: Candidate, a: Arg) -> int:
    """How many first words of an argument are the object the trigger's entry needs after
    it (the rockets of «أطلقت حماس صواريخ», «سراح» of «أطلقت … سراح الأسرى»), read past
    the article; 0 when it is not that object."""
    if not c.needs:
        return 0
    words = ws.words[A._word_of(ws, a.start):A._word_of(ws, a.end - 1) + 1]
    for n in (len(words), 1):
        text = " ".join(words[:n])
        bare = text[2:] if text.startswith("ال") else text
        if text in c.needs or bare in c.needs or \
                any(p.startswith((text + " ", bare + " ")) for p in c.needs):
            return n
    return 0


def _near(ctx: Context, ws, c: Candidate, a: Arg) -> bool:
    """Whether an actor stands next to its trigger (`near_actor` entries): right after a
    verb (its subject) or a masdar (its genitive; a nationality adjective of that genitive:
    «إطلاق القوات الإيرانية»; an agent after «من قبل …»), or right before a verb with
    nothing but «قد» between («حماس أطلقت», «الجيش قد أطلق»)."""
    first = A._word_of(ws, a.start)
    if a.start >= c.end:
        if first == c.last_word + 1 or (
                first == c.last_word + 2 and c.verb and
                ws.words[c.last_word + 1] not in L.ANY_PREPS and
                not _needed_object(ws, c, Arg(ws.starts[c.last_word + 1],
                                              ws.ends[c.last_word + 1], "noun"))):
            return True  # the subject (a name in it: «المتمردون الحوثيون») or the genitive
        if a.kind == "nisba" and not c.verb:
            return first - c.last_word <= 2  # «إطلاق القوات الإيرانية»
        # «إطلاق صاروخين … من قبل الميليشيا»: an agent named after a masdar
        return not c.verb and any(tuple(ws.words[first - len(m):first]) == m
                                  for m in L.AGENT_MARKERS)
    if not c.verb:
        return False
    last = A._word_of(ws, a.end - 1)
    between = ws.words[last + 1:c.word]
    return all(w in L.PERFECT_PARTICLES for w in between) and \
        not any(p in ctx.vt[a.end:ws.starts[c.word]] for p in "،,؛;:.")


def _launched(ws, c: Candidate, a: Arg) -> bool:
    """«إطلاق آلاف الصواريخ», «إطلاق هذه القذائف»: a quantifier, a demonstrative or a count
    right after the trigger whose noun is the needed object names what is launched."""
    i = A._word_of(ws, a.start)
    if i != c.last_word + 1 or a.kind != "noun":
        return False
    w = ws.words[i]
    if not (w in L.QUANTIFIER_HEADS or w in L.DEMONSTRATIVES or number_at(ws.words, i)):
        return False
    nxt = A._word_of(ws, a.end - 1) + 1
    for j in range(i + 1, min(nxt + 1, len(ws.words))):
        if _needed_object(ws, c, Arg(ws.starts[j], ws.ends[j], "noun")):
            return True
    return False


def _past_needed_object(ctx: Context, ws, c: Candidate, args: list[Arg],
                        actor: Arg | None, recipient: Arg | None
                        ) -> tuple[Arg | None, Arg | None]:
    """The needed object (the rockets of «أطلقت حماس صواريخ على المدينة») is neither the
    actor nor the recipient: a subject phrase that runs into it («مسلح النار») ends before
    it, and the target is the name or noun after «على/ضد» past it."""
    if actor is not None and (_needed_object(ws, c, actor) or _launched(ws, c, actor)):
        actor = None  # «إطلاق الصواريخ», «إطلاق آلاف الصواريخ»: launched, not launching
    elif actor is not None and actor.start >= c.end:
        first, last = A._word_of(ws, actor.start), A._word_of(ws, actor.end - 1)
        for j in range(first + 1, last + 1):
            if _needed_object(ws, c, Arg(ws.starts[j], ws.ends[last], "noun")):
                actor = Arg(actor.start, ws.ends[j - 1], "noun")
                break
    if recipient is None or not (n := _needed_object(ws, c, recipient)):
        return actor, recipient
    end = A._word_of(ws, recipient.end - 1)
    first = A._word_of(ws, recipient.start)
    head = ws.words[first + n - 1]
    if first + n <= end and not head.startswith("ال") and not head.endswith(tuple(L.SUFFIXES)):
        # «سراح الأسرى»: those whose release it is, the genitive of the needed word (a
        # definite word or one with a pronoun has none: «الرصاص لم …», «مهماتها القتالية»)
        return actor, Arg(ws.starts[first + n], recipient.end, "noun")
    target = A.object_phrase(ctx, c, ws, Arg(recipient.start, recipient.end, "noun"))
    for a in args:
        j = A._word_of(ws, a.start)
        if a.start >= recipient.end and j <= end + 6 and \
                any(w in L.TARGET_PREPS for w in ws.words[end + 1:j]):
            if target is None or a.start <= target.start:
                target = a  # a name after «على» before a common noun's target
            break
    return actor, target


def _event(ctx: Context, group: list[Candidate], published: str | None) -> list[dict]:
    main = next((c for c in group if not c.secondary), group[0])
    if not main.verb:
        asked = statement_of(ctx, ctx.to_text(main.start))
        if asked is not None and ((ctx.quotes_list[asked].attrs.get("cue") or {}).get("class")
                                  in L.ASKING):
            return []  # «طالب بانسحاب القوات»: asked for, not done
    si = main.sent
    ws = ctx.words(si)
    total = _in_total(ws.words, group)
    if total is False:
        return []  # «ترتفع حصيلة الشهداء منذ بدء الحرب إلى …»: the war's tally, no event
    args = ctx.cached(("args", si), lambda: ctx.args(si))
    actor, recipient = A.actor_recipient(ctx, main, ws, args)
    if main.needs:
        actor, recipient = _past_needed_object(ctx, ws, main, args, actor, recipient)
    if recipient is not None and (i := A._word_of(ws, recipient.start)) > 0 and \
            ws.words[i - 1] in L.VERB_PARTICLES:
        recipient = None  # «… لم يكن يرغب»: a verb, not whom the event befell
    if total:
        # «وأعلنت الوزارة ارتفاع عدد الشهداء إلى ثلاثة»: the subject reports the toll
        actor = None
    if actor is None:
        # «قتل ثلاثة بغارة إسرائيلية»: another trigger word of the same event names its author
        for other in group:
            if other is not main and not other.secondary:
                actor = A.actor_recipient(ctx, other, ws, args)[0]
                if ("members end", other.start) in ctx._cache:
                    # «المباحثات … مع التحضير لقمة بين A وB»: the parties of another meeting
                    actor = None
                    ctx._cache.pop(("members end", other.start))
                if actor is not None:
                    break
    if main.near_actor and actor is not None and not _near(ctx, ws, main, actor):
        actor = None  # «… أبو ماريا قبل أن تطلق النار عليه»: another clause's name
    if main.verb:
        if actor is None and main.prefix[:1] in ("و", "ف"):
            # «اقتحمت القوات البلدة واعتقلت …»: coordinated verbs share their subject
            actor = ctx._cache.get(("verb actor", si))  # type: ignore[assignment]
        if actor is not None:
            ctx._cache[("verb actor", si)] = actor
    if recipient is None:
        recipient = A.object_phrase(ctx, main, ws, actor)
        for other in group:
            # «نفذت الهجوم بالغاز على القرية في هجوم وقع …»: another trigger word of the
            # same event names its target
            if recipient is None and other is not main and not other.secondary:
                recipient = A.object_phrase(ctx, other, ws, None)
        recipient = recipient or A.victims(ctx, group, ws)
    found = ctx.cached(("places", si), lambda: A.places(ctx, ws, args))
    place = A.location(ctx, main, ws, found, actor,
                       recipient if main.type in L.PARTNER_TYPES else None)
    split = A.coordinated(ctx, main, ws, found) if main.type in L.SPLIT_BY_PLACE else []
    t = A.date(ctx, main, si)
    date_value = t.attrs.get("value") if t is not None else None
    st, stmt = status(ctx, main, ws, date_value, published,
                      t.attrs.get("mod") if t is not None else None,
                      L._f(ctx.article.text[t.start:t.end]) if t is not None else None)
    if stmt is not None and main.verb and ctx.vt.startswith(L.FIRST_PERSON, main.start):
        # «… كما سنفرض عقوبات»: a first-person verb in a statement is its speaker's act
        speaker = ctx.quotes_list[stmt].attrs.get("speaker")
        if speaker and "start" in speaker:
            actor = A.Arg(ctx.to_view(speaker["start"]), ctx.to_view(speaker["end"]), "speaker",
                          canonical=speaker.get("canonical"))
    sent = ctx.sent_spans[si]
    ev: dict = {
        "type": main.type,
        "mode": main.mode,
        "trigger": _item(ctx, main.start, main.end),
        "sentence": {"text": ctx.article.text[sent.start:sent.end], "start": sent.start,
                     "end": sent.end},
        "zone": sent.attrs.get("zone", "body"),
        "actor": _arg_item(ctx, actor),
        "recipient": _arg_item(ctx, recipient),
        "location": None,
        "date": None,
        "status": st,
    }
    if main.near_actor:
        ev[NEAR_ACTOR] = True  # its actor is read next to it only, never carried on
    if ("members end", main.start) in ctx._cache:
        ev[SYMMETRIC] = True  # the parties of a meeting as a list (merge weighs it less)
    if place is not None:
        ev["location"] = _place(ctx, place)
        other = _next_other(ctx, main)
        if other is not None and place.start > other:
            # «نفذت الغارات قبل زيارة الوزير إلى العاصمة»: a place named past another
            # event's trigger may be that event's; it stays this mention's guess but does
            # not stand for an earlier telling this one retells (coref)
            ev[FAR_PLACE] = True
    if t is not None:
        ev["date"] = {"text": ctx.article.text[t.start:t.end], "start": t.start, "end": t.end,
                      "value": date_value}
    elif published and st in ("asserted", "claimed"):
        # news reports the day's events: undated, an event is of the publication day
        ev["date"] = {"text": None, "value": published[:10], "source": "publication"}
    found_counts, vague = _counts(ctx, si, ws, group)
    for role, n in found_counts.items():
        if main.type in L.CASUALTY_TYPES[role]:
            ev[role] = n
    if vague:
        ev["vague"] = sorted(r for r in vague if r in ev)
    if main.last_word + 1 < len(ws.words) and ws.words[main.last_word + 1] in L.ANOTHER:
        ev["another"] = True  # «غارات أخرى»: a further strike, not a recap (merge)
    for role in ("dead", "injured", "arrested"):
        ev.setdefault(role, None)
    if stmt is not None:
        ev["statement"] = stmt
    if len(split) < 2:
        return [ev]
    out = []
    for p in split:
        # each march's snippet runs to its own town («مسيرات في جنين وطوباس»)
        end = ctx.text_span(p.start, p.end)[1]
        snippet = {"text": ctx.article.text[sent.start:end], "start": sent.start, "end": end}
        out.append(dict(ev, location=_place(ctx, p), sentence=snippet))
    return out


def _next_other(ctx: Context, main: Candidate) -> int | None:
    """Where the next event of another type starts in the sentence of `main`."""
    starts = [g[0].start for g in ctx._cache.get(("groups", main.sent), ())  # type: ignore[attr-defined]
              for c in g[:1] if c.type != main.type and not c.secondary and c.start > main.end]
    return min(starts, default=None)


_COUNTED_TYPES = frozenset(t for types in L.CASUALTY_TYPES.values() for t in types)


def _in_total(words: list[str], group: list[Candidate]) -> bool | None:
    """For an event told only by toll nouns, one of them right after a running total's
    head («عدد الشهداء», «حصيلة القتلى»): True for a total of the event's own victims,
    False for one that tells a span of time («منذ بدء الحرب»: the war's tally); None
    otherwise."""
    if any(not c.secondary or c.verb for c in group):
        return None
    for c in group:
        if c.word > 0 and words[c.word - 1] in L.TOTAL_HEADS:
            got, covered = totals(words, c.word - 1, len(words))
            if c.word in covered:
                return bool(got)
    return None


def _counts(ctx: Context, si: int, ws, group: list[Candidate]
            ) -> tuple[dict[str, int], set[str]]:
    """The casualties of a group's event. In a sentence of one such event, all its counts;
    in a sentence of several, the counts of each clause go to the event told in that
    clause, or, in a clause without one, to the nearest event (the one before on a tie):
    «قتل سبعة في قصف على السوق، فيما قتل اثنان في اشتباكات» gives seven and two."""
    rivals = [g for g in ctx._cache.get(("groups", si), ()) if g[0].type in _COUNTED_TYPES]
    if len(rivals) < 2 or group not in rivals:
        return ctx.cached(("counts", si), lambda: A.casualties(ws))  # type: ignore[return-value]
    starts = ctx.cached(("clauses", si), lambda: _clause_starts(ctx, ws))
    if len(starts) < 2:
        return ctx.cached(("counts", si), lambda: A.casualties(ws))  # type: ignore[return-value]

    def clauses(g: list[Candidate]) -> set[int]:
        return {bisect_right(starts, c.word) - 1 for c in g}

    ends = [*starts[1:], len(ws.words)]
    tolls = [ctx.cached(("counts", si, q), lambda lo=lo, hi=hi: counts(ws.words, lo, hi))
             for q, (lo, hi) in enumerate(zip(starts, ends))]
    if sum(1 for got, _ in tolls if got) < 2:
        # one toll in the sentence: it is the whole story's («قتل أربعة، وأصيب 600، نتيجة
        # استهداف …»), every event of the sentence has it
        return ctx.cached(("counts", si), lambda: A.casualties(ws))  # type: ignore[return-value]
    # «شهيد ومواجهات / … فيما أصيب 14 خلال مواجهات»: two mentions of one trigger word in
    # a sentence (a heading glued to its start) are one event; its toll is in both clauses
    def stem(g: list[Candidate]) -> str:
        return _noart(ws.words[g[0].word])

    def heading_pair(a: list[Candidate], b: list[Candidate]) -> bool:
        # the first mention stands on the sentence's first line, the second after it
        first, second = sorted((a[0].word, b[0].word))
        return "\n" not in ctx.vt[ws.starts[0]:ws.ends[first]] and \
            "\n" in ctx.vt[ws.ends[first]:ws.starts[second]]

    twins = [g for g in rivals if g is not group and g[0].type == group[0].type and
             stem(g) == stem(group) and heading_pair(g, group)]
    mine = clauses(group).union(*(clauses(g) for g in twins))
    others = [clauses(g) for g in rivals if g is not group and not any(g is t for t in twins)]
    taken = set().union(*others)
    found: dict[str, int] = {}
    vague: set[str] = set()
    for q, (got, vg) in enumerate(tolls):
        if not got:
            continue
        if q not in mine:
            if q in taken:
                continue
            near = min(abs(q - m) - 0.5 * (m < q) for m in mine)
            if any(abs(q - o) - 0.5 * (o < q) < near for other in others for o in other):
                continue
        for role, n in got.items():
            if role not in found:
                found[role] = n
                if role in vg:
                    vague.add(role)
    return found, vague


def _clause_starts(ctx: Context, ws) -> list[int]:
    """The first words of a sentence's clauses, for counting: a clause word («فيما»,
    «بينما», «كما»: `count_clause_openers`), or a word with «و/ف» after a comma («…،
    وأشار إلى أن …»), unless it adds a count, a person or a casualty word to the toll told
    before («، و3 جنود», «، وأصيب 20»)."""
    words = ws.words
    out = [0]
    for i in range(1, len(words)):
        w = words[i]
        if L.with_conj(w, L.COUNT_CLAUSE_OPENERS):
            out.append(i)
            continue
        if w[:1] in L.GLUED_CONJ and len(w) > 3 and any(p in ctx.vt[ws.ends[i - 1]:ws.starts[i]]
                                                for p in "،,؛;") and \
                number_at(words, i) is None and w[1:] not in L.PERSON_NOUNS and \
                w not in L.CUE_STARTS:
            out.append(i)
    return out


def _place(ctx: Context, place) -> dict:
    loc = _arg_item(ctx, place)
    names = [loc["text"]] + ([loc["canonical"]] if loc.get("canonical") else [])
    geo = next((g for n in names if (g := geocode(n)) is not None), None)
    if geo is None and any(readings(n) for n in names):
        # a name of two places: read against the article, made once and only here
        words, countries = ctx.place_context()
        geo = next((g for n in names if (g := geocode_in(n, words, countries)) is not None),
                   None)
    if geo is not None:
        loc["geo"] = geo.to_dict()
    return loc


def _carry_on(ctx: Context, events: list[dict]) -> None:
    """A sentence that names no place or author of its event goes on with the story told
    before it: the place is the last one named earlier in its paragraph, else that of the
    previous event of its type; the actor is that of the previous event of its type, if
    that one is told at most three paragraphs before."""
    last: dict[str, dict] = {}
    for ev in sorted(events, key=lambda e: e["trigger"]["start"]):
        prev = last.get(ev["type"])
        if prev is not None and _paragraph(ctx, ev["trigger"]["start"]) - \
                _paragraph(ctx, prev["trigger"]["start"]) > 3:
            prev = None  # a story told four paragraphs back is another story
        if ev.get("location") is None:
            place = _place_before(ctx, ev["trigger"]["start"])
            item = _place(ctx, place) if place is not None else None
            if item is not None and ev.get(SYMMETRIC) and any(
                    (ev.get(r) or {}).get("start", -1) <= item["start"] <
                    (ev.get(r) or {}).get("end", -1) for r in ("actor", "recipient")):
                item = None  # «أجرت اليابان وكوريا … مباحثات»: a party, not the scene
            if item is not None:
                ev["location"] = item
            elif prev is not None and prev.get("location") is not None:
                ev["location"] = prev["location"]
        if ev.get("actor") is None and prev is not None and prev.get("actor") is not None \
                and not ev.get(NEAR_ACTOR):
            ev["actor"] = prev["actor"]
        if ev.get("recipient") is None and prev is not None and \
                prev.get("recipient") is not None and ev["type"] in L.CARRIED_RECIPIENT_TYPES:
            ev["recipient"] = prev["recipient"]  # «… ستفرض عقوبات إضافية»: on the same one
        last[ev["type"]] = ev


def _paragraph(ctx: Context, pos: int) -> int:
    return bisect_right(ctx.para_starts, pos) - 1


def _place_before(ctx: Context, pos: int):
    """The last place mention that resolves, before text offset `pos` in its paragraph."""
    k = bisect_right(ctx.para_starts, pos) - 1
    if k < 0:
        return None
    start = ctx.paragraphs[k].start
    i = bisect_right(ctx.mention_starts, pos) - 1
    while i >= 0 and ctx.mentions[i].start >= start:
        m = ctx.mentions[i]
        if m.label == "LOC" and m.end <= pos and not _quoted_text(ctx, m) and \
                geocode(m.attrs.get("canonical") or ctx.article.text[m.start:m.end]):
            return A.Arg(ctx.to_view(m.start), ctx.to_view(m.end), "mention", m,
                         m.attrs.get("canonical"))
        i -= 1
    return None


def _quoted_text(ctx: Context, m) -> bool:
    """A mention between quotation marks: an outlet named after a city (`A.quoted`)."""
    a, b = ctx.to_view(m.start), ctx.to_view(m.end)
    return ctx.vt[a - 1:a] == '"' and ctx.vt[b:b + 1] == '"'


def build_events(article: Article) -> list[dict]:
    ctx = Context(article)
    published = article.meta("published")
    published = str(published) if published else None
    cands = candidates(ctx)
    if not cands:  # no trigger word: only the verbal acts of the statements
        events = verbal_events(ctx)
        for n, ev in enumerate(events, 1):
            ev["id"] = f"V{n}"
        return events
    groups = sorted(_groups(ctx, cands), key=lambda g: g[0].start)
    for g in groups:
        ctx._cache.setdefault(("groups", g[0].sent), []).append(g)  # type: ignore[attr-defined]
    events = [ev for g in groups for ev in _event(ctx, g, published)]
    events = join(merge(events), context_words(ctx))
    _carry_on(ctx, events)
    events.extend(verbal_events(ctx))
    for n, ev in enumerate(events, 1):
        ev["id"] = f"V{n}"
        ev.pop("vague", None)
        ev.pop("another", None)
        ev.pop(FAR_PLACE, None)
        ev.pop(SYMMETRIC, None)
        ev.pop(NEAR_ACTOR, None)
    return events
