"""Statements as spans: token positions mapped back to the text, speakers resolved.

The writer keeps the article's sources (khabar.quotes.resolve): a statement without a
subject continues the latest speaker its verb agrees with, and every statement ends with
its source's fullest name, title and affiliation.
"""
from __future__ import annotations

from bisect import bisect_left

from khabar.document import Article, Span
from khabar.normalize import fold
from khabar.quotes.items import Item
from khabar.quotes.lexicon import LEX
from khabar.quotes.medium import Medium
from khabar.quotes.morph import ARTICLE_FORMS, NISBA
from khabar.quotes.resolve import Sources
from khabar.quotes.sentence import Sentence
from khabar.quotes.speaker import NP

LAYER = "quotes"
_RECENT = 4  # speakers a continuation may go back to
_SEPARATORS = ",،:;؛-–—(\"«»“”"  # between a title and the name after it


class Writer:
    """Turns items into spans: offsets mapped to the text, speakers resolved."""

    def __init__(self, article: Article, view, mentions, timexes) -> None:
        self.article = article
        self.view = view
        self.mentions = mentions
        self.timexes = timexes
        # both sorted by start: a statement looks up its own stretch by bisection, so a
        # long article costs no more per statement than a short one
        self._mention_starts = [m.start for m in mentions]
        self._timex_starts = [t.start for t in timexes]
        self.sources = Sources()
        self.recent: dict[str, list] = {"title": [], "body": []}  # latest speakers first
        self.pending: list[tuple[dict, object]] = []
        # sources that spoke through a document: the verb agreed with the document noun
        # («وأضاف تقرير الشرطة …»), and so does the continuation after it («وتابع»)
        self.document_gender: dict[int, str] = {}
        self.last: Span | None = None  # the statement written last, and whether it
        self.last_weak = False  # still lacks an outlet for its medium

    # -------------------------------------------------------------- offsets
    def _span(self, s: Sentence, a: int, b: int, skip: int = 0) -> tuple[int, int]:
        return self.view.span_to_text(s.starts[a] + skip, s.ends[b - 1])

    def _part(self, s: Sentence, a: int, b: int, skip: int = 0) -> dict | None:
        if b <= a:
            return None
        start, end = self._span(s, a, b, skip)
        return {"text": self.article.text[start:end], "start": start, "end": end}

    def _folded(self, s: Sentence, a: int, b: int, skip: int = 0) -> str:
        if b <= a:
            return ""
        return self.view.text[s.starts[a] + skip:s.ends[b - 1]]

    # -------------------------------------------------------------- parts
    def _speaker(self, s: Sentence, np: NP) -> tuple[dict, object]:
        part = self._part(s, np.a, np.b, np.skip)
        title = name = None
        tf = nf = None
        kind = np.kind
        na = np.name_start
        ne = np.name_end if np.name_end > na else np.b
        skip_name = np.skip if na == np.a else 0
        span = None  # the title's tokens
        if np.title_end > np.a:
            span = (np.a, np.title_end, np.skip)
        elif np.name_end > na:
            ta = np.name_end
            while ta < np.b and not s.isword[ta]:
                ta += 1  # «سامي الخطيب، وزير …»: the comma is no part of the title
            span = (ta, np.b, 0)
        if span is not None:
            a, b, sk = span
            while b > a + 1 and not s.isword[b - 1]:
                b -= 1  # «وزير الخارجية، سامي الخطيب»: the comma is no part of the title
            span = (a, b, sk)
        affiliation = None
        if span is not None:
            title = self._part(s, *span)
            tf = self._folded(s, *span)
            aff = _affiliation(s, span[0], span[1])
            if aff is not None:
                affiliation = self._part(s, aff, span[1])["text"]
        if kind == "person" and na < ne:
            name = self._part(s, na, ne, skip_name)
            nf = self._folded(s, na, ne, skip_name)
        mention = self._mention(part["start"], part["end"])
        if mention is not None and span is not None and np.title_end > np.a and \
                mention.start < self._span(s, np.a, np.title_end, np.skip)[1]:
            mention = None  # a mention that runs into the title («باسم الحزب سليم عواد»)
        if mention is not None:
            if mention.label != "PER" and kind == "person" and not np.titled:
                kind = "organisation"
            canon = mention.attrs.get("canonical") or self.article.text[mention.start:mention.end]
            if kind == "person" and mention.label == "PER":
                name = {"text": canon}
                nf = fold(canon)
                if mention.start > part["start"] and (title is None or
                                                      title["end"] > mention.start):
                    # the title is what stands before the name the entity stage found
                    title = self._before(part["start"], mention.start)
                    tf = fold(title["text"]) if title else None
        whole_f = self._folded(s, np.a, np.b, np.skip)
        if np.coordinated:
            return {**part, "canonical": None, "title": None, "affiliation": None,
                    "anonymous": False, "kind": "group"}, \
                self.sources.resolve(None, None, None, None, "group", part["text"], whole_f)
        if np.relative:
            return {**part, "canonical": None, "title": None, "affiliation": None,
                    "anonymous": False, "kind": "person"}, \
                self.sources.relative(part["text"], whole_f)
        sure = bool(nf) and (mention is not None and mention.label == "PER"
                             or nf.split()[0] in LEX.given_names)
        src = self.sources.resolve(name["text"] if name else None, nf,
                                   title["text"] if title else None, tf, kind,
                                   part["text"], whole_f, sure)
        record = {**part, "canonical": None, "title": title["text"] if title else None,
                  "affiliation": affiliation, "anonymous": kind == "anonymous", "kind": kind}
        return record, src

    def _before(self, start: int, end: int) -> dict | None:
        """The text from start up to end without the spaces and commas before end."""
        text = self.article.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in _SEPARATORS):
            end -= 1
        return {"text": text[start:end], "start": start, "end": end} if end > start else None

    def _mention(self, start: int, end: int):
        best = None
        mentions = self.mentions
        for k in range(bisect_left(self._mention_starts, start),
                       bisect_left(self._mention_starts, end)):
            m = mentions[k]
            if m.end > start and m.end <= end:
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        return best

    def _medium(self, s: Sentence, m: Medium | None) -> dict | None:
        if m is None or m.b <= m.a:
            return None
        part = self._part(s, m.a, m.b, m.skip)
        canonical = m.extra.get("canonical")
        at = m.extra.get("name_at")
        if canonical is None and at is not None:
            canonical = self._part(s, at, m.b, m.skip if at == m.a else 0)["text"]
        canonical = canonical or part["text"]
        return {**part, "canonical": canonical, "relation": m.relation}

    def _time(self, start: int, end: int):
        k = bisect_left(self._timex_starts, start)
        if k < len(self.timexes) and self.timexes[k].start < end:
            return self.timexes[k].attrs.get("value")
        return None

    # -------------------------------------------------------------- items
    def write(self, s: Sentence, items: list[Item]) -> None:
        zone = s.zone
        sent_start = self.view.to_text(s.start)
        prev_in_sentence = None
        for it in items:
            if it.speaker is not None and it.speaker.b <= it.speaker.a:
                it.speaker = None  # a source phrase with no word left in it names nobody
            if it.end_view is not None:
                ca = self.view.to_text(s.ends[it.ca - 1])
                cb = self.view.to_text(it.end_view)
            else:
                ca, cb = self._span(s, it.ca, it.cb, it.content_skip)
            cue = None
            if it.form is not None:
                part = self._part(s, it.cue_a, it.cue_b, it.cue_skip)
                cue = {**part, "lemma": it.form.lemma, "class": it.form.cls,
                       "negated": it.negated}
            inherited = it.inherited
            if it.speaker is None and it.headline is False:
                src_rec = self._antecedent(zone, it, prev_in_sentence)
                inherited = src_rec is not None
            elif it.speaker is not None and it.speaker.kind == "statement":
                # «وأضاف البيان»: the statement's author, the latest source; the noun
                # stays the text, the author is the canonical name
                recent = self.recent[zone]
                src_rec = prev_in_sentence or (recent[0] if recent else None)
                if src_rec is None:
                    src_rec = self._speaker(s, it.speaker)
                else:
                    part = self._part(s, it.speaker.a, it.speaker.b, it.speaker.skip)
                    src_rec = ({**src_rec[0], **part}, src_rec[1])
            elif it.speaker is not None:
                src_rec = self._speaker(s, it.speaker)
                if it.form is not None and it.document:
                    self.document_gender[id(src_rec[1])] = it.form.gender
                elif it.form is not None and src_rec[1].gender is None and not it.inherited:
                    src_rec[1].gender = it.form.gender
            else:
                src_rec = None
            speaker = dict(src_rec[0]) if src_rec else None
            attrs = {
                "cue": cue,
                "speaker": speaker,
                "medium": self._medium(s, it.medium),
                "chain": [x for x in (self._medium(s, h) for h in it.chain) if x],
                "time": self._time(sent_start, ca),
                "zone": zone,
                "inherited": inherited,
            }
            self.last = self.article.add(LAYER, ca, cb, it.kind, **attrs)
            # no outlet yet: none, or only the form of the statement («في بيان»)
            self.last_weak = it.medium is None or bool(it.medium.extra.get("form"))
            if src_rec:
                self.pending.append((attrs, src_rec[1]))
                prev_in_sentence = src_rec
                recent = self.recent[zone]
                if src_rec in recent:
                    recent.remove(src_rec)
                recent.insert(0, src_rec)
                del recent[_RECENT:]

    def recap_medium(self, s: Sentence, med: Medium) -> None:
        """The medium a sentence of its own gives the statement written last («. جاء ذلك في
        حوار مع صحيفة X»), unless that statement named an outlet already."""
        if self.last is not None and self.last_weak:
            self.last.attrs["medium"] = self._medium(s, med)
            self.last_weak = False

    def _antecedent(self, zone: str, it: Item, prev_in_sentence):
        """The speaker a subject-less cue continues: the latest one its verb agrees with;
        before any speaker of the body, the headline's."""
        recent = self.recent[zone] or (self.recent["title"] if zone != "title" else [])
        if not recent:
            return None
        if it.form is None:
            return prev_in_sentence or recent[0]
        want = it.form.gender
        cands = ([prev_in_sentence] if prev_in_sentence else []) + recent
        for rec in cands:
            if rec[1].gender in (None, want) or self.document_gender.get(id(rec[1])) == want:
                return rec
        return prev_in_sentence or recent[0]

    def finish(self) -> None:
        """Give every statement its source's fullest name, and the title and affiliation
        any mention of that source carried."""
        self.sources.settle()
        for attrs, src in self.pending:
            spk = attrs["speaker"]
            if spk is not None and spk.get("affiliation") and not src.affiliation:
                src.affiliation = spk["affiliation"]
        for attrs, src in self.pending:
            spk = attrs["speaker"]
            if spk is None:
                continue
            spk["canonical"] = src.canonical
            if not spk.get("title") and src.title:
                spk["title"] = src.title
            if not spk.get("affiliation") and src.affiliation:
                spk["affiliation"] = src.affiliation
        self.article.sort_layer(LAYER)


def _affiliation(s: Sentence, a: int, b: int) -> int | None:
    """Where the body or country a title names begins: after its link («الناطق باسم
    هيئة الموانئ», «العضو في حزب الخضر»), at a body's head noun, or a closing
    adjective of origin («وزير الداخلية المغربي»)."""
    for k in range(a + 1, b):
        if s.words[k] in LEX.title_links and k + 1 < b:
            return k + 1
        if LEX.org_heads.match(s.words, k):
            return k
    last = s.words[b - 1] if b > a + 1 else ""
    if last.startswith(ARTICLE_FORMS) and last.endswith(NISBA):
        return b - 1
    return None
