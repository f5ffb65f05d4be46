"""Catalog helpers: extract manifest summaries for translation; fill the English catalog.

`python -m core.i18n_tools fill-english PO` copies each msgid into an empty msgstr of the English
catalog, so that catalog is complete and a later English wording change is made in one place.
"""
from __future__ import annotations

import ast
import sys


def extract_manifest(fileobj, keywords, comment_tags, options):
    """Babel extractor: a manifest's `summary` is shown on the modules screen, so it is translatable."""
    manifest = ast.literal_eval(fileobj.read().decode("utf-8"))
    if isinstance(manifest, dict) and manifest.get("summary"):
        yield 1, "gettext", manifest["summary"], []


def fill_english(path: str) -> int:
    from babel.messages.pofile import read_po, write_po
    with open(path, "rb") as fh:
        catalog = read_po(fh, locale="en")
    filled = 0
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
            filled += 1
        if message.fuzzy and message.id:
            message.flags.discard("fuzzy")
    with open(path, "wb") as fh:
        write_po(fh, catalog, omit_header=False, sort_output=True, width=100)
    return filled


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "fill-english":
        print(f"filled {fill_english(sys.argv[2])} English entries")
    else:
        sys.exit("usage: python -m core.i18n_tools fill-english PATH.po")
