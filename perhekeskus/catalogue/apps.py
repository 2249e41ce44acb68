from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _rebuild_search_index_if_missing(sender, using, **kwargs) -> None:
    """A migration that changes the search index empties it (it is derived
    data); rebuild it with the current indexer once the schema is complete."""
    from .models import Service, ServiceSearchDocument
    from .search import index_services

    active = Service.objects.using(using).filter(status=Service.Status.ACTIVE)
    if active.exists() and not ServiceSearchDocument.objects.using(using).exists():
        index_services()


class CatalogueConfig(AppConfig):
    name = "perhekeskus.catalogue"
    label = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self) -> None:
        from . import kinds  # noqa: F401  (its names are forgotten when saved)

        post_migrate.connect(
            _rebuild_search_index_if_missing,
            sender=self,
            dispatch_uid="catalogue_rebuild_search_index",
        )
