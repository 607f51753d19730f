"""Organizations, states and bodies as reports name them, with and without accents, in both languages."""

import pytest

from enlace.imports.parser.names import codes_in, fold
from enlace.imports.parser.vocabulary import number_value


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("la OIM", ["IOM"]),
        ("IOM will assist", ["IOM"]),
        ("la Organización Internacional para las Migraciones", ["IOM"]),
        ("ORGANIZACION INTERNACIONAL PARA LAS MIGRACIONES", ["IOM"]),
        ("the International Organization for Migration", ["IOM"]),
        ("la Secretaría Técnica", ["ST"]),
        ("la Secretaria Tecnica de la CRM", ["ST"]),
        ("a la ST", ["ST"]),
        ("to the Technical Secretariat", ["ST"]),
        ("the TS", ["ST"]),
        ("UNODC y ONUDD", ["UNODC"]),
        ("la Oficina de las Naciones Unidas contra la Droga y el Delito", ["UNODC"]),
        ("la Comisión Europea", ["EC"]),
        ("the European Commission", ["EC"]),
        ("el SICA", ["SICA"]),
        ("la Coalición Regional contra la Trata de Personas", ["COALITION"]),
        ("the Regional Coalition", ["COALITION"]),
        ("la RROCM", ["RROCM"]),
        ("la Red Regional de Organizaciones Civiles para las Migraciones", ["RROCM"]),
        ("la Presidencia Pro Tempore", ["PPT"]),
        ("la Red de Funcionarios de Enlace", ["NETWORK"]),
        ("esta Red determinará", ["NETWORK"]),
        ("the Liaison Officer Network", ["NETWORK"]),
        ("el Grupo Regional de Consulta sobre Migración", ["GRCM"]),
        ("the Regional Consultation Group on Migration", ["GRCM"]),
        ("la Conferencia Regional sobre Migración", ["CRM"]),
        ("los países interesados", ["STATES"]),
        ("los paises", ["STATES"]),
        ("los Países Miembros de la CRM", ["STATES"]),
        ("member states", ["STATES"]),
        ("Member States of the RCM", ["STATES"]),
        ("countries", ["STATES"]),
        ("las diferentes delegaciones", ["STATES"]),
        ("Estados Unidos de América", ["US"]),
        ("los Estados Unidos", ["US"]),
        ("the United States", ["US"]),
        ("EE. UU.", ["US"]),
        ("México y Mexico", ["MX"]),
        ("República Dominicana", ["DO"]),
        ("the Dominican Republic", ["DO"]),
        ("Belice o Belize", ["BZ"]),
        ("Canadá, Canada", ["CA"]),
        ("la delegación mexicana", ["MX"]),
        ("the Costa Rican delegation", ["CR"]),
        ("las delegaciones de Canadá y Panamá", ["CA", "PA"]),
        ("OIM, UNODC y la ST", ["IOM", "UNODC", "ST"]),
        # Not organizations: civil society in general, ordinary words that look like acronyms.
        ("la sociedad civil", []),
        ("herramientas en la red", []),
        ("una red de trata", []),
        ("la física y la st", []),
        ("the report states that", []),
        ("", []),
    ],
)
def test_codes_in(text, codes):
    assert codes_in(text) == codes


def test_fold_keeps_positions():
    text = "Secretaría Técnica, Panamá, Añasco, naïve"
    assert fold(text) == "Secretaria Tecnica, Panama, Anasco, naive"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("dos", 2),
        ("treinta", 30),
        ("treinta y un", 31),
        ("quince", 15),
        ("veintiún", None),  # callers fold accents first
        ("veintiun", 21),
        ("two", 2),
        ("twenty-one", 21),
        ("a", 1),
        ("45", 45),
        ("dos (2)", 2),
        ("muchos", None),
    ],
)
def test_number_value(phrase, value):
    assert number_value(phrase) == value
