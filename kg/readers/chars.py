"""Radicals and compatibility ideographs folded to the ordinary characters.

A PDF's text layer maps each glyph back to one character. CJK fonts such as Noto
Sans CJK and Source Han Sans draw 力 and the Kangxi radical ⼒ (U+2F12) with one
glyph, and many PDF writers pick the lowest code point the font maps to that glyph:
the radical. Text extracted from such a file reads ``⼒⽀⽅`` for 力支方 and ``⻓⻅``
for 长见; NER, alias matching and search all miss the names written with them.

The table is data, generated where Unicode says what a character stands for:

- Kangxi Radicals (U+2F00–U+2FD5): their compatibility decomposition (⼒ → 力);
- CJK Compatibility Ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F): their canonical
  decomposition (the twelve in that block that are unified ideographs stay);
- CJK Radicals Supplement (U+2E80–U+2EF3): Unicode gives only two of them a
  decomposition, so they come from a table below, after Unicode's
  EquivalentUnifiedIdeograph data, with three more that text extracted from
  PDFs is known to contain (⻆ 角, ⻔ 门, ⺩ 王).

NFKC alone is not enough, and not wanted: it leaves the Radicals Supplement as it
is (⻓ 长, ⻅ 见, ⻔ 门 and the other simplified forms are exactly what Chinese PDFs
contain), and it also rewrites what must stay — full-width punctuation (，：（）)
becomes ASCII, ㈠ becomes (一). Folding touches these blocks and nothing else.

One Kangxi radical is folded to the simplified character rather than to its
decomposition: ⼾ (DOOR) decomposes to 戶, but the glyph it shares in
simplified-Chinese fonts is 户's (用户, 客户).
"""
from __future__ import annotations

import re
import unicodedata

#: CJK Radicals Supplement → ordinary character (code point pairs, in hex).
_SUPPLEMENT = """
2E80 51AB  2E81 5382  2E82 4E5B  2E83 4E5A  2E84 4E59  2E85 4EBB  2E86 5182  2E89 5202
2E8A 535C  2E8B 353E  2E8E 5140  2E8F 5C23  2E90 5C22  2E92 5DF3  2E93 5E7A  2E94 5F51
2E95 5F50  2E96 5FC4  2E97 38FA  2E98 624C  2E99 6535  2E9B 65E1  2E9D 6708  2E9E 6B7A
2E9F 6BCD  2EA0 6C11  2EA1 6C35  2EA2 6C3A  2EA3 706C  2EA5 722B  2EA6 4E2C  2EA8 72AD
2EA9 738B  2EAB 7F52  2EAC 793A  2EAD 793B  2EAF 7CF9  2EB0 7E9F  2EB1 7F53  2EB3 34C1
2EB4 34C1  2EB9 8002  2EBA 8080  2EBC 6708  2EBD 81FC  2EBE 8279  2EBF 8279  2EC0 8279
2EC1 864E  2EC2 8864  2EC3 8980  2EC4 897F  2EC5 89C1  2EC6 89D2  2EC8 8BA0  2EC9 8D1D
2ECB 8F66  2ECD 8FB6  2ECF 961D  2ED0 9485  2ED1 9577  2ED2 9578  2ED3 957F  2ED4 95E8
2ED6 961D  2ED8 9752  2ED9 97E6  2EDA 9875  2EDB 98CE  2EDC 98DE  2EDD 98DF  2EDF 98E0
2EE0 9963  2EE2 9A6C  2EE3 9AA8  2EE4 9B3C  2EE5 9C7C  2EE6 9E1F  2EE7 5364  2EE8 9EA6
2EE9 9EC4  2EEA 9EFE  2EEB 6589  2EEC 9F50  2EED 6B6F  2EEE 9F7F  2EEF 7ADC  2EF0 9F99
2EF1 9F9C  2EF2 4E80  2EF3 9F9F
"""
#: Where the simplified-Chinese glyph differs from the decomposition.
_SIMPLIFIED = {0x2F3E: 0x6237}  # ⼾ → 户, not 戶

BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def _table() -> dict[int, int]:
    table: dict[int, int] = {}
    for first, last in BLOCKS[1:]:
        for code in range(first, last + 1):
            parts = unicodedata.decomposition(chr(code)).replace("<compat>", "").split()
            if len(parts) == 1:
                table[code] = int(parts[0], 16)
    codes = _SUPPLEMENT.split()
    table.update({int(a, 16): int(b, 16) for a, b in zip(codes[::2], codes[1::2])})
    table.update(_SIMPLIFIED)
    return table


#: Code point → code point, for ``str.translate``.
FOLD: dict[int, int] = _table()


#: Any character of the blocks folding touches (a quick test: most text has none).
_FOLDABLE = re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in BLOCKS) + "]")


def fold(text: str) -> str:
    """``text`` with radicals and compatibility ideographs as the ordinary characters."""
    return text.translate(FOLD) if _FOLDABLE.search(text) else text


def unfolded(text: str) -> list[str]:
    """The radicals (either block) and foldable compatibility ideographs ``text`` holds."""
    return [c for c in text if ord(c) in FOLD or 0x2E80 <= ord(c) <= 0x2FDF]
