import datetime

from django.core.management.base import BaseCommand, CommandError

from perhekeskus.impact.tasks import send_follow_up_reminders


class Command(BaseCommand):
    help = (
        "Remind preparers of the child impact assessments whose follow-up date has come "
        "(a notice in the tool and an email). Queues the task for the worker; --now runs "
        "it here. Safe to run daily and to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="run here instead of queueing")
        parser.add_argument("--today", help="the day to remind for (YYYY-MM-DD); default today")

    def handle(self, *args, **options):
        today = options.get("today")
        if today:
            try:
                datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(f"--today: not a date: {today}") from error
        if options["now"]:
            result = send_follow_up_reminders.call(today)
            self.stdout.write(f"notices={result['notices']} emails={result['emails']}")
            return
        queued = send_follow_up_reminders.enqueue(today)
        self.stdout.write(f"Queued follow-up reminders {queued.id}.")
