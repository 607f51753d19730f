import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def importer_messages_in_english(request):
    """The importer's messages are compared in the code's own language, whatever language an earlier request in
    the same worker left active."""
    if request.module.__name__.rsplit(".", 1)[-1].startswith("test_importer"):
        with translation.override("en"):
            yield
    else:
        yield
