"""Reference organizations of the Network (shared/domain/reference.md §1): member states and organizations."""

from enlace.directory.models import OrganizationKind as K

# code, kind, name_es, name_en, acronym_es, acronym_en, iso3
ORGANIZATIONS = [
    ("BZ", K.MEMBER_STATE, "Belice", "Belize", "", "", "BLZ"),
    ("CA", K.MEMBER_STATE, "Canadá", "Canada", "", "", "CAN"),
    ("CR", K.MEMBER_STATE, "Costa Rica", "Costa Rica", "", "", "CRI"),
    ("SV", K.MEMBER_STATE, "El Salvador", "El Salvador", "", "", "SLV"),
    ("US", K.MEMBER_STATE, "Estados Unidos de América", "United States of America", "", "", "USA"),
    ("GT", K.MEMBER_STATE, "Guatemala", "Guatemala", "", "", "GTM"),
    ("HN", K.MEMBER_STATE, "Honduras", "Honduras", "", "", "HND"),
    ("MX", K.MEMBER_STATE, "México", "Mexico", "", "", "MEX"),
    ("NI", K.MEMBER_STATE, "Nicaragua", "Nicaragua", "", "", "NIC"),
    ("PA", K.MEMBER_STATE, "Panamá", "Panama", "", "", "PAN"),
    ("DO", K.MEMBER_STATE, "República Dominicana", "Dominican Republic", "", "", "DOM"),
    ("ST", K.SECRETARIAT, "Secretaría Técnica de la CRM", "Technical Secretariat", "ST", "TS", ""),
    (
        "IOM",
        K.TECHNICAL_PARTNER,
        "Organización Internacional para las Migraciones",
        "International Organization for Migration",
        "OIM",
        "IOM",
        "",
    ),
    (
        "UNODC",
        K.TECHNICAL_PARTNER,
        "Oficina de las Naciones Unidas contra la Droga y el Delito",
        "United Nations Office on Drugs and Crime",
        "ONUDD-UNODC",
        "UNODC",
        "",
    ),
    (
        "SICA",
        K.REGIONAL_PARTNER,
        "Sistema de la Integración Centroamericana",
        "Central American Integration System",
        "SICA",
        "SICA",
        "",
    ),
    ("EC", K.COOPERATION_PARTNER, "Comisión Europea", "European Commission", "CE", "EC", ""),
    (
        "COALITION",
        K.PARTNER_NETWORK,
        "Coalición Regional contra la Trata de Personas y el Tráfico Ilícito de Migrantes",
        "Regional Coalition against Trafficking in Persons and Smuggling of Migrants",
        "Coalición Regional",
        "Regional Coalition",
        "",
    ),
    (
        "RROCM",
        K.CIVIL_SOCIETY,
        "Red Regional de Organizaciones Civiles para las Migraciones",
        "Regional Network of Civil Organizations for Migration",
        "RROCM",
        "RNCOM",
        "",
    ),
]

REFERENCE_CODES = frozenset(row[0] for row in ORGANIZATIONS)
MEMBER_STATE_CODES = [row[0] for row in ORGANIZATIONS if row[1] == K.MEMBER_STATE]


def load_reference_organizations(actor=None):
    from enlace.directory.services import organization_upsert

    return [
        organization_upsert(
            code=code,
            kind=kind,
            name_es=name_es,
            name_en=name_en,
            acronym_es=acr_es,
            acronym_en=acr_en,
            iso3=iso3,
            actor=actor,
        )
        for code, kind, name_es, name_en, acr_es, acr_en, iso3 in ORGANIZATIONS
    ]
