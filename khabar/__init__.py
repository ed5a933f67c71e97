"""khabar: who said what, to whom, when, where, and according to whom — in Arabic news."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1.0"

from khabar.document import Article, Span  # noqa: E402

__all__ = ["Article", "Span", "__version__", "SCHEMA_VERSION"]
