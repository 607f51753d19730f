from django.core.management.base import BaseCommand

from enlace.core.demo import load_all


class Command(BaseCommand):
    help = "Load the demo data (reference organizations, one person per role, the seed meeting). Idempotent."

    def handle(self, *args, **options):
        load_all(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
