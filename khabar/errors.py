"""Error and warning codes of khabar, each with a one-line message and a severity.

An article that hits a problem is never dropped: it carries `Issue`s whose `code` comes
from this table, so a batch can count reasons, print one line per failed input and set a
non-zero exit status at the end. Codes starting with `E_` make the record incomplete
(severity "error"); codes starting with `W_` are recoverable (severity "warning").
"""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from khabar.document import Article


class Code(str, Enum):
    """Value == name, so `Code.E_EMPTY == "E_EMPTY"` and codes serialize as plain text."""

    E_EMPTY = "E_EMPTY"
    E_BINARY = "E_BINARY"
    E_DECODE = "E_DECODE"
    E_TOO_LARGE = "E_TOO_LARGE"
    E_NO_TEXT = "E_NO_TEXT"
    E_NO_ARTICLE = "E_NO_ARTICLE"
    E_READ = "E_READ"
    E_PARSE = "E_PARSE"
    E_FORMAT = "E_FORMAT"
    E_TIMEOUT = "E_TIMEOUT"
    E_WORKER = "E_WORKER"
    W_LARGE = "W_LARGE"
    W_TRUNCATED = "W_TRUNCATED"
    W_MIXED_ENCODING = "W_MIXED_ENCODING"
    W_REPLACED = "W_REPLACED"
    W_HTML_FALLBACK = "W_HTML_FALLBACK"
    W_MARKUP = "W_MARKUP"

    @property
    def severity(self) -> str:
        return "error" if self.value.startswith("E_") else "warning"

    @property
    def message(self) -> str:
        return MESSAGES[self]


MESSAGES: dict[Code, str] = {
    Code.E_EMPTY: "the input holds no text (empty or whitespace only)",
    Code.E_BINARY: "the input is binary data, not text",
    Code.E_DECODE: "the input's character encoding could not be determined",
    Code.E_TOO_LARGE: "the input is larger than the size limit; it was not processed",
    Code.E_NO_TEXT: "the record has no text field",
    Code.E_NO_ARTICLE: "no article text was found in the HTML page",
    Code.E_READ: "the input could not be read",
    Code.E_PARSE: "the input could not be parsed in its format",
    Code.E_FORMAT: "the input format is not supported",
    Code.E_TIMEOUT: "processing took longer than the per-article time limit; its worker "
                    "was stopped and the article left unprocessed",
    Code.E_WORKER: "the worker process died while processing this article; it was left "
                   "unprocessed",
    Code.W_LARGE: "the input is very large; processed anyway, slowly",
    Code.W_TRUNCATED: "the input ends inside a UTF-8 character; the broken tail was dropped",
    Code.W_MIXED_ENCODING: "parts of the input are in another encoding than UTF-8; decoded apart",
    Code.W_REPLACED: "some bytes could not be decoded and were replaced by U+FFFD",
    Code.W_HTML_FALLBACK: "the HTML extractor found nothing; khabar's own rules gave the text",
    Code.W_MARKUP: "the record's text field holds HTML markup; its text was taken",
}


def flag(article: "Article", code: Code, detail: str | None = None) -> None:
    """Attach `code` to the article, with its table message plus an optional detail."""
    msg = code.message if not detail else f"{code.message}: {detail}"
    article.flag(code.value, msg, code.severity)


def reason_line(article: "Article") -> str | None:
    """One line for stderr naming the input and its first error, or None if it has none."""
    for issue in article.issues:
        if issue.severity == "error":
            where = article.source.get("path") or article.source.get("name") or "<input>"
            rec = article.source.get("record")
            if rec is not None:
                where = f"{where}#{rec}"
            return f"{where}: {issue.code}: {issue.message}"
    return None


def exit_status(articles: Iterable["Article"]) -> int:
    """1 when any article failed (an error issue), else 0: the status a batch ends with."""
    return 1 if any(a.failed for a in articles) else 0


# codes the stages and the batch runner attach (beside the ingest codes of `Code`): the
# record's issue table lists both (docs/record.md); tests/test_interfaces.py checks that
# every code the source can attach is listed here
OTHER_CODES: dict[str, tuple[str, str]] = {
    "language.undetermined": ("warning", "no language could be identified in the body"),
    "language.not_arabic": ("warning", "the body is not in Arabic; it was processed anyway"),
    "metadata.bad_given_date": ("warning", "a date given with the input could not be read; "
                                "the publication date was looked for in the text"),
    "metadata.bad_date": ("warning", "a labelled date in the page could not be read (an "
                          "impossible day or month); it was not used"),
    "metadata.story_date": ("warning", "the page has no date line: the publication date "
                            "was read from a day the story names with its date («اليوم "
                            "الجمعة 10 مارس 2017»); the evidence says where"),
    "metadata.date_conflict": ("warning", "the publication date and a day the story names "
                               "with its date («اليوم الجمعة 10 مارس 2017») are more than a "
                               "day apart: one of them is wrong"),
    "timex.updated_anchor": ("warning", "the page gives only its update date: relative "
                             "dates were resolved against it"),
    "output.renamed": ("warning", "two inputs of one batch had the same output name; this "
                       "record was written under another name, which `source.name` gives"),
    "stage.<name>": ("error", "the stage <name> raised an exception (its message follows); "
                     "what it had added was removed, so its layers are missing"),
    "stage.<name>.skipped": ("error", "the stage <name> did not run: a stage whose output "
                             "it needs failed on this article"),
}


def issue_codes() -> list[tuple[str, str, str]]:
    """Every issue code a record can carry: (code, severity, meaning)."""
    rows = [(c.value, c.severity, c.message) for c in Code]
    rows += [(code, sev, meaning) for code, (sev, meaning) in OTHER_CODES.items()]
    return rows
