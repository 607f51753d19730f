"""Nothing secret in a demo installation comes from the published code: its TOTP key and SECRET_KEY are its own."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from enlace.core.demo import PUBLISHED_DEMO_TOTP_KEY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def admin_device():
    return TOTPDevice.objects.get(user__username="st.admin", confirmed=True)


@pytest.mark.django_db
def test_demo_administrator_code_cannot_be_computed_from_the_published_code():
    call_command("load_demo")
    first_key = admin_device().key
    assert first_key != PUBLISHED_DEMO_TOTP_KEY
    call_command("load_demo")
    assert admin_device().key == first_key  # loading again keeps the installation's key
    TOTPDevice.objects.all().delete()
    call_command("load_demo")
    assert admin_device().key != first_key  # another installation, another key


@pytest.mark.django_db
def test_an_installation_with_the_published_demo_key_gets_a_new_one(settings):
    call_command("load_demo")
    device = admin_device()
    device.key = PUBLISHED_DEMO_TOTP_KEY
    device.save()
    call_command("load_demo")
    assert admin_device().key != PUBLISHED_DEMO_TOTP_KEY


@pytest.mark.django_db
def test_make_totp_prints_the_current_code_of_the_installation_key(settings):
    settings.DEBUG = True
    call_command("load_demo")
    out = io.StringIO()
    call_command("demo_totp", "st.admin", stdout=out)
    device = admin_device()
    assert out.getvalue().strip() == f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is needed")
def test_make_writes_a_private_env_with_a_fresh_secret_key_once(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    subprocess.run(["make", "-s", ".env"], cwd=tmp_path, env=env, check=True, capture_output=True, timeout=60)
    written = (tmp_path / ".env").read_text()
    lines = dict(line.split("=", 1) for line in written.splitlines())
    assert lines["DEBUG"] == "true"
    assert len(lines["SECRET_KEY"]) >= 50
    assert (tmp_path / ".env").stat().st_mode & 0o077 == 0
    subprocess.run(["make", "-s", ".env"], cwd=tmp_path, env=env, check=True, capture_output=True, timeout=60)
    assert (tmp_path / ".env").read_text() == written  # never rewritten: sessions and feeds keep working
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(ROOT / "Makefile", other / "Makefile")
    subprocess.run(["make", "-s", ".env"], cwd=other, env=env, check=True, capture_output=True, timeout=60)
    assert (other / ".env").read_text() != written


def test_env_file_is_git_ignored():
    assert ".env" in (ROOT / ".gitignore").read_text().split()
