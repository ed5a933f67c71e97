"""Casualty counts: «مقتل ثلاثة أشخاص»، «105 شهداء»، «عشرات الجرحى»، «أربعين ألف».

Works on one sentence's folded words; a count is read from digits or number words, a
multiplier after it («أربعين ألف»), or a vague plural as its lower bound («عشرات» 10).
"""
from __future__ import annotations

from khabar.events.lexicon import (ACTIVE_COUNT_VERBS, ANY_PREPS, CARDINALS, CLAUSE_BREAKS,
                                   CUES_AFTER, TRIGGERS, COUNT_BREAKDOWNS,
                                   COUNT_ADDITIONS, CUES_BEFORE, DUAL_CUES, DUALS, FILLERS,
                                   PERSON_NOUNS,
                                   CUE_STARTS, CUES_BEFORE_KEYS, LATER_CUES,
                                   MULTIPLIERS, NOT_VICTIMS as _NOT_PERSON, VAGUE)

_CONJ = ("و", "ف", "ب", "ل")
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
    return _multiplied(words, value, i + 1)


def _multiplied(words: list[str], value: int, j: int) -> tuple[int, int]:
    # «أربعين ألف»: a multiplier
    if j < len(words) and words[j] in MULTIPLIERS:
        value *= MULTIPLIERS[words[j]]
        j += 1
        if j + 1 < len(words) and words[j] == "و" and words[j + 1].isdigit():
            value += int(words[j + 1])
            j += 2
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
    for i in [i for i in range(lo, hi) if words[i] in CUE_STARTS]:
        dual = DUAL_CUES.get(words[i])
        if dual is not None:
            found.setdefault(dual, 2)
            continue
        hit_b = _match(words, i, CUES_BEFORE)
        # «… ثلاثة أشخاص وإصابة …»: a cue after «و» opens a new count, it does not take
        # the one before
        if hit_b and i > lo and not (words[i][0] == "و" and words[i] not in CUES_BEFORE_KEYS):
            role, _ = hit_b
            back = i - 1
            # «ثلاثة قتلى», «عشرات الجرحى», «40 شخصا لقوا حتفهم»; a count of two words
            # that ends right at the cue is read whole («أحد عشر قتيلا», «خمسة آلاف جريح»),
            # not from its last word
            whole = [s for s in (back - 2, back - 1) if s >= lo and
                     (n := number_at(words, s)) is not None and n[1] == i]
            for start in (*whole[:1], back, back - 1, back - 2):
                if start >= lo:
                    n = number_at(words, start)
                    if n is not None and n[1] in (i, i - 1) and role not in found:
                        found[role] = n[0]
                        if _noart(words[start]) in VAGUE:
                            vague.add(role)
                        break
        hit = _match(words, i, CUES_AFTER)
        if hit:
            role, j = hit
            k = _skip_fillers(words, j)
            n = number_at(words, k)
            active = _bare(words[i]) in ACTIVE_COUNT_VERBS or words[i] in ACTIVE_COUNT_VERBS
            if n is None and active:
                # «قتل الجيش السوري خمسة مسلحين»: the count after the verb's subject
                for s in range(k + 1, min(k + 4, hi)):
                    if words[s] in ANY_PREPS or words[s] in CUE_STARTS:
                        break  # another clause («قتل شخص وأصيب اثنان»)
                    n = number_at(words, s)
                    if n is not None:
                        k = s
                        break
            if n is not None and role not in found:
                found[role] = n[0] + _more(words, n[1], hi)
                if _noart(words[k]) in VAGUE:
                    vague.add(role)
            elif n is None and role not in found and k < hi and k == j and \
                    not (active and words[k].startswith("ال")):  # «قتل الجيش …»: its subject
                nxt = _bare(words[k])
                if nxt in DUALS:
                    found[role] = 2
                elif _singular_person(nxt):
                    # «إصابة امرأة وطفلة»: two people named one by one
                    two = k + 1 < hi and words[k + 1][:1] == "و" and \
                        words[k + 1] not in CUE_STARTS and _singular_person(words[k + 1][1:])
                    found[role] = 2 if two else 1
    _later_counts(words, lo, hi, found, vague)
    return found, vague


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
        for s in range(i - 1, max(lo, i - 10) - 1, -1):
            w = words[s]
            if (w in CUE_STARTS and w not in LATER_CUES) or w in CLAUSE_BREAKS or \
                    _bare(w) in CLAUSE_BREAKS:
                break
            n = number_at(words, s)
            if n is None or n[1] >= i:
                continue
            if s > lo and words[s - 1] in COUNT_BREAKDOWNS:
                continue
            if _noart(words[n[1]]) in PERSON_NOUNS:
                found[role] = n[0]
                if _noart(w) in VAGUE:
                    vague.add(role)
            break


def _more(words: list[str], j: int, hi: int) -> int:
    """«خمسة متعاقدين وجندي أمريكي», «5 مدنيين و3 عسكريين»: the people listed after a
    count's noun with «و», one person noun (1) or a count of its own, added to it."""
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
    if k >= hi or words[k] in CUE_STARTS:
        return 0
    if words[k][:1] == "و":
        rest = words[k][1:]
        if rest in PERSON_NOUNS:
            return 1
        n = number_at(words, k)
        if n is not None and n[1] < hi and _noart(words[n[1]]) in PERSON_NOUNS:
            return n[0]
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
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    return (len(w) >= 3 and not w.endswith(("ين", "ون", "ات", "اء"))
            and w not in _NOT_PERSON)

