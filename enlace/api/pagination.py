from rest_framework.pagination import LimitOffsetPagination

MAX_OFFSET = 10**9  # far beyond any real list; larger numbers overflow the database's integers


class Pagination(LimitOffsetPagination):
    default_limit = 100
    max_limit = 500

    def get_offset(self, request):
        return min(super().get_offset(request), MAX_OFFSET)
