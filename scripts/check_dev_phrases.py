"""Report Arabic phrases of N+ words in the repo that occur verbatim in dev articles.

The project rule is that no dev-article text lives in code, comments, data or tests.
This check reads the dev inputs at run time (from the shared folder, never copied)
and lists every run of N consecutive Arabic words of a repo file that also occurs,
word for word, in some dev article.  Exit status 1 when anything is found.

    python scripts/check_dev_phrases.py ../shared/data/dev/input khabar tests
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u064B-\u0652\u0640]+")
# In a repo line, words belong to one phrase when only spaces and prose punctuation
# (quote marks, commas, ellipses) separate them, so a quoted phrase is still found
# when it was cut or re-punctuated; in a dev text the punctuation is ignored altogether.
_LETTERS = r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u064B-\u0652\u0640]+"
RUN = re.compile(_LETTERS + r"(?:[\s«»\"'،,؛:.…()\-]+" + _LETTERS + r")*")
SUFFIXES = {".py", ".yaml", ".yml", ".md", ".txt", ".json", ".tsv", ".jsonl"}


def words(text: str) -> list[str]:
    return ARABIC_WORD.findall(unicodedata.normalize("NFC", text))


def dev_ngrams(folder: Path, n: int) -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for path in sorted(folder.iterdir()):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        ws = ARABIC_WORD.findall(text)
        grams.update(tuple(ws[i : i + n]) for i in range(len(ws) - n + 1))
    return grams


def lexicon_entries(folder: Path) -> set[str]:
    """Entries of the resource lists (names of organisations, fixed time phrases):
    language knowledge shared by every outlet, so a dev article naming them is no leak."""
    entries: set[str] = set()
    for path in folder.glob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                continue
            for item in re.split(r"[\[\],:]|^\s*-\s", line):
                ws = ARABIC_WORD.findall(item)
                if ws:
                    entries.add(" ".join(ws))
    return entries


def hits(root: Path, grams: set[tuple[str, ...]], n: int, lexicon: set[str] = frozenset()):
    for path in sorted(root.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file() or "golden" in path.parts:
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for run in RUN.findall(unicodedata.normalize("NFC", line)):
                ws = ARABIC_WORD.findall(run)
                found = [i for i in range(len(ws) - n + 1) if tuple(ws[i : i + n]) in grams]
                phrase = " ".join(ws[found[0] : found[-1] + n]) if found else ""
                if found and not any(phrase in entry for entry in lexicon):
                    yield path, lineno, " ".join(ws[found[0] : found[-1] + n])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_input", type=Path)
    parser.add_argument("roots", type=Path, nargs="+")
    parser.add_argument("--words", type=int, default=4)
    parser.add_argument("--lexicon", type=Path, default=Path("khabar/resources/ar"),
                        help="resource folder whose list entries are not counted")
    args = parser.parse_args()
    grams = dev_ngrams(args.dev_input, args.words)
    lexicon = lexicon_entries(args.lexicon) if args.lexicon.is_dir() else set()
    count = 0
    for root in args.roots:
        for path, lineno, phrase in hits(root, grams, args.words, lexicon):
            count += 1
            print(f"{path}:{lineno}: {phrase}")
    print(f"{count} line(s) with a {args.words}-word dev phrase", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
