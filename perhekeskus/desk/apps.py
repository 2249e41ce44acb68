from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "perhekeskus.desk"
    verbose_name = _("work views")

    def ready(self):
        from perhekeskus.access.actor import actor_for
        from perhekeskus.accounts import landing

        # After sign-in a citizen lands on the family's own view only when the
        # register knows the person (the view's policy, ``own_data``, asks the same).
        landing.set_citizen_check(lambda user: actor_for(user).is_citizen)
