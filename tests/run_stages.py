"""Stages for the executor and contract tests (imported by worker processes by name)."""
from __future__ import annotations

import os
import time

from khabar.pipeline import STAGES, Stage

# an article whose text holds this marker makes `stall` sleep, or `crash` kill its process
STALL = "[[stall]]"
CRASH = "[[crash]]"
EXPLODE = "[[explode]]"

# our own sentences, short enough that a worker handles each in milliseconds
SENTENCES = [
    "قال وزير الزراعة سامي الخطيب يوم الاثنين إن موسم القمح كان جيدا هذا العام.",
    "وأكدت الشركة في بيان أن المصنع الجديد سيفتح أبوابه في مارس المقبل.",
    "وصرح المتحدث باسم البلدية بأن أعمال الصيانة ستنتهي خلال أسبوعين.",
    "ذكرت صحيفة محلية أن الأمطار الغزيرة أغلقت عدة طرق في شمال البلاد.",
    "وأوضح مدير المستشفى أن عدد المراجعين ارتفع منذ بداية الشتاء.",
    "أعلنت الجامعة أن التسجيل للفصل الثاني يبدأ الأحد المقبل.",
]


def stall(article, seconds: float = 60.0) -> None:
    if STALL in article.text:
        time.sleep(seconds)


def crash(article) -> None:
    if CRASH in article.text:
        os._exit(3)  # a worker that dies without a word (as an out-of-memory kill would)


def explode(article) -> None:
    if EXPLODE in article.text:
        raise RuntimeError("a bug in a stage")


def with_stage(stage: Stage, after: str = "segment") -> tuple[Stage, ...]:
    """The default stages with `stage` inserted after the one named `after`."""
    out: list[Stage] = []
    for st in STAGES:
        out.append(st)
        if st.name == after:
            out.append(stage)
    return tuple(out)


SLOW = with_stage(Stage("slow", "tests.run_stages:stall"))
CRASHING = with_stage(Stage("crashing", "tests.run_stages:crash"))


def record_with_pid(article):
    """An `after` for the executors: the record, and the process that made it."""
    import os

    from khabar.record import dumps, to_record

    if EXPLODE in article.text:
        raise ValueError("after refused it")
    return dumps(to_record(article)), os.getpid()
