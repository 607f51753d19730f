from rest_framework.pagination import LimitOffsetPagination

from enlace.core.inputs import parse_int

MAX_OFFSET = 10**9  # far beyond any real list; larger numbers overflow the database's integers


class Pagination(LimitOffsetPagination):
    """limit and offset read like every other number of Enlace (ASCII digits, bounded); a bad one is ignored."""

    default_limit = 100
    max_limit = 500

    def get_limit(self, request):
        limit = parse_int(request.query_params.get(self.limit_query_param), minimum=1)
        return self.default_limit if limit is None else min(limit, self.max_limit)

    def get_offset(self, request):
        return parse_int(request.query_params.get(self.offset_query_param), maximum=MAX_OFFSET) or 0
