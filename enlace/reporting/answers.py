"""What a client sends for one indicator, checked against the indicator, and the fingerprint of an answer that
tells "changed by this person" from "changed by someone else since this person loaded it"."""

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from enlace.reporting.dimensions import parts_of
from enlace.reporting.models import AnswerType
from enlace.reporting.values import ValueError_, parse_number, parse_value

ARTICLE_MAX_LENGTH = 200


@dataclass
class Entry:
    """One indicator as a client sent it: raw value and parts, the legal article and data source of a figure;
    revision: the answer's revision the client started from (None: it does not say); base: the fingerprint of
    the answer it started from (None: unknown), so an unchanged field from a stale copy is left alone."""

    value: object = None
    parts: dict = field(default_factory=dict)
    article: str = ""
    data_source: str = ""
    revision: int | None = None
    base: str | None = None


@dataclass(frozen=True)
class Clean:
    value: object
    parts: dict
    article: str
    data_source: str

    @property
    def empty(self) -> bool:
        return self.value is None and not self.parts and not self.article and not self.data_source


def fingerprint(value, parts, article, data_source) -> str:
    data = json.dumps(
        [value, parts or {}, article or "", data_source or ""], sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def fingerprint_of(answer) -> str:
    if answer is None:
        return fingerprint(None, {}, "", "")
    return fingerprint(answer.value, answer.parts, answer.article, answer.data_source)


def clean_entry(indicator, entry: Entry) -> tuple[Clean | None, list[str]]:
    """(the stored form, []) or (None, the messages of what is wrong), in the user's language."""
    errors = []
    try:
        value = parse_value(indicator, entry.value)
    except ValueError_ as error:
        value, errors = None, [str(error)]
    parts = {}
    if indicator.is_numeric and indicator.disaggregations:
        whole = indicator.answer_type == AnswerType.INTEGER
        for key, label in parts_of(indicator.disaggregations):
            raw = (entry.parts or {}).get(key)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            try:
                parts[key] = parse_number(indicator, raw, whole=whole)
            except ValueError_ as error:
                errors.append(f"{label}: {error}")
    extra = set(entry.parts or {}) - {key for key, _label in parts_of(indicator.disaggregations)}
    if extra and indicator.disaggregations:
        errors.append(_("Unknown parts: %(names)s.") % {"names": ", ".join(sorted(extra))[:200]})
    article, data_source = (entry.article or "").strip(), (entry.data_source or "").strip()
    if len(article) > ARTICLE_MAX_LENGTH or len(data_source) > ARTICLE_MAX_LENGTH:
        errors.append(
            _("The legal article and the data source have at most %(limit)d characters.")
            % {"limit": ARTICLE_MAX_LENGTH}
        )
    if errors:
        return None, errors
    return Clean(value, parts, article, data_source), []
