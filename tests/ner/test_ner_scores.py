"""Quality floors of the shipped model on the shared data (read at run time, never copied):
ANERcorp test (CAMeL split) by conll.py's rules, and the dev set's entities by score.py.
A floor sits a little under the measured figure (docs/ner.md); never lower one to pass."""
from __future__ import annotations

import importlib.util
import io
import json

import pytest

import khabar.ner as ner
from khabar.api import read_inputs
from khabar.pipeline import Pipeline

# per tagger mode (measured 0.730 and 0.745)
ANERCORP_MICRO_F1 = {"crf": 0.72, "ensemble": 0.74}
DEV_ENTITIES_F1 = 0.84    # measured 0.880 after the furniture and segment stages


def _module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("mode", ner.MODES)
def test_anercorp_test_split(shared_dir, mode):
    gold = shared_dir / "data" / "ner" / "anercorp" / "test.txt"
    conll = _module(shared_dir / "eval" / "conll.py", "conll_eval")
    out = io.StringIO()
    ner.tag_conll(io.StringIO(gold.read_text(encoding="utf-8")), out, mode)
    g_tokens, g_tags = conll.read(str(gold))
    pred = [ln.split() for ln in out.getvalue().split("\n")]
    p_tags = [p[-1].replace("PERS", "PER") if p else "O" for p in pred][:len(g_tags)]
    g = conll.spans([t for t, w in zip(g_tags, g_tokens) if w is not None])
    p = conll.spans([t for t, w in zip(p_tags, g_tokens) if w is not None])
    tp = len(g & p)
    f1 = 2 * tp / (len(g) + len(p))
    assert f1 >= ANERCORP_MICRO_F1[mode]


def test_dev_set_entities(shared_dir, tmp_path):
    dev = shared_dir / "data" / "dev"
    # the dev inputs through the project's own ingest and the stages before NER
    before = Pipeline(skip=("time", "entities", "quotes", "link"))
    for art in read_inputs(str(p) for p in sorted((dev / "input").iterdir())):
        before.run(art)
        ner.annotate(art)
        names = {(m.label, art.span_text(m)) for m in art.spans("mentions")}
        items = [{"text": t, "type": lab} for lab, t in sorted(names)]
        (tmp_path / f"{art.source['name']}.json").write_text(json.dumps({"entities": items}))
    score = _module(shared_dir / "eval" / "score.py", "score_eval")
    result, _notes = score.score(dev, tmp_path)
    assert result["entities"]["f1"] >= DEV_ENTITIES_F1
