from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


def _scrub_social_account(sender, instance, **kwargs):
    from .identity import scrub_identity_codes

    instance.extra_data = scrub_identity_codes(instance.extra_data)


class AccountsConfig(AppConfig):
    name = "perhekeskus.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from allauth.socialaccount.models import SocialAccount

        # The personal identity code is kept on the user only, never in the
        # claims allauth stores with the social account.
        pre_save.connect(
            _scrub_social_account, sender=SocialAccount, dispatch_uid="accounts_scrub_identity"
        )
