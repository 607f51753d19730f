"""`extract_text`: the plain text of an uploaded report (.txt, .docx, .pdf), told apart by content."""

from __future__ import annotations

import io
import zipfile

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .errors import ReportFileError

MAX_REPORT_BYTES = 20 * 1024 * 1024
# A .docx is a zip: refuse one that would unpack to far more than any report (a "zip bomb").
_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
_TEXT_EXTENSIONS = ("", ".txt", ".text", ".md")
_UNSUPPORTED_HINTS = {
    b"\xd0\xcf\x11\xe0": _("This is an old Word (.doc) file: save it as .docx and try again."),
    b"{\\rtf": _("This is an RTF file: save it as .docx and try again."),
}


def _extension(filename: str) -> str:
    name = filename.lower().rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[1] if "." in name else ""


def extract_text(data: bytes, filename: str) -> str:
    """The report's text. Raises ReportFileError for a file that is not a readable .txt, .docx or .pdf."""
    if not data:
        raise ReportFileError(_("The file is empty."))
    if len(data) > MAX_REPORT_BYTES:
        raise ReportFileError(
            format_lazy(_("The file is larger than {size} MB."), size=MAX_REPORT_BYTES // (1024 * 1024))
        )
    extension = _extension(filename)
    if b"%PDF-" in data[:1024]:
        text = _pdf_text(data)
    elif data[:4] == b"PK\x03\x04":
        text = _docx_text(data)
    elif extension in (".pdf", ".docx"):
        raise ReportFileError(
            format_lazy(_("The file is damaged or is not really a {kind} file."), kind=extension[1:].upper())
        )
    else:
        for magic, message in _UNSUPPORTED_HINTS.items():
            if data.startswith(magic):
                raise ReportFileError(message)
        if data.startswith(_IMAGES):
            raise _unsupported()
        text = _plain_text(data, extension)
    if not text.strip():
        raise ReportFileError(
            _("No text could be read from the file. A scanned document must go through text recognition (OCR) "
              "first.")
        )  # fmt: skip
    return text


def _unsupported() -> ReportFileError:
    return ReportFileError(_("Unsupported file type: upload the report as .docx, .pdf or .txt."))


def _plain_text(data: bytes, extension: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode" is UTF-16 with a byte-order mark
        return data.decode("utf-16", errors="replace")
    # Binary data (images, executables) has NUL bytes; text in any 8-bit encoding has none.
    if b"\x00" in data[:8192] or (extension not in _TEXT_EXTENSIONS and _looks_binary(data)):
        raise _unsupported()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    control = sum(byte < 32 and byte not in (9, 10, 12, 13) for byte in sample)
    return control > len(sample) // 100


def _docx_text(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReportFileError(_("The file is damaged and could not be read.")) from None
    if "word/document.xml" not in names:
        raise _unsupported()
    if unpacked > _MAX_UNPACKED_BYTES:
        raise ReportFileError(_("The file is damaged and could not be read."))
    from .docx_text import docx_text

    try:
        return docx_text(data)
    except Exception:  # python-docx raises many kinds of errors on a broken package
        raise ReportFileError(_("The file is damaged and could not be read.")) from None


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # "" opens files locked only against editing
            raise FileNotDecryptedError("password")
        # Pages are separated by form feeds so the parser can find running headers and footers.
        return "\f".join(page.extract_text() or "" for page in reader.pages)
    except (FileNotDecryptedError, DependencyError):
        raise ReportFileError(
            _("The PDF is protected with a password. Remove the protection and upload it again.")
        ) from None
    except PdfReadError:
        raise ReportFileError(_("The file is damaged and could not be read.")) from None
    except Exception:  # pypdf raises assorted errors on malformed files
        raise ReportFileError(_("The file is damaged and could not be read.")) from None
