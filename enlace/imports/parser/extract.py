"""`extract_text`: the plain text of an uploaded report (.txt, .docx, .pdf), told apart by content."""

from __future__ import annotations

import io

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from enlace.core import limits as file_limits
from enlace.core.limits import FileLimits, LimitExceeded

from .errors import ReportFileError

_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
_TEXT_EXTENSIONS = ("", ".txt", ".text", ".md")
_UNSUPPORTED_HINTS = {
    b"\xd0\xcf\x11\xe0": _("This is an old Word (.doc) file: save it as .docx and try again."),
    b"{\\rtf": _("This is an RTF file: save it as .docx and try again."),
}


def _extension(filename: str) -> str:
    name = filename.lower().rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[1] if "." in name else ""


def extract_text(data: bytes, filename: str, limits: FileLimits | None = None) -> str:
    """The report's text. Raises ReportFileError for a file that is not a readable .txt, .docx or .pdf, or one
    over a limit (`limits`, by default the settings'); its message then names the limit."""
    limits = limits or FileLimits.from_settings()
    try:
        return _extract_text(data, filename, limits)
    except LimitExceeded as error:
        raise ReportFileError(error.message, code=error.code) from None


def _extract_text(data: bytes, filename: str, limits: FileLimits) -> str:
    if not data:
        raise ReportFileError(_("The file is empty."))
    if len(data) > limits.max_upload_bytes:
        raise file_limits.too_large(limits.max_upload_bytes)
    extension = _extension(filename)
    if b"%PDF-" in data[:1024]:
        text = _pdf_text(data, limits)
    elif data[:4] == b"PK\x03\x04":
        text = _docx_text(data, limits)
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
    if text.count("\n") >= limits.max_paragraphs:  # lines: a page of a report holds some fifty
        raise file_limits.too_many_paragraphs(limits.max_paragraphs)
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


def _damaged() -> ReportFileError:
    return ReportFileError(_("The file is damaged and could not be read."))


def _docx_text(data: bytes, limits: FileLimits) -> str:
    from .docx_text import docx_text

    try:
        with file_limits.open_zip(io.BytesIO(data), limits) as archive:
            return docx_text(archive, limits)
    except LimitExceeded:
        raise
    except KeyError:  # no main document: some other kind of zip
        raise _unsupported() from None
    except (MemoryError, RecursionError):
        raise
    except Exception:  # zipfile and lxml raise many kinds of errors on a broken package
        raise _damaged() from None


def _pdf_text(data: bytes, limits: FileLimits) -> str:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    per_page = limits.max_page_stream_bytes
    try:
        # pypdf stops any one stream at the per-page limit; the loop below adds up each page and the whole file.
        with apply_configuration(
            zlib_maximum_output_length=per_page,
            lzw_maximum_output_length=per_page,
            run_length_maximum_output_length=per_page,
            array_based_stream_maximum_output_length=per_page,
            brotli_maximum_output_length=per_page,
            stream_decoding_work_maximum_length=per_page * 4,
            maximum_declared_stream_length=limits.max_upload_bytes,
        ):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):  # "" opens files locked only against editing
                raise FileNotDecryptedError("password")
            _check_page_count(reader, limits)
            budget = file_limits.UnpackBudget(limits.max_unpacked_bytes)
            for page in reader.pages:
                _check_page_streams(page, budget, limits)
        # pypdf has checked the file's structure and sizes under the limits; PDFium reads the text, many times
        # faster than pypdf's own extraction. Pages are separated by form feeds so the parser can find running
        # headers and footers.
        return "\f".join(_pdfium_page_texts(data))
    except LimitExceeded:
        raise
    except LimitReachedError:
        raise file_limits.page_unpacks_too_large(per_page) from None
    except (FileNotDecryptedError, DependencyError):
        raise ReportFileError(
            _("The PDF is protected with a password. Remove the protection and upload it again.")
        ) from None
    except (MemoryError, RecursionError):
        raise
    except Exception:  # pypdf raises assorted errors on malformed files
        raise _damaged() from None


def _pdfium_page_texts(data: bytes) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            text = text_page.get_text_range()
            text_page.close()
            page.close()
            # PDFium ends lines with CR LF and marks a hyphen it added at a line break with U+0002.
            texts.append(text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-"))
        return texts
    finally:
        document.close()


def _check_page_count(reader, limits: FileLimits) -> None:
    try:  # the count the page tree declares, before pypdf walks it
        declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except (KeyError, TypeError, ValueError):
        declared = 0
    if declared > limits.max_pages or len(reader.pages) > limits.max_pages:
        raise file_limits.too_many_pages(limits.max_pages)


def _check_page_streams(page, budget, limits: FileLimits) -> None:
    """Inflates the page's content streams (pypdf keeps them for the text extraction) and counts their size."""
    contents = page.get("/Contents")
    if contents is None:
        return
    contents = contents.get_object()
    streams = contents if isinstance(contents, list) else [contents]
    size = 0
    for stream in streams:
        stream = stream.get_object()
        if hasattr(stream, "get_data"):
            size += len(stream.get_data())
        if size > limits.max_page_stream_bytes:
            raise file_limits.page_unpacks_too_large(limits.max_page_stream_bytes)
    budget.take(size)
