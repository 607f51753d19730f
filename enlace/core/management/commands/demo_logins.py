from django.core.management.base import BaseCommand, no_translations

from enlace.core.demo import DEMO_PASSWORD, DEMO_PEOPLE


class Command(BaseCommand):
    help = "Print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")

    @no_translations  # the README lists the same logins, in English
    def handle(self, *args, port, **options):
        self.stdout.write(
            f"\nEnlace demo: http://127.0.0.1:{port}/  (password for every account: {DEMO_PASSWORD})"
        )
        for username, first, last, org, role, _language, _position in DEMO_PEOPLE:
            self.stdout.write(f"  {username:<14} {role.label:<27} {org:<6} {first} {last}")
        self.stdout.write("  st.admin also needs a two-step code: run `make totp USER_NAME=st.admin`.\n")
