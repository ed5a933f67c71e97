"""The medium of a statement: the outlet it was said to, through, or reported by.

«لصحيفة X», «في حوار مع إذاعة Y», «على تويتر», «بحسب X», and the form of the statement
when no outlet is named («في بيان»). Phrases and outlet names come from the resource files
medium_phrases.yaml and media_outlets.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from khabar.quotes.lexicon import LEX
from khabar.quotes.morph import ARTICLE, CONJ, LAM, LAM_FORMS, NISBA, contract
from khabar.quotes.sentence import Sentence, at_stop

_BODY_NAME_MAX = 4  # words of a body's name after its head noun («مركز X Y Z»)
_NAME_IN_MARKS = 6  # tokens from an opening mark to its closing one around an outlet's name


# words a medium phrase may start with, other than a glued «ل» (for a quick refusal)
MEDIUM_FIRSTS = LEX.medium.first_words | LEX.platform_preps | \
    {c + p for p in LEX.platform_preps for c in CONJ}


@dataclass(slots=True)
class Medium:
    a: int  # the outlet's name, token range
    b: int
    skip: int
    relation: str  # addressee, channel, reporter
    phrase_a: int = -1  # the whole medium phrase
    extra: dict = field(default_factory=dict)


def glued_skip(word: str, prefix: str) -> int:
    """Characters of glued conjunction/preposition to drop before a name («لصحيفة» → 1)."""
    if not prefix:
        return 0
    if word.startswith(prefix + ARTICLE) or prefix.endswith(ARTICLE):
        return len(prefix) - (len(ARTICLE) if prefix.endswith(ARTICLE) else 0)
    if word.startswith(prefix) and contract(prefix + ARTICLE) == word[:len(prefix) + 1]:
        return len(prefix) + 1  # «للأناضول»: ل + (ا)ل + name
    return len(prefix)


def outlet_name(s: Sentence, k: int, bare_ok: bool = False
                ) -> tuple[int, int, int, int, str, str | None] | None:
    """(a, b, skip, end, prefix, name) of an outlet at k; `end` is the token after the
    phrase; `name`: the outlet as the resource file writes it, or the token where its own
    name starts after a kind noun («صحيفة الأيام» → «الأيام»), or None."""
    n = len(s.words)
    if k >= n:
        return None
    w = s.words
    if w[k] == "(" and k + 2 < n and w[k + 2] == ")" and LEX.outlets.match(w, k + 1):
        return k + 1, k + 2, 0, k + 3, "", LEX.outlets.match(w, k + 1)[1]  # «ل(وات)»
    if w[k] == '"' and k in s.pair_at and 1 < s.pair_at[k] - k <= _NAME_IN_MARKS:
        return k + 1, s.pair_at[k], 0, _origin_end(s, s.pair_at[k] + 1), "", \
            _glued_outlet(w, k + 1, s.pair_at[k])
    kind = LEX.outlet_kinds.match(w, k)
    if kind:
        j = k + kind[0]
        sk = glued_skip(w[k], kind[2])
        if j < n and w[j] == '"' and j in s.pair_at and 1 < s.pair_at[j] - j <= _NAME_IN_MARKS:
            return j + 1, s.pair_at[j], 0, _origin_end(s, s.pair_at[j] + 1), kind[2], \
                _glued_outlet(w, j + 1, s.pair_at[j])
        known = LEX.outlets.match(w, j)
        if known:
            return k, j + known[0], sk, j + known[0], kind[2], known[1]
        e = j
        while e < n and e - j < 3 and s.is_word(e) and not at_stop(s, e) \
                and w[e] not in LEX.complementizers and not LEX.cues.match(w, e):
            e += 1
        if e <= j:
            return None
        if all(_origin_adjective(w[x]) for x in range(j, e)):
            # «وكالة الأنباء السعودية», «التلفزيون السوري»: adjectives of origin name no
            # outlet of their own (nor a country): the kind noun is part of the name
            return k, e, sk, e, kind[2], _glued_outlet(w, j, e) or k
        return k, e, sk, e, kind[2], _glued_outlet(w, j, e) or j
    known = LEX.outlets.match(w, k)
    if known and (bare_ok or tuple(w[k:k + known[0]]) not in LEX.ambiguous_outlets):
        return k, k + known[0], glued_skip(w[k], known[2]), k + known[0], known[2], known[1]
    return None


def _glued_outlet(w, a: int, b: int) -> str | None:
    """A known outlet whose words the page glued together («العربيةنت»), or glued to
    a word after it («الأناضولللأنباء»): its name as the resource file writes it."""
    joined = "".join(w[a:b])
    known = LEX.joined_outlets.get(joined)
    if known is None:
        for tail in LEX.glued_tails:
            if joined.endswith(tail) and len(joined) > len(tail):
                known = LEX.joined_outlets.get(joined[:-len(tail)])
                if known is not None:
                    break
    return known


def parse_medium(s: Sentence, k: int) -> Medium | None:
    """A medium phrase at k: «لصحيفة X», «في حوار مع إذاعة Y», «على تويتر», «بحسب X»."""
    w0 = s.words[k] if k < len(s.words) else ""
    if w0 not in MEDIUM_FIRSTS and not w0.startswith(LAM_FORMS):
        return None  # most words start no medium phrase: no need to remember them
    if k in s.media:
        return s.media[k]
    found = s.media[k] = _parse_medium(s, k)
    return found


def _parse_medium(s: Sentence, k: int) -> Medium | None:
    w0 = s.words[k] if k < len(s.words) else ""
    if w0 not in MEDIUM_FIRSTS and not w0.startswith(LAM_FORMS):
        return None  # most words start no medium phrase
    n = len(s.words)
    if k >= n or not s.isword[k]:
        return None
    w = s.words
    m = LEX.medium.match(w, k)
    if m:
        after = k + m[0]
        # after «في بيان» a quotation is the statement, not an outlet's name
        quoted = after in s.pair_at
        found = None if m[1] == "form" and quoted else outlet_name(s, after, bare_ok=True)
        given = LEX.giving_verbs.match(w, after) if found is None and m[1] == "form" else None
        if given and after + given[0] < n:
            # «في تصريحات أدلى بها لصحيفة X», «في مقابلة أجرتها معه قناة Y»
            j = after + given[0]
            found = outlet_name(s, j + 1, bare_ok=True) if w[j] == LAM else \
                outlet_name(s, j, bare_ok=True)
            if found is not None:
                a, b, sk, end, _, listed = found
                return Medium(a, b, sk, "addressee", k, _name(end, listed))
        if found is None and m[1] == "form" and after + 1 < n and \
                w[after] in LEX.platform_preps:
            # «في حوار على قناة X», «في تغريدة عبر "X"»: the form, then where it went out
            found = outlet_name(s, after + 1, bare_ok=False)
        if found:
            a, b, sk, end, _, listed = found
            relation = "channel" if m[1] == "form" else m[1]
            return Medium(a, b, sk, relation, k, _name(end, listed))
        if m[1] == "form":
            # «في بيان»: the form of the statement stands for its medium
            return Medium(k, k + m[0], glued_skip(w[k], m[2]), "channel", k,
                          {"end": k + m[0], "form": True})
        return None
    # «لصحيفة X», «لـ"X"», «للأناضول»: said to an outlet
    if w[k] == LAM and k + 1 < n:
        found = outlet_name(s, k + 1, bare_ok=True)
        if found:
            a, b, sk, end, _, listed = found
            return Medium(a, b, sk, "addressee", k, _name(end, listed))
        return None
    if w[k].startswith(LAM_FORMS):
        found = outlet_name(s, k, bare_ok=True)
        if found and LAM in found[4]:
            a, b, sk, end, _, listed = found
            return Medium(a, b, sk, "addressee", k, _name(end, listed))
        return None
    bare = w[k][1:] if w[k][:1] in CONJ else w[k]
    if (w[k] in LEX.platform_preps or bare in LEX.platform_preps) and k + 1 < n:
        found = outlet_name(s, k + 1, bare_ok=False)
        if found and (found[0] == k + 1 or k + 1 in s.pair_at):
            a, b, sk, end, _, listed = found
            return Medium(a, b, sk, "channel", k, _name(end, listed))
    return None


def addressed_body(s: Sentence, k: int) -> Medium | None:
    """«وقال الوزير لمركز الإعلام المحلي إن …»: a body that publishes news, addressed
    with «ل» right after the verb or its subject, is the outlet the statement was given
    to. Only the caller knows the position is right after them; a title's «ل» phrase
    («المدير التنفيذي لمركز X») is part of the subject and never reaches here."""
    if k >= len(s) or not s.isword[k] or s.inside[k]:
        return None
    w = s.words
    body = LEX.addressee_bodies.match(w, k)
    pre = body[2][1:] if body and body[2][:1] in CONJ else body[2] if body else ""
    if not body or not pre.startswith(LAM):
        return None
    j = k + body[0]
    e = j
    while e < len(s) and e - j < _BODY_NAME_MAX and s.is_word(e) and not at_stop(s, e) \
            and w[e] not in LEX.complementizers and not LEX.cues.match(w, e) and not s.inside[e]:
        e += 1
    if e <= j:
        return None
    return Medium(k, e, glued_skip(w[k], body[2]), "addressee", k, {"end": e})


def _origin_adjective(word: str) -> bool:
    """A definite adjective of origin («السعودية», «الرسمية»)."""
    return word.startswith(ARTICLE) and word.endswith(NISBA)


def _origin_end(s: Sentence, end: int) -> int:
    """Adjectives of origin after an outlet's name belong to it («"الدستور" الأردنية»)."""
    while end < len(s.words) and _origin_adjective(s.words[end]):
        end += 1
    return end


def _name(end: int, listed) -> dict:
    if isinstance(listed, int):
        return {"end": end, "name_at": listed}
    return {"end": end, "canonical": listed}


def medium_end(m: Medium) -> int:
    return m.extra.get("end", m.b)


def starts_medium(s: Sentence, k: int) -> bool:
    return parse_medium(s, k) is not None
