"""Pinyin initials of a name, for finding 客户2 by typing "kh2".

The 3,755 common characters of GB 2312 (level 1, lead bytes 0xB0–0xD7) are ordered by their pinyin, so a
character's initial is the letter whose first code point is the last at or below its own. Rarer characters
(level 2, ordered by radical) and characters outside GB 2312 add nothing; letters and digits are kept.
"""
from __future__ import annotations

import bisect

# (first GB 2312 code of the letter, letter); i, u and v begin no syllable's written form
_STARTS = [(0xB0A1, "a"), (0xB0C5, "b"), (0xB2C1, "c"), (0xB4EE, "d"), (0xB6EA, "e"), (0xB7A2, "f"),
           (0xB8C1, "g"), (0xB9FE, "h"), (0xBBF7, "j"), (0xBFA6, "k"), (0xC0AC, "l"), (0xC2E8, "m"),
           (0xC4C3, "n"), (0xC5B6, "o"), (0xC5BE, "p"), (0xC6DA, "q"), (0xC8BB, "r"), (0xC8F6, "s"),
           (0xCBFA, "t"), (0xCDDA, "w"), (0xCEF4, "x"), (0xD1B9, "y"), (0xD4D1, "z")]
_CODES = [code for code, _letter in _STARTS]
_LEVEL_ONE_END = 0xD7F9
MAX_LENGTH = 100


def _initial(char: str) -> str:
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    try:
        raw = char.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(raw) != 2:
        return ""
    code = raw[0] << 8 | raw[1]
    if not _CODES[0] <= code <= _LEVEL_ONE_END:
        return ""
    return _STARTS[bisect.bisect_right(_CODES, code) - 1][1]


def initials(name) -> str:
    return "".join(_initial(c) for c in str(name or ""))[:MAX_LENGTH]


class Initialled:
    """A model whose `initials` column follows its `name` on every save (bulk writes call `initials`)."""

    def save(self, *args, **kwargs):
        self.initials = initials(self.name)
        return super().save(*args, **kwargs)
