"""Training on a tiny corpus the project writes: both passes, settings beside the model."""
import json

import pytest

from khabar.ner.tagger import Tagger, memory_path, settings_path
from khabar.ner.train import train

# (given name, family name, city): every sentence pattern below is filled with each row
_ROWS = [("سمير", "حداد", "حمص"), ("ليلى", "نصار", "صيدا"), ("كريم", "عواد", "اربد"),
         ("هالة", "سلوم", "جرش"), ("نبيل", "قصاب", "طرطوس"), ("رنا", "دباس", "الكرك")]
_PATTERNS = [
    ["زار", "{g}", "{f}", "مدينة", "{c}", "أمس"],
    ["وقال", "{f}", "إن", "{c}", "هادئة"],
    ["غادر", "{g}", "{f}", "إلى", "{c}"],
]


def _tag(word, prev, g, f, c):
    if word == g:
        return "B-PERS"
    if word == f:
        return "I-PERS" if prev == g else "B-PERS"
    return "B-LOC" if word == c else "O"


def _corpus(path):
    lines = []
    for g, f, c in _ROWS:
        for pat in _PATTERNS:
            words = [w.format(g=g, f=f, c=c) for w in pat]
            prev = None
            for w in words:
                lines.append(f"{w} {_tag(w, prev, g, f, c)}")
                prev = w
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("two_pass", [False, True])
def test_train_tiny_corpus(tmp_path, two_pass):
    data = tmp_path / "train.txt"
    _corpus(data)
    out = tmp_path / "tiny.crfsuite"
    settings = train(data, out, two_pass=two_pass, max_iterations=50, folds=2, workers=1)
    assert out.is_file()
    assert memory_path(out).is_file() is two_pass
    assert json.loads(settings_path(out).read_text())["two_pass"] is two_pass
    assert settings["sentences"] == len(_ROWS) * len(_PATTERNS)
    tagger = Tagger(out)
    assert tagger.tag(["زار", "سمير", "حداد", "مدينة", "حمص", "أمس"]) == \
        ["O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]


def test_unknown_family_is_refused(tmp_path):
    data = tmp_path / "train.txt"
    _corpus(data)
    with pytest.raises(ValueError):
        train(data, tmp_path / "x.crfsuite", families=["word", "telepathy"])
