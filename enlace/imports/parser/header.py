"""What comes before the points: title, body, place, date, the opening paragraph and who took part."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .cleanup import paragraph_spans, sentence_spans
from .dates import FoundDate, find_dates, range_dates
from .names import find_mentions, fold, is_organization, is_state, unique_codes
from .structure import is_heading, quote
from .vocabulary import BODY_KEYWORDS, CAPITALS, COUNTRY_NAMES, MEMBER_STATES, STATES

_TITLE_STRONG = re.compile(
    r"\b(?:informe|report|acta|minutes|relatoria|memoria|ayuda memoria|conclusiones|summary|record)\b"
)
_TITLE_WEAK = re.compile(r"\b(?:reunion|meeting|taller|workshop|seminario|seminar|encuentro)\b")
_COUNTRY = "(?:" + "|".join(name for names in COUNTRY_NAMES.values() for name in names) + ")"
_CITY = r"[A-ZÁÉÍÓÚÑ][\w.'’-]*(?: (?:de|del|la|las|los|el|[A-ZÁÉÍÓÚÑ][\w.'’-]*)){0,5}"
# "Tegucigalpa, Honduras", "Tegucigalpa, M.D.C., Honduras"
_PLACE_LINE = re.compile(rf"^(?P<city>{_CITY})(?:, [^,\d]{{1,20}})?, (?P<country>(?i:{_COUNTRY}))\b")
_CAPITAL_IN_TEXT = re.compile(
    r"\b(?i:en|in) (?:la |the )?(?P<city>(?i:"
    + "|".join(re.escape(name) for name in sorted(CAPITALS, key=len, reverse=True))
    + r"))\b"
)
_CITY_START = re.compile(rf"^(?P<city>{_CITY}),")
_PROVINCE = (
    r"(?:, [A-ZÁÉÍÓÚÑ][\w.'’-]*(?: (?:de|del|[A-ZÁÉÍÓÚÑ][\w.'’-]*)){0,2})?"  # "Tapachula, Chiapas, México"
)
_PLACE_IN_TEXT = re.compile(
    rf"\b(?i:en|in) (?:la ciudad de |the city of )?(?P<city>{_CITY}){_PROVINCE}, (?P<country>(?i:{_COUNTRY}))\b"
)
_PARTICIPATION = re.compile(
    r"(?:con|with) la (?:participacion|asistencia|presencia) de|with the (?:participation|attendance|presence) "
    r"of|participaron|asistieron|estuvieron presentes|tomaron parte|attended|participated|took part|were present|"
    r"delegaciones presentes|delegations present|participating (?:delegations|countries|states)|participantes:|"
    r"participants:"
)
# A comma-separated piece that starts with one of these still belongs to the list of participants.
_LIST_CONTINUES = re.compile(
    r"^(?:y|e|and|asi como|as well as|ademas de|also|la|el|los|las|the|de|del|of|from|representantes|"
    r"representatives|delegad[oa]s|delegates|observadores|observers|en calidad de|as)\b"
)
# The commonest words of each language, to tell which one a report is written in.
_ES_WORDS = frozenset({"de", "la", "el", "los", "las", "y", "en", "por", "para", "con", "que", "del", "se", "una",
                       "su", "al", "como", "sobre"})  # fmt: skip
_EN_WORDS = frozenset({"the", "of", "and", "to", "in", "for", "with", "that", "by", "on", "is", "are", "be",
                       "this", "from", "as", "which"})  # fmt: skip
_WEEKDAYS = frozenset({"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "monday",
                       "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})  # fmt: skip
_VIRTUAL = re.compile(
    r"(?<![a-z])(?:virtual(?:es|mente|ly)?|en linea|online|videoconferencias?|video ?conferences?|by video|"
    r"remotely|a distancia)(?![a-z])"
)
_LANGUAGE_SAMPLE = 50_000  # characters; plenty to tell Spanish from English


@dataclass
class Header:
    title: str = ""
    body: str = "OTHER"
    place: str = ""
    country: str = ""
    date: dt.date | None = None
    end_date: dt.date | None = None
    opening: str = ""
    delegations: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    virtual: bool = False
    warnings: list = field(default_factory=list)


def detect_language(text: str) -> str:
    words = fold(text[:_LANGUAGE_SAMPLE]).lower().split()
    spanish = sum(word in _ES_WORDS for word in words)
    english = sum(word in _EN_WORDS for word in words)
    return "en" if english > spanish else "es"


def _paragraphs(lines: list[str], width: int) -> list[str]:
    return [paragraph.text for paragraph, _start in paragraph_spans(lines, width)]


def _is_prose(paragraph: str) -> bool:
    """Running text (the opening), as opposed to header lines: title, place, date, "ACUERDOS"."""
    words = len(paragraph.split())
    if paragraph.upper() == paragraph:
        return False
    return words >= 40 or (paragraph.endswith((".", ":", ";")) and (words >= 12 or paragraph.endswith(":")))


def _is_place_or_date(line: str) -> bool:
    return bool(_PLACE_LINE.match(fold(line))) or (len(line.split()) <= 10 and bool(find_dates(line)))


def _title(header_lines: list[str]) -> str:
    candidates = [line for line in header_lines if line and not _is_place_or_date(line)]
    folded = [fold(line).lower() for line in candidates]
    index = next((i for i, text in enumerate(folded) if _TITLE_STRONG.search(text)), None)
    if index and len(folded[index].split()) <= 4 and _TITLE_WEAK.search(folded[0]):
        index = (
            0  # "Regional Workshop on …" then "Summary of conclusions": the name of the meeting is the title
        )
    if index is None:
        index = next((i for i, text in enumerate(folded) if _TITLE_WEAK.search(text)), None)
    if index is None:
        return candidates[0] if candidates else ""
    title = candidates[index]
    # A title in capitals wrapped over several lines (PDF) continues while the lines stay in capitals.
    position = header_lines.index(title)
    for line in header_lines[position + 1 :]:
        if not line or line.upper() != line or _is_place_or_date(line) or title.endswith("."):
            break
        title += " " + line
    return title


def _body(*texts: str) -> str:
    for text in texts:
        lowered = fold(text).lower()
        found = [(m.start(), code) for code, pattern in BODY_KEYWORDS if (m := re.search(pattern, lowered))]
        if found:
            return min(found)[1]
    return "OTHER"


def _country_code(name: str) -> str:
    name = " ".join(fold(name).lower().split())
    return next(
        (code for code, names in COUNTRY_NAMES.items() if any(re.fullmatch(n, name) for n in names)), ""
    )


def _is_city(city: str, country: str) -> bool:
    """Not a country's name, unless the city is called like its country ("Guatemala, Guatemala")."""
    code = _country_code(city)
    return not code or code == _country_code(country)


def _place(header_lines: list[str], opening: str) -> tuple[str, str]:
    """The city and the ISO code of its country: "Tegucigalpa, Honduras" -> ("Tegucigalpa", "HN")."""
    city, country = "", ""
    for line in header_lines:
        match = _PLACE_LINE.match(fold(line))
        if match and _is_city(match.group("city"), match.group("country")):
            city, country = line[: match.end("city")], _country_code(match.group("country"))
            break
        match = _CITY_START.match(line)
        if match and fold(match.group("city")).lower() not in _WEEKDAYS:
            dates = find_dates(line)  # "Tegucigalpa, 8 de junio de 2016"
            if dates and dates[0].start > match.end() and len(line[: dates[0].start].split()) <= 6:
                city = match.group("city")
                break
    folded = fold(opening)
    if not city:
        for match in _PLACE_IN_TEXT.finditer(folded):
            if _is_city(match.group("city"), match.group("country")):
                city = opening[match.start("city") : match.end("city")]
                country = _country_code(match.group("country"))
                break
    if not city and (match := _CAPITAL_IN_TEXT.search(folded)):  # "se reunió en San José"
        city = opening[match.start("city") : match.end("city")]
    return city, country or CAPITALS.get(" ".join(fold(city).lower().split()), "")


def _meeting_dates(texts: list[str], warnings: list) -> tuple[dt.date | None, dt.date | None]:
    for text in texts:
        for found in find_dates(text):
            first, last = range_dates(found)
            if first is None:
                if _has_year(found):
                    warnings.append(format_lazy(_("Date not understood: “{text}”."), text=found.text))
                continue
            if found.first[2] is None:
                warnings.append(format_lazy(_("The meeting date gives no day (“{text}”); the 1st was used."),
                                            text=found.text))  # fmt: skip
            return first, last if last and last != first else None
    warnings.append(_("The meeting date was not found."))
    return None, None


def _has_year(found: FoundDate) -> bool:
    return found.first[0] is not None or bool(found.last and found.last[0])


def _participation(opening: str) -> str:
    """The part of the opening that lists who took part, up to the end of that list."""
    lowered = fold(opening).lower()
    match = _PARTICIPATION.search(lowered)
    if not match:
        return ""
    sentence = next((span for span in sentence_spans(opening) if span[1] > match.start()), (0, len(opening)))
    end = sentence[1]
    stop = re.search(r";|:\s", lowered[match.end() + 3 : end])  # "de: Belice, Canadá..." keeps its colon
    if stop:
        end = match.end() + 3 + stop.start()
    pieces = opening[match.start() : end].split(",")
    kept = [pieces[0]]
    for piece in pieces[1:]:
        word = fold(piece).strip().lower()
        if word[:1].isalpha() and not _LIST_CONTINUES.match(word) and piece.strip()[:1].islower():
            break  # ", presenta al Grupo...": the list has ended
        kept.append(piece)
    segment = ",".join(kept)
    if not any(is_state(m.code) for m in find_mentions(segment)):
        segment = opening[sentence[0] : end]  # "X, Y y Z participaron": the list comes before the verb
    return segment


def _who(opening: str, warnings: list) -> tuple[list[str], list[str]]:
    segment = _participation(opening)
    mentions = find_mentions(segment)
    states = [code for code in unique_codes(mentions) if is_state(code)]
    others = [code for code in unique_codes(mentions) if is_organization(code)]
    everyone = any(m.code == STATES for m in mentions) and re.search(r"\b(?:todos|all)\b", fold(segment))
    if not states and everyone:
        states = list(MEMBER_STATES)  # "con la participación de todos los países miembros"
    if not states:
        warnings.append(_("The delegations present were not found in the opening paragraph."))
    return states, others


def _lead_sentences(paragraph: str) -> tuple[list[str], str]:
    """A text that lost its line breaks starts with its title, place and date as short sentences: those
    sentences, up to the one with the date, and the rest of the paragraph."""
    spans = sentence_spans(paragraph)
    for i, (start, end) in enumerate(spans[:4]):
        if len(paragraph[start:end].split()) > 30:
            break
        if any(_has_year(found) for found in find_dates(paragraph[start:end])):
            lead = [paragraph[a:b].rstrip(".") for a, b in spans[: i + 1]]
            return lead, paragraph[end:].strip()
    return [], paragraph


def read_header(lines: list[str], width: int, section_text: list[str]) -> Header:
    paragraphs = _paragraphs(lines, width)
    if paragraphs and _is_prose(paragraphs[0]):  # no header lines: the title may open the first paragraph
        lead, rest = _lead_sentences(paragraphs[0])
        paragraphs[:1] = [*lead, rest] if rest else lead
    first_prose = next((i for i, p in enumerate(paragraphs) if _is_prose(p)), len(paragraphs))
    header_lines = [line for p in paragraphs[:first_prose] for line in p.split("\n")]
    prose = [p for p in paragraphs[first_prose:] if _is_prose(p)]
    opening = "\n".join(prose + section_text)
    header = Header(opening=opening)
    header.title = _title(header_lines)
    header.body = _body(header.title, opening[:300], "\n".join(header_lines))
    header.place, header.country = _place(header_lines, opening)
    header.virtual = bool(_VIRTUAL.search(fold(f"{header.title}\n{opening[:600]}").lower()))
    if not header.place and not header.virtual:
        header.warnings.append(_("The place of the meeting was not found."))
    header.date, header.end_date = _meeting_dates([*header_lines, opening], header.warnings)
    header.delegations, header.participants = _who(opening or "\n".join(lines), header.warnings)
    if not opening:
        header.warnings.append(_("No opening paragraph was found before the first point."))
    for paragraph in paragraphs[first_prose:]:
        if _is_prose(paragraph):
            continue
        if is_heading(paragraph, next_is_marker=True, previous=None):
            message = _("Section heading left out: “{text}”.")
        else:
            message = _("Text before the first point was not imported: “{text}”.")
        header.warnings.append(format_lazy(message, text=quote(paragraph)))
    return header
