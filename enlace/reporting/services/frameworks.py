"""Frameworks and their versions. A version a cycle uses is frozen: an edit makes the next version (a copy of
its indicators and rules), so the answers already given keep the questions they answered."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from enlace import permissions
from enlace.reporting import reference, rules
from enlace.reporting.dimensions import DIMENSIONS
from enlace.reporting.models import AnswerType, Framework, Indicator, ValidationRule

EDITABLE_INDICATOR_FIELDS = ("text_es", "text_en", "guidance_es", "guidance_en", "unit", "required", "source")


def _save(instance, actor):
    instance._history_user = actor
    instance.full_clean()
    instance.save()
    return instance


def _require_manage(actor, *, system_allowed=False):
    permissions.require(
        actor,
        permissions.can_manage_reporting,
        _("Only the secretariat edits frameworks."),
        system_allowed=system_allowed,
    )


def check_indicator(indicator: Indicator) -> None:
    if indicator.answer_type in (AnswerType.CHOICE, AnswerType.MULTIPLE) and not indicator.choices:
        raise ValidationError(_("%(code)s: a choice indicator needs its choices.") % {"code": indicator.code})
    unknown = [code for code in indicator.disaggregations if code not in DIMENSIONS]
    if unknown:
        raise ValidationError(
            _("%(code)s: unknown disaggregation “%(name)s”.") % {"code": indicator.code, "name": unknown[0]}
        )
    if indicator.disaggregations and not indicator.is_numeric:
        raise ValidationError(_("%(code)s: only figures are disaggregated.") % {"code": indicator.code})


def check_rule(rule: ValidationRule, codes: set[str]) -> None:
    try:
        used = rules.codes_in(rule.left) | rules.codes_in(rule.right)
    except rules.RuleSyntaxError as error:
        raise ValidationError(
            _("Rule %(code)s: “%(term)s” is not a figure, a part or a number.")
            % {"code": rule.code, "term": error}
        ) from None
    missing = sorted(used - codes)
    if missing:
        raise ValidationError(
            _("Rule %(code)s names an indicator the framework lacks: %(missing)s.")
            % {"code": rule.code, "missing": ", ".join(missing)}
        )


@transaction.atomic
def framework_create(
    *, actor, fields: dict, indicators: list[dict], rules_: list[dict], previous=None
) -> Framework:
    """A framework version from plain data (the reference, an uploaded .xlsx): all of it or nothing."""
    _require_manage(actor, system_allowed=True)
    framework = Framework(**fields, previous=previous, created_by=actor)
    _save(framework, actor)
    codes = set()
    for position, data in enumerate(indicators, start=1):
        indicator = Indicator(framework=framework, position=position, **data)
        check_indicator(indicator)
        _save(indicator, actor)
        codes.add(indicator.code)
    for data in rules_:
        rule = ValidationRule(framework=framework, **data)
        check_rule(rule, codes)
        _save(rule, actor)
    return framework


def _reference_data() -> tuple[list[dict], list[dict]]:
    indicators = [
        {
            "code": code,
            "protocol": protocol,
            "pillar": pillar,
            "answer_type": kind,
            "text_es": text_es,
            "text_en": text_en,
            "source": source,
            "unit": options.get("unit", ""),
            "choices": options.get("choices", []),
            "disaggregations": options.get("dis", []),
            "required": options.get("required", True),
            "unodc_figure": options.get("unodc", ""),
        }
        for code, protocol, pillar, kind, text_es, text_en, source, options in reference.INDICATORS
    ]
    rules_ = [
        {
            "code": code,
            "left": left,
            "operator": operator,
            "right": right,
            "importance": importance,
            "message_es": message_es,
            "message_en": message_en,
        }
        for code, left, operator, right, importance, message_es, message_en in reference.RULES
    ]
    return indicators, rules_


def framework_load_reference(*, actor=None) -> Framework:
    """The reference framework, version 1, once (a second run returns the one there is)."""
    existing = Framework.objects.filter(code=reference.FRAMEWORK["code"]).order_by("version").first()
    if existing is not None:
        return existing
    indicators, rules_ = _reference_data()
    return framework_create(
        actor=actor, fields=dict(reference.FRAMEWORK), indicators=indicators, rules_=rules_
    )


def framework_copy_data(framework: Framework) -> tuple[dict, list[dict], list[dict]]:
    fields = {
        name: getattr(framework, name)
        for name in ("code", "title_es", "title_en", "description_es", "description_en", "status")
    }
    indicator_names = [
        "code", "protocol", "pillar", "text_es", "text_en", "guidance_es", "guidance_en", "answer_type", "unit",
        "choices", "disaggregations", "required", "source", "unodc_figure",
    ]  # fmt: skip
    indicators = [{name: getattr(i, name) for name in indicator_names} for i in framework.indicators.all()]
    rule_names = ["code", "left", "operator", "right", "importance", "message_es", "message_en"]
    rules_ = [{name: getattr(r, name) for name in rule_names} for r in framework.rules.all()]
    return fields, indicators, rules_


def next_version(code: str) -> int:
    latest = (
        Framework.objects.filter(code=code).order_by("-version").values_list("version", flat=True).first()
    )
    return (latest or 0) + 1


def framework_in_use(framework: Framework) -> bool:
    return framework.cycles.exists()


@transaction.atomic
def framework_version_for_edit(*, actor, framework: Framework) -> Framework:
    """The version an edit goes to: this one while no cycle uses it, else a new copy of it."""
    _require_manage(actor)
    if not framework_in_use(framework):
        return framework
    fields, indicators, rules_ = framework_copy_data(framework)
    fields["version"] = next_version(framework.code)
    return framework_create(
        actor=actor, fields=fields, indicators=indicators, rules_=rules_, previous=framework
    )


@transaction.atomic
def indicator_update(*, actor, indicator: Indicator, **changes) -> Indicator:
    """Changes an indicator's wording, guidance, unit, source or whether it is required; in a new version of the
    framework when the current one is in use. Returns the indicator as changed (maybe in the new version)."""
    unknown = set(changes) - set(EDITABLE_INDICATOR_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(names)s.") % {"names": ", ".join(unknown)}
        )
    framework = framework_version_for_edit(actor=actor, framework=indicator.framework)
    target = (
        indicator if framework.pk == indicator.framework_id else framework.indicators.get(code=indicator.code)
    )
    for name, value in changes.items():
        setattr(target, name, value)
    return _save(target, actor)
