from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "enlace.home"
    label = "home"

    def ready(self):
        from enlace import permissions
        from enlace.core.registry import register_home_panel

        register_home_panel(
            "administration",
            template="home/_administration_panel.html",
            context=lambda user: {} if permissions.is_secretariat_admin(user) else None,
            order=30,
        )
