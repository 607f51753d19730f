"""Builders of hostile files, made at test time (nothing binary in the repository): each is small on disk and
expensive to read naively. Also targets for the sandbox that misbehave on purpose."""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib

import docx
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, StreamObject

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


def _template_docx() -> dict[str, bytes]:
    """The parts of an ordinary python-docx document, to swap the main document part of."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _docx_with_body(body_chunks, *, level: int = 9) -> bytes:
    """A .docx whose word/document.xml is streamed from `body_chunks` (bytes), so a huge part costs no memory."""
    parts = _template_docx()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts.items():
            if name == "word/document.xml":
                with archive.open(name, "w") as part:
                    part.write(
                        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
                    )
                    for chunk in body_chunks:
                        part.write(chunk)
                    part.write(b"</w:body></w:document>")
            else:
                archive.writestr(name, data)
    return buffer.getvalue()


def tiny_paragraphs_docx(paragraphs: int = 200_000) -> bytes:
    """Numbered point, then a flood of one-letter paragraphs: about 100 KB that a DOM reader turns into 1 GB."""
    first = b"<w:p><w:r><w:t>1. Acuerdo</w:t></w:r></w:p>"
    tiny = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 1000
    return _docx_with_body([first, *([tiny] * (paragraphs // 1000))])


def deep_xml_docx(depth: int = 50_000) -> bytes:
    """Elements nested tens of thousands deep: recursion and stack for a recursive reader."""
    return _docx_with_body([b"<w:sdt><w:sdtContent>" * depth, b"</w:sdtContent></w:sdt>" * depth])


def entity_docx() -> bytes:
    """The "billion laughs": an internal DTD whose entities expand to gigabytes when resolved."""
    parts = _template_docx()
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">{laughs}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>1. &l9;</w:t></w:r></w:p></w:body></w:document>'
    )
    parts["word/document.xml"] = document.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb_docx(unpacked: int = 300 * MB) -> bytes:
    """An honest bomb: the document part declares and really holds hundreds of MB of blanks (about 300 KB)."""
    blank = b" " * MB
    return _docx_with_body([b"<w:p><w:r><w:t>1. a</w:t></w:r></w:p>", *([blank] * (unpacked // MB))])


def _patch_sizes(data: bytes, member: str, declared: int) -> bytes:
    """The zip with `member`'s uncompressed size rewritten to `declared` in its local and central headers."""
    data = bytearray(data)
    encoded = member.encode()
    central = data.find(b"PK\x01\x02" + b"\x00" * 0)  # first central directory header
    while central >= 0:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_length]) == encoded:
            struct.pack_into("<I", data, central + 24, declared)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


def lying_small_docx(unpacked: int = 300 * MB) -> bytes:
    """Declares a 2 KB document part that really inflates to hundreds of MB."""
    return _patch_sizes(zip_bomb_docx(unpacked), "word/document.xml", 2048)


def lying_large_docx() -> bytes:
    """An ordinary short report whose document part claims to unpack to 4 GB: sizes are not believed either way."""
    document = docx.Document()
    for line in ("INFORME DE LA REUNIÓN", "1. Agradecer a la OIM.", "2. Tomar nota del informe."):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return _patch_sizes(buffer.getvalue(), "word/document.xml", 0xFFFF_FFF0)


def many_entries_zip(entries: int = 5000) -> bytes:
    """A .docx-looking zip with thousands of empty entries: a central directory that costs memory to list."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<x/>")
        for n in range(entries):
            archive.writestr(f"p/{n}", b"")
    return buffer.getvalue()


def _flate_of_repeats(piece: bytes, total: int) -> bytes:
    """zlib data that inflates to `total` bytes of `piece` repeated, compressed in chunks (never held whole)."""
    compressor = zlib.compressobj(9)
    chunk = piece * (MB // len(piece))
    out = [compressor.compress(chunk) for _ in range(total // len(chunk))]
    out.append(compressor.flush())
    return b"".join(out)


def heavy_page_pdf(unpacked: int = 400 * MB, pages: int = 1) -> bytes:
    """A PDF whose page content is a few hundred KB of flate that inflates to hundreds of MB of drawing operators."""
    writer = PdfWriter()
    compressed = _flate_of_repeats(b"0 0 m 1 1 l S\n", unpacked)
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        stream = StreamObject()
        stream._data = compressed
        stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def split_heavy_pdf(streams: int = 40, each: int = 8 * MB) -> bytes:
    """One page whose content is an array of streams, each under the per-page limit, together far over it."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    compressed = _flate_of_repeats(b"0 0 m 1 1 l S\n", each)
    parts = ArrayObject()
    for _ in range(streams):
        stream = StreamObject()
        stream._data = compressed
        stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        parts.append(writer._add_object(stream))
    page[NameObject("/Contents")] = parts
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def many_pages_pdf(pages: int = 2000) -> bytes:
    """Thousands of blank pages: each costs the text extractor its setup."""
    writer = PdfWriter()
    content = DecodedStreamObject()
    content.set_data(b"")
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def many_lines_txt(lines: int = 1_000_000) -> bytes:
    """A .txt of a million numbered lines: 5 MB that a line-by-line parser walks for minutes."""
    return b"1. a\n" * lines


# --- misbehaving targets for the sandbox (run in its child) -------------------------------------------------


def spin(data: bytes, *, limits, **arguments) -> dict:
    """Burns CPU for ever."""
    while True:
        pass


def sleep_forever(data: bytes, *, limits, **arguments) -> dict:
    """Blocks without using CPU: only the wall-clock timeout stops it."""
    time.sleep(3600)
    return {}


def swell(data: bytes, *, limits, **arguments) -> dict:
    """Allocates without end."""
    hoard = []
    while True:
        hoard.append(bytearray(16 * MB))


def crash(data: bytes, *, limits, **arguments) -> dict:
    """Dies the way a crashing C extension does."""
    import os

    os.abort()


def environment(data: bytes, *, limits, **arguments) -> dict:
    """What the child can see of its environment."""
    import os

    return dict(os.environ)
