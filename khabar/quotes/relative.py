"""The speaker of a cue that opens a relative clause: the noun phrase the pronoun points back
at («…، وفق الطبيب الذي لفت إلى أن …», «ونقل عن المدير الذي ذكر أن …»)."""
from __future__ import annotations

from khabar.quotes.lexicon import LEX, CueForm, Phrases
from khabar.quotes.morph import ACCUSATIVE
from khabar.quotes.sentence import COMMA, Sentence
from khabar.quotes.speaker import NP, has_head, parse_np

_ANTECEDENT_MAX = 8  # tokens of the antecedent phrase before the pronoun


def antecedent(s: Sentence, ci: int, form: CueForm) -> NP | None:
    """The source before the relative pronoun at ci - 1, if the verb at ci agrees with the
    pronoun and the phrase names a person (a name or a title), a body or an outlet."""
    r = ci - 1
    if r < 1 or LEX.relative_agreement.get(s.words[r]) != form.gender:
        return None
    return _source_ending_at(s, r - 1 if s.words[r - 1] in COMMA else r)


def document_author(s: Sentence, ci: int, cj: int) -> NP | None:
    """«ونشرت الهيئة تقريرا أوضحت فيه أن …»: a cue after an indefinite document noun, with
    a pronoun pointing back at the document after it, speaks for the source that issued
    the document (the phrase right before the noun). A speech noun may stand a few words
    before the cue («ألقى المدير كلمة قصيرة أمام الحضور أكد فيها أن …»)."""
    if ci < 2 or cj >= len(s.words) or s.words[cj] not in LEX.resumptive_pronouns:
        return None
    if _noun_at(s, ci - 1, LEX.document_nouns):
        return _source_ending_at(s, ci - 1)
    for x in range(ci - 1, max(0, ci - 1 - _SPEECH_GAP), -1):
        if _noun_at(s, x, LEX.speech_nouns):
            return _source_ending_at(s, x)
        if s.words[x] in COMMA or not s.isword[x] and s.words[x] not in _BRACKETS \
                or LEX.cues.match(s.words, x):
            break
    return _author_before_channel(s, ci)


_CHANNEL_GAP = 12  # tokens of «على حسابه الرسمي في "تويتر"،» between a post and its cue


def _author_before_channel(s: Sentence, ci: int) -> NP | None:
    """«ونشر الوزير تغريدة على حسابه في "تويتر"، قال فيها …»: the place a post was
    published stands between the post and the cue pointing back at it (a comma may close
    it); the post's author is the phrase before the post noun."""
    e = ci - 1 if s.words[ci - 1] in COMMA else ci
    if e < ci and _noun_at(s, e - 1, LEX.speech_nouns):
        return _source_ending_at(s, e - 1)  # «نشر الوزير تغريدة، قال فيها …»
    for x in range(e - 1, max(0, e - 1 - _CHANNEL_GAP), -1):
        # the preposition first: «عبر» is also the cue «عبّر»
        if s.words[x] in LEX.platform_preps and x > 0 and _noun_at(s, x - 1, LEX.speech_nouns):
            return _source_ending_at(s, x - 1)
        if s.words[x] in COMMA or LEX.cues.match(s.words, x):
            return None
    return None


_SPEECH_GAP = 6  # tokens of adjectives and asides between a speech noun and its cue
_BRACKETS = frozenset("()")


def _noun_at(s: Sentence, x: int, nouns: Phrases) -> bool:
    """An indefinite noun of the list at x, in the accusative too («تقريرا»)."""
    noun = s.words[x]
    return bool(nouns.match(s.words, x) or
                noun.endswith(ACCUSATIVE) and nouns.match([noun[:-1]], 0))


def _source_ending_at(s: Sentence, e: int) -> NP | None:
    """The longest source phrase (a name or a head noun first) that ends right before e."""
    best = None
    for x in range(e - 1, max(-1, e - 1 - _ANTECEDENT_MAX), -1):
        if not s.isword[x] or s.inside[x] or LEX.cues.match(s.words, x):
            break
        np = parse_np(s, x, limit=e)
        if np is not None and np.b == e and _source(s, np):
            best = np
    return best


def _source(s: Sentence, np: NP) -> bool:
    """The phrase opens with a name or a head noun of the lexicon («تصريح الوزير» is about
    the minister, not by the statement)."""
    return np.kind != "statement" and (np.a in s.names or has_head(s, np.a))
