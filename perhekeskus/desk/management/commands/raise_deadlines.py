import datetime

from django.core.management.base import BaseCommand

from perhekeskus.desk.tasks import raise_deadlines


class Command(BaseCommand):
    help = (
        "Raise notices to responsible workers and managers for assessment deadlines "
        "due today or tomorrow, or overdue (run daily, e.g. from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue the check for the task worker (perhekeskus db-worker) instead of now",
        )
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="check as of this day (YYYY-MM-DD)"
        )

    def handle(self, *args, **options):
        day = options["date"].isoformat() if options["date"] else None
        if options["enqueue"]:
            result = raise_deadlines.enqueue(today=day)
            self.stdout.write(f"Queued the deadline check {result.id}.")
            return
        result = raise_deadlines.call(today=day)
        self.stdout.write(
            f"Deadlines checked: {result['matters']} matters due or overdue, "
            f"{result['raised']} new notices."
        )
