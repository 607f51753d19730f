"""Country reporting on the Palermo Protocol indicators: versioned frameworks of indicators and validation rules,
reporting cycles, each country's submission with its answers, the review's comments and events, and the
population figures that SDG 16.2.2 divides by."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enlace.core.inputs import validate_date_in_range
from enlace.core.models import OwnedRecord


def in_language(record, field: str) -> str:
    """The Spanish or English text of a bilingual field, in the reader's language, the other when it is empty."""
    first, second = ("es", "en") if (get_language() or "es").startswith("es") else ("en", "es")
    return getattr(record, f"{field}_{first}") or getattr(record, f"{field}_{second}")


class Protocol(models.TextChoices):
    TRAFFICKING = "tip", _("Trafficking in persons")
    SMUGGLING = "som", _("Smuggling of migrants")
    BOTH = "both", _("Both protocols")


class Pillar(models.TextChoices):
    PREVENTION = "prevention", _("Prevention")
    PROTECTION = "protection", _("Protection")
    PROSECUTION = "prosecution", _("Prosecution")
    COOPERATION = "cooperation", _("Cooperation and coordination")


class AnswerType(models.TextChoices):
    YES_NO_PARTLY = "yes_no_partly", _("Yes / no / partly")
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    PERCENTAGE = "percentage", _("Percentage")
    DATE = "date", _("Date")
    TEXT = "text", _("Text")
    CHOICE = "choice", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")


NUMERIC_TYPES = frozenset({AnswerType.INTEGER, AnswerType.DECIMAL, AnswerType.PERCENTAGE})


class FrameworkStatus(models.TextChoices):
    DRAFT = "draft", _("Draft the Network can edit")
    ADOPTED = "adopted", _("Adopted")


class Framework(models.Model):
    """One version of an indicator framework. A version that a cycle uses is never changed: editing it makes the
    next version (services.framework_version_for_edit), so data already submitted keeps the questions it answered."""

    code = models.SlugField(_("code"), max_length=40)
    version = models.PositiveIntegerField(_("version"), default=1)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=FrameworkStatus.choices, default=FrameworkStatus.DRAFT
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("previous version"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="one_framework_version")]
        verbose_name = _("indicator framework")
        verbose_name_plural = _("indicator frameworks")

    def __str__(self):
        return f"{in_language(self, 'title')} (v{self.version})"

    @property
    def title(self) -> str:
        return in_language(self, "title")


class Indicator(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("framework")
    )
    code = models.CharField(_("code"), max_length=40)
    protocol = models.CharField(_("protocol"), max_length=8, choices=Protocol.choices)
    pillar = models.CharField(_("pillar"), max_length=16, choices=Pillar.choices)
    position = models.PositiveIntegerField(_("order"), default=0)
    text_es = models.CharField(_("indicator (Spanish)"), max_length=500)
    text_en = models.CharField(_("indicator (English)"), max_length=500)
    guidance_es = models.TextField(_("guidance (Spanish)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    answer_type = models.CharField(_("answer type"), max_length=16, choices=AnswerType.choices)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    # [{"code": "...", "es": "...", "en": "..."}] for single and multiple choice.
    choices = models.JSONField(_("choices"), default=list, blank=True)
    # Dimension codes of enlace.reporting.dimensions.DIMENSIONS ("sex", "age", ...), for numeric indicators.
    disaggregations = models.JSONField(_("disaggregations"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    # The figure of the UNODC Global Report questionnaire this indicator gives (enlace.reporting.unodc), if any.
    unodc_figure = models.CharField(_("UNODC questionnaire figure"), max_length=40, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="one_indicator_code")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.code} {in_language(self, 'text')}"

    @property
    def text(self) -> str:
        return in_language(self, "text")

    @property
    def guidance(self) -> str:
        return in_language(self, "guidance")

    @property
    def is_numeric(self) -> bool:
        return self.answer_type in NUMERIC_TYPES


class Importance(models.TextChoices):
    ERROR = "error", _("Error (blocks submission)")
    WARNING = "warning", _("Warning (needs a justification)")


class Operator(models.TextChoices):
    LE = "<=", "≤"
    LT = "<", "<"
    EQ = "==", "="
    GE = ">=", "≥"
    GT = ">", ">"
    NE = "!=", "≠"


class ValidationRule(models.Model):
    """left operator right, each side a sum of indicator figures ("TIP-PROS-02", "TIP-VIC-01[sex:female]") and
    numbers; checked live in the form and again when the country submits (enlace.reporting.rules)."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="rules", verbose_name=_("framework")
    )
    code = models.CharField(_("code"), max_length=40)
    left = models.CharField(_("left side"), max_length=500)
    operator = models.CharField(_("operator"), max_length=2, choices=Operator.choices)
    right = models.CharField(_("right side"), max_length=500)
    importance = models.CharField(_("importance"), max_length=8, choices=Importance.choices)
    message_es = models.CharField(_("message (Spanish)"), max_length=300)
    message_en = models.CharField(_("message (English)"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "code"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="one_rule_code")]
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")

    def __str__(self):
        return f"{self.left} {self.get_operator_display()} {self.right}"

    @property
    def message(self) -> str:
        return in_language(self, "message")


class Cycle(models.Model):
    """A round of country reports on one framework version, with its dates and the countries expected to report.
    The one rule of timeliness (shown on the page): on time = first submitted by the due date; late = after it;
    missing = not submitted. Rates are over the expected countries only, so none can exceed 100 %."""

    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="cycles", verbose_name=_("framework version")
    )
    title = models.CharField(_("title"), max_length=300)
    period_start = models.DateField(_("period from"), validators=[validate_date_in_range])
    period_end = models.DateField(_("period to"), validators=[validate_date_in_range])
    opens_on = models.DateField(_("opens on"), validators=[validate_date_in_range])
    due_on = models.DateField(_("due on"), validators=[validate_date_in_range])
    expected = models.ManyToManyField(
        "directory.Organization", related_name="+", verbose_name=_("expected countries")
    )
    commitment = models.ForeignKey(
        "meetings.Commitment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commitment it follows"),
    )
    published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[expected])

    class Meta:
        ordering = ["-due_on", "-pk"]
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")

    def __str__(self):
        return self.title


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    VALIDATED = "validated", _("Validated")


EDITABLE_STATUSES = frozenset({SubmissionStatus.DRAFT, SubmissionStatus.RETURNED})


class Submission(OwnedRecord):
    """A country's report in a cycle (owner: the member state). Restricted while it is worked on, seen by the
    Network once validated, by the public once the secretariat publishes it (enlace.permissions)."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("cycle")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    # {rule code: the country's justification of a warning}
    justifications = models.JSONField(_("justifications"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "owner__name_es"]
        constraints = [models.UniqueConstraint(fields=["cycle", "owner"], name="one_submission_per_country")]
        verbose_name = _("country report")
        verbose_name_plural = _("country reports")

    def __str__(self):
        return f"{self.cycle} — {self.owner}"

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class Answer(models.Model):
    """One indicator's answer in a submission: the value, its parts by disaggregation ({"sex:female": 12}), and
    for figures the legal article and data source the UNODC questionnaire asks for. `revision` counts saves, so a
    save from a stale copy is refused instead of overwriting (services.answers_save)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(_("value"), null=True, blank=True)
    parts = models.JSONField(_("parts"), default=dict, blank=True)
    article = models.CharField(_("legal article"), max_length=200, blank=True)
    data_source = models.CharField(_("data source"), max_length=200, blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "indicator"], name="one_answer_per_indicator")
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.indicator_id}: {self.value}"


class CommentKind(models.TextChoices):
    RETURN = "return", _("To correct")
    COMMENT = "comment", _("Comment")


class IndicatorComment(models.Model):
    """The secretariat's request to correct an indicator (kind return) or a partner's comment on it."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=8, choices=CommentKind.choices, default=CommentKind.COMMENT)
    text = models.TextField(_("comment"), max_length=3000)
    resolved = models.BooleanField(_("resolved"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on an indicator")
        verbose_name_plural = _("comments on indicators")

    def __str__(self):
        return self.text[:80]


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    VALIDATED = "validated", _("Validated")
    REOPENED = "reopened", _("Reopened")
    PUBLISHED = "published", _("Published")
    IMPORTED = "imported", _("Imported from Excel")


class SubmissionEvent(models.Model):
    """The review's timeline: who submitted, returned, validated or reopened a report, when, and why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=12, choices=EventKind.choices)
    reason = models.TextField(_("reason"), blank=True, max_length=3000)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("event of a country report")
        verbose_name_plural = _("events of country reports")

    def __str__(self):
        return self.kind


class Population(models.Model):
    """A country's population in a year, with its source: the denominator of SDG 16.2.2."""

    country = models.ForeignKey("directory.Organization", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField(_("year"))
    total = models.PositiveBigIntegerField(_("population"))
    female = models.PositiveBigIntegerField(_("women and girls"), null=True, blank=True)
    male = models.PositiveBigIntegerField(_("men and boys"), null=True, blank=True)
    children = models.PositiveBigIntegerField(_("children (under 18)"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "year"]
        constraints = [models.UniqueConstraint(fields=["country", "year"], name="one_population_per_year")]
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")

    def __str__(self):
        return f"{self.country_id} {self.year}: {self.total}"


class CycleReminder(models.Model):
    """A reminder e-mail a person got about a cycle (the secretariat's "remind the missing countries now"):
    the record that keeps a second click, or a second worker, from sending it twice the same day."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(_("sent on"), validators=[validate_date_in_range])
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle", "user", "sent_on"], name="one_cycle_reminder_a_day")
        ]
        verbose_name = _("reminder of a cycle")
        verbose_name_plural = _("reminders of cycles")

    def __str__(self):
        return f"{self.cycle_id} → {self.user_id} ({self.sent_on})"


class SubmissionEvidence(models.Model):
    """A file or link a country attaches to its report (a law, a statistical yearbook), seen with the report."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="evidence")
    document = models.ForeignKey("core.Document", on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("evidence of a country report")
        verbose_name_plural = _("evidence of country reports")

    def __str__(self):
        return str(self.document)
