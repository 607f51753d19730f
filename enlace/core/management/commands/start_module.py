from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from enlace.core.scaffold import Names, ScaffoldError, start_module


class Command(BaseCommand):
    help = "Write a new module from the skeleton (scaffold/module/) and wire it in."

    def add_arguments(self, parser):
        parser.add_argument("app", help="app label and URL prefix, e.g. practices")
        parser.add_argument("--model", required=True, help="model class, e.g. Practice")
        parser.add_argument("--verbose", required=True, help='what users call one, e.g. "good practice"')
        parser.add_argument("--verbose-plural", required=True, help='e.g. "good practices"')
        parser.add_argument("--root", default=str(settings.BASE_DIR), help="project root (default: this one)")
        parser.add_argument("--no-wire", action="store_true", help="only write the files")

    def handle(self, *args, app, model, verbose, verbose_plural, root, no_wire, **options):
        names = Names(app=app, model=model, verbose=verbose, verbose_plural=verbose_plural)
        try:
            files = start_module(names, Path(root), wire_in=not no_wire)
        except ScaffoldError as error:
            raise CommandError(str(error)) from error
        for path in files:
            self.stdout.write(f"  wrote {path.relative_to(root)}")
        self.stdout.write(
            f"Next: manage.py makemigrations {app}; add the Spanish of the new strings at the end of "
            f"locale/es/LC_MESSAGES/django.po; run the module's tests (tests/{app}/)."
        )
