"""The brief forbids dev-article text in the repository: examples are our own. This runs
`scripts/check_dev_phrases.py` over everything we ship or document, so a phrase copied from
a dev article (4 or more words in a row) fails the suite where it lands."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHECKED = ["khabar", "tests", "docs", "benchmarks", "scripts", "README.md", "CHANGELOG.md",
           "DEVELOPERS.md"]


def test_no_phrase_of_a_dev_article_in_the_repository(shared_dir):
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_dev_phrases.py"),
         str(shared_dir / "data" / "dev" / "input"), *(str(REPO / p) for p in CHECKED)],
        capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_check_finds_a_copied_phrase(shared_dir, tmp_path):
    dev = sorted((shared_dir / "data" / "dev" / "input").glob("*.txt"))[0]
    arabic = [w for w in dev.read_text(encoding="utf-8").split()
              if w.isalpha() and all("\u0621" <= c <= "\u064a" for c in w)]
    # the first run of five Arabic words stands for a sentence pasted from an article
    (tmp_path / "copied.py").write_text("# " + " ".join(arabic[:5]) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_dev_phrases.py"),
         str(shared_dir / "data" / "dev" / "input"), str(tmp_path)],
        capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr
