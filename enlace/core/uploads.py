"""Uploaded files and links kept as Documents: checked by size, extension and content, stored all or nothing."""

import zipfile
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from enlace.core.limits import FileLimits, LimitExceeded, check_unpacked_size, open_zip
from enlace.core.models import Document

CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
}
# The part every Office Open XML package of that kind holds.
OOXML_PARTS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml", ".pptx": "ppt/presentation.xml"}
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls (Compound File Binary)
MAGIC = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".doc": (OLE_HEADER,),
    ".xls": (OLE_HEADER,),
}
MAX_NAME_LENGTH = 120


def max_upload_bytes() -> int:
    return settings.ENLACE_MAX_UPLOAD_BYTES


def safe_filename(name: str) -> str:
    """The base name only, with characters a file system or a header could misread replaced, extension lowered."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    path = PurePosixPath(base)
    suffix = path.suffix.lower() if path.stem else ""
    stem = path.stem if path.stem else base
    try:
        stem = get_valid_filename(stem.strip(". "))
    except SuspiciousFileOperation:
        stem = ""
    stem = stem[: MAX_NAME_LENGTH - len(suffix)] or "file"
    return f"{stem}{suffix}"


def _content_matches(extension: str, upload) -> bool:
    """Whether the content is what the extension says. An Office file (a zip) over the limits on entries or
    unpacked size raises LimitExceeded: a zip bomb kept as evidence would go off on whoever opens it."""
    upload.seek(0)
    try:
        if extension in MAGIC:
            head = upload.read(16)
            return any(head.startswith(magic) for magic in MAGIC[extension])
        if extension in OOXML_PARTS:
            limits = FileLimits.from_settings()
            try:
                with open_zip(upload, limits) as package:
                    names = set(package.namelist())
                    if "[Content_Types].xml" not in names or OOXML_PARTS[extension] not in names:
                        return False
                    check_unpacked_size(package, limits)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
                return False
            return True
        # Plain text and CSV: UTF-8 (with or without a BOM), no NUL bytes.
        data = upload.read()
        if b"\x00" in data:
            return False
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    finally:
        upload.seek(0)


def validate_upload(upload) -> tuple[str, str]:
    """Checks size, extension and content; returns (safe file name, content type) or raises ValidationError."""
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large: the limit is %(max)s.") % {"max": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    name = safe_filename(upload.name)
    extension = PurePosixPath(name).suffix
    if extension not in CONTENT_TYPES:
        raise ValidationError(
            _(
                "This kind of file is not accepted. Upload a PDF, Word, Excel, PowerPoint, PNG, JPEG, "
                "text or CSV file."
            ),
            code="file_type",
        )
    try:
        matches = _content_matches(extension, upload)
    except LimitExceeded as error:
        raise ValidationError(str(error.message), code=error.code) from None
    if not matches:
        raise ValidationError(
            _("The content of the file does not match its extension (%(extension)s).")
            % {"extension": extension},
            code="content_mismatch",
        )
    return name, CONTENT_TYPES[extension]


def validate_link(url: str) -> None:
    if not url.lower().startswith("https://"):
        raise ValidationError(_("A link must start with https://"), code="https_only")
    URLValidator(schemes=["https"], message=_("Enter a valid link."))(url)


def document_create(
    *, owner_id, visibility, title: str, user, file=None, url: str = "", attach=None
) -> Document:
    """A Document from exactly one of a checked file or an https link, saved with `attach(document)` (which
    links it to its record) in one transaction; a stored file is removed again if anything fails."""
    url = (url or "").strip()
    if bool(file) == bool(url):
        raise ValidationError(_("Add either a file or a link (not both)."))
    if file:
        name, content_type = validate_upload(file)
        size = file.size
    else:
        validate_link(url)
        name, content_type, size = "", "", 0
    document = Document(
        owner_id=owner_id,
        visibility=visibility,
        title=(title or "").strip()[:300] or (name or url)[:300],
        url=url,
        content_type=content_type,
        size=size,
        uploaded_by=user,
    )
    document._history_user = user
    stored = ""
    try:
        with transaction.atomic():
            if file:
                document.file.save(name, file, save=False)
                stored = document.file.name
            document.save()
            if attach is not None:
                attach(document)
    except Exception:
        if stored:
            document.file.storage.delete(stored)
        raise
    return document
