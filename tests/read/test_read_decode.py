"""decode_bytes: text in, exactly; anything else refused with a reason."""

from __future__ import annotations

import codecs
import gzip

import pytest

from onrecord.errors import ReadError
from onrecord.read import decode_bytes

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def test_plain_utf8_is_returned_unchanged():
    text = "The minister said “no comment” — and left. Café, naïve, 東京.\n"
    assert decode_bytes(text.encode("utf-8")) == text


def test_utf8_bom_is_dropped():
    assert decode_bytes(codecs.BOM_UTF8 + b"Hello there.") == "Hello there."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding):
    text = "She said: “We will appeal.”\r\nThen she left."
    data = text.encode(encoding)
    if encoding != "utf-16":  # the explicit-endian codecs write no BOM
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    assert decode_bytes(data) == text


def test_utf32_with_bom():
    assert decode_bytes("Quote: “yes”.".encode("utf-32")) == "Quote: “yes”."


def test_windows_line_ends_are_kept():
    text = "First paragraph.\r\n\r\n“Second,” he said.\r\n"
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded == text
    assert decoded.count("\r\n") == 3
    assert decoded.index("“Second") == text.index("“Second")


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8])
def test_empty_input_is_refused(data):
    with pytest.raises(ReadError, match="empty"):
        decode_bytes(data, "empty.txt")


@pytest.mark.parametrize("data", [b" ", b"\n\n\r\n\t  ", "\u00a0\u2003\n".encode()])
def test_whitespace_only_input_is_refused(data):
    with pytest.raises(ReadError, match="only whitespace"):
        decode_bytes(data)


def test_png_is_refused_as_an_image():
    with pytest.raises(ReadError, match="PNG image") as caught:
        decode_bytes(PNG_HEADER, "photo.txt")
    assert str(caught.value).startswith("[E100] photo.txt: ")


def test_gzip_is_refused():
    with pytest.raises(ReadError, match="gzip"):
        decode_bytes(gzip.compress(b"an article that was compressed"))


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ],
)
def test_other_binary_formats_are_named(data, what):
    with pytest.raises(ReadError, match=what):
        decode_bytes(data)


def test_nul_bytes_are_refused_with_their_offset():
    with pytest.raises(ReadError, match="NUL byte at offset 5"):
        decode_bytes(b"hello\x00world")


def test_utf16_without_bom_gets_a_hint():
    with pytest.raises(ReadError, match="UTF-16 without a byte-order mark"):
        decode_bytes("A plain sentence in the wrong encoding.".encode("utf-16-le"))


def test_bzip2_magic_needs_its_level_digit():
    assert decode_bytes(b"BZhang said the plan was fine.") == "BZhang said the plan was fine."


def test_invalid_utf8_names_the_byte_offset():
    data = "Déjà vu".encode() + b", said Ren\xe9 yesterday."
    offset = data.index(b"\xe9")
    with pytest.raises(ReadError) as caught:
        decode_bytes(data, "latin1.txt")
    message = str(caught.value)
    assert f"byte offset {offset}" in message
    assert "0xe9" in message
    assert "UTF-8" in message
    assert "\n" not in message


def test_truncated_utf8_at_the_end_is_refused():
    data = "ends mid-character: “".encode()[:-1]
    with pytest.raises(ReadError, match=f"byte offset {len(data) - 2}"):
        decode_bytes(data)
