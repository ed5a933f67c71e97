"""The given name «علي» folds like the preposition «على»: where the entity stage found a
person's name starting with it, it is no stop word of the speaker's phrase; elsewhere
«على» stays the preposition the verb takes. Sentences written for these tests (never taken
from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import assert_statements, make_article, records

# (id, body, mentions, expected statements: kind, speaker, cue, medium, content)
ROWS = [
    ("name-right-after-the-verb",
     "وقال علي حسن إن المدرسة ستفتح أبوابها الأسبوع المقبل.", (("علي حسن", "PER", {}),),
     [("indirect", "علي حسن", "وقال", None, "المدرسة ستفتح أبوابها الأسبوع المقبل")]),
    ("name-after-a-title-of-a-verb-taking-ala",
     "وأكد الطبيب علي محمود أن حالة المريض مستقرة.", (("علي محمود", "PER", {}),),
     [("indirect", "الطبيب علي محمود", "وأكد", None, "حالة المريض مستقرة")]),
    ("name-after-a-kin-noun",
     "وقالت زوجة علي إن الأطفال بخير.", (("علي", "PER", {}),),
     [("indirect", "زوجة علي", "وقالت", None, "الأطفال بخير")]),
    ("name-after-a-long-title",
     "وأشار مدير المدرسة علي الزعبي إلى أن الدوام سيبدأ مبكرا.",
     (("علي الزعبي", "PER", {}),),
     [("indirect", "مدير المدرسة علي الزعبي", "وأشار", None, "الدوام سيبدأ مبكرا")]),
    # the preposition stays one
    ("preposition-before-the-complementizer",
     "وشدد الوزير على أن الامتحانات ستبدأ في موعدها.", (),
     [("indirect", "الوزير", "وشدد", None, "الامتحانات ستبدأ في موعدها")]),
    ("preposition-before-a-noun",
     "وأكد المدير على ضرورة الالتزام بالمواعيد.", (),
     [("indirect", "المدير", "وأكد", None, "ضرورة الالتزام بالمواعيد")]),
    ("preposition-with-a-name-elsewhere",
     "وشدد الوزير على أن علي حسن سيتولى الملف.", (("علي حسن", "PER", {}),),
     [("indirect", "الوزير", "وشدد", None, "علي حسن سيتولى الملف")]),
    ("no-statement-with-the-name",
     "وسافر علي حسن إلى العاصمة أمس.", (("علي حسن", "PER", {}),), []),
]


@pytest.mark.parametrize("body,mentions,expected", [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_name_folding_like_a_preposition(body, mentions, expected):
    assert_statements(records(make_article(body, mentions=mentions)), expected)
