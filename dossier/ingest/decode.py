"""Bytes to text: byte-order marks, strict UTF-8, then a guessed legacy encoding; binary refused."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from dossier.errors import DossierError

# Longest marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SAMPLE = 65_536  # bytes (or characters) looked at to judge a file: enough, and bounded
# Control bytes other than tab, newlines, form feed and NUL. Text has next to none; random
# bytes have about 10%, so 5% separates the two with room on both sides.
_CONTROL_BYTES = bytes([*range(1, 9), 0x0B, *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_RATIO = 0.05
_ASCII = bytes(range(0x80))
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.I)
_BINARY_FIX = "only text articles (.md, .txt, .html) can be read"


@dataclass
class Decoded:
    """The decoded file text, the encoding used and what the reader should know about it."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(raw: bytes, rel_path: str, *, html: bool = False) -> Decoded:
    """Decode `raw` without touching newlines; raise `DossierError` for empty or binary files.

    A byte-order mark is dropped from the text (it is not part of the article); every offset
    downstream indexes the returned text.
    """
    if not raw:
        raise DossierError("empty file", rel_path, fix="delete it or paste the article into it")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise DossierError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}",
                    rel_path,
                    fix="re-save it as UTF-8",
                ) from None
            return _checked(Decoded(text, encoding), rel_path)
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return _checked(utf16, rel_path)
    sample = raw[:SAMPLE]
    nuls = sample.count(0)
    if (
        nuls * 2 > len(sample)
        or _ratio(len(sample) - len(sample.translate(None, _CONTROL_BYTES)), len(sample) - nuls)
        > _MAX_CONTROL_RATIO
    ):
        raise DossierError("binary file, not text", rel_path, fix=_BINARY_FIX)
    try:
        return _checked(Decoded(raw.decode("utf-8"), "utf-8"), rel_path)
    except UnicodeDecodeError:
        pass
    for encoding in _legacy_candidates(raw, html):
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        name = codecs.lookup(encoding).name
        note = f"not UTF-8: read as {name}"
        return _checked(Decoded(text, name, [note]), rel_path)
    raise DossierError(
        "cannot tell the text encoding (not UTF-8, no known legacy encoding fits)",
        rel_path,
        fix="re-save it as UTF-8",
    )


def _legacy_candidates(raw: bytes, html: bool) -> list[str]:
    """Encodings to try, best first, for bytes that are not UTF-8."""
    out: list[str] = []
    if html:
        meta = _META_CHARSET.search(raw[:4096])
        if meta:
            out.append(meta.group(1).decode("ascii"))
    sample = raw[:SAMPLE]
    # English in Windows-1252 is nearly all ASCII; charset-normalizer often calls such text
    # cp1250, which turns "naïve" into "naďve". Cyrillic or Greek code pages are mostly high bytes.
    high = len(sample.translate(None, _ASCII))
    if _ratio(len(sample) - high, len(sample)) >= 0.9:
        out.append("cp1252")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[: SAMPLE * 4]).best()
        if best is not None:
            out.append(best.encoding)
    except Exception:  # a guesser failing is no reason to fail the file; cp1252 is tried next
        pass
    out.append("cp1252")
    return out


def _utf16_without_bom(raw: bytes) -> Decoded | None:
    """UTF-16 text saved without a mark shows NUL in every other byte (for Latin text)."""
    sample = raw[: SAMPLE - SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 4 or sample.count(0) * 10 < len(sample) * 3:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= pairs * 0.8 and even_nul <= pairs * 0.05:
        encoding = "utf-16-le"
    elif even_nul >= pairs * 0.8 and odd_nul <= pairs * 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = raw[: len(raw) - len(raw) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    return Decoded(text, encoding, [f"no byte-order mark: read as {encoding.upper()}"])


def _checked(decoded: Decoded, rel_path: str) -> Decoded:
    """Refuse text that decoded but is mostly control, private-use or unassigned characters."""
    sample = decoded.text[:SAMPLE]
    if not sample.strip("\x00 \t\r\n\ufeff"):
        raise DossierError(
            "empty file (no text)", rel_path, fix="delete it or paste the article into it"
        )
    # Count each distinct character once: Counter runs in C, the category look-ups do not.
    odd = sum(n for ch, n in Counter(sample).items() if _is_garbage(ch))
    if _ratio(odd, len(sample) - sample.count("\x00")) > _MAX_CONTROL_RATIO:
        raise DossierError("binary file, not text", rel_path, fix=_BINARY_FIX)
    return decoded


def _is_garbage(ch: str) -> bool:
    if ch in "\t\n\r\x00\x0c":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole > 0 else 0.0
