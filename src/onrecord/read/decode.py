"""Bytes to text, refusing anything that is not a text article.

A wrong guess here silently corrupts every offset downstream, so the rules are strict: UTF-8
(a BOM is allowed and dropped) or UTF-16/32 with a BOM, nothing else. Line ends are kept as
they are because offsets index the text exactly as decoded.
"""

from __future__ import annotations

import codecs
import re

from onrecord.errors import ReadError

# Longest signatures first, so UTF-32 LE (FF FE 00 00) is not taken for UTF-16 LE (FF FE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.odt file)"),
    (b"PK\x05\x06", "an empty zip archive"),
    *((b"BZh" + bytes([level]), "bzip2-compressed data") for level in b"123456789"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office file"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)


class NotUtf8Error(ReadError):
    """Bytes that are text but not UTF-8: an HTML page may still declare its charset."""


def decode_bytes(data: bytes, path: str | None = None) -> str:
    """Decode an article's bytes, or raise ``ReadError`` saying why they are not text."""
    text = _decode_by_bom(data, path)
    if text is None:
        _refuse_binary(data, path)
        text = _decode_utf8(data, path)
    _refuse_blank(text, path)
    return text


def decode_html_bytes(data: bytes, path: str | None = None) -> str:
    """Decode an HTML page, honouring a ``<meta charset>`` when the bytes are not UTF-8.

    Old news sites still serve windows-1252 or ISO-8859-1 pages that declare it; refusing
    them would be pedantic when the page says what it is.
    """
    try:
        return decode_bytes(data, path)
    except NotUtf8Error as utf8_error:
        declared = _declared_charset(data)
        if declared is None:
            raise
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            raise utf8_error from None
        _refuse_blank(text, path)
        return text


def _decode_by_bom(data: bytes, path: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ReadError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} at byte offset {error.start}",
                    path=path,
                ) from None
    return None


def _refuse_binary(data: bytes, path: str | None) -> None:
    for magic, what in _MAGIC_NUMBERS:
        if data.startswith(magic):
            raise ReadError(f"looks like {what}, not a text article", path=path)
    nul = data.find(b"\x00")
    if nul >= 0:
        hint = ""
        if _looks_like_utf16(data):
            hint = " (UTF-16 without a byte-order mark? save it as UTF-8)"
        raise ReadError(f"binary data: NUL byte at offset {nul}{hint}", path=path)


def _looks_like_utf16(data: bytes) -> bool:
    """Plain ASCII saved as UTF-16 has a NUL in every other byte."""
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def _decode_utf8(data: bytes, path: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise NotUtf8Error(
            f"not valid UTF-8: byte 0x{bad} at byte offset {error.start} (save the file as UTF-8)",
            path=path,
        ) from None


def _refuse_blank(text: str, path: str | None) -> None:
    if not text:
        raise ReadError("empty input: no text to read", path=path)
    if text.isspace():
        raise ReadError("input holds only whitespace: no text to read", path=path)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
