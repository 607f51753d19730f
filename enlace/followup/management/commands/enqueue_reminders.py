"""For cron, once a day: queue the sending of reminder e-mails; the background worker sends them."""

from django.core.management.base import BaseCommand

from enlace.followup.tasks import send_commitment_reminders


class Command(BaseCommand):
    help = "Queues today's reminder e-mails about commitment deadlines for the background worker (db_worker)."

    def handle(self, *args, **options):
        result = send_commitment_reminders.enqueue()
        self.stdout.write(f"Queued the reminders task ({result.id}, {result.status}).")
