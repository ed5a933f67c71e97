"""The stage contract: a stage reads and writes only what it declares, and a stage whose
required input failed on an article is skipped with a flag instead of running on half of it."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.contract import ContractError
from khabar.document import Article
from khabar.pipeline import STAGES, Pipeline, Stage

TEXT = "قالت المديرة إن المكتبة ستفتح غدا.\n\nوأضافت أن الدخول مجاني للطلاب."


# ------------------------------------------------------------ stages of the table below
def make_words(article):
    article.add("words", 0, 4, "word")


def make_words_and_notes(article):
    article.add("words", 0, 4, "word")
    article.add("notes", 0, 2, "note")


def read_words(article):
    article.add("counts", 0, 1, "count", n=len(article.spans("words")))


def read_notes_too(article):
    article.add("counts", 0, 1, "count", n=len(article.spans("words")) +
                len(article.spans("notes")))


def retag_words(article):
    for span in article.spans("words"):
        span.attrs["seen"] = True


def set_metadata(article):
    article.set_meta("title", "عنوان", "test")


def read_metadata(article):
    article.add("counts", 0, 1, "count", title=article.meta("title"))


def set_language(article):
    article.language = {"code": "ar"}


def walk_all_layers(article):
    article.add("counts", 0, 1, "count", n=len(list(article.layers.items())))


def half_then_fail(article):
    article.add("words", 0, 4, "word")
    raise RuntimeError("failed after writing half its layer")


def _stage(name: str, func: str, requires=(), assigns=(), uses=(), updates=()) -> Stage:
    return Stage(name, f"tests.test_stage_contract:{func}", tuple(requires), tuple(assigns),
                 tuple(uses), tuple(updates))


MAKER = _stage("maker", "make_words", assigns=["words"])

# (stages, the error expected or None)
CASES = {
    "declared write": ([MAKER], None),
    "undeclared layer written": ([_stage("maker", "make_words_and_notes", assigns=["words"])],
                                 "writes \\['notes'\\]"),
    "declared read": ([MAKER, _stage("reader", "read_words", ["words"], ["counts"])], None),
    "optional read declared in uses": (
        [MAKER, _stage("reader", "read_words", assigns=["counts"], uses=["words"])], None),
    "undeclared read": ([MAKER, _stage("reader", "read_notes_too", ["words"], ["counts"])],
                        "reads \\['notes'\\]"),
    "in-place update declared": (
        [MAKER, _stage("tagger", "retag_words", uses=["words"], updates=["words"])], None),
    "in-place update undeclared": (
        [MAKER, _stage("tagger", "retag_words", uses=["words"])], "writes \\['words'\\]"),
    "metadata declared": ([_stage("m", "set_metadata", assigns=["meta"])], None),
    "metadata undeclared": ([_stage("m", "set_metadata", assigns=["title"])],
                            "writes \\['meta'\\]"),
    "metadata read undeclared": ([_stage("m", "set_metadata", assigns=["meta"]),
                                  _stage("r", "read_metadata", assigns=["counts"])],
                                 "reads \\['meta'\\]"),
    "language declared": ([_stage("lang", "set_language", assigns=["language"])], None),
    "language undeclared": ([_stage("lang", "set_language")], "writes \\['language'\\]"),
    "a walk over every layer": ([MAKER, _stage("w", "walk_all_layers", ["words"], ["counts"])],
                                "reads \\['\\*'\\]"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_contract_check_catches_what_a_stage_does_not_declare(name):
    stages, error = CASES[name]
    pipeline = Pipeline(stages, check=True)
    if error is None:
        article = pipeline.run(Article(TEXT))
        assert not article.issues
    else:
        with pytest.raises(ContractError, match=error):
            pipeline.run(Article(TEXT))


def test_the_check_is_off_unless_asked(monkeypatch):
    monkeypatch.delenv("KHABAR_CHECK_STAGES", raising=False)
    stages = [_stage("maker", "make_words_and_notes", assigns=["words"])]
    assert not Pipeline(stages).check
    assert Pipeline(stages).run(Article(TEXT)).spans("notes")


def test_the_default_stages_keep_their_contract():
    article = Pipeline(STAGES, check=True).run(Article(TEXT, given={"published": "2024-03-05"}))
    assert not article.failed, article.issues
    assert article.spans("quotes")


def test_a_stage_whose_required_input_failed_is_skipped_with_a_flag():
    stages = [_stage("maker", "half_then_fail", assigns=["words"]),
              _stage("reader", "read_words", ["words"], ["counts"]),
              _stage("after", "read_words", ["counts"], ["more"])]
    article = Pipeline(stages).run(Article(TEXT))
    codes = [(i.code, i.severity) for i in article.issues]
    assert codes == [("stage.maker", "error"), ("stage.reader.skipped", "error"),
                     ("stage.after.skipped", "error")], "a skip passes down the chain"
    assert "maker" in article.issues[1].message
    assert "words" not in article.layers, "a failed stage leaves no half layer"
    assert "counts" not in article.layers


def test_a_stage_that_only_uses_a_failed_layer_runs_without_it():
    stages = [_stage("maker", "half_then_fail", assigns=["words"]),
              _stage("reader", "read_words", assigns=["counts"], uses=["words"])]
    article = Pipeline(stages).run(Article(TEXT))
    assert [i.code for i in article.issues] == ["stage.maker"]
    assert article.spans("counts")[0].attrs["n"] == 0


def test_the_default_pipeline_skips_what_depends_on_a_failed_segmenter(monkeypatch):
    import khabar.segment

    def broken(article):
        raise ValueError("segmenter bug")

    monkeypatch.setattr(khabar.segment, "segment", broken)
    article = Pipeline(STAGES).run(Article(TEXT))
    codes = [i.code for i in article.issues]
    assert codes == ["stage.segment", "stage.time.skipped", "stage.entities.skipped",
                     "stage.quotes.skipped", "stage.events.skipped"]
    assert article.spans("body"), "the stages before it kept their output"


# texts that pass ingest but give the stages little or nothing to read
ODD_TEXTS = {
    "blank lines only": "\n\n\n",
    "spaces and blank lines": "  \n \n\t\n",
    "punctuation only": "...!!! ؟؟ ،،",
    "digits only": "١٢٣ ٤٥٦\n2024",
    "quotation marks only": "«» \"\" ''",
    "one word": "تجربة",
    "title line then blanks": "عنوان الصفحة وحده\n\n\n",
}


def _run_checked(text: str, **given) -> Article:
    article = Pipeline(STAGES, check=True).run(Article(text, given=given))
    assert not [i for i in article.issues if "contract" in i.message.lower()], article.issues
    return article


@pytest.mark.parametrize("name", ODD_TEXTS)
def test_odd_texts_keep_every_stage_contract(name):
    _run_checked(ODD_TEXTS[name])


@pytest.mark.parametrize("name", ODD_TEXTS)
def test_odd_texts_with_a_given_title_keep_every_stage_contract(name):
    _run_checked(ODD_TEXTS[name], title="عنوان معطى للمقال")


_ODD_PIECES = st.sampled_from(["\n", "\n\n", " ", "\t", ".", "!", "؟", "،", "«", "»", "\"",
                               "-", "١٢", "2024", "%", "قال", "إن", "الوزير", "غدا", "x"])


@settings(max_examples=40, deadline=None)
@given(st.lists(_ODD_PIECES, max_size=12).map("".join))
def test_every_stage_writes_only_what_it_declares_on_odd_texts(text):
    _run_checked(text)
