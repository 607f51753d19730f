"""Word lists the importer reads reports with: organizations, states, bodies, months, numbers, verbs.

Patterns are regular-expression fragments written for text that has been lower-cased and stripped of accents
(see `names.fold`), so "Organización", "ORGANIZACION" and "organizacion" are one entry. They must not use capturing
groups. An alias with `must` is kept only if that pattern is found in the original casing, which is how short
acronyms ("ST", "CE") are told apart from ordinary words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Alias:
    code: str
    pattern: str
    must: str | None = None  # case-sensitive check on the matched text, for acronyms and capitalised words


def _acronym(code: str, letters: str) -> Alias:
    return Alias(code, letters.lower().replace(".", r"\."), "^" + letters.replace(".", r"\.") + "$")


MEMBER_STATES = ("BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO")
BODIES = ("NETWORK", "GRCM", "CRM")
STATES = "STATES"
GROUP = "GROUP"  # a working group, committee or task force: responsible, but not an organization

# ISO alpha-2 -> names in Spanish and English (folded). Used for mentions, delegations and places.
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "BZ": ("belice", "belize"),
    "CA": ("canada",),
    "CR": ("costa rica",),
    "SV": ("el salvador",),
    "US": (
        "estados unidos de america",
        "estados unidos de norteamerica",
        "estados unidos",
        "united states of america",
        "united states",
    ),
    "GT": ("guatemala",),
    "HN": ("honduras",),
    "MX": ("mexico",),
    "NI": ("nicaragua",),
    "PA": ("panama",),
    "DO": ("republica dominicana", r"rep\. dominicana", "dominican republic"),
}

# Nationality adjectives, only counted next to "delegación"/"delegation"/"gobierno"/"government".
_DEMONYMS_ES = {
    "BZ": r"belicen[oa]s?",
    "CA": r"canadienses?",
    "CR": r"costarricenses?",
    "SV": r"salvadoren[oa]s?",
    "US": r"estadounidenses?",
    "GT": r"guatemaltec[oa]s?",
    "HN": r"hondure[n][oa]s?",
    "MX": r"mexican[oa]s?",
    "NI": r"nicaraguenses?",
    "PA": r"panamen[oa]s?",
    "DO": r"dominican[oa]s?",
}
_DEMONYMS_EN = {
    "BZ": "belizean",
    "CA": "canadian",
    "CR": "costa rican",
    "SV": "salvadorr?ean|salvadoran",
    "US": r"american|u\.s\.",
    "GT": "guatemalan",
    "HN": "honduran",
    "MX": "mexican",
    "NI": "nicaraguan",
    "PA": "panamanian",
    "DO": "dominican",
}

# Cities that name their country when a report gives only the city ("Tegucigalpa, 8 de junio de 2016"), folded.
CAPITALS: dict[str, str] = {
    "belmopan": "BZ", "ciudad de belice": "BZ", "belize city": "BZ", "ottawa": "CA", "san jose": "CR",
    "san salvador": "SV", "washington": "US", "washington d.c.": "US", "washington, d.c.": "US",
    "ciudad de guatemala": "GT", "guatemala city": "GT", "tegucigalpa": "HN", "san pedro sula": "HN",
    "ciudad de mexico": "MX", "mexico city": "MX", "managua": "NI", "ciudad de panama": "PA",
    "panama city": "PA", "santo domingo": "DO",
}  # fmt: skip

_ANY_COUNTRY = "|".join(name for names in COUNTRY_NAMES.values() for name in names)


def _country_aliases() -> list[Alias]:
    aliases = []
    for code, names in COUNTRY_NAMES.items():
        aliases.extend(Alias(code, name) for name in names)
        aliases.append(Alias(code, rf"(?:la |el )?(?:delegacion|gobierno)(?:es)? {_DEMONYMS_ES[code]}"))
        aliases.append(Alias(code, rf"(?:the )?(?:{_DEMONYMS_EN[code]}) (?:delegation|government)"))
    aliases += [
        Alias("US", r"ee\. ?uu\.?"),
        _acronym("US", "EUA"),
        _acronym("US", "USA"),
        Alias("US", r"u\.s\.(?:a\.)?", r"^U\.S\."),
    ]
    return aliases


ALIASES: list[Alias] = [
    *_country_aliases(),
    # The member states as a group: the usual subject of "send", "urge", "share".
    Alias(
        "STATES",
        r"(?:los |las |todos los )?(?:paises|estados) miembros(?: de la (?:crm|conferencia regional sobre migracion))?",
    ),
    Alias("STATES", r"(?:los )?(?:paises|estados) (?:interesados|participantes|parte)"),
    Alias("STATES", r"(?:todos los |los |cada )?paises|cada pais|los estados(?! unidos)"),
    Alias(
        "STATES",
        rf"(?:las |todas las )?(?:diferentes |distintas |demas )?delegaciones(?! de (?:{_ANY_COUNTRY}))",
    ),
    Alias(
        "STATES",
        r"(?:the |all |each )?member (?:states|countries)(?: of the (?:rcm|regional conference on migration))?",
    ),
    Alias(
        "STATES",
        r"(?:the |all |each )?(?:participating |interested )?countries|each country|(?:the )?states parties",
    ),
    Alias("STATES", rf"(?:the |all )?(?:different |other )?delegations(?! of (?:{_ANY_COUNTRY}))"),
    Alias("STATES", "states", "^States$"),
    # Organizations.
    Alias("ST", r"secretaria tecnica(?: de la (?:crm|conferencia regional sobre migracion))?"),
    Alias("ST", r"technical secretariat(?: of the (?:rcm|regional conference on migration))?"),
    Alias("ST", "secretariat", "^Secretariat$"),
    _acronym("ST", "ST"),
    _acronym("ST", "TS"),
    Alias("PPT", r"presidencia pro[ -]?tempore|pro[ -]?tempore presidency|presidency pro[ -]?tempore"),
    _acronym("PPT", "PPT"),
    Alias(
        "IOM",
        r"organizacion internacional (?:para|de) las migraciones|international organi[sz]ation for migration",
    ),
    Alias("IOM", "oim|iom"),
    Alias(
        "UNODC",
        r"oficina de las naciones unidas contra la droga y el delito|united nations office on drugs and crime",
    ),
    Alias("UNODC", r"onudd(?:[ -/]unodc)?|unodc"),
    Alias("SICA", r"sistema de (?:la )?integracion centroamericana|central american integration system|sica"),
    Alias("EC", "comision europea|european commission"),
    _acronym("EC", "CE"),
    _acronym("EC", "EC"),
    Alias(
        "COALITION",
        r"coalicion regional(?: contra la trata de personas(?: y el trafico ilicito de migrantes)?)?",
    ),
    Alias(
        "COALITION",
        r"regional coalition(?: against trafficking in persons(?: and (?:the )?smuggling of migrants)?)?",
    ),
    Alias("COALITION", "coalicion|coalition", "^Coali"),
    Alias("RROCM", r"red regional de organizaciones civiles para las migraciones"),
    Alias("RROCM", r"regional network of civil (?:society )?organi[sz]ations for migration|rrocm|rncom"),
    # Partners the reports name that the reference directory does not hold; the import links them when the
    # directory has an organization with that code, and says so when it does not.
    Alias(
        "UNHCR",
        r"(?:oficina del )?alto comisionado de las naciones unidas para (?:los )?refugiados|(?:office of the )?"
        r"united nations high commissioner for refugees|acnur|unhcr",
    ),
    Alias("UNICEF", r"fondo de las naciones unidas para la infancia|united nations children'?s fund|unicef"),
    Alias("OAS", r"organizacion de (?:los )?estados americanos|organization of american states"),
    _acronym("OAS", "OEA"),
    _acronym("OAS", "OAS"),
    Alias("ILO", r"organizacion internacional del trabajo|international labou?r organi[sz]ation"),
    _acronym("ILO", "OIT"),
    _acronym("ILO", "ILO"),
    Alias(
        "ICMPD",
        r"centro internacional para el desarrollo de politicas migratorias|international centre for migration "
        r"policy development|icmpd|cidpm",
    ),
    Alias("ICRC", r"comite internacional de la cruz roja|international committee of the red cross|cicr|icrc"),
    # Working groups and committees, by the start of their name ("el Grupo de Trabajo sobre Niñez ...").
    Alias(
        GROUP,
        r"(?:el |la |los |the )?(?:grupos? (?:de trabajo|ad[ -]hoc|tecnicos?)|mesas? tecnicas?|comites? tecnicos?|"
        r"subcomites?|comisiones? tecnicas?|working (?:group|party)|ad[ -]hoc (?:working )?group|technical "
        r"(?:group|committee)|task ?force|sub-?committee)",
    ),
    # Bodies.
    Alias("NETWORK", r"red de funcionari[oa]s de enlace|red de enlace"),
    Alias("NETWORK", r"liaison officers?'? network|network of liaison officers"),
    Alias(
        "NETWORK", r"(?:esta|la|dicha) red(?! regional| de (?:trata|trafico|organizaciones))", r"R(?:ed|ED)$"
    ),
    Alias("NETWORK", r"(?:this|the) network(?! of civil)", r"N(?:etwork|ETWORK)$"),
    _acronym("NETWORK", "RFE"),
    _acronym("NETWORK", "LON"),
    Alias(
        "GRCM",
        r"grupo regional de consulta(?: sobre migracion)?|regional consultation group(?: on migration)?",
    ),
    Alias("GRCM", "grcm|rcgm"),
    Alias("CRM", r"conferencia regional sobre migracion|regional conference on migration|proceso puebla"),
    Alias("CRM", r"(?:la )?reunion vice-?ministerial|(?:the )?vice-?ministerial meeting"),
    Alias("CRM", "crm|rcm"),
]

# Title keywords that say which body met. The one that appears first in the title wins.
BODY_KEYWORDS: list[tuple[str, str]] = [
    (
        "NETWORK",
        r"red de funcionari[oa]s de enlace|red de enlace|liaison officers?'? network|network of liaison officers",
    ),
    ("GRCM", r"grupo regional de consulta|regional consultation group|\bgrcm\b|\brcgm\b"),
    (
        "CRM",
        r"vice[- ]?ministeri|viceministros|conferencia regional sobre migracion|regional conference on migration",
    ),
    ("WORKSHOP", r"\btaller(?:es)?\b|\bworkshops?\b|\bseminarios?\b|\bseminars?\b"),
]

MONTHS: dict[str, int] = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "ene": 1, "jan": 1, "feb": 2, "mar": 3, "abr": 4, "apr": 4, "jun": 6, "jul": 7, "ago": 8, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dic": 12, "dec": 12,
}  # fmt: skip

_UNITS = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiun": 21,
    "veintiuno": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {**_UNITS, **_TENS}


def number_value(phrase: str) -> int | None:
    """'dos' -> 2, 'treinta y uno' -> 31, 'twenty-one' -> 21, '30' -> 30, 'dos (2)' -> 2 (folded, lower-case)."""
    words = phrase.replace("-", " ").replace("(", " ").replace(")", " ").split()
    if not words:
        return None
    if words[0].isdigit():
        return int(words[0])
    total = 0
    for word in words:
        if word in ("y", "and"):
            continue
        if word.isdigit():  # "dos (2)": the digits repeat the words
            break
        if word not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[word]
    return total or None


# A number written in words or digits, optionally followed by the digits in brackets: "dos (2)".
_SMALL = "|".join(sorted(_UNITS, key=len, reverse=True))
_BIG = "|".join(sorted(_TENS, key=len, reverse=True))
NUMBER_PATTERN = rf"(?:\d{{1,3}}|(?:{_BIG})(?:(?: y |-| )(?:{_SMALL}))?|{_SMALL})(?: \(\d{{1,3}}\))?"

# Units of a relative deadline, folded. Values: (relativedelta keyword, business days?).
TIME_UNITS: dict[str, tuple[str, bool]] = {
    "dia": ("days", False), "dias": ("days", False), "day": ("days", False), "days": ("days", False),
    "dias habiles": ("days", True), "business days": ("days", True), "working days": ("days", True),
    "semana": ("weeks", False), "semanas": ("weeks", False), "week": ("weeks", False), "weeks": ("weeks", False),
    "mes": ("months", False), "meses": ("months", False), "month": ("months", False), "months": ("months", False),
    "ano": ("years", False), "anos": ("years", False), "year": ("years", False), "years": ("years", False),
}  # fmt: skip
