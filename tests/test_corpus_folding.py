"""Search folding: the query and the text reduce to the same terms, checked through a real
FTS5 index. Sentences are our own. The Lucene table holds cases where Lucene's Arabic
analyzer (ArabicNormalizer + ArabicStemmer, emulated below from its published rules) does
not match and ours does."""
from __future__ import annotations

import re
import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from khabar.corpus.folding import index_text, stem, terms, word_terms
from khabar.corpus.schema import FTS_TOKENIZER
from khabar.corpus.search import QueryError, marks, parse


def fts_hits(query: str, sentences: list[str]) -> list[int]:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{FTS_TOKENIZER}')")
    db.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)",
                   [(i, index_text(s)) for i, s in enumerate(sentences)])
    fts = parse(query).fts
    if not fts:  # nothing to match: the store then applies no full-text condition
        return list(range(len(sentences)))
    return [r[0] for r in db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid",
                                     (fts,))]


# (query, a sentence that must be found): clitics, hamza, diacritics, digits, invisibles
FOUND = [
    ("الرئيس", "وصل رئيس البلدية إلى الاجتماع متأخرا"),
    ("رئيس", "قال الرئيس إن الموازنة جاهزة"),
    ("الرئيس", "التقى الوزير بالرئيس في القصر"),
    ("الرئيس", "وللرئيس رأي آخر في المسألة"),
    ("المدرسة", "ذهب الأطفال إلى مدرستهم... لا، إلى المدرسة الجديدة"),
    ("مدرسة", "وفي المدرسة تعلموا الحساب"),
    ("أحمد", "قال احمد إن الطريق مغلق"),
    ("إسرائيل", "أعلنت اسرائيل إغلاق المعبر"),
    ("آمال", "عقدت امال كبيرة على الموسم"),
    ("مسؤول", "صرح مسؤولٌ في البلدية بأن المياه ستعود"),
    ("مكتبة", "افتتحت المَكْتَبَةُ أبوابها صباحاً"),
    ("الجميلة", "زرنا القريـــة الجميـــلة"),
    ("مستشفى", "نقل الجرحى إلى مستشفي المدينة"),
    ("2024", "أقيم المهرجان في عام ٢٠٢٤م"),
    ("١٥", "حضر 15 مشاركا"),
    ("1400", "في سنة ۱۴۰۰ هجرية"),
    ('"وزير الزراعة"', "وقال وزير الزراعة إن المحصول وفير"),
    ('"وزير الزراعة"', "التقى الصحفيون بوزير الزراعة أمس"),
    ("السوق AND المدينة", "ازدحم السوق في وسط المدينة"),
    ("الزيتون OR البرتقال", "ارتفع سعر البرتقال هذا الشتاء"),
    ("المطر NOT الثلج", "هطل المطر طوال الليل"),
]


@pytest.mark.parametrize("query,sentence", FOUND)
def test_query_finds_sentence(query, sentence):
    assert fts_hits(query, [sentence]) == [0]


NOT_FOUND = [
    ('"وزير الزراعة"', "قال الوزير إن الزراعة تحتاج دعما"),  # a phrase keeps its order
    ("المطر NOT الثلج", "هطل المطر ثم تساقط الثلج"),
    ("السوق AND المدينة", "ازدحم السوق في القرية"),
    ("ولد", "وقف الوالد أمام البيت"),  # a short word keeps its first letter
]


@pytest.mark.parametrize("query,sentence", NOT_FOUND)
def test_query_does_not_find_sentence(query, sentence):
    assert fts_hits(query, [sentence]) == []


def test_marks_point_at_the_original_words():
    text = "وقـال وزيرُ الزراعة: إن المَوسم جيد، وبالمَوسم المقبل خير"
    got = [text[a:b] for a, b in marks(text, parse("الموسم"))]
    assert got == ["المَوسم", "وبالمَوسم"]
    got = [text[a:b] for a, b in marks(text, parse('"وزير الزراعة"'))]
    assert got == ["وزيرُ", "الزراعة"]


def test_query_syntax_is_never_passed_through():
    assert parse('كلمة" OR NEAR(').fts.count('"') % 2 == 0
    with pytest.raises(QueryError):
        parse("NOT المطر")
    assert parse("").fts == ""


@settings(max_examples=1000)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى", min_size=3, max_size=8),
       st.sampled_from(["", "و", "ب", "ل", "ال", "وال", "بال", "لل", "ف", "فال", "وب"]))
def test_a_proclitic_never_changes_the_term(word, clitic):
    """With or without a proclitic, a word of three letters or more has one term."""
    base = word_terms(word)
    if len(base) == 1 and len(base[0]) >= 3:
        glued = word_terms(clitic + word)
        if clitic.endswith("ل") and word.startswith("ل"):
            # «ل» + «ال» is written «لل»: «للبن» may be «ل» + «لبن» or «لل» + «بن»; the
            # article reading wins, so a 3-letter word starting with «ل» is the one miss
            return
        assert glued == base


# ------------------------------------------------------------ Lucene's Arabic analyzer
_LUCENE_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
                          r"\u200b-\u200f\u2060\ufeff\u061c]+")
_PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "و"]
_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"]


def lucene(text: str) -> list[str]:
    """StandardTokenizer (format characters stay inside a word), LowerCaseFilter,
    DecimalDigitFilter, ArabicNormalizationFilter, ArabicStemFilter."""
    out = []
    for tok in _LUCENE_WORD.findall(text.lower()):
        tok = "".join(str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c
                      for c in tok)
        tok = "".join({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}.get(c, c) for c in tok
                      if c != "\u0640" and not "\u064b" <= c <= "\u0652")
        for p in _PREFIXES:
            if (len(p) > 1 or len(tok) >= 4) and len(tok) >= len(p) + 2 and tok.startswith(p):
                tok = tok[len(p):]
                break
        for s in _SUFFIXES:
            if len(tok) >= len(s) + 2 and tok.endswith(s):
                tok = tok[:-len(s)]
        out.append(tok)
    return out


def test_lucene_emulation_does_its_own_job():
    assert lucene("والمدرسة") == lucene("مدرسة")
    assert lucene("أحمد") == lucene("احمد")
    assert lucene("٢٠٢٤") == ["2024"]


LUCENE_FAILS = [
    # hamza carriers written bare
    ("مؤتمر", "عقد الموتمر الصحفي بعد الظهر"),
    ("رئيس", "وصل الرييس إلى المطار مساء أمس"),
    ("شؤون", "ناقش المجلس الشوون الداخلية للبلدية"),
    ("قائد", "تحدث القايد الميداني عن خطة الانسحاب"),
    ("الجزائر", "سافر الوفد إلى الجزاير لحضور القمة"),
    ("رؤية", "عرضت الشركة روية جديدة للسنوات الخمس المقبلة"),
    # alef wasla, wavy hamza
    ("الاتفاق", "وقع الطرفان ٱلاتفاق في العاصمة"),
    ("أحمد", "كرم النادي لاعبه ٲحمد"),
    # superscript alef
    ("هذا", "قال إن هٰذا القرار نهائي"),
    ("الرحمن", "افتتح مسجد عبد الرحمٰن في الحي الجديد"),
    ("لكن", "وافق الوزير لٰكن بشروط"),
    # Persian and Urdu letters
    ("علي", "استقبل المدير السيد علی في مكتبه"),
    ("كتاب", "صدر کتاب جديد عن تاريخ المدينة"),
    ("كرمان", "زار الوفد محافظة کرمان"),
    ("مدرسه", "افتتحت مدرسہ جديدة في القرية"),
    ("الملك", "استقبل الملڪ ضيوفه في القصر"),
    # invisible marks inside or at the edge of a word
    ("بيروت", "وصلت الطائرة إلى بيروت\u200f صباحا"),
    ("القاهرة", "انطلق الموكب من القا\u200bهرة"),
    ("دمشق", "عاد السفير إلى دمشق\u200e بعد غياب"),
    ("عمان", "عقد الاجتماع في \u061cعمان"),
    ("الحكومة", "أعلنت \ufeffالحكومة خطة جديدة"),
    ("نيويورك", "نشرت صحيفة نيو\u200cيورك تقريرا"),
    # presentation forms (NFKC)
    ("السلام", "رفع المتظاهرون لافتة كتب عليها ﺍﻟﺴﻼﻡ"),
    ("الله", "قال الشيخ إن ﷲ رحيم"),
    ("مرحبا", "ﻣﺮﺣﺒﺎ بكم في المعرض"),
    ("الأمل", "بقي ﺍﻷﻣﻞ رغم كل شيء"),
    # proclitics Lucene does not strip, or strips only one of
    ("جامعة", "درس الطالب بجامعة الملك"),
    ("سوريا", "عاد اللاجئون لسوريا بعد الحرب"),
    ("قلم", "كتب الطالب بقلم أحمر"),
    ("المستشفى", "نقل المصابون لمستشفى المدينة"),
    ("بيت", "وللبيت حرمة"),
    ("السوق", "وبالسوق الشعبي ازدحام"),
    ("مصر", "فلمصر تاريخ طويل"),
    ("الطريق", "وبطريق الساحل حوادث كثيرة"),
]


@pytest.mark.parametrize("query,sentence", LUCENE_FAILS)
def test_lucene_misses_and_we_find(query, sentence):
    assert not set(lucene(query)) <= set(lucene(sentence)), "Lucene would find this"
    assert fts_hits(query, [sentence]) == [0]


def test_the_lucene_table_is_big_enough():
    assert len(LUCENE_FAILS) >= 30


def test_terms_carry_original_offsets():
    text = "قال الرئيسُ: ﺍﻟﺴﻼﻡ"
    got = [(t.term, text[t.start:t.end]) for t in terms(text)]
    assert got == [("قال", "قال"), ("رييس", "الرئيسُ"), ("سلام", "ﺍﻟﺴﻼﻡ")]
    assert stem("بالمدرسه") == "مدرسه"


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةىٱی ک١٢3ABcd \u064e\u0651\u0670"
                        "\u0640\u200c\u200f\ufeffﻻﷲﺍﻟ،.«»-", max_size=40))
def test_the_index_folds_a_text_as_the_query_folds_its_words(text):
    assert index_text(text) == " ".join(t.term for t in terms(text))


@pytest.mark.parametrize("query", [
    "إيران AND (النووي OR الاتفاق)", "(المطر OR", "المطر (الثلج OR البرد)", "المطر )) الثلج",
    "()", "المطر OR", 'كلمة"أخرى', '"بلا نهاية', "AND OR المطر", "المطر NOT (الثلج OR البرد)",
    "(((المطر", "NEAR(المطر الثلج)", "المطر* ^الثلج", "المطر:الثلج", "٪٪ ؟؟",
])
def test_messy_queries_are_valid_fts5(query):
    fts_hits(query, ["هطل المطر ثم تساقط الثلج"])  # no syntax error from FTS5


def test_a_long_text_is_cut_around_its_first_match():
    from khabar.corpus.search import snippet_for

    text = "كلام تمهيدي طويل " * 40 + "ثم وصل وزيرُ الزراعة إلى القرية " + "وكلام آخر " * 40
    snip, spans = snippet_for(text, parse('"وزير الزراعة"'))
    assert len(snip) < 300 and snip.startswith("…") and snip.endswith("…")
    assert [snip[a:b] for a, b in spans] == ["وزيرُ", "الزراعة"]


def test_the_match_folding_maps_each_character_to_at_most_one():
    # the fast path of index_text folds code-point arrays: one character in, one or none out
    from khabar.normalize import NORMALIZERS
    table = NORMALIZERS["match"]._table
    assert all(v is None or isinstance(v, int) or len(v) == 1 for v in table)


@given(st.text(alphabet="ابةىأإؤئـ\u064e\u0651\u200cﻻﷲ٢٠2024مİẞΣσ²½ABCxyz_-.\u00a0 𝐀𝟚\ud800ςΣ",
               max_size=60))
def test_the_fast_folding_path_equals_the_plain_one(text):
    import unicodedata
    from khabar.corpus.folding import _MATCH, _PIECES, _fast_pieces
    folded = _MATCH.fold(text)
    if not unicodedata.is_normalized("NFKC", folded):
        folded = _MATCH.fold(unicodedata.normalize("NFKC", folded))
    plain = _PIECES.findall(folded.lower().replace("ς", "σ"))
    fast = _fast_pieces(text)
    assert fast is None or fast == plain
    assert index_text(text) == " ".join(t.term for t in terms(text))


@given(st.text(alphabet="ابةىأإؤئـ\u064e\u0651\u200cﻻﷲ٢٠2024مİẞΣσ²½ABCxyz_-.\u00a0 𝐀𝟚ςΣ"
                        "\u06cc\u06a9\u0671«»،؛؟!ÀÉçñ\u0300ǅⅫ\u2160",
               max_size=60))
@settings(max_examples=300)
def test_the_fts_tokenizer_reads_the_index_terms_as_they_are(text):
    # the store's tables hand FTS5 nothing to fold or cut but the spaces between terms
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='{FTS_TOKENIZER}')")
    db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, instance)")
    indexed = index_text(text)
    db.execute("INSERT INTO t(rowid, x) VALUES (1, ?)", (indexed,))
    got = [r[0] for r in db.execute("SELECT term FROM v ORDER BY offset")]
    assert got == indexed.split()


# texts that mix what folds apart: letters with marks and tatweel, invisibles, digits of
# three scripts touching letters, presentation forms (NFKC), Latin and Greek case (final
# sigma, a dotted capital I that lower case makes two characters), a character past the BMP
_STRETCHY = ("ابتةىأإؤئـ\u064e\u0651\u0670\u200c\u200f\ufeffﻻﷲﺍﻟ٢٠2024مİΣσςABCxyz_-.،«» "
             "\u00a0\n𝐀½ÀÉ\u0300")


@given(st.text(alphabet=_STRETCHY, max_size=80), st.lists(st.integers(0, 90), max_size=6),
       st.sampled_from([0, 600]))
@settings(max_examples=400)
def test_a_stretch_reads_the_terms_of_the_whole_text_as_folding_it_alone(text, cuts, fast_from):
    # the store reads a statement's index text off its article's (khabar.corpus.store)
    from khabar.corpus.folding import FoldedText
    whole = FoldedText(text, fast_from=fast_from)
    assert whole.text == index_text(text)
    assert whole.terms == index_text(text).split()
    cuts = sorted(min(c, len(text)) for c in cuts)
    for a, b in zip(cuts, cuts[1:] + [len(text)]):
        assert whole.stretch(a, b) == index_text(text[a:b]), (a, b)
    assert whole.stretch(0, len(text)) == index_text(text)


def test_a_stretch_is_read_off_the_whole_text_when_it_cuts_no_word():
    from khabar.corpus import folding
    text = "قالَ الوزيرُ إنّ الاجتماعَ سيُعقد في ٢٠٢٤م، وأضاف: «لا تأجيل بعد اليوم» " * 12
    whole = folding.FoldedText(text)
    assert whole._starts is not None  # the fast path, with offsets
    start = text.index("«") + 1
    end = text.index("»")
    calls = []
    plain = folding.index_text
    folding.index_text = lambda t: calls.append(t) or plain(t)
    try:
        got = whole.stretch(start, end)
        cut = whole.stretch(start + 1, end)  # inside «لا»: folded on its own
    finally:
        folding.index_text = plain
    assert got == plain(text[start:end]) == "لا تاجيل بعد يوم"
    assert cut == plain(text[start + 1:end]) and calls == [text[start + 1:end]]
