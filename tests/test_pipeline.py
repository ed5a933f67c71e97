"""The pipeline checks its order once and never loses an article to a stage's bug."""
from __future__ import annotations

import gc

import pytest

from khabar.document import Article
from khabar.pipeline import STAGES, Pipeline, PipelineError, Stage


def test_default_order_is_consistent():
    assert Pipeline().names == [s.name for s in STAGES]


def test_a_stage_whose_input_no_earlier_stage_makes_is_refused():
    with pytest.raises(PipelineError, match="time"):
        Pipeline(skip=("segment",))


def test_optional_inputs_may_be_missing():
    assert "entities" not in Pipeline(skip=("entities",)).names


def test_reordered_stages_are_refused():
    stages = [STAGES[2], STAGES[0]]  # segment before furniture
    with pytest.raises(PipelineError, match="segment"):
        Pipeline(stages)


def _explode(article):
    raise RuntimeError("boom")


def test_a_failing_stage_flags_the_article_and_later_stages_still_run():
    stages = [STAGES[0], Stage("broken", "tests.test_pipeline:_explode", ("body",), ()),
              STAGES[2]]
    article = Pipeline(stages).run(Article("نص قصير للتجربة فيه جملة كاملة."))
    assert [i.code for i in article.issues] == ["stage.broken"]
    assert article.failed
    assert article.spans("sentences"), "segment ran after the broken stage"


def test_article_text_is_read_only():
    article = Article("نص")
    with pytest.raises(AttributeError):
        article.text = "آخر"  # type: ignore[misc]


def _record_option(article, mark):
    article.flag("test.option", mark)


def test_options_reach_their_stage_as_keyword_arguments():
    stages = [Stage("marked", "tests.test_pipeline:_record_option")]
    article = Pipeline(stages, options={"marked": {"mark": "here"}}).run(Article("نص"))
    assert [(i.code, i.message) for i in article.issues] == [("test.option", "here")]


def test_options_for_a_stage_that_does_not_exist_are_refused():
    with pytest.raises(PipelineError, match="entitys"):
        Pipeline(options={"entitys": {"mode": "ensemble"}})


def _freeze_count_while_running(article):
    article.flag("test.frozen", str(gc.get_freeze_count()))


def _frozen_counts(articles):
    return [a.issues[-1].message for a in articles]


@pytest.mark.parametrize("stop_after", [None, 1, 2])
def test_a_stream_freezes_after_its_first_article_and_unfreezes_when_it_ends(stop_after):
    stages = [Stage("watched", "tests.test_pipeline:_freeze_count_while_running")]
    texts = ["نص أول", "نص ثان", "نص ثالث"]
    stream = Pipeline(stages).pipe(Article(t) for t in texts)
    assert gc.get_freeze_count() == 0
    seen = []
    for article in stream:
        seen.append(article)
        if len(seen) == stop_after:
            stream.close()  # a consumer that stops early
            break
    counts = _frozen_counts(seen)
    assert counts[0] == "0", "the first article runs before anything is frozen"
    assert all(int(c) > 0 for c in counts[1:])
    assert gc.get_freeze_count() == 0, "nothing stays frozen once the stream is done"


def _tracked(obj) -> bool:
    """Whether `obj` is in one of the collector's generations (a frozen object is not)."""
    return any(o is obj for o in gc.get_objects())


def test_a_stream_leaves_a_callers_freeze_alone():
    stages = [Stage("watched", "tests.test_pipeline:_freeze_count_while_running")]
    frozen_by_caller = [["made before the caller froze"]]
    gc.freeze()
    try:
        made_after = [["made after the caller froze"]]
        list(Pipeline(stages).pipe(Article(t) for t in ["نص أول", "نص ثان"]))
        assert not _tracked(frozen_by_caller), "the caller's freeze was undone"
        assert _tracked(made_after), "the stream froze objects although the caller had"
    finally:
        gc.unfreeze()
