"""Every per-word-form cache of the entity stage is bounded, so that a worker's memory
stops growing once its caches are full however long the run (benchmarks/throughput.py
samples the resident set at 1k ... 40k articles): fed more distinct forms than its bound,
each keeps at most its bound, and answers as when it was empty."""
from __future__ import annotations

from khabar.ner import features, grouping, lexical, mentions, scoring, tagger

_N = lexical._CACHE + 500  # more distinct forms than the word caches hold


def _forms(n: int, stem: str = "كتاب") -> list[str]:
    # distinct Arabic-looking forms: a stem, a clitic and a number spelled in letters
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    out = []
    for i in range(n):
        a, b = divmod(i, len(letters))
        out.append(("و" if i % 3 == 0 else "") + stem + letters[b] + letters[a % len(letters)]
                   + letters[(a // len(letters)) % len(letters)])
    return out


def test_the_word_caches_stop_at_their_bound():
    forms = _forms(_N)
    fresh = [lexical.key.__wrapped__(f) for f in forms[:50]]
    for f in forms:
        k = lexical.key(f)
        lexical.split_clitic(k)
        lexical.name_forms(k)
        lexical.core(k)
    for fn in (lexical.key, lexical.split_clitic, lexical.name_forms, lexical.core):
        info = fn.cache_info()
        assert info.currsize <= lexical._CACHE == info.maxsize, fn.__name__
    assert [lexical.key(f) for f in forms[:50]] == fresh


def test_the_name_caches_stop_at_their_bound():
    for f in _forms(grouping._CORES_MAX + 200, "سليم"):
        grouping._name_core(lexical.key(f))
        mentions.strip_clitic(f)
    assert len(grouping._CORES) <= grouping._CORES_MAX
    assert len(mentions._STRIPPED) <= mentions._STRIPPED_MAX


def test_the_score_table_and_the_featurizer_cache_are_bounded():
    # the shipped bounds: a table of TABLE_MAX forms, a featurizer cache as large
    assert scoring.TABLE_MAX <= 100_000
    assert features._CACHE_MAX <= scoring.TABLE_MAX
    t = tagger.default("crf")
    table = scoring.FormScores(t.featurizer, t._scores.models, capacity=300)
    forms = _forms(1000, "مدين")
    for i in range(0, len(forms), 40):
        table.scores([forms[i:i + 40]])
        assert len(table._ids) <= 300
    assert len(table._parts) == 300  # allocated once at the cap, never grown


def test_the_featurizer_cache_stops_at_its_bound(monkeypatch):
    monkeypatch.setattr(features, "_CACHE_MAX", 8)
    fz = features.Featurizer()
    for f in _forms(40, "نهر"):
        assert fz.lexical(f) == fz.describe(f)
        assert len(fz._cache) <= 9
