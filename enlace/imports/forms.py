"""The upload form of the report import (the review reuses enlace.meetings.review, as manual creation does)."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from enlace.core.uploads import max_upload_bytes


class UploadReportForm(forms.Form):
    file = forms.FileField(
        label=_("Report file"), widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A .docx, .pdf or .txt file of up to %(max)s, in Spanish or English."
        ) % {"max": filesizeformat(max_upload_bytes())}
