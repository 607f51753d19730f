from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "enlace.api"
    label = "api"

    def ready(self):
        from enlace.api import schema  # noqa: F401 - registers the schema extensions of our authentication
