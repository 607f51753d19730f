"""The one error the importer raises for a file or text it cannot turn into a report draft."""

from django.utils.functional import Promise


class ReportFileError(Exception):
    """A file that is not a readable meeting report. `message` is translatable and safe to show to the user."""

    def __init__(self, message: str | Promise, code: str = "unreadable"):
        super().__init__(message)
        self.message = message
        self.code = code  # the limit a file went over ("pages", "memory", ...), or "unreadable"

    def __str__(self) -> str:
        return str(self.message)
