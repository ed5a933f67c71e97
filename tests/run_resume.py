"""A run of `write_partitions` for the kill-and-resume tests: `python -m tests.run_resume OUT
[FORMAT]` writes the same partitions as the test's uninterrupted run, slowly enough to be killed
in the middle."""
from __future__ import annotations

import sys

from khabar.document import Article
from khabar.pipeline import Pipeline
from tests.run_stages import SLOW, STALL

# our own sentences; each article pauses in the `slow` stage so a run lasts some seconds
TEXTS = [
    "قال وزير الزراعة سامي الخطيب يوم الاثنين إن موسم القمح كان جيدا هذا العام.",
    "وأكدت الشركة في بيان أن المصنع الجديد سيفتح أبوابه في مارس المقبل.",
    "وصرح المتحدث باسم البلدية بأن أعمال الصيانة ستنتهي خلال أسبوعين.",
    "ذكرت صحيفة محلية أن الأمطار الغزيرة أغلقت عدة طرق في شمال البلاد.",
    "وأوضح مدير المستشفى أن عدد المراجعين ارتفع منذ بداية الشتاء.",
    "أعلنت الجامعة أن التسجيل للفصل الثاني يبدأ الأحد المقبل.",
]
N = 16
BATCH = 2
PAUSE = 0.6


def articles() -> list[Article]:
    return [Article(f"{STALL} {TEXTS[i % len(TEXTS)]}", source={"name": f"r{i}"})
            for i in range(N)]


def spec():
    return Pipeline(SLOW, options={"slow": {"seconds": PAUSE}}).spec


def main(out: str, fmt: str = "jsonl") -> None:
    from khabar.run.cluster import write_partitions

    write_partitions(articles(), out, spec(), "local", workers=2, batch_size=BATCH,
                     format=fmt)


if __name__ == "__main__":
    main(*sys.argv[1:3])
