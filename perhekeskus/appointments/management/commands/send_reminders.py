from django.core.management.base import BaseCommand

from perhekeskus.appointments import reminders
from perhekeskus.appointments.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Send the reminders of appointments starting within APPOINTMENT_REMINDER_HOURS "
        "(emails to families, notices to professionals). Safe to run repeatedly, e.g. hourly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the work for the task worker (perhekeskus db-worker) instead.",
        )
        parser.add_argument(
            "--site-url",
            default="",
            help="The service's public address for the sign-in link (default: the first "
            "DJANGO_CSRF_TRUSTED_ORIGINS entry, else http://127.0.0.1:8000).",
        )

    def handle(self, *args, **options):
        origin = options["site_url"]
        if options["queue"]:
            result = send_reminders.enqueue(origin)
            self.stdout.write(f"Queued the reminders {result.id}.")
            return
        outcome = reminders.send_due(origin=origin or None)
        self.stdout.write(
            f"Reminders sent: {outcome.emails} emails, {outcome.notices} notices, "
            f"{outcome.failed} failed."
        )
