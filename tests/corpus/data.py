"""A small made-up news corpus (our own sentences) for the store tests: near copies of one
story in three outlets, an exact copy under another outlet, and bad inputs."""
from __future__ import annotations

import json
from pathlib import Path

STORY = ("أعلنت وزارة الزراعة اليوم خطة جديدة لدعم المزارعين في المناطق الجبلية خلال الموسم "
         "المقبل. وقال وزير الزراعة كريم البناني إن الحكومة ستقدم قروضا ميسرة للمزارعين "
         "الصغار وإن البرنامج يشمل حفر آبار جديدة في القرى البعيدة. وأضاف البناني أن الموسم "
         "المقبل سيشهد زيادة في إنتاج الزيتون والقمح بفضل الأمطار الغزيرة هذا الشتاء. "
         "من جهته، قال مصدر مطلع في الوزارة إن الميزانية النهائية لم تحسم بعد.")
OTHER = [
    ("افتتاح مكتبة عامة", "افتتحت البلدية مكتبة عامة جديدة في وسط المدينة. وقالت مديرة المكتبة "
     "سلمى الحداد إن المكتبة تضم عشرين ألف كتاب وقاعة للأطفال. وأكدت الحداد أن الدخول مجاني "
     "لجميع السكان طوال أيام الأسبوع."),
    ("مباراة القمة", "فاز فريق النجوم على فريق الأمل بثلاثة أهداف مقابل هدف في مباراة مثيرة "
     "مساء السبت. وقال مدرب الفريق طارق العموري إن اللاعبين قدموا أداء رائعا رغم الإرهاق. "
     "وأضاف العموري أن الفريق يستعد للمباراة المقبلة في العاصمة."),
    ("أسعار الخضار", "ارتفعت أسعار الخضار في الأسواق المحلية بنسبة كبيرة هذا الأسبوع. وقال "
     "تاجر في سوق الجملة إن البرد الشديد أتلف جزءا من المحصول. وقالت جمعية حماية المستهلك إن "
     "على الحكومة مراقبة الأسعار ومنع الاحتكار."),
    ("مهرجان الشعر", "انطلقت فعاليات مهرجان الشعر العربي في المدينة القديمة بمشاركة ثلاثين "
     "شاعرا. وقال رئيس اللجنة المنظمة نبيل الساعدي إن المهرجان يحتفي هذا العام بالشعراء "
     "الشباب. وقالت الشاعرة ليلى الساعدي إن «الشعر ما زال يجمع الناس»."),
    ("طريق الساحل", "أعلنت وزارة النقل إغلاق طريق الساحل لمدة أسبوعين بسبب أعمال الصيانة. "
     "وقال المهندس عادل الفارسي إن الأعمال تشمل توسيع الجسر القديم. وأكد الفارسي أن الطريق "
     "سيعود للعمل قبل بداية الصيف."),
]


def copy_of(text: str, k: int) -> str:
    """A syndicated copy: another opening line, one word changed, a closing line."""
    text = text.replace("الغزيرة", ["الوفيرة", "الغزيرة", "الكثيرة"][k % 3])
    return f"{['متابعات', 'خاص', 'الوكالة'][k % 3]}: {text} (نقلا عن الوكالة)"


def articles() -> list[dict]:
    out = []
    for k, outlet in enumerate(["صحيفة الشروق", "موقع الأفق", "إذاعة النخيل"]):
        out.append({"outlet": outlet, "date": f"2024-03-{14 + k:02d}",
                    "url": f"https://example.org/{k}/farm", "title": "خطة لدعم المزارعين",
                    "text": copy_of(STORY, k)})
    for k, (title, text) in enumerate(OTHER):
        out.append({"outlet": "صحيفة الشروق", "date": f"2024-0{k + 4}-0{k + 1}",
                    "url": f"https://example.org/other/{k}", "title": title, "text": text})
    # the same text from another outlet without URL: another article, same story
    out.append({"outlet": "موقع الأفق", "date": "2024-05-02", "title": OTHER[1][0],
                "text": OTHER[1][1]})
    return out


def filler(n: int) -> list[dict]:
    """More articles, each its own (for runs long enough to be killed half-way)."""
    out = []
    for k in range(n):
        title, text = OTHER[k % len(OTHER)]
        out.append({"outlet": "نشرة المساء", "date": f"2024-06-{k % 28 + 1:02d}",
                    "url": f"https://example.org/evening/{k}", "title": title,
                    "text": f"العدد {k}: " + text + f" وقال المحرر إن هذا هو الخبر رقم {k}."})
    return out


def write_inputs(folder: Path, extra: int = 0) -> list[str]:
    """The inputs of one index run: a JSONL file with a bad line and an empty record, a
    text file, an undecodable file, an empty file (and `extra` more articles in a second
    JSONL file)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a, ensure_ascii=False) for a in articles()]
    lines.insert(3, "{not json")
    lines.insert(6, json.dumps({"outlet": "x", "text": "   "}))
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "note.txt").write_text(OTHER[3][1], encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\xff\xfe" * 50 + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    names = ["news.jsonl", "note.txt", "broken.txt", "empty.txt"]
    if extra:
        (folder / "more.jsonl").write_text(
            "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in filler(extra)),
            encoding="utf-8")
        names.insert(1, "more.jsonl")
    return [str(folder / n) for n in names]


def dump(db_path: str) -> dict[str, list]:
    """Every row of every table (FTS contents through searches of every indexed term)."""
    import sqlite3

    from khabar.corpus.folding import index_text
    from khabar.corpus.schema import TABLES

    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    out = {}
    for t in TABLES:
        out[t] = sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
    words = sorted({w for (c,) in db.execute("SELECT content FROM statements")
                    for w in index_text(c).split()})
    for table in ("statements_fts", "articles_fts"):
        out[table] = [(w, [r[0] for r in db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", (f'"{w}"',))])
            for w in words]
    db.close()
    return out
