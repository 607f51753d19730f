"""The visible text of a generated meeting report, shared by the .docx and .pdf renderers.

Every fixed string of the document (headings, standard titles, opening wording, month names, page footer)
lives in the es/en tables below: the document language is chosen per call, not by the request's active language.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from enlace.meetings.draft import ReportDraft

LANGUAGES = ("es", "en")
BODIES = ("NETWORK", "GRCM", "CRM", "WORKSHOP", "OTHER")

# BCP 47 tags written into the document metadata (Word proofing language, PDF /Lang).
LANGUAGE_TAGS = {"es": "es-419", "en": "en-US"}

MONTHS = {
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

HEADING_CRM = {
    "es": "CONFERENCIA REGIONAL SOBRE MIGRACIÓN (CRM)",
    "en": "REGIONAL CONFERENCE ON MIGRATION (RCM)",
}
HEADING_GRCM = {
    "es": "GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN (GRCM)",
    "en": "REGIONAL CONSULTATION GROUP ON MIGRATION (RCGM)",
}

TITLES = {
    "es": {
        "NETWORK": "INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO "
        "ILÍCITO DE MIGRANTES Y LA TRATA DE PERSONAS",
        "GRCM": "INFORME DE LA REUNIÓN DEL GRUPO REGIONAL DE CONSULTA SOBRE MIGRACIÓN",
        "CRM": "INFORME DE LA REUNIÓN DE LA CONFERENCIA REGIONAL SOBRE MIGRACIÓN",
        "WORKSHOP": "INFORME DEL TALLER",
        "OTHER": "INFORME DE LA REUNIÓN",
    },
    "en": {
        "NETWORK": "REPORT OF THE MEETING OF THE LIAISON OFFICER NETWORK TO COMBAT MIGRANT SMUGGLING AND "
        "TRAFFICKING IN PERSONS",
        "GRCM": "REPORT OF THE MEETING OF THE REGIONAL CONSULTATION GROUP ON MIGRATION",
        "CRM": "REPORT OF THE MEETING OF THE REGIONAL CONFERENCE ON MIGRATION",
        "WORKSHOP": "WORKSHOP REPORT",
        "OTHER": "MEETING REPORT",
    },
}

# Opening paragraph, per language and body: (subject, meeting clause, closing clause). Assembled as
# "{subject}, {meeting} {date} en {place}, con la participación de los representantes de {names}, {closing}",
# leaving out the parts the draft has no data for.
OPENINGS = {
    "es": {
        "NETWORK": (
            "La Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata de "
            "Personas de los Países Miembros de la CRM",
            "en reunión celebrada",
            "presenta al Grupo Regional de Consulta sobre Migración su informe contenido en los siguientes "
            "puntos:",
        ),
        "GRCM": (
            "El Grupo Regional de Consulta sobre Migración",
            "en reunión celebrada",
            "presenta a la Conferencia Regional sobre Migración su informe contenido en los siguientes "
            "puntos:",
        ),
        "CRM": (
            "La Conferencia Regional sobre Migración",
            "en reunión celebrada",
            "presenta su informe contenido en los siguientes puntos:",
        ),
        "WORKSHOP": ("", "en el taller celebrado", "se acordaron los siguientes puntos:"),
        "OTHER": ("", "en la reunión celebrada", "se acordaron los siguientes puntos:"),
    },
    "en": {
        "NETWORK": (
            "The Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons of the "
            "Member Countries of the RCM",
            "at its meeting held",
            "presents to the Regional Consultation Group on Migration its report contained in the following "
            "points:",
        ),
        "GRCM": (
            "The Regional Consultation Group on Migration",
            "at its meeting held",
            "presents to the Regional Conference on Migration its report contained in the following points:",
        ),
        "CRM": (
            "The Regional Conference on Migration",
            "at its meeting held",
            "presents its report contained in the following points:",
        ),
        "WORKSHOP": ("", "at the workshop held", "the following points were agreed:"),
        "OTHER": ("", "at the meeting held", "the following points were agreed:"),
    },
}

PHRASES = {
    "es": {"in": "en", "with": "con la participación de los representantes de", "and": "y", "and_i": "e"},
    "en": {"in": "in", "with": "with the participation of representatives of", "and": "and", "and_i": "and"},
}

# A meeting held online: "en reunión virtual celebrada el ...", and "Reunión virtual" where the place goes.
VIRTUAL = {
    "es": ("Reunión virtual", (("reunión celebrada", "reunión virtual celebrada"),
                               ("taller celebrado", "taller virtual celebrado"))),
    "en": ("Virtual meeting", (("meeting held", "virtual meeting held"), ("workshop held", "virtual workshop held"))),
}  # fmt: skip

# Footer of the PDF: "Página 1 de 2" / "Page 1 of 2" (the importer drops such lines).
PAGE_FOOTER = {"es": ("Página", "de"), "en": ("Page", "of")}

FILENAME_WORDS = {
    "es": (
        "informe",
        {"NETWORK": "red", "GRCM": "grcm", "CRM": "crm", "WORKSHOP": "taller", "OTHER": "reunion"},
    ),
    "en": (
        "report",
        {"NETWORK": "network", "GRCM": "rcgm", "CRM": "rcm", "WORKSHOP": "workshop", "OTHER": "meeting"},
    ),
}


@dataclass
class Item:
    """One numbered agreement or lettered sub-point: `marker` is the printed label ("1.", "a.")."""

    marker: str
    text: str
    subpoints: list[Item] = field(default_factory=list)
    language_tag: str = ""  # set when the text is in another language than the report (not translated yet)

    @property
    def line(self) -> str:
        return f"{self.marker} {self.text}" if self.text else self.marker


@dataclass
class ReportContent:
    language: str
    language_tag: str
    headings: list[str]
    title: str
    place_line: str
    date_line: str
    opening: str
    agreements: list[Item]
    page_word: str
    page_of: str
    subject: str  # metadata: the name of the body

    def lines(self) -> list[str]:
        """The document's visible paragraphs in order (the agreements' sub-points beneath each agreement)."""
        out = [*self.headings, self.title]
        out += [line for line in (self.place_line, self.date_line, self.opening) if line]
        for agreement in self.agreements:
            out.append(agreement.line)
            out += [sub.line for sub in agreement.subpoints]
        return out


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"Unsupported report language {language!r}; expected one of {', '.join(LANGUAGES)}.")
    return language


def body_of(draft: ReportDraft) -> str:
    return draft.body if draft.body in BODIES else "OTHER"


def format_date(date: dt.date, language: str, *, pad_day: bool = True) -> str:
    """'08 de junio de 2016' / 'June 8, 2016'."""
    month = MONTHS[language][date.month - 1]
    if language == "es":
        day = f"{date.day:02d}" if pad_day else str(date.day)
        return f"{day} de {month} de {date.year}"
    return f"{month} {date.day}, {date.year}"


def format_date_range(start: dt.date, end: dt.date | None, language: str) -> str:
    """The date line: a single date, or 'del 7 al 9 de junio de 2016' / 'June 7-9, 2016'."""
    if end is None or end <= start:
        return format_date(start, language)
    months = MONTHS[language]
    if language == "es":
        if (start.year, start.month) == (end.year, end.month):
            return f"del {start.day} al {end.day} de {months[end.month - 1]} de {end.year}"
        if start.year == end.year:
            return f"del {start.day} de {months[start.month - 1]} al {format_date(end, 'es', pad_day=False)}"
        return f"del {format_date(start, 'es', pad_day=False)} al {format_date(end, 'es', pad_day=False)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{months[start.month - 1]} {start.day}-{end.day}, {end.year}"
    if start.year == end.year:
        return f"{months[start.month - 1]} {start.day} - {months[end.month - 1]} {end.day}, {end.year}"
    return f"{format_date(start, 'en')} - {format_date(end, 'en')}"


def date_phrase(draft: ReportDraft, language: str) -> str:
    """The date after 'celebrada' / 'held': 'el 08 de junio de 2016', 'del 7 al 9 ...', 'on June 8, 2016'."""
    if draft.date is None:
        return ""
    text = format_date_range(draft.date, draft.end_date, language)
    if language == "en":
        return f"on {text}"
    return text if text.startswith("del ") else f"el {text}"


def join_names(names: list[str], language: str) -> str:
    """'A, B y C' / 'A, B and C' (Spanish 'e' before a word sounding /i/: 'Francia e Italia')."""
    names = [name for name in names if name]
    if len(names) <= 1:
        return "".join(names)
    last = names[-1]
    lowered = last.lower()
    i_sound = lowered.startswith(("i", "í", "hi", "hí")) and not lowered.startswith(
        ("hia", "hie", "hio", "hiu")
    )
    conjunction = PHRASES[language]["and_i" if i_sound else "and"]
    return f"{', '.join(names[:-1])} {conjunction} {last}"


def place_line(draft: ReportDraft, names: Mapping[str, str], language: str = "es") -> str:
    if draft.virtual:  # not "held in" a city
        return VIRTUAL[language][0]
    place = (draft.place or "").strip()
    country = names.get(draft.country, draft.country) if draft.country else ""
    if not country or place == country or place.endswith(f", {country}"):
        return place
    return f"{place}, {country}" if place else country


def opening_text(draft: ReportDraft, language: str, names: Mapping[str, str], place: str) -> str:
    subject, meeting, closing = OPENINGS[language][body_of(draft)]
    phrases = PHRASES[language]
    clauses = [subject] if subject else []
    when = date_phrase(draft, language)
    where = f"{phrases['in']} {place}" if place and not draft.virtual else ""
    if draft.virtual:
        for held, online in VIRTUAL[language][1]:
            meeting = meeting.replace(held, online)
    if when or where:
        clauses.append(" ".join(part for part in (meeting, when, where) if part))
    delegations = join_names([names.get(code, code) for code in draft.delegations], language)
    if delegations:
        clauses.append(f"{phrases['with']} {delegations}")
    clauses.append(closing)
    text = ", ".join(clauses)
    return text[:1].upper() + text[1:]


def _marker(label: str) -> str:
    label = label.strip()
    return label if label.endswith((".", ")")) else f"{label}."


# Characters XML 1.0 cannot hold (C0 controls other than tab, newline, carriage return).
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Trim each line, collapse runs of spaces and drop blank lines; line breaks inside a point are kept."""
    lines = (" ".join(line.split()) for line in _XML_INVALID.sub(" ", text or "").splitlines())
    return "\n".join(line for line in lines if line)


def _one_line(text: str) -> str:
    return " ".join(_XML_INVALID.sub(" ", text or "").split())


def build_content(draft: ReportDraft, *, language: str, names: Mapping[str, str]) -> ReportContent:
    check_language(language)
    body = body_of(draft)
    headings = [HEADING_CRM[language], HEADING_GRCM[language]]
    if body == "CRM":  # the Conference itself: no GRCM line
        headings = headings[:1]
    elif body == "OTHER":  # a meeting outside the CRM's bodies: no CRM/GRCM lines
        headings = []
    place = _one_line(place_line(draft, names, language))

    def tag(point) -> str:  # a point not translated yet is marked with the language it is written in
        written = getattr(point, "language", "")
        return LANGUAGE_TAGS.get(written, "") if written and written != language else ""

    agreements = [
        Item(
            marker=_marker(agreement.number),
            text=_clean(agreement.text),
            subpoints=[
                Item(marker=_marker(sub.label), text=_clean(sub.text), language_tag=tag(sub))
                for sub in agreement.subpoints
            ],
            language_tag=tag(agreement),
        )
        for agreement in draft.agreements
    ]
    page_word, page_of = PAGE_FOOTER[language]
    return ReportContent(
        language=language,
        language_tag=LANGUAGE_TAGS[language],
        headings=headings,
        title=_one_line(draft.title) or TITLES[language][body],
        place_line=place,
        date_line=format_date_range(draft.date, draft.end_date, language) if draft.date else "",
        opening=_one_line(draft.opening) or _one_line(opening_text(draft, language, names, place)),
        agreements=agreements,
        page_word=page_word,
        page_of=page_of,
        subject=OPENINGS[language][body][0] or TITLES[language][body],
    )


def _ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def report_filename(draft: ReportDraft, language: str, ext: str) -> str:
    """'informe-red-2016-06-08-es.docx' / 'report-network-2016-06-08-en.pdf' (ASCII only)."""
    check_language(language)
    word, bodies = FILENAME_WORDS[language]
    parts = [word, bodies[body_of(draft)]]
    if draft.date:
        parts.append(draft.date.isoformat())
    parts.append(language)
    extension = _ascii_slug(ext.lstrip("."))
    return "-".join(parts) + (f".{extension}" if extension else "")
