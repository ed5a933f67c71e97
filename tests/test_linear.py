"""Paths that were quadratic in the size of one article, each kept linear by a test that
counts work instead of timing it: the fast path gives what a plain reference (the walk
over every earlier item it replaced) gives, on hypothesis inputs, and the number of items
it looks at stays proportional to the input. Time itself is measured by
benchmarks/growth.py, never here."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.ner import grouping
from khabar.ner.grouping import Mention, display
from khabar.quotes import resolve
from khabar.quotes.resolve import Source, Sources

# ---------------------------------------------------------------- entity grouping


def _group_reference(mentions: list[Mention]) -> list[tuple[str, str]]:
    """`grouping.group` as it was: every distinct name tried against every other one."""
    n = len(mentions)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    aliases = grouping._alias_table()
    by_name: dict = {}
    for i, m in enumerate(mentions):
        ident = (m.type, aliases.get(m.names, m.names))
        if ident in by_name:
            union(by_name[ident], i)
        else:
            by_name[ident] = i
    distinct = sorted(by_name.values())
    for i in distinct:
        owners = {find(j) for j in distinct if j != i and grouping._links(mentions[i],
                                                                          mentions[j])}
        if len(owners) == 1:
            union(i, owners.pop())
    roots: dict[int, list[int]] = {}
    for i in range(n):
        roots.setdefault(find(i), []).append(i)
    out = [("", "")] * n
    for num, (_root, members) in enumerate(sorted(roots.items()), 1):
        full = max(members, key=lambda i: (len(mentions[i].names),
                                            len(display(mentions[i].text)), -i))
        for i in members:
            out[i] = (f"E{num}", display(mentions[full].text))
    return out


# a few name words (our own), some of them head nouns of organisations, so that names
# often hold one another
_WORDS = ["سامي", "الخطيب", "حركة", "النور", "وزارة", "الزراعة", "بن", "علي", "مجلس"]


def _mention(words: list[str], typ: str) -> Mention:
    text = " ".join(words)
    return Mention(0, len(text), typ, text, tuple(words))


_mentions = st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
                               st.sampled_from(["PER", "ORG", "LOC"])), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_mentions)
def test_grouping_by_index_equals_trying_every_pair(specs):
    mentions = [_mention(w, t) for w, t in specs]
    assert grouping.group(mentions) == _group_reference(mentions)


def test_grouping_looks_at_each_name_a_bounded_number_of_times(monkeypatch):
    # 3,000 different two-word names and their surnames alone: trying every pair made
    # some 10 million comparisons
    calls = {"n": 0}
    fits, links = grouping._fits, grouping._links

    def counted(f):
        def wrapper(*args):
            calls["n"] += 1
            return f(*args)
        return wrapper

    monkeypatch.setattr(grouping, "_fits", counted(fits))
    monkeypatch.setattr(grouping, "_links", counted(links))
    n = 3000
    mentions = []
    for k in range(n):
        mentions.append(_mention([f"اسم{k}", f"لقب{k}"], "PER"))
        mentions.append(_mention([f"لقب{k}"], "PER"))
    out = grouping.group(mentions)
    assert out[0][0] == out[1][0] != out[2][0], "a surname alone joins its full name"
    assert calls["n"] <= 2 * len(mentions)


# ---------------------------------------------------------------- quote sources


class _SourcesReference:
    """`Sources` as it was: each mention walks back over every earlier source."""

    def __init__(self) -> None:
        self.items: list[Source] = []

    def resolve(self, name, name_folded, title, title_folded, kind, whole, whole_folded,
                sure=False):
        name_key = resolve.name_key
        key = name_key(name_folded) if name_folded else frozenset()
        tkey = name_key(title_folded) if title_folded else frozenset()
        if kind in ("anonymous", "group"):
            wkey = name_key(whole_folded)
            for src in reversed(self.items):
                if src.kind == kind and src.key == wkey:
                    return src
            return self._new(whole, wkey, None, frozenset(), kind, None)
        if key:
            for src in reversed(self.items):
                if src.kind != kind or not src.key:
                    continue
                if key <= src.key:
                    self._learn(src, title, tkey)
                    src.sure = src.sure or sure
                    return src
                if src.key <= key and src.kind == "person" and kind == "person":
                    src.aliases.append(src.canonical)
                    src.canonical, src.key, src.named = name, key, True
                    src.sure = src.sure or sure
                    self._learn(src, title, tkey)
                    return src
            src = self._new(name, key, title, tkey, kind, resolve._head(name_folded))
            src.named, src.sure = True, sure
            return src
        wkey = name_key(whole_folded)
        head = resolve._head(whole_folded)
        for src in reversed(self.items):
            if src.kind in ("anonymous", "group"):
                continue
            if tkey and src.title_key and (tkey <= src.title_key):
                return src
            if kind == "organisation" and len(wkey) == 1 and head and src.head == head:
                return src
            if wkey and src.key and wkey <= src.key and kind == src.kind:
                return src
        return self._new(whole, wkey, title, tkey, kind, head)

    def settle(self) -> None:
        for src in self.items:
            if src.kind != "person" or src.named or not src.title_key:
                continue
            holders = [o for o in self.items if o.sure and o.kind == "person"
                       and src.title_key <= o.title_key]
            if len(holders) == 1:
                src.canonical = holders[0].canonical
                src.affiliation = src.affiliation or holders[0].affiliation

    def _new(self, canonical, key, title, tkey, kind, head) -> Source:
        src = Source(canonical, key, title, tkey, head, kind)
        self.items.append(src)
        return src

    @staticmethod
    def _learn(src, title, tkey) -> None:
        if title and not src.title:
            src.title, src.title_key = title, tkey


_NAMES = ["سامي", "الخطيب", "ليلى", "حداد", "ناصر"]
_TITLES = ["وزير", "الزراعة", "المتحدث", "باسم", "الوزارة"]
_KINDS = ["person", "person", "organisation", "anonymous", "group"]


def _phrase(words):
    return " ".join(words) if words else None


_calls = st.lists(st.tuples(
    st.lists(st.sampled_from(_NAMES), max_size=3),
    st.lists(st.sampled_from(_TITLES), max_size=3),
    st.sampled_from(_KINDS), st.booleans()), max_size=30)


def _run(sources, calls):
    got = []
    for name_words, title_words, kind, sure in calls:
        name, title = _phrase(name_words), _phrase(title_words)
        whole = " ".join(title_words + name_words) or "مصدر"
        src = sources.resolve(name, name, title, title, kind, whole, whole, sure)
        got.append(sources.items.index(src))
    sources.settle()
    return got, [(s.canonical, s.key, s.title, s.title_key, s.head, s.kind, s.aliases,
                  s.named, s.sure, s.affiliation) for s in sources.items]


@settings(max_examples=400, deadline=None)
@given(_calls)
def test_indexed_sources_resolve_as_the_walk_over_every_source(calls):
    assert _run(Sources(), calls) == _run(_SourcesReference(), calls)


def test_resolving_looks_at_a_bounded_number_of_sources(monkeypatch):
    # 4,000 different people, each named in full and then by surname: the walk back
    # over every earlier source made some 8 million subset tests
    looked = {"n": 0}
    real = Sources._latest

    def counting(self, index, words, ok):
        def counted(src):
            looked["n"] += 1
            return ok(src)
        return real(self, index, words, counted)

    monkeypatch.setattr(Sources, "_latest", counting)
    sources = Sources()
    n = 4000
    for k in range(n):
        full = f"سامي{k} الخطيب{k}"
        a = sources.resolve(full, full, None, None, "person", full, full, True)
        b = sources.resolve(f"الخطيب{k}", f"الخطيب{k}", None, None, "person",
                            f"الخطيب{k}", f"الخطيب{k}")
        assert a is b
    sources.settle()
    assert len(sources.items) == n
    assert looked["n"] <= 2 * n


# ---------------------------------------------------------------- quotation pairs


def test_a_sentence_is_given_only_the_quotation_pairs_of_its_own_stretch(monkeypatch):
    # one paragraph (no line breaks) of 400 quoted statements: each sentence used to be
    # handed every pair of the paragraph
    from khabar.pipeline import Pipeline
    from khabar.quotes import sentence

    given: list[int] = []
    real = sentence.Sentence.build.__func__

    def build(cls, view_text, pairs_view, zone, start, end, tokens=None):
        given.append(len(pairs_view))
        return real(cls, view_text, pairs_view, zone, start, end, tokens)

    monkeypatch.setattr(sentence.Sentence, "build", classmethod(build))
    text = " ".join(f"وقال المتحدث باسم البلدية رقم {k}: «ستنتهي أعمال الصيانة خلال أسبوعين»."
                    for k in range(400))
    from khabar.document import Article

    article = Pipeline(skip=("entities", "events", "link")).run(Article(text))
    assert len(article.spans("paragraphs")) == 1
    assert len(given) >= 400 and max(given) <= 2
    assert len(article.spans("quotes")) >= 400


_marks = st.lists(st.sampled_from(["«", "»", '"', "“", "”", "„", "قال", " ", "\n\n", "،"]),
                  max_size=60)


@settings(max_examples=300, deadline=None)
@given(_marks)
def test_paragraph_pairs_come_in_order_and_never_overlap(parts):
    # what lets a sentence find its own pairs by bisection (khabar.quotes.annotate)
    from khabar.quotes.marks import paragraph_pairs

    text = "".join(parts)
    paras, at = [], 0
    for chunk in text.split("\n\n"):
        paras.append((at, at + len(chunk)))
        at += len(chunk) + 2
    for pairs in paragraph_pairs(text, paras):
        for (a, b), (c, d) in zip(pairs, pairs[1:]):
            assert a < b < c < d


# ---------------------------------------------------------------- paragraphs


def _paragraphs_reference(text: str, start: int, end: int):
    """`segment._paragraphs` as it was: each line compared with the whole paragraph so
    far (copied and recounted once per line)."""
    from khabar import segment

    cur = None
    for ls, le in segment._lines(text, start, end):
        line = text[ls:le]
        stripped = line.strip()
        if not stripped:
            if cur:
                yield cur
                cur = None
            continue
        a = ls + (len(line) - len(line.lstrip()))
        b = ls + len(line.rstrip())
        if cur is None:
            cur = (a, b)
            continue
        if segment._continues(text[cur[0]:cur[1]], stripped):
            cur = (cur[0], b)
        else:
            yield cur
            cur = (a, b)
    if cur:
        yield cur


_lines_text = st.lists(st.sampled_from(
    ["قال الوزير", "إن المحادثات مستمرة بين الطرفين منذ أيام عدة", ".", "،", ":", "«", "»",
     '"', "“", "”", "- بند", "ا", "!»", " ", "\n", "\n", "\n\n", "  \n", "\r\n"]),
    max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_lines_text)
def test_paragraphs_kept_line_by_line_equal_the_whole_paragraph_reread(text):
    from khabar import segment

    assert list(segment._paragraphs(text, 0, len(text))) == \
        list(_paragraphs_reference(text, 0, len(text)))


def test_joining_lines_reads_each_line_a_bounded_number_of_times(monkeypatch):
    # 20,000 short lines that all join (an opening quotation never closed): each line
    # used to recount the marks of the whole paragraph before it
    from khabar import segment

    counted = {"chars": 0}
    real = segment._marks

    def marks(s):
        counted["chars"] += len(s)
        return real(s)

    monkeypatch.setattr(segment, "_marks", marks)
    text = "«" + "\n".join("قال الوزير إن" for _ in range(20000))
    paras = list(segment._paragraphs(text, 0, len(text)))
    assert paras == [(0, len(text))]
    assert counted["chars"] <= 2 * len(text)
