"""Evidence and meeting documents that are inspected (Office files are zips) go through the same limits as
imports: a zip bomb, a zip that lies about its sizes or one of thousands of parts is refused, naming the limit,
before anything is stored; an honest file still passes."""

import io
import time

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from enlace.core.uploads import validate_upload
from tests.factories import hostile_files as hostile


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def word_file() -> bytes:
    document = docx.Document()
    document.add_paragraph("Informe de avance")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("builder", "message"),
    [
        (hostile.zip_bomb_docx, "The file unpacks to more than 100 MB."),
        (hostile.lying_small_docx, "The file is damaged: one of its parts is not the size it declares."),
        (hostile.many_entries_zip, "The file holds more than 2000 parts."),
    ],
    ids=["zip bomb", "lying sizes", "5,000 parts"],
)
def test_a_hostile_office_file_is_refused_as_evidence_naming_the_limit(settings, builder, message):
    settings.ENLACE_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
    settings.ENLACE_MAX_ZIP_ENTRIES = 2000
    data = builder()
    started = time.monotonic()
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        validate_upload(upload("informe.docx", data))
    assert caught.value.messages == [message]
    assert time.monotonic() - started < 5


def test_the_limit_message_comes_in_spanish_too(settings):
    settings.ENLACE_MAX_ZIP_ENTRIES = 2000
    with translation.override("es"), pytest.raises(ValidationError) as caught:
        validate_upload(upload("informe.docx", hostile.many_entries_zip()))
    assert caught.value.messages == ["El archivo contiene más de 2000 partes."]


def test_an_honest_word_file_still_passes():
    assert validate_upload(upload("avance.docx", word_file()))[0] == "avance.docx"


def test_the_unpacked_limit_comes_from_the_settings(settings):
    settings.ENLACE_MAX_UNPACKED_BYTES = 1024  # smaller than any real Word file
    with translation.override("en"), pytest.raises(ValidationError, match="unpacks to more than"):
        validate_upload(upload("avance.docx", word_file()))


def _settings_process(**env_values):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "ENLACE_"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="true", ENLACE_ENV_FILE="", **env_values)
    code = "import django; django.setup(); from enlace.core.limits import FileLimits; print(FileLimits.from_settings())"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60
    )


def test_every_limit_is_set_from_the_environment_and_a_bad_value_stops_the_start():
    result = _settings_process(ENLACE_MAX_PAGES="5", ENLACE_IMPORT_MEMORY_BYTES="536870912")
    assert "max_pages=5," in result.stdout and "memory_bytes=536870912" in result.stdout
    result = _settings_process(ENLACE_MAX_PARAGRAPHS="lots")
    assert result.returncode != 0 and "ENLACE_MAX_PARAGRAPHS='lots' is not a whole number." in result.stderr
