"""khabar: who said what, to whom, when, where, and according to whom — in Arabic news.

>>> import khabar
>>> record = khabar.extract("قالت الوزيرة سلمى حداد إن المدارس ستفتح أبوابها.")
>>> print(record.quotes[0])
سلمى حداد (قالت): «المدارس ستفتح أبوابها»

`extract` (a string), `extract_html`, `extract_file` (a path), `records` (files, folders,
JSONL/CSV) and `pipe` (many inputs, in order) give `Record`s; see khabar.api.
"""

__version__ = "0.3.0"
SCHEMA_VERSION = "1.1.0"

from khabar.document import Article, Span  # noqa: E402
from khabar.objects import Entity, Issue, Quote, Record, Timex  # noqa: E402
from khabar.api import (  # noqa: E402
    extract, extract_file, extract_html, pipe, records)
from khabar.pipeline import PipelineError  # noqa: E402

__all__ = ["Article", "Entity", "Issue", "PipelineError", "Quote", "Record", "SCHEMA_VERSION",
           "Span", "Timex", "__version__", "extract", "extract_file", "extract_html", "pipe",
           "records"]
