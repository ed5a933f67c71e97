"""A coach's title in construct state («مدرب الفريق الأول») before a name, and a
nationality in brackets after the name («خالد سمير (مصري)»): both belong to the
speaker, and the verb's object starts after them. Sentences written for these tests
(never taken from an article)."""
from __future__ import annotations

import pytest
from quotes_helpers import make_article, records

NAME = [("خالد سمير", "PER", {})]

# (id, body, expected (speaker, content) pairs)
ROWS = [
    ("coach-in-construct-then-name",
     "وقال مدرب الفريق الأول خالد سمير إن الفريق جاهز للمباراة.",
     [("مدرب الفريق الأول خالد سمير", "الفريق جاهز للمباراة")]),
    ("coach-then-name-shows-optimism",
     "وأبدى مدرب الفريق خالد سمير تفاؤله بالمباراة المقبلة.",
     [("مدرب الفريق خالد سمير", "تفاؤله بالمباراة المقبلة")]),
    ("nationality-in-brackets",
     "وأبدى المدير الفني للفريق الأول بنادي الشروق خالد سمير (مصري) تفاؤلا كبيرا بفرص فريقه.",
     [("المدير الفني للفريق الأول بنادي الشروق خالد سمير (مصري)",
       "تفاؤلا كبيرا بفرص فريقه")]),
    ("female-coach-shows-concern",
     "وأبدت مدربة المنتخب خالد سمير قلقها من إصابات اللاعبات.",
     [("مدربة المنتخب خالد سمير", "قلقها من إصابات اللاعبات")]),
    # states nothing: no reporting verb
    ("coach-lost-a-match",
     "وخسر مدرب الفريق خالد سمير (مصري) مباراته الأولى مع النادي.", []),
    ("coach-arrived",
     "ووصل مدرب المنتخب خالد سمير إلى العاصمة مساء أمس.", []),
]


@pytest.mark.parametrize("body,expected", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_coach_titles_and_nationality(body, expected):
    article = make_article(body, mentions=NAME)
    got = [(q["speaker"]["text"], q["content"]["text"]) for q in records(article)]
    assert got == expected
