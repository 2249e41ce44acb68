"""``perhekeskus audit-anchor``: sign a checkpoint of the access log's end."""

from django.core.management.base import BaseCommand, CommandError

from perhekeskus.access.anchor import AnchorRefused
from perhekeskus.access.tasks import anchor_access_log


class Command(BaseCommand):
    help = (
        "Append a signed checkpoint of the access log's last entry to the checkpoint store "
        "(run on a schedule, e.g. hourly from cron). Refuses, exiting 1, when the log "
        "contradicts the last checkpoint."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue it for the task worker (perhekeskus db-worker) instead of now",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = anchor_access_log.enqueue()
            self.stdout.write(f"Queued the checkpoint {result.id}.")
            return
        try:
            checkpoint = anchor_access_log.call()
        except AnchorRefused as refused:
            raise CommandError(
                f"No checkpoint written: {refused}. Run audit-verify to see the log's state."
            ) from refused
        self.stdout.write(
            f"Checkpoint written: entry #{checkpoint['seq']} "
            f"({checkpoint['entries']} entries) at {checkpoint['at']}."
        )
