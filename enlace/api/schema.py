"""How the OpenAPI schema describes Enlace: its own authentication classes, the error answers every operation
can give, and one language (English) whatever the caller's Accept-Language, so generated clients are stable."""

from django.utils import translation
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from drf_spectacular.generators import SchemaGenerator


class VerifiedSessionScheme(SessionScheme):
    target_class = "enlace.api.authentication.VerifiedSessionAuthentication"


class ApiTokenScheme(KnoxTokenScheme):
    target_class = "enlace.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"


class EnglishSchemaGenerator(SchemaGenerator):
    """The schema's texts (help texts, titles, enum labels) in English for every caller: a client generated from
    it must not change with the language of the browser or the server that fetched it."""

    def get_schema(self, request=None, public=False):
        with translation.override("en"):
            return super().get_schema(request=request, public=public)


ERROR_SCHEMAS = {
    "Error": {
        "type": "object",
        "description": "Why the request was refused, in the caller's language.",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "ValidationError": {
        "type": "object",
        "description": (
            "Bad input: each field's messages under its name, errors of the request as a whole under "
            "`non_field_errors`, or one message as `detail` (a body or address that cannot be read)."
        ),
        "properties": {
            "detail": {"type": "string"},
            "non_field_errors": {"type": "array", "items": {"type": "string"}},
        },
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
}
ERROR_DESCRIPTIONS = {
    "400": ("ValidationError", "Bad input: a field, a filter value or the body cannot be used."),
    "401": ("Error", "No valid credentials: send `Authorization: Token <token>`."),
    "403": ("Error", "Not allowed to do this, or a web session whose second factor is still pending."),
    "404": ("Error", "No such record, or not one the caller may see or change."),
    "429": ("Error", "Too many requests: try again later."),
}


def _error_codes(operation: dict, path: str) -> list[str]:
    codes = ["400", "403"]
    if operation.get("security"):  # the token endpoint takes credentials in its body: no 401
        codes.append("401")
    if "{" in path:
        codes.append("404")
    if "429" in operation.get("responses", {}):
        codes.append("429")
    return codes


def _referenced(node, schemas: dict, found: set) -> set:
    """Names of the components a part of the schema refers to, directly or through other components."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/") and (name := ref.rsplit("/", 1)[1]) not in found:
            found.add(name)
            _referenced(schemas.get(name), schemas, found)
        for value in node.values():
            _referenced(value, schemas, found)
    elif isinstance(node, list):
        for value in node:
            _referenced(value, schemas, found)
    return found


def require_answered_fields(result, generator, request, public):
    """drf-spectacular postprocessing hook: a component only ever answered (never sent) lists all its fields
    as required, because the serializers always answer every field (null where the schema says nullable). A
    field with a model default would otherwise be optional, and a generated client would make every reader
    handle a value that never comes."""
    schemas = result.get("components", {}).get("schemas", {})
    sent = set()
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            _referenced(operation.get("requestBody"), schemas, sent)
    for name, component in schemas.items():
        if name not in sent and name not in ERROR_SCHEMAS and component.get("properties"):
            component["required"] = sorted(component["properties"])
    return result


def document_errors(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation documents the JSON errors it can answer (DRF's
    exception handler and enlace.core.errors give all of them as JSON under /api/), so a generated client
    parses them instead of giving up."""
    result.setdefault("components", {}).setdefault("schemas", {}).update(ERROR_SCHEMAS)
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code in _error_codes(operation, path):
                component, description = ERROR_DESCRIPTIONS[code]
                existing = responses.get(code, {})
                responses[code] = {
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}
                    },
                    "description": existing.get("description") or description,
                }
    return result
