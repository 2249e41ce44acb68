from django.core.management.base import BaseCommand

from perhekeskus.cataloguedit.tasks import check_service_links


class Command(BaseCommand):
    help = "Queue a check of every web address in the catalogue (run by the task worker)."

    def handle(self, *args, **options):
        result = check_service_links.enqueue()
        self.stdout.write(f"Queued link check {result.id}.")
