"""Limits on what an uploaded file may cost to read, and the zip checks every Office file goes through.

The values live in settings (ENLACE_MAX_* and ENLACE_IMPORT_*, each with an environment override); `FileLimits`
carries them into the child process that reads a report, which has no settings of its own. A file over a limit
raises `LimitExceeded`, whose message names the limit in the reader's language.
"""

from __future__ import annotations

import dataclasses
import struct
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
_CHUNK = 64 * 1024
_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"


@dataclass(frozen=True)
class FileLimits:
    max_upload_bytes: int
    max_unpacked_bytes: int
    max_zip_entries: int
    max_xml_depth: int
    max_pages: int
    max_page_stream_bytes: int
    max_paragraphs: int
    cpu_seconds: int
    wall_seconds: int
    memory_bytes: int

    @classmethod
    def from_settings(cls) -> FileLimits:
        return cls(
            max_upload_bytes=settings.ENLACE_MAX_UPLOAD_BYTES,
            max_unpacked_bytes=settings.ENLACE_MAX_UNPACKED_BYTES,
            max_zip_entries=settings.ENLACE_MAX_ZIP_ENTRIES,
            max_xml_depth=settings.ENLACE_MAX_XML_DEPTH,
            max_pages=settings.ENLACE_MAX_PAGES,
            max_page_stream_bytes=settings.ENLACE_MAX_PAGE_STREAM_BYTES,
            max_paragraphs=settings.ENLACE_MAX_PARAGRAPHS,
            cpu_seconds=settings.ENLACE_IMPORT_CPU_SECONDS,
            wall_seconds=settings.ENLACE_IMPORT_WALL_SECONDS,
            memory_bytes=settings.ENLACE_IMPORT_MEMORY_BYTES,
        )

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> FileLimits:
        return cls(**{field.name: int(values[field.name]) for field in dataclasses.fields(cls)})


def megabytes(size: int) -> str:
    return f"{size / MB:g}"


class LimitExceeded(Exception):
    """A file over one of the limits; `code` names the limit, `message` is translatable and safe to show."""

    def __init__(self, code: str, message):
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def too_large(limit: int) -> LimitExceeded:
    return LimitExceeded(
        "upload", format_lazy(_("The file is larger than {size} MB."), size=megabytes(limit))
    )


def unpacks_too_large(limit: int) -> LimitExceeded:
    return LimitExceeded(
        "unpacked", format_lazy(_("The file unpacks to more than {size} MB."), size=megabytes(limit))
    )


def too_many_parts(limit: int) -> LimitExceeded:
    return LimitExceeded(
        "zip_entries", format_lazy(_("The file holds more than {count} parts."), count=limit)
    )


def too_deep(limit: int) -> LimitExceeded:
    return LimitExceeded(
        "xml_depth", format_lazy(_("The file's XML is nested more than {depth} levels deep."), depth=limit)
    )


def declares_entities() -> LimitExceeded:
    return LimitExceeded(
        "xml_entities", _("The file declares its own XML entities (a DTD), which Word files never do.")
    )


def too_many_pages(limit: int) -> LimitExceeded:
    return LimitExceeded("pages", format_lazy(_("The file has more than {count} pages."), count=limit))


def page_unpacks_too_large(limit: int) -> LimitExceeded:
    return LimitExceeded(
        "page_stream",
        format_lazy(_("A page of the file unpacks to more than {size} MB."), size=megabytes(limit)),
    )


def too_many_paragraphs(limit: int) -> LimitExceeded:
    return LimitExceeded(
        "paragraphs", format_lazy(_("The file has more than {count} paragraphs."), count=limit)
    )


def took_too_long(seconds: int) -> LimitExceeded:
    return LimitExceeded(
        "time", format_lazy(_("Reading the file took longer than {seconds} seconds."), seconds=seconds)
    )


def needed_too_much_memory(limit: int) -> LimitExceeded:
    return LimitExceeded(
        "memory",
        format_lazy(_("Reading the file needed more than {size} MB of memory."), size=megabytes(limit)),
    )


# --- zips ---------------------------------------------------------------------------------------------------


def zip_entry_count(head_and_tail: bytes) -> int | None:
    """The number of entries the end-of-central-directory record announces, read before zipfile builds one
    object per entry (a 20 MB central directory names some 400,000); None when there is no such record. Zip64
    archives (over 65,535 entries or 4 GB) are counted as too many: no report or Office file needs them."""
    end = head_and_tail.rfind(_EOCD)
    if end < 0 or len(head_and_tail) < end + 22:
        return None
    if _ZIP64_LOCATOR in head_and_tail[max(0, end - 20) : end]:
        return 1 << 32
    (entries,) = struct.unpack("<H", head_and_tail[end + 10 : end + 12])
    return 1 << 32 if entries == 0xFFFF else entries


def open_zip(fileobj, limits: FileLimits) -> zipfile.ZipFile:
    """A ZipFile for a file whose entry count is within the limit. Raises zipfile.BadZipFile for a broken one."""
    fileobj.seek(0, 2)
    size = fileobj.tell()
    fileobj.seek(max(0, size - (65_536 + 22)))  # the record sits after at most a 64 KB comment
    count = zip_entry_count(fileobj.read())
    fileobj.seek(0)
    if count is None:
        raise zipfile.BadZipFile("no end of central directory")
    if count > limits.max_zip_entries:
        raise too_many_parts(limits.max_zip_entries)
    return zipfile.ZipFile(fileobj)


class UnpackBudget:
    """The bytes a zip may unpack to, counted as they come out of the decompressor: declared sizes are not
    believed (an entry may say 1 KB and inflate to gigabytes, or say gigabytes and hold nothing)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.used = 0

    def take(self, amount: int) -> None:
        self.used += amount
        if self.used > self.limit:
            raise unpacks_too_large(self.limit)


def lies_about_its_size() -> LimitExceeded:
    return LimitExceeded(
        "lying_sizes", _("The file is damaged: one of its parts is not the size it declares.")
    )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: UnpackBudget) -> bytes:
    """The entry's bytes, read in chunks against the budget so a bomb stops at the limit, not at the end.
    zipfile stops at the declared size (an entry that holds more then fails its checksum); an entry whose
    compressed data is larger than what it says it unpacks to is a lie deflate cannot tell."""
    return b"".join(_inflate(archive, info, budget))


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: UnpackBudget):
    if info.compress_type == zipfile.ZIP_DEFLATED and info.compress_size > info.file_size * 1.01 + 1024:
        raise lies_about_its_size()
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            budget.take(len(chunk))
            yield chunk


def check_unpacked_size(archive: zipfile.ZipFile, limits: FileLimits) -> None:
    """Inflates every entry (keeping nothing) to check the archive's real unpacked size against the limit."""
    budget = UnpackBudget(limits.max_unpacked_bytes)
    for info in archive.infolist():
        for _chunk in _inflate(archive, info, budget):
            pass
