"""Page furniture out, article in: boilerplate spans, the title, the body, and metadata.

Works line by line on the folded view: a line that is only a label (with its value), a
list marker, a prompt, a credit or a crawler header is furniture. Metadata read from
furniture keeps its span as evidence. Fields given with the input (JSON, CSV, HTML meta)
win over anything read from the text; the cascade is documented in `metadata.py`.
"""
from __future__ import annotations

import re
from khabar.document import Article
from khabar.metadata import (_MAX_AGO_LINE, AGO_OPENERS, fill_metadata, line_date, parse_views,
                             time_ago, whole_line_date)
from khabar.normalize import NORMALIZERS, fold
from khabar.resources import load

_MATCH = NORMALIZERS["match"]
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_WORDS = re.compile(r"\w+")
_LIST_NUMBER = re.compile(r"^\s*\d{1,4}[.)-]\s+(?=\S)")
_MAX_LABEL_LINE = 160  # chars: a longer line is prose, not a label line
_EDGE_LINES = 3  # a Latin-only header line is furniture only near the top or bottom
_NUMERIC_FIELDS = ("views", "article_id")
_RULE_LINE = re.compile(r"^\s*[-_=*~•·]{3,}\s*$")  # a drawn separator line


def _alternation(phrases) -> str:
    keys = sorted({fold(p).strip().rstrip(":") for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys if k)


def _compile():
    data = load("furniture")
    fields = data["labelled_fields"]
    field_res = []
    for name, labels in fields.items():
        alt = _alternation(labels)
        # "LABEL: VALUE"; a number-valued field may drop the colon, and a counter may come
        # after its number, glued or spaced ("۳۵۹مشاهدات")
        colon = r"[:：]?" if name in _NUMERIC_FIELDS else r"[:：]"
        field_res.append((name, re.compile(rf"^(?:{alt})\s*{colon}\s*(?P<v>.*?)\s*$")))
        if name == "views":
            field_res.append((name, re.compile(rf"^(?P<v>[\d.,]+)\s*(?:{alt})\s*$")))
    labels = [(kind, re.compile(rf"^(?:{_alternation(words)})\s*[:：]?\s*$"))
              for kind, words in data["labels"].items()]
    read_also = re.compile(rf"^(?:{_alternation(data['read_also'])})\s*[:：/]?(?:\s|$)")
    markers = "|".join(re.escape(fold(m)).replace("\\#", r"\d+").replace(r"\ ", r"\s+")
                       for m in data["list_markers"])
    list_marker = re.compile(rf"^(?:{markers})$")
    contains = [(kind, re.compile("|".join(re.escape(fold(w)) for w in words)))
                for kind, words in data["contains"].items()]
    contains_raw = [(kind, tuple(w.lower() for w in words))
                    for kind, words in data["contains"].items()]
    credits = {fold(k): v for k, v in data["credit_lines"].items()}
    seps = tuple(f" {sep} " for sep in data["title_site_separators"])
    openers = tuple(fold(w) for w in data["continuation_openers"])
    day_names = (w for names in load('weekdays').values() for w in names if _ARABIC.search(w))
    weekdays = re.compile(rf"(?<!\w)(?:{_alternation(day_names)})(?!\w)")
    n = int(data["byline_max_words"])
    byline = re.compile(rf"^\s*(?:{_alternation(data['byline_openers'])})\s+"
                        rf"(?P<v>[^\W\d][^:\n]*?(?:\s+[^:\s]+){{0,{n - 1}}})\s*:\s")
    return (field_res, labels, read_also, list_marker, contains, contains_raw, credits, seps,
            openers, weekdays, int(data["related_tail_min"]), byline, n, _wire_rules(data))


_URL = r"(?:https?://|www\.)\S+"


def _wire_rules(data) -> re.Pattern:
    """Whole-line rules for link-back lines, tag lines, wire markers and time stamps."""
    words = int(data["link_label_words"])
    # after the colon an address, the story's headline, or nothing
    link = re.compile(rf"^(?:{_alternation(data['link_labels'])})(?:\s+[^\s:：]+){{0,{words}}}"
                      rf"\s*(?:[:：].*|{_URL})$", re.I)
    tags = re.compile(rf"^(?:(?:{_alternation(data['tag_labels'])})\s*[:：].+"
                      r"|#[^\s#]+(?:\s+#[^\s#]+)*)$", re.I)
    wire = re.compile(rf"^/{{2,}}\s*(?:{_alternation(data['wire_markers'])})\s*/{{2,}}$")
    ends = _alternation(data["wire_end_marks"])
    stamp = re.compile(rf"^\d{{1,2}}[:.]\d{{2}}\s*(?:{_alternation(data['time_stamp_zones'])})"
                       rf"(?:\s+(?:{ends}))?$", re.I)
    # one anchored pattern, one call per line: the named group that matched is the kind
    rules = {"link": link, "link_only": re.compile(rf"^{_URL}$", re.I), "tags": tags,
             "wire_marker": wire, "wire_end": re.compile(rf"^(?:{ends})$", re.I),
             "time_stamp": stamp}
    return re.compile("|".join(f"(?P<{k}>{rx.pattern})" for k, rx in rules.items()), re.I)


(_FIELDS, _LABELS, _READ_ALSO, _LIST_MARKER, _CONTAINS, _CONTAINS_RAW, _CREDITS,
 _SITE_SEPARATORS, _OPENERS, _WEEKDAY, _RELATED_TAIL_MIN, _BYLINE,
 _BYLINE_MAX_WORDS, _WIRE_RULES) = _compile()


_COMMENT_POLICY = re.compile("|".join(re.escape(fold(w))
                                     for w in load("furniture")["comment_policy"]))
_COMMENT_POLICY_LINES = int(load("furniture")["comment_policy_lines"])


_DATA = load("furniture")
# one search per line: the named group that matched is the kind
_END_NOTICES = re.compile("|".join(
    f"(?P<{kind}>" + "|".join(re.escape(fold(w)) for w in words) + ")"
    for kind, words in _DATA["end_notices"].items()))
_REPRINT = re.compile(rf"^(?:\s*\*[*\s]*(?:{_alternation(_DATA['reprint_openers'])})|[*\s]*"
                      rf"(?:{_alternation(_DATA['reprint_openers_alone'])}))(?:\s|$)")
_REPRINT_MAX_WORDS = int(_DATA["reprint_max_words"])
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_CONTACT_MAX_WORDS = 6
_LEAD_PUNCT = ".*•·…-–—_ "  # before a label: «...المزيد», «* إعلان»
# a link-back label glued after the last sentence of a paragraph: cut from there
_LINK_TAIL = re.compile(rf"(?<=[.!?؟\"»”)])\s+(?:{_alternation(_DATA['link_labels'])})"
                        rf"(?:\s+[^\s:：]+){{0,{int(_DATA['link_label_words'])}}}\s*[:：]")
# the same on the raw line, to fold only the few lines that may hold one (after a look for
# the words themselves, which costs less than the pattern)
_LINK_TAIL_NEEDLES = tuple({w.split()[0].removeprefix("ال") for w in _DATA["link_labels"]})
_LINK_TAIL_WORDS = re.compile(r"[.!?؟\"»”)]\s+(?:" + "|".join(sorted(
    {re.escape(w.split()[0]) for w in _DATA["link_labels"]})) + ")")
_LINE_PREFIX_STARTS = tuple({w.split()[0].lower() for w in _DATA["line_prefixes"]})
_LINE_PREFIX = re.compile(rf"^\s*(?:{_alternation(_DATA['line_prefixes'])})(?=\s)", re.I)
# a byline or dateline line over the article («عين المثال – الرياض», «سالم علي – جدة»):
# two short parts around a dash, nothing else
_TOP_BYLINE = re.compile(r"^[^\W\d][^\d:.،,!?؟]{0,40}?\s[-–—]\s[^\W\d][^\d:.،,!?؟]{0,40}$")
_TOP_BYLINE_WORDS = 6


def _wire_kind(m: re.Match) -> str:
    """The kind a match of the whole-line wire pattern names (its group)."""
    return {"link_only": "link", "wire_end": "wire_marker"}.get(m.lastgroup, m.lastgroup)


# the first rule that holds for a short line's folded text gives its kind ("wire": the
# group of the whole-line pattern that matched)
_LABEL_KINDS = frozenset([*(kind for kind, _ in _LABELS), "read_also"])
_SHORT_LINE_RULES = [*((kind, rx.search) for kind, rx in _CONTAINS),
                     ("separator", _RULE_LINE.match), ("list_marker", _LIST_MARKER.match),
                     *((kind, rx.match) for kind, rx in _LABELS),
                     ("read_also", _READ_ALSO.match), ("wire", _WIRE_RULES.match)]


class Line:
    """One line of the page; its folded form is made only when a rule needs it."""

    __slots__ = ("start", "end", "raw", "_folded", "kind", "fields", "body_from", "cuts")

    def __init__(self, start: int, end: int, raw: str) -> None:
        self.start, self.end, self.raw = start, end, raw
        self.body_from = start  # a byline glued to the line's start moves this
        # furniture inside a line of the article (an embed, a link-back line glued to its
        # end): (start, end, kind) in text offsets, in order
        self.cuts: list[tuple[int, int, str]] = []
        self._folded: str | None = None
        self.kind: str | None = None
        self.fields: dict[str, tuple[str, int, int]] = {}

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = _MATCH.fold(self.raw)
        return self._folded

    @property
    def blank(self) -> bool:
        return not self.raw.strip()


def annotate(article: Article) -> None:
    text = article.text
    given = article.given
    start = 0
    if given.get("title_span"):
        a, b = given["title_span"]
        if b > a:
            article.add("title", a, b, "title", source="given")
        start = given.get("body_start", b)
    lines = _lines(text, start)
    for ln in lines:
        _classify(ln)
        if ln.fields:
            ln.fields = {k: (v, *_to_text(text, ln, a, b)) for k, (v, a, b) in ln.fields.items()}
    _keep_sentence_fragments(lines)
    _mark_comment_policy(lines)
    _cut_link_tails(article, lines)
    _mark_read_also(lines)
    _mark_question_teasers(lines)
    _mark_related_tail(lines)
    _mark_edges(lines, len(lines))
    if not article.spans("title"):
        _find_title(article, lines)
    _cut_line_prefix(article, lines)
    if given.get("title_span"):
        _mark_top_byline(lines)
    _find_byline(article, lines)
    _read_dateline(text, lines)
    for ln in lines:
        if ln.kind and ln.kind != "title":
            article.add("boilerplate", ln.start, ln.end, ln.kind,
                        **({"fields": list(ln.fields)} if ln.fields else {}))
        elif ln.kind is None:
            for a, b, kind in ln.cuts:
                article.add("boilerplate", a, b, kind)
    _add_body(article, lines)
    fill_metadata(article, lines)


def _lines(text: str, start: int) -> list[Line]:
    out = []
    pos = start
    for raw in text[start:].split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _to_text(text: str, ln: Line, a: int, b: int) -> tuple[int, int]:
    """Map offsets in a line's folded form back to the article text."""
    if len(ln.folded) == ln.end - ln.start:
        return ln.start + a, ln.start + b
    ta, tb = _MATCH.view(text[ln.start:ln.end]).span_to_text(a, b)
    return ln.start + ta, ln.start + tb


# an embedded post inside a paragraph (some pages run the post into the article's text):
# its address, signature and date are cut out, the paragraph stays
_INLINE_EMBED = re.compile(
    r"(?:https?://t\.co/\S+\s+)?pic\.twitter\.com/\S+"
    r"(?:\s+—\s+[^—\n]{1,80}?\(@[\w.]+\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4})?"
    r"|—\s+[^—\n]{1,80}?\(@[\w.]+\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}"
    r"|View this post on Instagram\s+A post shared by [^()\n]{1,60}\(@[\w.]+\)")


# an ad label run into a page whose paragraphs were merged: after a sentence's end, before
# the word that opens the next one («… في المدينة. إعلان وقال الوزير …»)
_INLINE_AD = re.compile(
    r"(?<=[.!?؟\"»”])\s+(?P<ad>" + "|".join(
        re.escape(w) for w in _DATA["labels"]["advertisement"] if _ARABIC.search(w))
    + r")(?=\s+(?:[وف]\w|(?:" + "|".join(
        re.escape(w) for w in _DATA["continuation_openers"] if len(w) > 1) + r")\s))")


_AD_WORD = "إعلان"
_TEASER = re.compile(r"^\s*(?:" + "|".join(map(re.escape, _DATA["teaser_markers"]))
                     + r")\s*(?:\.\.|…|:|\|)\s*\S")


def _classify(ln: Line) -> None:
    if len(ln.raw) > _MAX_LABEL_LINE:
        if _AD_WORD in ln.raw:  # a look for the word first: the pattern is slower
            ln.cuts = [(ln.start + m.start("ad"), ln.start + m.end("ad"), "advertisement")
                       for m in _INLINE_AD.finditer(ln.raw)]
        # prose: only a copyright notice or an embed can hide in a long line
        low = ln.raw.lower()
        for kind, words in _CONTAINS_RAW:
            if any(w in low for w in words):
                if kind == "embed":
                    # the post is cut out of the paragraph; an embed marker whose post
                    # cannot be delimited leaves the paragraph whole
                    ln.cuts = sorted(ln.cuts + [
                        (ln.start + m.start(), ln.start + m.end(), "embed")
                        for m in _INLINE_EMBED.finditer(ln.raw)])
                    break
                ln.kind = kind
                return
        # a link-back line is long for its address alone (prose is never folded here)
        if "://" in ln.raw or "www." in ln.raw:
            m = _WIRE_RULES.match(ln.folded.strip())
            ln.kind = "link" if m is not None and _wire_kind(m) == "link" else None
        return
    if _TEASER.match(ln.raw):
        ln.kind = "teaser"
        return
    s = ln.folded.strip()
    if not s:
        return
    for kind, test in _SHORT_LINE_RULES:
        m = test(s)
        if m:
            ln.kind = _wire_kind(m) if kind == "wire" else kind
            return
    bare = s.lstrip(_LEAD_PUNCT)
    if bare and bare != s and len(bare.split()) <= 3:
        for kind, test in _SHORT_LINE_RULES:
            if kind in _LABEL_KINDS and test(bare):
                ln.kind = kind
                return
    credit = s.rstrip(":")
    if "/" in credit and credit not in _CREDITS:  # «المثال24/ أ ف ب»: outlet and agency
        site, _, agency = credit.rpartition("/")
        credit = agency.strip() if len(site.split()) <= 3 else credit
    if credit in _CREDITS:
        ln.kind = "credit"
        lead = len(ln.folded) - len(ln.folded.lstrip())
        ln.fields["agency"] = (_CREDITS[credit], lead, lead + len(s))
        return
    if _field_line(ln, s):
        return
    if len(s) <= _MAX_AGO_LINE and s.split(" ", 1)[0] in AGO_OPENERS \
            and time_ago(s) is not None:
        ln.kind = "time_ago"  # «منذ ساعتين»: the page's stamp, not the story's time
        lead = len(ln.folded) - len(ln.folded.lstrip())
        ln.fields["time_ago"] = (s, lead, lead + len(s))
        return
    kind = whole_line_date(s)
    if kind:
        ln.kind = kind
        lead = len(ln.folded) - len(ln.folded.lstrip())
        ln.fields["crawled" if kind == "crawl_header" else "published"] = (
            s, lead, lead + len(s))


def _field_line(ln: Line, s: str) -> bool:
    """A line made only of "label: value" fields (one, or several joined by |)."""
    parts = s.split("|")
    found: dict[str, tuple[str, int, int]] = {}
    offset = len(ln.folded) - len(ln.folded.lstrip())
    for part in parts:
        p = part.strip()
        lead = len(part) - len(part.lstrip())
        hit = None
        for name, rx in _FIELDS:
            m = rx.match(p)
            if m and _plausible(name, m.group("v")):
                a = offset + lead + m.start("v")
                hit = (name, (m.group("v"), a, a + len(m.group("v"))))
                break
        if not hit:
            return False
        found.setdefault(hit[0], hit[1])
        offset += len(part) + 1
    ln.kind = "meta_line" if len(found) > 1 else next(iter(found))
    ln.fields = found
    return True


def _plausible(name: str, value: str) -> bool:
    value = value.strip()
    if name == "views":
        return parse_views(value) is not None
    if name == "article_id":
        return bool(re.fullmatch(r"[\w\-/#.]{1,40}", value)) and any(c.isdigit() for c in value)
    if name in ("published", "updated"):
        return line_date(value) is not None
    if name in ("author", "outlet", "content_type"):
        return 0 < len(value.split()) <= 6
    return bool(value)


# kinds of line that can also be a piece of a sentence some pages break over lines (a
# linked name or date on a line of its own: «وقال مراسل\nرويترز\nإن …», «منذ\nأكتوبر 2023\n…»)
_FRAGMENT_KINDS = frozenset({"date_line", "credit", "time_ago"})
_SENTENCE_END = tuple('.!?؟:"»”)…')
_CONTINUES = tuple("،,.;؛:)")


def _keep_sentence_fragments(lines: list[Line]) -> None:
    """A date or an agency name alone on a line is furniture only when it stands alone:
    not after a line of the story that stops mid-sentence, not before a line that goes on
    with a comma, not ending with a comma itself."""
    found = [k for k, ln in enumerate(lines) if ln.kind in _FRAGMENT_KINDS]
    if not found:
        return
    content = [ln for ln in lines if not ln.blank]
    where = {id(ln): k for k, ln in enumerate(content)}
    for i in found:
        ln = lines[i]
        k = where[id(ln)]
        s = ln.raw.strip()
        prev = content[k - 1] if k else None
        nxt = content[k + 1] if k + 1 < len(content) else None
        if k == 1 and ln.kind in ("date_line", "time_ago") and _headline_like(prev.raw):
            prev = None  # the page's headline, then its dateline («المدينة 3 مايو 2021 م»)
        if s.endswith(("،", ",")) or s.startswith(_CONTINUES) \
                or prev is not None and prev.kind is None and _ARABIC.search(prev.raw) \
                and not prev.raw.rstrip().endswith(_SENTENCE_END) \
                or nxt is not None and nxt.kind is None and nxt.raw.lstrip().startswith(_CONTINUES):
            ln.kind = None
            ln.fields = {}


def _mark_comment_policy(lines: list[Line]) -> None:
    """A site's comment policy, disclaimer, app promotion, contact line or reprint credit
    among the last lines of the page (short lines: prose is never folded here)."""
    tail = [ln for ln in lines if not ln.blank][-_COMMENT_POLICY_LINES:]
    for ln in tail:
        if ln.kind is None and len(ln.raw) <= _MAX_LABEL_LINE:
            ln.kind = _end_notice(ln.folded)
    content = [ln for ln in tail if ln.kind is None]
    # «* استشاري طب الأطفال»: a footnote on the author closing an opinion piece
    if len(content) > 1 and content[-1].raw.lstrip().startswith("*") \
            and len(content[-1].raw.split()) <= _REPRINT_MAX_WORDS + 1 \
            and not content[-1].raw.rstrip().endswith((".", "؟", "?", "!")):
        content[-1].kind = "author_note"


def _end_notice(folded: str) -> str | None:
    if _COMMENT_POLICY.search(folded):
        return "comment_policy"
    first = folded.strip().lstrip("\"'«“ ").split(" ", 1)[0]
    if first in _OPENERS or first[:1] in _OPENERS:
        return None  # «وقال إن …»: a sentence of the story that uses the same words
    if (m := _END_NOTICES.search(folded)) is not None:
        return m.lastgroup
    words = len(folded.split())
    if words <= _CONTACT_MAX_WORDS and _EMAIL.search(folded):
        return "contact"
    if words <= _REPRINT_MAX_WORDS and _REPRINT.match(folded):
        return "credit"
    return None


def _cut_link_tails(article: Article, lines: list[Line]) -> None:
    """«… في العاصمة. رابط الخبر بصحيفة المثال: عنوان الخبر»: a link-back line glued to
    the end of a paragraph is furniture from its label on."""
    for ln in lines:
        if ln.kind is not None or not any(map(ln.raw.__contains__, _LINK_TAIL_NEEDLES)) \
                or _LINK_TAIL_WORDS.search(ln.raw) is None:
            continue
        m = _LINK_TAIL.search(ln.folded)
        if m is None:
            continue
        a, _ = _to_text(article.text, ln, m.start(), m.end())
        while a < ln.end and article.text[a].isspace():
            a += 1
        ln.cuts = [c for c in ln.cuts if c[1] <= a] + [(a, ln.end, "link")]


def _cut_line_prefix(article: Article, lines: list[Line]) -> None:
    """A share or navigation bar glued in front of the first line of the article."""
    first = next((ln for ln in lines if ln.kind is None and not ln.blank), None)
    # a look at the raw line first: folding a whole long paragraph costs
    if first is None or not first.raw.lstrip()[:40].lower().startswith(_LINE_PREFIX_STARTS) \
            or len(first.folded) != len(first.raw):
        return
    m = _LINE_PREFIX.match(first.folded)
    if m is None:
        return
    article.add("boilerplate", first.start, first.start + m.end(), "share")
    first.body_from = first.start + m.end()
    while first.body_from < first.end and article.text[first.body_from].isspace():
        first.body_from += 1


def _mark_top_byline(lines: list[Line]) -> None:
    """«عين المثال – متابعات», «سالم علي – جدة» alone on the first line of a story whose
    headline came with the input: a byline or dateline, not the article."""
    first = next((ln for ln in lines if ln.kind is None and not ln.blank), None)
    if first is None or len(first.raw) > 90 or len(first.folded) != len(first.raw):
        return
    s = first.folded[first.body_from - first.start:].strip()
    if len(s.split()) <= _TOP_BYLINE_WORDS and _TOP_BYLINE.match(s):
        first.kind = "byline"


def _mark_read_also(lines: list[Line]) -> None:
    """After a «اقرأ أيضا» label: list markers and short headline lines until prose resumes."""
    i = 0
    while i < len(lines):
        if lines[i].kind != "read_also":
            i += 1
            continue
        j = i + 1
        saw_marker = False
        # «اقرأ أيضا: عنوان» carries its own headline: the line after it is the story's
        label = lines[i].folded.strip().lstrip(_LEAD_PUNCT)
        m = _READ_ALSO.match(label)
        alone = m is not None and not label[m.end():].strip()
        while j < len(lines):
            ln = lines[j]
            if ln.blank:
                j += 1
                continue
            if ln.kind == "list_marker":
                saw_marker = True
                if re.match(r"^end\s+of\s+list", ln.folded.strip()):
                    j += 1
                    break
                j += 1
                continue
            if ln.kind is None and _headline_like(ln.folded) and (saw_marker or alone):
                # a bare label heads a list: every headline line after it until prose
                ln.kind = "related_headline"
                j += 1
                continue
            break
        i = max(j, i + 1)


_QUESTION_END = ("؟", "?")
_TEASER_MIN_WORDS = int(_DATA["question_teaser_min_words"])
_PROSE_MIN_WORDS = int(_DATA["question_teaser_prose_words"])
_MARKED = re.compile(r"^[\W\d_]")  # a bullet, a dash or a number: a list or an interview
_INNER_STOP = re.compile(r"[.!؟?:؛]\s|\.\.|…|[،,]")
_BACK_REFERENCES = frozenset(fold(w) for w in _DATA["question_teaser_back_references"])
_CLITICS = re.compile(r"^(?:[وف]?(?:[بلك]|لل)?)(?:ال)?")


_FUNCTION_WORDS = frozenset(fold(w) for w in load("function_words")["words"])


def _stems(s: str) -> set[str]:
    """Content-word stems (clitics and article off, first four letters) of a folded line."""
    out = set()
    for w in _WORDS.findall(s):
        if w in _FUNCTION_WORDS:
            continue
        # the word as it stands too: «وزارة» is no «و» before «زارة»
        for form in (_CLITICS.sub("", w, count=1), "" if w.startswith("ال") else w):
            if len(form) >= 4 and not form.isdigit():
                out.add(form[:4])
    return out


def _mark_question_teasers(lines: list[Line]) -> None:
    """A link to another story phrased as a question, alone between two paragraphs of
    the article («ما مدى …؟» in the middle of the story). A subheading or an interview
    question is answered by the paragraph under it, which takes up its words, or it is
    marked (a bullet, a number, a dash), or it points back («عليه», «هذه»); a teaser is
    a whole headline (long enough to stand alone, one clause) and the story goes on past
    it with a continuation («وقال …»), on another subject."""
    content = [ln for ln in lines if not ln.blank]
    for k in range(1, len(content) - 1):
        ln, prev, nxt = content[k], content[k - 1], content[k + 1]
        s = ln.folded.strip()
        if ln.kind is not None or prev.kind is not None or nxt.kind is not None \
                or not s.endswith(_QUESTION_END) or _MARKED.match(s):
            continue
        words = s.split()
        if not _TEASER_MIN_WORDS <= len(words) <= 20 or _INNER_STOP.search(s[:-1]) \
                or words[0] in _OPENERS or words[0][:1] in ("و", "ف") \
                or any(w.rstrip("؟?") in _BACK_REFERENCES for w in words):
            continue
        before, after = prev.raw.strip(), nxt.folded.strip()
        if len(before.split()) < _PROSE_MIN_WORDS or not before.endswith(_SENTENCE_END) \
                or len(after.split()) < _PROSE_MIN_WORDS:
            continue
        opener = after.split()[0]
        if not (opener in _OPENERS or opener[:1] == "و" and len(opener) >= 4):
            continue
        first_clause = re.split(r"[.،,:؛]", after, maxsplit=1)[0]
        if _stems(s) & _stems(first_clause):
            continue
        ln.kind = "related_headline"


def _mark_related_tail(lines: list[Line]) -> None:
    """Teasers of other stories appended after the article: a run of standalone leads
    (no continuation opener), most of them dated by a weekday, the first one always."""
    content = [ln for ln in lines if not ln.blank]
    run: list[tuple[Line, bool]] = []
    for ln in reversed(content):
        if ln.kind is not None:
            if run:
                break
            continue
        s = ln.folded.strip().lstrip("\"'«“ ")
        if s.startswith(_OPENERS) or len(s.split()) > 80:
            break
        run.append((ln, bool(_WEEKDAY.search(s))))
    while run and not run[-1][1]:
        run.pop()
    dated = sum(1 for _, has_day in run if has_day)
    body_left = sum(1 for ln in content if ln.kind is None) - len(run)
    if dated >= _RELATED_TAIL_MIN and body_left >= 2:
        for ln, _ in run:
            ln.kind = "related_lead"


_DATELINE_NAMES = {fold(k): v for k, v in _DATA["dateline_names"].items()}
_OUTLETS = {fold(w): w for w in load("media_outlets")["outlets"]}
_PLACE_WORDS = int(_DATA["dateline_place_words"])
# an outlet named after a city («الرياض», «المدينة») cannot open a dateline: there it is the place
_PLACES = frozenset(fold(w) for ws in load("gazetteer_places").values() for w in ws)
# on the folded line (« » fold to "): «المدينة (الاسم) -», «(الاسم)--», «المدينة - "الاسم":»,
# and the agency first: «الاسم - المدينة:»
_DATELINE = re.compile(
    r"^(?:[^\W\d][^()\n\"]*?\s*)?\((?P<paren>[^()\n]{1,30})\)\s*[-–—:]"
    r"|^[^\W\d][^\"\n:]*?\s[-–—]\s*\"(?P<quoted>[^\"\n]{1,30})\"\s*[:-]"
    r"|^(?P<first>[^\W\d][^\n()\"\-–—:،]{0,25}?)\s*[-–—]\s*[^\W\d][^\n()\"\-–—:،]{0,25}?\s*:")


def _dateline_outlet(name: str) -> str | None:
    name = name.strip()
    return _DATELINE_NAMES.get(name) or _CREDITS.get(name) or _OUTLETS.get(name)


def _read_dateline(text: str, lines: list[Line]) -> None:
    """The outlet or agency named in the dateline that opens the story: the article's
    agency (the line stays in the body)."""
    # the first paragraph or, after a one-line credit or note the page puts first, the second
    leads = [ln for ln in lines if not ln.blank and ln.kind is None][:2]
    found = next(((ln, m) for ln in leads if (m := _DATELINE.match(ln.folded.lstrip()))), None)
    if found is None:
        return
    lead, m = found
    s = lead.folded
    group = next(g for g in ("paren", "quoted", "first") if m.group(g) is not None)
    place = s.lstrip()[:m.start(group)]
    if len(re.findall(r"\w+", place)) > _PLACE_WORDS:
        return
    outlet = _dateline_outlet(m.group(group))
    if outlet is None or (group == "first" and m.group(group).strip() in _PLACES):
        return
    shift = len(s) - len(s.lstrip())
    a, b = _to_text(text, lead, shift + m.start(group), shift + m.end(group))
    lead.fields["dateline_agency"] = (outlet, a, b)


def _headline_like(s: str) -> bool:
    s = s.strip()
    words = len(s.split())
    return 2 <= words <= 20 and not s.endswith((".", ":", "،"))


def _mark_edges(lines: list[Line], n: int) -> None:
    """Latin-only short lines at the top or bottom of an Arabic page: site headers."""
    content = [ln for ln in lines if not ln.blank]
    edge = content[:_EDGE_LINES] + content[-_EDGE_LINES:]
    for ln in edge:
        s = ln.folded.strip()
        if ln.kind is None and not _ARABIC.search(s) and len(s.split()) <= 4 \
                and not any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
            ln.kind = "site_header"


def _headline_like(line: str) -> bool:
    """3 to 30 words that do not end as a sentence or a label does."""
    title = line.strip()
    words = len(_WORDS.findall(title))
    return 3 <= words <= 30 and not (title.rstrip("\"'»”)").endswith((".", ":", "،"))
                                     and not title.endswith(".."))


def _find_title(article: Article, lines: list[Line]) -> None:
    """The first content line is the headline when it reads like one."""
    content = [ln for ln in lines if not ln.blank and ln.kind is None]
    if len(content) < 2:
        return
    ln = content[0]
    if any(x.kind is None and not x.blank for x in lines[:lines.index(ln)]):
        return
    raw = article.text[ln.start:ln.end]
    a, b = ln.start + len(raw) - len(raw.lstrip()), ln.start + len(raw.rstrip())
    m = _LIST_NUMBER.match(article.text, a, b)
    if m and m.end() < b:
        article.add("boilerplate", a, m.end(), "list_number")
        a = m.end()
    site = _site_suffix(article.text[a:b])
    if site:
        cut = b - site
        article.add("boilerplate", cut, b, "site_name")
        suffix = article.text[cut:b]
        article.set_meta("outlet", suffix.strip(" -|–—"), "text:title_suffix",
                         article.spans("boilerplate")[-1])
        b = cut
    if not _headline_like(article.text[a:b]):
        return
    article.add("title", a, b, "title", source="text:first_line")
    ln.kind = "title"


def _find_byline(article: Article, lines: list[Line]) -> None:
    """«كتب سالم الرحبي: …» at the start of the first body line: the author, as furniture."""
    first = next((ln for ln in lines if ln.kind is None and not ln.blank), None)
    if first is None or len(first.folded) != len(first.raw):
        return
    m = _BYLINE.match(first.folded)
    if not m or len(m.group("v").split()) > _BYLINE_MAX_WORDS:
        return
    a, b = first.start + m.start("v"), first.start + m.end("v")
    span = article.add("boilerplate", first.start, first.start + m.end(), "byline")
    article.set_meta("author", article.text[a:b], "text:byline", span)
    first.body_from = first.start + m.end()


def _site_suffix(line: str) -> int:
    """Length of a " - Site Name" tail: short, after the last separator, Latin or titled."""
    for sep in _SITE_SEPARATORS:
        i = line.rfind(sep)
        if i <= 0:
            continue
        tail = line[i + len(sep):].strip()
        if tail and len(tail.split()) <= 4 and not _ARABIC.search(tail):
            return len(line) - i
    return 0


_SUMMARY = re.compile(rf"^(?:{_alternation(_DATA['summary_labels'])})\s*[:：]?$")
_FULL_TEXT = re.compile(rf"^(?:{_alternation(_DATA['full_text_labels'])})\s*[:：]?$")


def _summary_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines between a summary label and a full-text label after it."""
    out: set[int] = set()
    opened: int | None = None
    for k in [k for k, ln in enumerate(lines) if ln.kind == "section"]:
        s = lines[k].folded.strip()
        if _SUMMARY.match(s):
            opened = k
        elif opened is not None and _FULL_TEXT.match(s):
            out.update(range(opened + 1, k))
            opened = None
    return out


def _add_body(article: Article, lines: list[Line]) -> None:
    """Body spans: maximal runs of content lines (blank lines inside a run kept); a
    summary block repeated before the full text is a span of its own, labelled so."""
    text = article.text
    start: int | None = None  # where the open body span begins
    last_end = 0
    summary = _summary_lines(lines)
    label = "body"

    def close(end: int, trim: bool) -> None:
        nonlocal start
        if start is not None:
            if trim:  # a cut inside a line: the span stops at the text before it
                while end > start and text[end - 1].isspace():
                    end -= 1
            if end > start:
                article.add("body", start, end, label)
        start = None

    for k, ln in enumerate(lines):
        if ln.kind is not None:
            if not ln.blank:
                close(last_end, False)
            continue
        if ln.blank:
            continue
        if summary:
            if start is not None and (k in summary) != (label == "summary"):
                close(last_end, False)
            label = "summary" if k in summary else "body"
        if start is None:
            start = ln.body_from
        for a, b, _ in ln.cuts:
            close(a, True)
            start = b
            while start < ln.end and text[start].isspace():
                start += 1
        last_end = ln.end
        if start is not None and start >= ln.end:
            start = None  # the line ended in a cut
    close(last_end, False)
