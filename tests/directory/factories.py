"""Builders shared by the directory tests."""

# The form data of an organization that is not in the directory yet.
NEW_ORGANIZATION = {
    "code": "acnur",
    "kind": "technical_partner",
    "name_es": "Agencia de la ONU para los Refugiados",
    "name_en": "UN Refugee Agency",
    "acronym_es": "ACNUR",
    "acronym_en": "UNHCR",
    "iso3": "",
    "is_active": "on",
}
