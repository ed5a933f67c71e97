"""Every language-data file: parseable, documented, NFC, no presentation forms, no
duplicate keys, no duplicate entries in a list, no name filed under two conflicting keys."""
from __future__ import annotations

import unicodedata
from importlib import resources as ir
from pathlib import Path

import pytest
import yaml

from khabar.normalize import fold

ROOT = Path(str(ir.files("khabar").joinpath("resources")))
FILES = sorted(ROOT.rglob("*.yaml"))
# files that map a key to a list of names, where one name under two keys is a contradiction
# (a month name that means two months, a weekday that means two days)
EXCLUSIVE = {"months", "weekdays", "furniture"}


class _StrictLoader(yaml.SafeLoader):
    """A loader that refuses duplicate mapping keys (PyYAML silently keeps the last)."""


def _no_duplicate_keys(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    dups = {k for k in keys if isinstance(k, (str, int)) and keys.count(k) > 1}
    if dups:
        raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {dups}",
                                                node.start_mark)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                              _no_duplicate_keys)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, str):
                yield k
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def _lists(node, path=""):
    if isinstance(node, list):
        yield path, node
        for i, v in enumerate(node):
            yield from _lists(v, f"{path}[{i}]")
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _lists(v, f"{path}.{k}")


def _presentation_form(c: str) -> bool:
    return "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"


@pytest.fixture(params=FILES, ids=lambda p: str(p.relative_to(ROOT)))
def data_file(request):
    path = request.param
    text = path.read_text(encoding="utf-8")
    return path, text, yaml.load(text, Loader=_StrictLoader)


def test_there_are_resource_files():
    assert len(FILES) >= 5


def test_file_starts_with_a_comment_saying_what_it_holds(data_file):
    path, text, _ = data_file
    assert text.lstrip().startswith("#"), f"{path.name} has no header comment"


def test_strings_are_nfc_trimmed_without_presentation_forms(data_file):
    path, _, data = data_file
    for s in _strings(data):
        assert unicodedata.normalize("NFC", s) == s, f"{path.name}: not NFC: {s!r}"
        assert not any(_presentation_form(c) for c in s), f"{path.name}: {s!r}"
        assert s == s.strip() or s.strip() == "", f"{path.name}: untrimmed {s!r}"


def test_no_duplicates_within_a_list(data_file):
    path, _, data = data_file
    for where, items in _lists(data):
        keys = [x for x in items if isinstance(x, str)]
        dups = sorted({k for k in keys if keys.count(k) > 1})
        assert not dups, f"{path.name}{where}: duplicates {dups}"


@pytest.mark.parametrize("stem", sorted(EXCLUSIVE))
def test_no_name_under_two_keys_in_exclusive_files(stem):
    path = ROOT / "ar" / f"{stem}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    for section in [data] + [v for v in data.values() if isinstance(v, dict)]:
        owner: dict[str, str] = {}
        for key, names in section.items():
            if not isinstance(names, list):
                continue
            for name in names:
                if not isinstance(name, str):
                    continue
                k = fold(name)
                assert owner.setdefault(k, str(key)) == str(key), (
                    f"{path.name}: {name!r} under both {owner[k]!r} and {key!r}")
