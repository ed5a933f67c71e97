"""Page furniture: one row per kind, each on a small page written for this test."""
from __future__ import annotations

import pytest

from khabar.document import Article
from khabar.furniture import annotate

BODY = ("أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، "
        "وقال وزير الزراعة إن الخطة ستبدأ الشهر المقبل.")
BODY2 = "وأضاف الوزير أن التمويل سيأتي من موازنة العام الحالي ومن منح خارجية."


def run(text: str, **given) -> Article:
    article = Article(text, given=given)
    annotate(article)
    return article


def kinds(article: Article) -> dict[str, str]:
    return {article.span_text(s).strip(): s.label for s in article.spans("boilerplate")}


def body(article: Article) -> str:
    return "\n".join(article.span_text(s) for s in article.spans("body"))


@pytest.mark.parametrize("line, kind", [
    ("۳۵۹مشاهدات", "views"),
    ("1,204 مشاهدة", "views"),
    ("عدد المشاهدات: 87", "views"),
    ("رمز الخبر: ۵۴۵۴۵", "article_id"),
    ("News ID: 4412", "article_id"),
    ("تاريخ النشر: 23 July 2021", "published"),
    ("تأريخ النشر: 23 تموز 2021", "published"),
    ("آخر تحديث: 24 يوليو 2021", "updated"),
    ("نوع المحتوى: مقال | تاريخ النشر: 2021-07-23 | المصدر: Example News", "meta_line"),
    ("رأيكم", "comments"),
    ("رایکم", "comments"),
    ("أضف تعليقك", "comments"),
    ("شارك", "share"),
    ("طباعة", "share"),
    ("إعلان", "advertisement"),
    ("Advertisement", "advertisement"),
    ("© 2021 جميع الحقوق محفوظة", "copyright"),
    ("جميع الحقوق محفوظة لموقع المثال", "copyright"),
    ("ملخص المقال:", "section"),
    ("المحتوى الكامل:", "section"),
    ("pic.twitter.com/abc123", "embed"),
    ("— Some Minister (@someminister) July 23, 2021", "embed"),
    ("مصدر الصورة", "caption"),
    ("و م ع", "credit"),
    ("Fri, 23 Jul 2021 10:15:00 GMT", "crawl_header"),
    ("-----------------", "separator"),
    ("رابط المقال الأصلي: https://www.example.net/news/2024/3/1/خبر-عن-المزارعين", "link"),
    ("رابط الخبر بصحيفة المثال: https://example.org/a/123", "link"),
    ("رابط المقال الأصلي: https://www.example.net/news/" + "قسم-" * 40 + "x", "link"),
    ("https://www.example.net/news/123", "link"),
    ("الكلمات المفتاحية: الزراعة، المزارعون، الدعم", "tags"),
    ("#الزراعة #الريف", "tags"),
    ("// انتهى //", "wire_marker"),
    ("// يتبع //", "wire_marker"),
    ("18:37 ت م", "time_stamp"),
    ("التعليقات المنشورة لا تعبر عن رأي الموقع", "comment_policy"),
])
def test_each_furniture_kind_is_found_and_kept_out_of_the_body(line, kind):
    art = run(f"{BODY}\n{line}\n{BODY2}")
    assert kinds(art).get(line) == kind
    assert line not in body(art)
    assert BODY in body(art) and BODY2 in body(art)


@pytest.mark.parametrize("line", [
    "الرابط بين القرارين واضح للجميع",
    "وقال الوزير إن الساعة 18:37 كانت موعد الاجتماع",
    "رابط الخبر الذي نشرته الصحيفة أثار جدلا واسعا بين القراء في المدينة",
])
def test_prose_that_looks_like_a_link_or_a_stamp_stays_in_the_body(line):
    art = run(f"{BODY}\n{line}\n{BODY2}")
    assert line in body(art)


def test_read_also_block_takes_its_list_and_headlines():
    text = (f"{BODY}\nاقرأ أيضا\nlist of 2 items\nlist 1 of 2\nافتتاح معرض للكتاب في المدينة\n"
            f"list 2 of 2\nارتفاع أسعار القمح عالميا\nend of list\n{BODY2}")
    art = run(text)
    k = kinds(art)
    assert k["اقرأ أيضا"] == "read_also"
    assert k["افتتاح معرض للكتاب في المدينة"] == "related_headline"
    assert k["ارتفاع أسعار القمح عالميا"] == "related_headline"
    assert k["end of list"] == "list_marker"
    assert BODY2 in body(art)


def test_read_more_line_with_its_headline():
    art = run(f"{BODY}\nللمزيد: افتتاح معرض للكتاب في المدينة\n{BODY2}")
    assert kinds(art)["للمزيد: افتتاح معرض للكتاب في المدينة"] == "read_also"


def test_latin_site_header_at_the_top():
    art = run(f"EXAMPLE.INFO\n\n{BODY}\n{BODY2}")
    assert kinds(art)["EXAMPLE.INFO"] == "site_header"


def test_latin_line_inside_the_story_is_not_a_header():
    lines = [BODY, BODY2, BODY, "Open Source", BODY2, BODY, BODY2]
    art = run("\n".join(lines))
    assert "Open Source" not in kinds(art)


# ------------------------------------------------------------------ metadata from furniture
def test_seed_like_page_gives_views_id_and_date_with_evidence():
    text = f"۳۵۹مشاهدات\n{BODY}\nرمز الخبر: ۵۴۵۴۵\nتأريخ النشر: 23 July 2021\n\n{BODY2}\n\nرایکم"
    art = run(text)
    assert art.meta("views") == 359
    assert art.meta("article_id") == "54545"
    assert art.meta("published") == "2021-07-23"
    ev = art.metadata["article_id"].span
    assert text[ev.start:ev.end] == "۵۴۵۴۵"
    assert art.metadata["views"].source == "text:view_counter"
    assert BODY in body(art) and "رایکم" not in body(art)


@pytest.mark.parametrize("date_text, iso", [
    ("23 July 2021", "2021-07-23"),
    ("2021-07-23", "2021-07-23"),
    ("23/07/2021", "2021-07-23"),
    ("23 تموز 2021", "2021-07-23"),
    ("23 يوليو 2021", "2021-07-23"),
    ("23 تموز/يوليو 2021", "2021-07-23"),
    ("٢٣ يوليو ٢٠٢١", "2021-07-23"),
    ("23 يوليوز 2021", "2021-07-23"),
    ("23 جويلية 2021", "2021-07-23"),
    ("23 juillet 2021", "2021-07-23"),
    ("الجمعة 23 تموز 2021", "2021-07-23"),
    ("۱۴۰۰/۰۵/۰۱", "2021-07-23"),
    ("13 ذو الحجة 1442 هـ", "2021-07-23"),
])
def test_publication_date_in_every_format(date_text, iso):
    art = run(f"تاريخ النشر: {date_text}\n{BODY}\n{BODY2}")
    assert (art.meta("published") or "")[:10] == iso


def test_a_date_that_does_not_exist_is_flagged_not_used():
    art = run(f"تاريخ النشر: 30 شباط 2021\n{BODY}\n{BODY2}")
    assert art.meta("published") is None
    assert any(i.code == "metadata.bad_date" for i in art.issues)


def test_publication_preferred_over_update_and_crawl_time():
    text = (f"Fri, 30 Jul 2021 10:15:00 GMT\nآخر تحديث: 25 تموز 2021\n"
            f"تاريخ النشر: 23 تموز 2021\n{BODY}\n{BODY2}")
    art = run(text)
    assert art.meta("published") == "2021-07-23"
    assert art.meta("updated") == "2021-07-25"
    assert art.meta("crawled", "").startswith("2021-07-30")
    assert "candidates" in art.metadata["published"].note


def test_crawl_time_is_never_the_publication_date():
    art = run(f"عنوان الخبر عن خطة الزراعة الجديدة\nFri, 30 Jul 2021 10:15:00 GMT\n{BODY}\n{BODY2}")
    assert art.meta("published") is None
    assert art.meta("crawled", "").startswith("2021-07-30")


def test_given_date_wins_over_the_text_and_says_so():
    art = run(f"تاريخ النشر: 23 تموز 2021\n{BODY}", published="Sat, 24 Jul 2021 08:00:00 +0000",
              given_sources={"published": "json:date"})
    assert art.meta("published").startswith("2021-07-24")
    assert art.metadata["published"].source == "given:json:date"


# ------------------------------------------------------------------ title
@pytest.mark.parametrize("first_line, title", [
    ("12. وزير الزراعة يعلن خطة لدعم المزارعين", "وزير الزراعة يعلن خطة لدعم المزارعين"),
    ("وزير الزراعة يعلن خطة لدعم المزارعين - Example News",
     "وزير الزراعة يعلن خطة لدعم المزارعين"),
    ("وزير الزراعة: الخطة تبدأ الشهر المقبل.. والتمويل مضمون",
     "وزير الزراعة: الخطة تبدأ الشهر المقبل.. والتمويل مضمون"),
])
def test_headline_line_becomes_the_title(first_line, title):
    art = run(f"{first_line}\n{BODY}\n{BODY2}")
    assert art.meta("title") == title
    assert title not in body(art)


@pytest.mark.parametrize("first_line", [
    BODY,  # a lead paragraph ending with a full stop is not a headline
    "الرباط",  # a one-word dateline
])
def test_no_title_where_the_page_has_no_headline(first_line):
    art = run(f"{first_line}\n{BODY2}\n{BODY}")
    assert art.meta("title") is None
    assert first_line in body(art)


def test_site_suffix_names_the_outlet():
    art = run(f"وزير الزراعة يعلن خطة لدعم المزارعين - Example News\n{BODY}\n{BODY2}")
    assert art.meta("outlet") == "Example News"


def test_related_story_teasers_at_the_end_are_furniture():
    teasers = ["أعلنت وزارة الصحة، الثلاثاء، افتتاح مستشفى جديد في الشمال.",
               "افتتح رئيس البلدية، الأحد، حديقة عامة وسط المدينة.",
               "قررت اللجنة الأولمبية، الإثنين، تأجيل البطولة إلى العام المقبل."]
    text = "\n".join([BODY, BODY2, BODY2] + teasers)
    art = run(text)
    for t in teasers:
        assert kinds(art).get(t) == "related_lead"
    assert BODY2 in body(art)


def test_story_paragraphs_that_continue_are_not_teasers():
    lines = [BODY, "وقال الوزير، الثلاثاء، إن الخطة جاهزة.", "وأكد، الأحد، أن التمويل متوفر.",
             "وأشار، الإثنين، إلى أن المزارعين رحبوا."]
    art = run("\n".join(lines))
    assert not [s for s in art.spans("boilerplate") if s.label == "related_lead"]


def test_given_title_span_is_the_title_and_body_follows():
    title = "عنوان معطى مع السجل"
    text = f"{title}\n\n{BODY}"
    art = run(text, title=title, title_span=(0, len(title)), body_start=len(title) + 2)
    assert art.meta("title") == title
    assert body(art) == BODY


@pytest.mark.parametrize("lead, author", [
    ("كتب سالم العبدلي: تنظم الوزارة معرضا للكتاب.", "سالم العبدلي"),
    ("حوار منى الخطيب: تعد الكاتبة من أبرز الأصوات.", "منى الخطيب"),
])
def test_byline_glued_to_the_lead_gives_the_author(lead, author):
    art = run(f"{lead}\n{BODY2}")
    assert art.meta("author") == author
    assert body(art).startswith(lead.split(": ", 1)[1])


def test_a_sentence_with_a_colon_is_not_a_byline():
    lead = "كتب الرئيس في رسالة طويلة إلى البرلمان والحكومة والشعب: إن الوضع صعب."
    art = run(f"{lead}\n{BODY2}")
    assert art.meta("author") is None and lead in body(art)


@pytest.mark.parametrize("raw, iso", [
    ("2022-11-03T09:30:00+03:00", "2022-11-03T09:30:00+03:00"),
    ("2022-11-03T06:30:00Z", "2022-11-03T06:30:00+00:00"),
    ("Wed, 05 Jun 2019 06:12:30 +0000", "2019-06-05T06:12:30+00:00"),
    ("2018-08-14", "2018-08-14"),
    ("14 آب 2018", "2018-08-14"),
])
def test_given_dates_keep_their_time_and_zone(raw, iso):
    art = run(BODY, published=raw)
    assert art.meta("published") == iso


def test_an_impossible_given_date_is_flagged():
    art = run(BODY, published="2021-02-30")
    assert art.meta("published") is None
    assert any(i.code == "metadata.bad_given_date" for i in art.issues)


# ---------------------------------------------------------------- notices after the article
@pytest.mark.parametrize("line, kind", [
    ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", "disclaimer"),
    ("الآراء الواردة لا تعبر بالضرورة عن رأي الموقع", "disclaimer"),
    ("يمكنكم استلام إشعارات بأهم الأخبار بعد تحميل أحدث نسخة من تطبيق المثال على هواتفكم.",
     "promo"),
    ("تابعونا على منصات التواصل الاجتماعي", "promo"),
    ("للتواصل مع الكاتب أرسل رسالة تبدأ بالرمز (7) ثم مسافة ثم نص الرسالة إلى 12345", "contact"),
    ("لمراسلة الكاتب: salem@example.org", "contact"),
    ("salem.writer@example.org", "contact"),
    ("*نقلاً عن صحيفة المثال اليومية", "credit"),
    ("* خدمة «المثال بوست»", "credit"),
    ("نقلا عن المثال", "credit"),
    ("المثال24/ أ ف ب", "credit"),
    ("...المزيد", "read_also"),
    ("* إعلان", "advertisement"),
    ("18:37 ت م NNNN", "time_stamp"),
    ("NNNN", "wire_marker"),
    ("رابط الخبر بصحيفة المثال: المزارعون يستقبلون الخطة الجديدة بالترحيب", "link"),
    ("قد يهمك أيضا: كيف تستعد المدن الساحلية لموسم الأمطار؟", "read_also"),
    ("قد يهمك/ ما هي أكبر مزرعة شمسية في المنطقة؟", "read_also"),
    ("شاهد.. لحظة افتتاح أكبر مزرعة شمسية في المنطقة", "teaser"),
    ("بالصور: موسم الحصاد في القرى الجبلية", "teaser"),
    ("فيديو | المزارعون يعودون إلى حقولهم", "teaser"),
    ("اقرأ.. كيف تختار المدن الساحلية مواقع محطات التحلية؟", "teaser"),
    ("أيضاً.. ما الذي يبحث عنه الموظفون في مكان العمل الجديد؟", "teaser"),
    ("انفوجرافيك.. أكبر خمسة موانئ في المنطقة", "teaser"),
])
def test_notices_and_credits_after_the_article_are_furniture(line, kind):
    art = run(f"{BODY}\n{BODY2}\n{line}")
    assert kinds(art).get(line) == kind
    assert line not in body(art)
    assert BODY in body(art) and BODY2 in body(art)


@pytest.mark.parametrize("line", [
    "وقال الوزير إن الآراء تعبر عن رأي كاتبها وحده، مضيفا أن الحكومة لم تتدخل في النقاش الدائر.",
    "وأضاف أن الوزارة ستعمل نقلا عن توصيات اللجنة الفنية على توسيع البرنامج ليشمل مناطق أخرى.",
    "* دعم أسعار الأسمدة والبذور للمزارعين الصغار في المناطق الريفية النائية هذا العام",
    "شاهد عيان قال إن الطريق أغلق منذ الصباح الباكر أمام حركة الشاحنات.",
    "فيديو نشره ناشطون يظهر الحقول بعد الفيضان، وقال المزارعون إن الخسائر كبيرة.",
    "أيضا قال الوزير إن البرنامج سيتوسع ليشمل القرى الجبلية في الربيع المقبل.",
    "اقرأ المقال كاملا في العدد المقبل من المجلة الزراعية الشهرية.",
])
def test_prose_with_the_same_words_stays_in_the_body(line):
    art = run(f"{BODY}\n{BODY2}\n{line}")
    assert line in body(art)


def test_an_author_footnote_closing_the_piece_is_furniture():
    art = run(f"{BODY}\n{BODY2}\n* أستاذ الاقتصاد الزراعي")
    assert kinds(art).get("* أستاذ الاقتصاد الزراعي") == "author_note"
    assert BODY2 in body(art)


# ---------------------------------------------------------------- glued to the article's lines
@pytest.mark.parametrize("tail", [
    "رابط الخبر بصحيفة المثال: المزارعون يستقبلون الخطة",
    "رابط المقال الأصلي: https://example.org/a/1",
])
def test_a_link_back_line_glued_to_the_last_paragraph_is_cut_off(tail):
    art = run(f"{BODY}\n{BODY2} {tail}")
    assert BODY2 in body(art) and tail not in body(art)
    assert body(art).endswith(BODY2)
    assert kinds(art).get(tail) == "link"


@pytest.mark.parametrize("prefix", [
    "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك",
    "Next Previous",
])
def test_a_share_bar_glued_before_the_first_line_is_cut_off(prefix):
    art = run(f"{prefix} {BODY}\n{BODY2}")
    assert body(art).startswith(BODY)
    assert prefix not in body(art)


@pytest.mark.parametrize("line", [
    "عين المثال – متابعات",
    "سالم الراشد – جدة",
    "المثال – الرياض",
])
def test_a_byline_line_over_a_story_with_a_given_headline_is_furniture(line):
    text = f"عنوان الخبر\n{line}\n{BODY}\n{BODY2}"
    art = run(text, title_span=(0, 10), body_start=11)
    assert line not in body(art) and body(art).startswith(BODY)


def test_a_first_line_with_a_dash_that_reads_as_prose_stays():
    line = "الحكومة تعلن خطة جديدة للمزارعين – والوزير يعد بتمويل سريع من الموازنة العامة"
    text = f"عنوان الخبر\n{line}\n{BODY}"
    art = run(text, title_span=(0, 10), body_start=11)
    assert line in body(art)


# ---------------------------------------------------------------- pieces of a broken sentence
@pytest.mark.parametrize("page, piece", [
    # a page that puts linked names and dates on lines of their own
    (f"{BODY}\nوقال مراسل\nرويترز\nإن الطريق أغلق صباحا.", "رويترز"),
    (f"{BODY}\nوتصاعدت المواجهات منذ السابع من\nأكتوبر/تشرين الأول 2023\nفي المنطقة.",
     "أكتوبر/تشرين الأول 2023"),
    (f"ملخص المقال:\n{BODY}\nالمحتوى الكامل:\nصباح الاثنين، الثالث من مارس/آذار 2025،\n"
     "أعلنت الحكومة خطة جديدة.", "صباح الاثنين، الثالث من مارس/آذار 2025،"),
    (f"{BODY}\nوأعلنت\nالأناضول\n، نقلا عن مصادر محلية، أن الطريق أغلق.", "الأناضول"),
])
def test_a_date_or_an_agency_inside_a_broken_sentence_stays_in_the_body(page, piece):
    art = run(page)
    assert piece in body(art)


@pytest.mark.parametrize("page, line", [
    (f"و م ع\n{BODY}\n{BODY2}", "و م ع"),
    (f"{BODY}\n— وزير المثال (@example)\nOctober 7, 2023\n{BODY2}", "October 7, 2023"),
    (f"{BODY}\n2023-10-07\n{BODY2}", "2023-10-07"),
])
def test_a_date_or_an_agency_standing_alone_is_still_furniture(page, line):
    art = run(page)
    assert line not in body(art)


# ---------------------------------------------------------------- a post run into a paragraph
LONG = ("وقال المتحدث باسم الوزارة إن الفرق الميدانية تواصل عملها منذ ساعات الصباح الأولى "
        "في الأحياء المتضررة، وإن الأولوية الآن لإيواء العائلات التي فقدت منازلها.")


@pytest.mark.parametrize("post", [
    "pic.twitter.com/AbCd1234 — وزارة المثال (@example_min) October 12, 2025",
    "https://t.co/XyZ987 pic.twitter.com/AbCd1234 — Example Org (@example) March 3, 2024",
    "View this post on Instagram A post shared by المثال (@example.news)",
])
def test_a_post_run_into_a_paragraph_is_cut_out_and_the_paragraph_stays(post):
    art = run(f"{BODY}\n{LONG} {post} {BODY2}")
    text = body(art)
    assert LONG in text and BODY2 in text and BODY in text
    assert post not in text
    assert any(art.span_text(s) == post and s.label == "embed"
               for s in art.spans("boilerplate"))


def test_a_long_paragraph_with_an_undelimited_post_marker_stays_whole():
    line = f"{LONG} وكتب على حسابه (@example_min) أن العمل مستمر، {BODY2}"
    art = run(f"{BODY}\n{line}")
    assert line in body(art)


@pytest.mark.parametrize("summary_label, full_label", [
    ("ملخص المقال:", "المحتوى الكامل:"),
    ("ملخص الخبر", "نص المقال"),
])
def test_a_repeated_summary_block_is_a_body_span_labelled_summary(summary_label, full_label):
    art = run(f"{summary_label}\n{BODY}\n{full_label}\n{BODY}\n{BODY2}")
    labels = [(s.label, art.span_text(s)) for s in art.spans("body")]
    assert labels == [("summary", BODY), ("body", f"{BODY}\n{BODY2}")]


def test_a_summary_label_without_a_full_text_after_it_leaves_a_plain_body():
    art = run(f"ملخص المقال:\n{BODY}\n{BODY2}")
    assert [s.label for s in art.spans("body")] == ["body"]


def test_an_agency_line_under_a_latin_site_header_is_still_a_credit():
    art = run(f"EXAMPLE.MA\n\nو م ع\n{BODY}\n{BODY2}")
    assert kinds(art).get("و م ع") == "credit"


def test_the_line_after_a_read_also_line_with_its_own_headline_is_the_story():
    line = "وأكدت الوزارة أن المشروع سيبدأ في موعده المحدد رغم الصعوبات"  # no final stop
    art = run(f"{BODY}\nاقرأ أيضا: المزارعون يستقبلون الخطة الجديدة\n{line}\n{BODY2}")
    assert line in body(art)


# ---------------------------------------------------------------- an ad label run into prose
@pytest.mark.parametrize("next_sentence", [
    "وقال المتحدث إن العمل سيستمر حتى نهاية الأسبوع.",
    "غير أن السكان اشتكوا من بطء الإجراءات في الأحياء البعيدة.",
])
def test_an_ad_label_run_into_a_merged_paragraph_is_cut_out(next_sentence):
    art = run(f"{BODY}\n{LONG} إعلان {next_sentence}")
    text = body(art)
    assert LONG in text and next_sentence in text
    assert "إعلان" not in text
    assert "advertisement" in kinds(art).values()


@pytest.mark.parametrize("line", [
    f"{LONG} إعلان الحكومة عن الخطة جاء متأخرا بحسب المزارعين في المنطقة.",
    f"{LONG} وجاء إعلان وقف العمليات بعد ساعات من الاجتماع الطارئ.",
])
def test_the_word_for_announcement_in_prose_stays(line):
    art = run(f"{BODY}\n{line}")
    assert line in body(art)


@pytest.mark.parametrize("lead, agency, written", [
    ("الدوحة، قطر (CNN)-- أعلنت الشركة اليوم عن خطة جديدة للتوظيف.",
     "سي إن إن", "CNN"),
    ("(رويترز) - قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.",
     "رويترز", "رويترز"),
    ("القاهرة (أ ش أ) - أكد الوزير أن المشروع سيفتتح في الصيف المقبل.",
     "وكالة أنباء الشرق الأوسط", "أ ش أ"),
    ("بيروت - «الشرق الأوسط»: قال النائب إن الجلسة تأجلت إلى موعد لاحق.",
     "الشرق الأوسط", "الشرق الأوسط"),
    ("عمان (AFP) – أعلنت الحكومة فتح المعابر أمام الشاحنات.",
     "وكالة الصحافة الفرنسية", "AFP"),
    ("واس - الرياض: افتتح أمير المنطقة مستشفى جديدا في المحافظة.",
     "وكالة الأنباء السعودية", "واس"),
])
def test_a_dateline_names_the_agency_and_stays_in_the_body(lead, agency, written):
    art = run(f"{lead}\n{BODY2}")
    field = art.metadata["agency"]
    assert (field.value, field.source) == (agency, "text:dateline")
    assert art.text[field.span.start:field.span.end] == written
    assert lead in body(art)


@pytest.mark.parametrize("lead", [
    "أعلنت الحكومة (الاثنين) - في بيان رسمي - أن الطرق ستفتح أمام السيارات.",
    "قال الوزير (في مؤتمر صحفي) - إن الخطة جاهزة للتنفيذ.",
    "وزارة الزراعة في المحافظة الشمالية الكبرى بعد اجتماع طويل للجنة (رويترز) - خبر.",
    "الرياض - «مصادر مطلعة»: الاجتماع تأجل إلى الأسبوع المقبل.",
    "سالم العلي - جدة: افتتح أمير المنطقة مستشفى جديدا في المحافظة.",
    "الرياض - متابعات: افتتح أمير المنطقة مستشفى جديدا في المحافظة.",
])
def test_parentheses_and_quotes_that_are_no_dateline_name_no_agency(lead):
    art = run(f"{lead}\n{BODY2}")
    assert "agency" not in art.metadata


def test_the_dateline_comes_first_in_page_order_and_wins_over_a_closing_credit():
    art = run(f"(رويترز) - {BODY}\n{BODY2}\nأ ف ب")
    assert art.metadata["agency"].value == "رويترز"
    assert kinds(art).get("أ ف ب") == "credit"


def test_a_dateline_after_a_one_line_note_on_top_is_read():
    note = "نشر هذا التقرير بالتعاون مع موقع المثال للدراسات"
    art = run(f"{note}\nالرباط (CNN)-- {BODY}\n{BODY2}")
    assert art.metadata["agency"].value == "سي إن إن"


# ------------------------------------------------------------------ teasers inside the story

PARA1 = ("أعلنت وزارة النقل اليوم عن توسعة شبكة الحافلات في العاصمة لتشمل الأحياء الجنوبية "
         "والشمالية خلال الأشهر المقبلة.")
PARA2 = ("وقال مدير الهيئة العامة للطرق إن المشروع سيوفر آلاف الوظائف للشباب ويخفف "
         "الازدحام في ساعات الذروة.")


@pytest.mark.parametrize("question", [
    "ما مدى إقبال الطلاب على تعلم البرمجة في المدارس العربية؟",
    "هل تنجح المصارف الإقليمية في جذب صغار المدخرين من الشباب؟",
    "من هو الروائي الشاب الذي فاز بجائزة الكتاب العربي الأولى؟",
    "لماذا ترتفع أسعار الذهب في الأسواق الآسيوية مع نهاية الصيف؟",
])
def test_a_question_linking_to_another_story_between_paragraphs_is_furniture(question):
    art = run(f"{PARA1}\n{question}\n{PARA2}")
    assert kinds(art).get(question) == "related_headline"
    assert PARA1 in body(art) and PARA2 in body(art)


@pytest.mark.parametrize("question, after", [
    # a subheading the next paragraph answers: it takes up the question's words
    ("ما هي الأحياء التي ستشملها توسعة شبكة الحافلات؟",
     "وستشمل توسعة الشبكة الأحياء الجنوبية أولا ثم الشمالية في مرحلة ثانية من المشروع."),
    # it points back into the story
    ("ما الذي اتفقت عليه الوزارة مع شركات النقل الخاصة؟", PARA2),
    ("كيف بلغت هذه الشبكة حجمها الحالي خلال سنوات قليلة؟", PARA2),
    # an interview question is marked
    ("* ما رأيك في خطط الوزارة لتوسعة شبكة النقل العام؟", PARA2),
    ("- ما رأيك في خطط الوزارة لتوسعة شبكة النقل العام؟", PARA2),
    # too short to be a headline of its own
    ("ما الذي تغير بعد ذلك؟", PARA2),
    ("كيف حدث الأمر؟", PARA2),
    # a question of the story: two clauses, or a continuation
    ("وهل تكفي الموازنة الحالية لتمويل المشروع في موعده المحدد؟", PARA2),
    ("لماذا تأخر المشروع، وما الذي يمنع البدء به في الموعد المحدد؟", PARA2),
    # the next paragraph answers it without a continuation
    ("ما موعد افتتاح المرحلة الأولى من مشروع الحافلات الجديد؟",
     "في منتصف العام المقبل، بحسب الجدول الزمني الذي أعلنته الوزارة أمام البرلمان أمس."),
])
def test_a_question_of_the_story_stays_in_the_body(question, after):
    art = run(f"{PARA1}\n{question}\n{after}")
    assert question not in kinds(art)
    assert question in body(art) and after in body(art)


def test_a_bare_read_also_label_takes_every_headline_line_under_it():
    heads = ["افتتاح معرض للكتاب في المدينة", "ارتفاع أسعار القمح عالميا",
             "فوز المنتخب الوطني في مباراة ودية"]
    text = "\n\n".join([BODY, "اقرأ أيضا:", *heads, BODY2])
    art = run(text)
    for h in heads:
        assert kinds(art).get(h) == "related_headline"
    assert BODY in body(art) and BODY2 in body(art)


@pytest.mark.parametrize("line", [
    "قد يعجبك أيضا: افتتاح معرض للكتاب في المدينة",
    "ايضاً.. افتتاح معرض للكتاب في المدينة",
])
def test_teaser_labels_with_their_headline(line):
    art = run(f"{BODY}\n{line}\n{BODY2}")
    assert line in kinds(art)
    assert line not in body(art)
