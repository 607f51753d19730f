"""The drill's e-mail backend: Django's file backend (one file per message, in EMAIL_FILE_PATH), slowed down so
that the drill can kill the worker while a reminder task is sending. Never used outside `make drill`."""

import os
import time

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("file_path", os.environ["ENLACE_DRILL_MAIL_DIR"])
        super().__init__(*args, **kwargs)

    def send_messages(self, email_messages):
        time.sleep(float(os.environ.get("ENLACE_DRILL_MAIL_DELAY", "0.3")))
        return super().send_messages(email_messages)
