"""Background work of country reporting, run by the worker (`manage.py run_worker`)."""

from django_tasks import task

from enlace.reporting import reminders
from enlace.reporting.models import Cycle


@task()
def remind_missing_countries(cycle_id: int, requested_by_id: int | None = None) -> int:
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None:
        return 0
    from django.contrib.auth import get_user_model

    requested_by = get_user_model().objects.filter(pk=requested_by_id).first() if requested_by_id else None
    return reminders.send_cycle_reminders(cycle, requested_by)
