"""The API's JSON parser: bodies of bounded size and depth, refused with a 400 in JSON before they are used.

Python's json module recurses once per level: a body nested 100,000 deep exhausts the stack (RecursionError,
a 500 with a traceback). No request of this API needs more than a few levels or more than a megabyte.
"""

import json
import re
from itertools import accumulate

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.settings import api_settings

MAX_DEPTH = 32
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def max_bytes() -> int:
    return getattr(settings, "ENLACE_API_MAX_JSON_BYTES", 1024 * 1024)


def json_depth(raw: bytes) -> int:
    """How deeply arrays and objects nest, brackets inside strings not counted (without parsing)."""
    brackets = _BRACKETS.findall(_STRINGS.sub(b'""', raw))
    return max(accumulate(_DEPTH_STEP[b[0]] for b in brackets), default=0)


def _refuse_constant(name):
    raise ValueError(f"{name} is not valid JSON")


def parse_json(raw: bytes, encoding: str = "utf-8"):
    """The decoded body, or ParseError (too large, too deep, not JSON)."""
    if len(raw) > max_bytes():
        raise ParseError(_("The request body is larger than %(max)d bytes.") % {"max": max_bytes()})
    if json_depth(raw) > MAX_DEPTH:
        raise ParseError(_("The JSON body nests more than %(max)d levels.") % {"max": MAX_DEPTH})
    try:
        text = raw.decode(encoding)
        if api_settings.STRICT_JSON:
            return json.loads(text, parse_constant=_refuse_constant)
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ParseError(_("The body is not valid JSON.")) from error


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        return parse_json(stream.read(max_bytes() + 1), encoding)
