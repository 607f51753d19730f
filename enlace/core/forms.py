"""Forms every module shares."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from enlace.core.inputs import model_max_length
from enlace.core.models import Document
from enlace.core.uploads import max_upload_bytes

ACCEPTED_EXTENSIONS = ".pdf,.docx,.xlsx,.pptx,.doc,.xls,.png,.jpg,.jpeg,.txt,.csv"


class DocumentForm(forms.Form):
    """A Document given as a file or a link; modules add their own checks of either."""

    title = forms.CharField(label=_("Title"), max_length=model_max_length(Document, "title"))
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(
        label=_("or a link"),
        required=False,
        assume_scheme="https",
        max_length=model_max_length(Document, "url"),
        help_text=_("An address that starts with https://"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, Word, Excel, PowerPoint, PNG, JPEG, text or CSV, up to %(max)s."
        ) % {"max": filesizeformat(max_upload_bytes())}
        self.fields["file"].widget.attrs["accept"] = ACCEPTED_EXTENSIONS
