"""Builders of country reports for tests (tests/factories/: test modules import builders from here only)."""

import factory

from enlace.core.models import Visibility
from enlace.reporting.models import Submission


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    title = factory.Sequence(lambda n: f"Country report {n}")
    summary = "A summary."
    visibility = Visibility.NETWORK
