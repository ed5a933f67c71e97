"""Mentions grouped into entities within one article, each with a canonical name.

Links, all within one type: the same name (clitics and article aside); a person's
surname or given name alone after the full name («ميلر» -> «ريتشارد ميلر»); a shorter
organisation or place name that the longer one only extends by head words or a
qualifier («حماس» -> «حركة حماس», «الضفة» -> «الضفة الغربية»); known aliases from
`gazetteer_aliases` («البنتاغون» = «وزارة الدفاع الأميركية»). The canonical name is the
fullest form the article uses.
"""
from __future__ import annotations

from dataclasses import dataclass

from khabar.ner import gazetteer as _gazetteer
from khabar.ner.lexical import ABSORBS_ARTICLE, ARTICLE, core, key, name_forms, split_clitic
from khabar.resources import load


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    type: str
    text: str
    names: tuple[str, ...] = ()  # the cores of its words: what links compare

    def __post_init__(self) -> None:
        if not self.names:
            self.names = name_key(self.text)


def display(text: str) -> str:
    """The name as a canonical form writes it: «للأمم المتحدة» -> «الأمم المتحدة»."""
    first, sep, rest = text.partition(" ")
    clitic, _rest = split_clitic(key(first))
    if clitic in ABSORBS_ARTICLE and len(clitic) == 2:
        first = ARTICLE + first[len(clitic):]
    return first + sep + rest


def name_key(text: str) -> tuple[str, ...]:
    return tuple(_name_core(key(w)) for w in text.split())


def _bare(k: str) -> str:
    return k[len(ARTICLE):] if k.startswith(ARTICLE) and len(k) - len(ARTICLE) >= 2 else k


# `_name_core` per keyed word, for the gazetteer it was read with: names repeat through an
# article and across articles (bounded: cleared when full)
_CORES: dict[str, str] = {}
_CORES_GAZ: list[object] = [None]
_CORES_MAX = 1 << 14


def _name_core(k: str) -> str:
    """`core` for a word of a name: a listed name keeps its letters («ليلى» is not «ل» +
    «يلى»), and a clitic comes off where it leaves a listed name («ولبنان», «للبنان»)."""
    gaz = _gazetteer.default()
    if _CORES_GAZ[0] is not gaz:
        _CORES.clear()
        _CORES_GAZ[0] = gaz
    hit = _CORES.get(k)
    if hit is None:
        if len(_CORES) >= _CORES_MAX:
            _CORES.clear()
        hit = _CORES[k] = _name_core_uncached(k, gaz)
    return hit


def _name_core_uncached(k: str, gaz: _gazetteer.Gazetteer) -> str:
    """`_name_core` without its cache (the reference of the cached path)."""
    if gaz.listed(k):
        return _bare(k)
    for rest in name_forms(k)[1:]:
        if gaz.listed(rest):
            return _bare(rest)
    return core(k)


def _alias_table() -> dict[tuple[str, ...], tuple[str, ...]]:
    table = {}
    for canonical, aliases in load("gazetteer_aliases").items():
        c = name_key(canonical)
        table[c] = c
        for a in aliases:
            table[name_key(a)] = c
    return table


_ALIASES: dict | None = None
_HEADS: frozenset | None = None


def _heads() -> frozenset:
    global _HEADS
    if _HEADS is None:
        _HEADS = frozenset(core(key(w)) for ws in load("gazetteer_heads").values() for w in ws)
    return _HEADS


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> int:
    """Where `short` occurs as consecutive words of `long`, or -1."""
    n = len(short)
    for i in range(len(long) - n + 1):
        if long[i:i + n] == short:
            return i
    return -1


def _links(short: Mention, long: Mention) -> bool:
    """Whether `short` names the entity of `long` (the rule `group` applies; it finds
    the candidates through `_containers` rather than by trying every pair)."""
    if short.type != long.type or len(short.names) >= len(long.names):
        return False
    at = _contains(long.names, short.names)
    return at >= 0 and _fits(short, long, at)


def _containers(mentions: list[Mention], which: list[int]
                ) -> dict[tuple[str, tuple[str, ...]], list[tuple[int, int]]]:
    """(type, words) -> [(j, where those words first occur in mention j's)], for every
    run of consecutive words shorter than a mention's whole name that is itself the name
    of one of the mentions `which`, among those mentions.
    Finding the longer names that hold a short one is then a look-up, not a scan of every
    other name (which made grouping quadratic in the number of distinct names); the cost
    is that of the names' own lengths."""
    wanted = {(mentions[i].type, mentions[i].names) for i in which}
    sizes = sorted({len(names) for _t, names in wanted})
    inside: dict[tuple[str, tuple[str, ...]], list[tuple[int, int]]] = {}
    for j in which:
        typ, names = mentions[j].type, mentions[j].names
        n = len(names)
        for size in sizes:
            if size >= n:
                break
            seen: set[tuple[str, ...]] = set()
            for at in range(n - size + 1):
                run = names[at:at + size]
                if run not in seen and (typ, run) in wanted:
                    seen.add(run)  # its first occurrence only, as `_contains` finds it
                    inside.setdefault((typ, run), []).append((j, at))
    return inside


def _fits(short: Mention, long: Mention, at: int) -> bool:
    """The rule for `short` found at word `at` of the longer `long`, of the same type."""
    if short.type == "PER":
        # a surname or a given name alone, or the name without a patronymic chain
        return True
    # «الضفة» -> «الضفة الغربية», «حماس» -> «حركة حماس», not «الأمم المتحدة» -> «الجمعية
    # العامة للأمم المتحدة»
    return at == 0 or all(w in _heads() for w in long.names[:at])


def group(mentions: list[Mention]) -> list[tuple[str, str]]:
    """(entity id, canonical name) for each mention, ids "E1", "E2"… by first mention."""
    global _ALIASES
    if _ALIASES is None:
        _ALIASES = _alias_table()
    n = len(mentions)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_name: dict[tuple[str, tuple[str, ...]], int] = {}
    for i, m in enumerate(mentions):
        ident = (m.type, _ALIASES.get(m.names, m.names))
        if ident in by_name:
            union(by_name[ident], i)
        else:
            by_name[ident] = i
    # distinct names only: a short name links to the longer names that contain it; where
    # it fits several different entities («محمد» in two full names) it is left alone
    distinct = sorted(by_name.values())
    inside = _containers(mentions, distinct)
    for i in distinct:
        short = mentions[i]
        owners = {find(j) for j, at in inside.get((short.type, short.names), ())
                  if _fits(short, mentions[j], at)}
        if len(owners) == 1:
            union(i, owners.pop())
    roots: dict[int, list[int]] = {}
    for i in range(n):
        roots.setdefault(find(i), []).append(i)
    out: list[tuple[str, str]] = [("", "")] * n
    for num, (_root, members) in enumerate(sorted(roots.items()), 1):
        full = max(members, key=lambda i: (len(mentions[i].names),
                                            len(display(mentions[i].text)), -i))
        for i in members:
            out[i] = (f"E{num}", display(mentions[full].text))
    return out
