"""Casualty counts: «مقتل ثلاثة أشخاص»، «105 شهداء»، «عشرات الجرحى»، «أربعين ألف».

Works on one sentence's folded words; a count is read from digits or number words, a
multiplier after it («أربعين ألف»), or a vague plural as its lower bound («عشرات» 10).
"""
from __future__ import annotations

from itertools import compress

from khabar.normalize import fold
from khabar.events.lexicon import (ACTIVE_COUNT_VERBS, ANY_PREPS, CARDINALS, CLAUSE_BREAKS,
                                   CUES_AFTER, TRIGGERS, COUNT_BREAKDOWNS,
                                   COUNT_ADDITIONS, CUES_BEFORE, DUAL_CUES, DUALS, FILLERS,
                                   PERSON_NOUNS,
                                   CUE_STARTS, CUES_BEFORE_KEYS, LATER_CUES,
                                   MULTIPLIERS, NOT_VICTIMS as _NOT_PERSON, VAGUE,
                                   COUNT_PHRASE_PREPS, SINGLE_CUES, SINGLE_OPENERS,
                                   SPAN_WORDS, TOTAL_HEADS, TOTAL_LINKS, TOTAL_NOUNS,
                                   FUTURE, MODAL, OTHERS, QUANTIFIER_HEADS, COUNT_UNITS,
                                   COUNT_CLAUSE_OPENERS, PREP_PRONOUNS, REACH_VERBS,
                                   DAY_WORDS, WARRANT_HEADS, GLUED_PREPS)

_CONJ = ("و", "ف", "ب", "ل")
_ONE = frozenset(fold(w) for w in ("أحد", "إحدى"))  # one of («أحد المواطنين»)
_PAIR_FIRSTS = frozenset(k.split()[0] for k in CARDINALS if " " in k)


def _bare(w: str) -> str:
    if w[:1] in _CONJ and (len(w) > 3 or w[1:].isdigit()):  # «والجرحى», «و12»
        return w[1:]
    return w


def _noart(w: str) -> str:
    """Without a conjunction, preposition or article: «والجرحى» -> «جرحى»."""
    w = _bare(w)
    for art in ("ال", "لل"):
        if len(w) > len(art) + 2 and w.startswith(art):
            return w[len(art):]
    return w


def number_at(words: list[str], i: int) -> tuple[int, int] | None:
    """The count that starts at words[i] and the index after it, or None."""
    if i >= len(words):
        return None
    w = words[i]
    value = None
    if w in _PAIR_FIRSTS and i + 1 < len(words) and f"{w} {words[i + 1]}" in CARDINALS:
        # «أحد عشر», «ثلاثة عشر»: a two-word cardinal (its first word may be no number alone)
        return _multiplied(words, CARDINALS[f"{w} {words[i + 1]}"], i + 2)
    number_word = not (w.isdigit() or w[1:].isdigit())
    if w.isdigit():
        value = int(w)
    elif w[:1] in _CONJ and w[1:].isdigit():
        value = int(w[1:])
    else:
        for cand in (w, _bare(w), _noart(w)):  # «علاوة على جرح العشرات»
            if cand in CARDINALS:
                value = CARDINALS[cand]
                break
            if cand in VAGUE:
                return VAGUE[cand], i + 1
    if value is None:
        return None
    if number_word:
        value, j = _compound(words, value, i + 1)
        return _multiplied(words, value, j)
    return _multiplied(words, value, i + 1)


def _compound(words: list[str], value: int, j: int) -> tuple[int, int]:
    """A number word and the parts «و» joins to it: units and tens («خمسة وعشرون» 25),
    hundreds or thousands and a smaller number («مئة وعشرين» 120, «ثلاثمائة وخمسة
    وعشرين» 325). A range («بين عشرين وثلاثين») or a second count («ثلاثة وعشرة») is
    no compound: the part must be smaller than the place it fills."""
    while j < len(words) and words[j][:1] == "و":
        part = CARDINALS.get(words[j][1:])
        if part is None:
            break
        if 0 < value % 100 < 10 and 20 <= part < 100 and part % 10 == 0:
            pass  # «خمسة وعشرون», «مئة وخمسة وعشرون»
        elif (value >= 100 and value % 100 == 0 and part < 100) or \
                (value >= 1000 and value % 1000 == 0 and part < 1000):
            pass  # «مئة وعشرين», «ألف ومئتين»
        else:
            break
        value += part
        j += 1
    return value, j


def _multiplied(words: list[str], value: int, j: int) -> tuple[int, int]:
    # «أربعين ألف», «ثلاث مئة»: a multiplier, then what «و» adds to it («ثلاثة آلاف
    # وخمسمائة», «ألف و200»)
    if j < len(words) and words[j] in MULTIPLIERS and value < MULTIPLIERS[words[j]]:
        value *= MULTIPLIERS[words[j]]
        j += 1
        if j + 1 < len(words) and words[j] == "و" and words[j + 1].isdigit():
            value += int(words[j + 1])
            j += 2
        elif j < len(words) and words[j][:1] == "و" and words[j][1:].isdigit() and \
                int(words[j][1:]) < value:
            value += int(words[j][1:])  # «4 آلاف و100»
            j += 1
        else:
            value, j = _compound(words, value, j)
    return value, j


def _skip_fillers(words: list[str], i: int) -> int:
    for f in FILLERS:
        if tuple(words[i:i + len(f)]) == f:
            return i + len(f)
    return i


def _match(words: list[str], i: int, table: dict[tuple[str, ...], str]) -> tuple[str, int] | None:
    for n in (3, 2, 1):
        key = tuple(words[i:i + n])
        if len(key) == n:
            role = table.get(key) or table.get((_noart(key[0]), *key[1:]))
            if role:
                return role, i + n
    return None


def counts(words: list[str], lo: int = 0, hi: int | None = None
           ) -> tuple[dict[str, int], set[str]]:
    """{role: count} for the dead, injured and arrested reported in words[lo:hi], and the
    roles whose count is a vague plural («عشرات»); the first count of each role wins (a
    later «منهم خمسة أطفال» is a part of it)."""
    hi = len(words) if hi is None else hi
    found: dict[str, int] = {}
    vague: set[str] = set()
    if CUE_STARTS.isdisjoint(words):
        _later_counts(words, lo, hi, found, vague)
        return found, vague
    running, covered = totals(words, lo, hi)
    ends: dict[str, int] = {}  # where each count read here ends (for a span after it)
    cue_at: dict[str, int] = {}  # and its cue word (for a span before it)
    joint: set[int] = set()
    weak: set[str] = set()  # roles read as one person from a bare noun («مقتل شاب»)
    for i in list(compress(range(lo, hi), map(CUE_STARTS.__contains__, words[lo:hi]))):
        if i in covered or i in joint:
            continue  # read as a running total, or «مقتل وإصابة 20»: one count for two roles
        dual = DUAL_CUES.get(words[i])
        if dual is not None:
            found.setdefault(dual, 2)
            continue
        hit_b = _match(words, i, CUES_BEFORE)
        # «… ثلاثة أشخاص وإصابة …»: a cue after «و» opens a new count, it does not take
        # the one before
        if hit_b and i > lo and not (words[i][0] == "و" and words[i] not in CUES_BEFORE_KEYS):
            role, after_b = hit_b
            if after_b < hi and words[after_b][:1] == "و" and \
                    (other_b := _match(words, after_b, CUES_BEFORE)) is not None and \
                    other_b[0] != role:
                # «عشرات القتلى والجرحى», «مئات القتلى والجرحى»: one count for two roles
                joint.add(after_b)
                continue
            at = i  # where the count's phrase ends
            if i - 1 > lo and words[i - 1] in OTHERS:
                at = i - 1  # «38 شخصا آخرين أصيبوا»
            for f in FILLERS:  # «24 شخصا على الأقل قتلوا»
                if len(f) > 1 and at - len(f) > lo and tuple(words[at - len(f):at]) == f:
                    at -= len(f)
                    break
            back = at - 1
            # «ثلاثة قتلى», «عشرات الجرحى», «40 شخصا لقوا حتفهم»; a count of two words
            # that ends right at the cue is read whole («أحد عشر قتيلا», «خمسة آلاف جريح»),
            # not from its last word
            # («ألف وسبعمئة شخص قتلوا»: a compound ending one word before it)
            whole = [s for s in (back - 3, back - 2, back - 1) if s >= lo and
                     (n := number_at(words, s)) is not None and
                     (n[1] == at or (n[1] == at - 1 and n[1] - s > 1))]
            for start in (*whole[:1], back, back - 1, back - 2):
                if start >= lo:
                    n = number_at(words, start)
                    if n is not None and n[1] in (at, at - 1) and role not in found and \
                            not _no_people(words, start, n, hi) and \
                            not (n[1] == at - 1 and words[at - 1] in CLAUSE_BREAKS):
                        found[role] = n[0]
                        ends[role], cue_at[role] = at, i
                        if _noart(words[start]) in VAGUE:
                            vague.add(role)
                        break
            if role not in found and _bare(words[i]) in SINGLE_CUES and \
                    words[i - 1] in SINGLE_OPENERS:
                found[role] = 1  # «سقوط قتيل»: one, with no count written
        hit = _match(words, i, CUES_AFTER)
        if hit and i > lo and hit[0] == "arrested" and words[i - 1] in WARRANT_HEADS:
            hit = None  # «مذكرة اعتقال بحق 96 شخصا»: a warrant, not an arrest
        if hit:
            role, j = hit
            adjunct = j < hi and words[j] in PREP_PRONOUNS
            if adjunct:
                j += 1  # «قتل فيها فلسطينيان», «قتل خلاله 26»: the toll after the adjunct
            elif j + 1 < hi and words[j + 1] in REACH_VERBS and number_at(words, j) is None:
                j += 1  # «حملة اعتقالات واسعة طالت 25 ناشطا»
            while j + 1 < hi and words[j] in DAY_WORDS and j - hit[1] < 2:
                j += 1  # «قتل أمس الخميس ضابط»: the victim after the day
            k = _skip_fillers(words, j)
            n = number_at(words, k)
            if n is not None and _no_people(words, k, n, hi):
                n = None  # «اعتقل عام 2006», «قتل 3 أيام»: a year or a span
            # (after an adjunct with a pronoun the verb is passive: «قتل خلالها القذافي»)
            active = (_bare(words[i]) in ACTIVE_COUNT_VERBS or
                      words[i] in ACTIVE_COUNT_VERBS) and not adjunct
            if n is None and active and k < hi and words[k] not in SPAN_WORDS and \
                    words[k] not in CUE_STARTS and words[k] not in CLAUSE_BREAKS:
                # «قتل الجيش السوري خمسة مسلحين»: the count after the verb's subject (not
                # after «منذ»: «قتل منذ بدء التصعيد أكثر من 1450» is a war's tally)
                # (and a time: «اعتقلت الشرطة فجر اليوم 20 شخصا»)
                # past three words or a preposition, only a count of people («22 شابا»,
                # «قتل مفجر انتحاري يشتبه بأنه من التنظيم 32 شخصا»), not an age or a year
                # («(12 سنة)», «الرقة 2017»); a dual of people is a count too («أسر
                # المقاتلون جنديين»)
                far = words[k] in ANY_PREPS  # «اعتقل في عام 1385»: no subject there
                for s in range(k + 1, min(k + 8, hi)):
                    t = _skip_fillers(words, s)  # «… أكثر من مئتي متظاهر»
                    if t >= hi or words[t] in CUE_STARTS or words[t] in CLAUSE_BREAKS or \
                            words[t] in COUNT_BREAKDOWNS or _bare(words[t]) in CLAUSE_BREAKS:
                        break  # another clause («قتل شخص وأصيب اثنان»)
                    if words[t] in ANY_PREPS:
                        far = True
                        continue
                    if _bare(words[t]) in DUALS and words[t][:1] != "و":
                        n, k = (2, t), t
                        break
                    n = number_at(words, t)
                    if n is not None and (far or s > k + 3) and \
                            not _people_after(words, n[1], hi):
                        n = None
                        break
                    if n is not None and _no_people(words, t, n, hi):
                        n = None
                        break
                    if n is not None:
                        k = t
                        break
                    if s > k + 3 and not far:
                        continue
            if n is None and k == j and k < hi and words[k] in COUNT_PHRASE_PREPS:
                # «أصيب في الهجوم 14 شخصا»: the count past a short phrase, with its noun
                for s in (k + 2, k + 3):
                    if s >= hi or words[s - 1] in CUE_STARTS or words[s - 1] in CLAUSE_BREAKS:
                        break
                    got = number_at(words, s)
                    if got is not None and got[1] < hi and \
                            _noart(words[got[1]]) in PERSON_NOUNS:
                        n, k = got, s
                        break
            if n is None and k == j and k < hi and words[k][:1] == "و" and role not in found \
                    and words[i] not in LATER_CUES \
                    and (other := _match(words, k, CUES_AFTER)) is not None and other[0] != role \
                    and _shared_object(words, other[1], hi):
                joint.add(k)  # «مقتل وإصابة 20 شخصا»: neither toll alone
                continue
            if n is not None and role not in found:
                found[role] = n[0] + _more(words, n[1], hi)
                ends[role], cue_at[role] = n[1], i
                if _noart(words[k]) in VAGUE:
                    vague.add(role)
            elif n is None and role not in found and k < hi and k == j and \
                    not (words[i] in LATER_CUES and (words[k] in CUE_STARTS or
                                                     words[k] in COUNT_PHRASE_PREPS or
                                                     words[k][:1] in GLUED_PREPS)) and \
                    not (active and words[k].startswith("ال")):  # «قتل الجيش …»: its subject
                # (after a plural verb not another cue: «سبعة … قتلوا وأصيب اثنان»; not a
                # means or a place: «الذين قتلوا بنيران …», «ثلاثة منهم قتلوا بمقر الجيش»)
                nxt = words[k] if words[k] in DUALS else _bare(words[k])  # «فلسطينيان»
                if nxt in DUALS:
                    # «مقتل طفلين وامرأة»: and one more person named after them
                    more = k + 1 < hi and words[k + 1][:1] == "و" and \
                        words[k + 1][1:] in PERSON_NOUNS
                    found[role] = 3 if more else 2
                elif _singular_person(nxt):
                    # «إصابة امرأة وطفلة»: two people named one by one
                    # (the second a person noun: «إصابة زميله ونقله» is one)
                    two = k + 1 < hi and words[k + 1][:1] == "و" and \
                        words[k + 1] not in CUE_STARTS and _noart(words[k + 1]) in PERSON_NOUNS
                    found[role] = 2 if two else 1
                    weak.add(role)
    for role, end in ends.items():
        if role in found and (_cumulative(words, end, hi) or
                              _span_before(words, max(lo, cue_at[role] - 12), cue_at[role])):
            del found[role]  # «قتل 40 شخصا منذ بدء الحرب»: the war's tally, not the event's
            vague.discard(role)
    for role, total in running.items():
        # a running total fills a role the sentence counts nowhere else: beside a count of
        # new victims («قتل خمسة …، ليرتفع عدد القتلى إلى …») it is another tally; it
        # outweighs one person read from a bare noun
        if role not in found or role in weak:
            found[role] = total
    _later_counts(words, lo, hi, found, vague)
    return found, vague


def _no_people(words: list[str], s: int, n: tuple[int, int], hi: int) -> bool:
    """Whether the number at words[s] (value and end `n`) counts no people: a unit after it
    («14 عاما», «3 أيام», `count_units`) or a year («1996», «عام 2006») with no person
    noun after it."""
    if n[1] < hi and _noart(words[n[1]]) in COUNT_UNITS and \
            not (n[1] + 1 < hi and words[n[1] + 1].isdigit()):
        return True  # (not «الرهبان السبعة عام 1996»: a date after the count)
    w = _bare(words[s])
    return w.isdigit() and len(w) == 4 and 1300 <= n[0] <= 2100 and \
        not _people_after(words, n[1], hi)


def _cumulative(words: list[str], j: int, hi: int) -> bool:
    """Whether the toll ending at words[j] is a campaign's or a war's tally: a span cue
    («منذ بدء الحرب», «في الحرب المستمرة») follows in its clause, before a clause word or
    a running total's head («…، ليرتفع عدد القتلى منذ …» tells the total's span)."""
    for m in range(j, min(j + 12, hi)):
        w = words[m]
        if w in CLAUSE_BREAKS or w in COUNT_CLAUSE_OPENERS or w in TOTAL_HEADS or \
                w in DAY_WORDS:
            return False  # («قتلوا السبت في احتجاجات مستمرة منذ …»: that day's toll)
        if w in SPAN_WORDS:
            # «منذ فجر اليوم»: a day's toll
            return DAY_WORDS.isdisjoint(words[m + 1:min(m + 4, hi)])
    return False


def _span_before(words: list[str], lo: int, i: int) -> bool:
    """«ومنذ بدء الاحتجاجات، قتل 31 … وأصيب أكثر من ألفين»: a span cue a few words before
    the toll's cue, in its clause (not before a clause word or a day: «منذ أسبوع، وقتل أمس
    3»); right before the cue it dates the toll's own event («منذ مقتل 19 مشجعا»)."""
    if i - 1 >= lo and words[i - 1] in SPAN_WORDS:
        return False
    for w in reversed(words[lo:i]):
        if w in CLAUSE_BREAKS or w in COUNT_CLAUSE_OPENERS or w in TOTAL_HEADS or \
                w in DAY_WORDS:
            return False
        if w in SPAN_WORDS:
            return True
    return False


def _people_after(words: list[str], j: int, hi: int) -> bool:
    """Whether the word after a count names people: a person noun or a nisba in the
    accusative of a count («20 فلسطينيا»)."""
    if j >= hi or _noart(words[j]) in COUNT_UNITS:
        return False
    if words[j] == "من" and j + 1 < hi:
        j += 1  # a partitive: «40 ألفا من العسكريين», «ثلاثة من أفراد الشرطة»
    w = _noart(words[j])
    # a person noun, a nisba in the accusative of a count («20 فلسطينيا») or a sound
    # masculine plural («9 مصلين», «32 مدنيين»)
    return w in PERSON_NOUNS or (len(w) > 4 and w.endswith(("يا", "ين")))


def _shared_object(words: list[str], j: int, hi: int) -> bool:
    """«مقتل وإصابة 20», «قتل وجرح العشرات», «مقتل وإصابة عدد من …»: two casualty words
    share the count or plural after the second; «قتل وأصيب آخر» does not."""
    if j >= hi or words[j] in OTHERS:
        return False
    w = words[j]
    n = number_at(words, j)
    if n is not None and n[1] < hi and words[n[1]] in OTHERS:
        return False  # «قتل شخص وأصيب 5 آخرون»: the others are another group
    return number_at(words, j) is not None or _noart(w) in QUANTIFIER_HEADS or \
        w.endswith(("ين", "ون"))


def totals(words: list[str], lo: int, hi: int) -> tuple[dict[str, int], set[int]]:
    """Running totals («ارتفع عدد قتلى الغارة إلى 12», «عدد القتلى في الهجوم على القرية
    بلغ ستة»): a head («عدد», «حصيلة»), a casualty noun with or without the article, then
    within a few words a link («إلى», «بلغ») and the count. A total that tells a span
    («منذ بدء الحرب») is the war's and counts nothing. Returns {role: count} and the word
    indices the totals cover (their cue words are read here, not again)."""
    out: dict[str, int] = {}
    covered: set[int] = set()
    if TOTAL_HEADS.isdisjoint(words[lo:hi]):
        return out, covered
    for h in range(lo, hi - 1):
        if words[h] not in TOTAL_HEADS:
            continue
        role = TOTAL_NOUNS.get(_noart(words[h + 1]))
        if role is None:
            continue
        span = False
        got = None
        # «بلغ عدد ضحايا الفيضانات والغارات 40»: the link before the head, the count
        # after its genitive
        linked = h > lo and words[h - 1] in TOTAL_LINKS
        for m in range(h + 2, min(h + 12, hi)):
            w = words[m]
            if w in SPAN_WORDS:
                span = True
            if w in MODAL or w in FUTURE:
                break  # «قد تصل الحصيلة إلى 100»: a forecast, no count
            if w in TOTAL_LINKS:
                got = number_at(words, _skip_fillers(words, m + 1))
                break
            if m == h + 2 or linked or words[m - 1] in ("من", "بين"):
                # «… 12», a range «من 42 إلى 60»: its lower bound
                got = number_at(words, _skip_fillers(words, m))
                if got is not None:
                    break
            if w in CLAUSE_BREAKS or w in CUE_STARTS or w in COUNT_BREAKDOWNS:
                break
        if got is None:
            continue
        end = got[1]
        if any(w in SPAN_WORDS for w in words[end:min(end + 3, hi)]):
            span = True  # «… إلى 200 منذ بدء الحرب»
        covered.update(range(h, end))
        if not span and got[0] > 0:
            out.setdefault(role, got[0])
    return out, covered


def _later_counts(words: list[str], lo: int, hi: int, found: dict[str, int],
                  vague: set[str]) -> None:
    """«نقل خمسة أشخاص إلى المستشفى بجروح»: a count of people whose injury or death a
    later word of the clause states (`later_cues`), read back from that word to the
    nearest count, not past another casualty word or a clause word; the count stands only
    with a person noun after it («أصاب اثنين آخرين بجروح» gives none, not a count further
    back), and a part of a toll («26 مدنيا بينهم 11 طفلا») gives way to the whole."""
    if LATER_CUES.keys().isdisjoint(words[lo:hi]):
        return
    for i in range(lo, hi):
        role = LATER_CUES.get(words[i])
        if role is None or role in found:
            continue
        for s in range(i - 1, max(lo, i - 14) - 1, -1):
            w = words[s]
            if (w in CUE_STARTS and w not in LATER_CUES and s < i - 1) or \
                    w in CLAUSE_BREAKS or \
                    _bare(w) in CLAUSE_BREAKS:
                break
            n = number_at(words, s)
            if n is None or n[1] >= i:
                continue
            if s > lo and (words[s - 1] in COUNT_BREAKDOWNS or
                           (w[:1] == "و" and words[s - 1] in MULTIPLIERS) or
                           ((m := number_at(words, s - 1)) is not None and m[1] > s)):
                continue  # a part of the toll, or of a compound («4 آلاف و100»)
            if _people_after(words, n[1], hi) and not _cumulative(words, i + 1, hi):
                found[role] = n[0]
                if _noart(w) in VAGUE:
                    vague.add(role)
            break


def _more(words: list[str], j: int, hi: int) -> int:
    """«خمسة متعاقدين وجندي أمريكي», «5 مدنيين و3 عسكريين و12 شابا»: the people listed
    after a count's noun with «و» (each a person noun, 1, or a count of its own) or after
    «بالإضافة إلى», added to it; else the other side's toll a few words on."""
    total = 0
    k = j + 1  # past the counted noun
    for joint in COUNT_ADDITIONS:  # «… بالإضافة إلى جندي»
        if tuple(words[k:k + len(joint)]) == joint:
            k += len(joint)
            if k < hi and words[k] not in CUE_STARTS:
                if _noart(words[k]) in PERSON_NOUNS:
                    return 1
                n = number_at(words, k)
                if n is not None and n[1] < hi and _noart(words[n[1]]) in PERSON_NOUNS:
                    return n[0]
            return 0
    while k < hi and words[k][:1] == "و" and words[k] not in CUE_STARTS:
        if words[k][1:] in PERSON_NOUNS:
            total += 1
            k += 1
            continue
        if words[k][1:] in DUALS:
            total += 2  # «خمسة مدنيين وجنديان»
            k += 1
            continue
        n = number_at(words, k)
        if n is not None and n[1] < hi and _noart(words[n[1]]) in PERSON_NOUNS:
            total += n[0]
            k = n[1] + 1
            continue
        break
    if total or k >= hi or words[k] in CUE_STARTS:
        return total
    return _later_side(words, k, hi)


def _later_side(words: list[str], k: int, hi: int) -> int:
    """«قتل 16 مسلحا من الجماعة ومن حلفائها و9 من رجال الأمن»: the toll of the other side
    listed a few words on with «و» and a count followed by «من» or a person noun, before
    any other casualty word, clause word or event word, and not in the breakdown of the
    toll («مقتل 13 هم أربعة جنود وخمسة متعاقدين»)."""
    for i in range(k, min(k + 10, hi)):
        w = words[i]
        if w in CUE_STARTS or w in CLAUSE_BREAKS or w in COUNT_BREAKDOWNS or \
                any(not f.rest for f in TRIGGERS.get(w, ())):
            return 0  # («قوات» opens «نشر قوات» only: no event word alone)
        rest = w[1:]
        if w[:1] == "و" and (rest.isdigit() or rest in CARDINALS or rest in VAGUE):
            n = number_at(words, i)
            if n is not None and n[1] < hi and (words[n[1]] in ("من", "منهم") or
                                                _noart(words[n[1]]) in PERSON_NOUNS):
                return n[0]
    return 0


def _singular_person(w: str) -> bool:
    """A bare noun after «مقتل»/«استشهاد»: one person («استشهاد فلسطيني», «مقتل شرطي»)."""
    if w.startswith(("بال", "لل", "وال", "فال")):
        return False  # «إصابة بالرصاص»: a phrase, not a person
    if w in _ONE:
        return True  # «استشهاد أحد المواطنين»
    if w in LATER_CUES or w in QUANTIFIER_HEADS:
        return False  # «أصيبوا بجروح», «وفاة بعض …»: no person
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    return (len(w) >= 3 and not w.endswith(("ين", "ون", "ات", "اء"))
            and w not in _NOT_PERSON)

