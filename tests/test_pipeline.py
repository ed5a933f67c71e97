"""The pipeline checks its order once and never loses an article to a stage's bug."""
from __future__ import annotations

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
