"""Document memory: a token learns how the first pass tagged the same word elsewhere."""
import pytest

from khabar.ner.memory import features


@pytest.mark.parametrize("cores, tags, at, expect", [
    # the surname alone sees that it ended a person's full name before
    ([["سمير", "حداد", "قال"], ["حداد", "قال"]],
     [["B-PERS", "I-PERS", "O"], ["O", "O"]], (1, 0), {"m=PERS", "mr=all", "ml=PERS"}),
    # the given name alone sees that it began one
    ([["سمير", "حداد"], ["سمير", "قال"]],
     [["B-PERS", "I-PERS"], ["O", "O"]], (1, 0), {"m=PERS", "mr=all", "mf=PERS"}),
    # a token's own tag is not its memory
    ([["دمشق", "جميلة"]], [["B-LOC", "O"]], (0, 0), set()),
    # two places out of three other mentions: mostly a place
    ([["حمص"], ["حمص"], ["حمص"], ["حمص"]],
     [["B-LOC"], ["B-LOC"], ["O"], ["O"]], (3, 0), {"m=LOC", "mr=most"}),
    # seen once as a name among several plain uses
    ([["امل"], ["امل"], ["امل"], ["امل"]],
     [["B-PERS"], ["O"], ["O"], ["O"]], (3, 0), {"m=PERS", "mr=some"}),
])
def test_memory(cores, tags, at, expect):
    s, t = at
    assert set(features(cores, tags)[s][t]) == expect
