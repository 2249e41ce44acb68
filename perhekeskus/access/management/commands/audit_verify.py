"""``perhekeskus audit-verify``: check the access log against itself and
against its signed checkpoints, then write a checkpoint.

Exits 0 when every entry and every checkpoint holds; otherwise names the
first missing or broken entry (and any broken checkpoint) and exits with
status 1, writing no checkpoint.
"""

import time

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from perhekeskus.access import anchor


class Command(BaseCommand):
    help = (
        "Verify the access log's hash chain and its signed checkpoints; name the first "
        "missing or broken entry. When all holds, write a new checkpoint."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            report = anchor.verify()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        verified = report.verification.entries
        if not report.ok:
            raise CommandError(
                "Access log broken: "
                + "; ".join(report.problems)
                + f" ({verified} entries verified before it, "
                f"{report.checkpoints} checkpoints read)."
            )
        try:
            checkpoint = anchor.anchor()
        except anchor.AnchorRefused as refused:  # the log changed under the check
            raise CommandError(f"Access log broken: {refused}.") from refused
        rate = verified / elapsed if elapsed > 0 else 0
        self.stdout.write(
            f"Access log intact: {verified} entries verified in {elapsed:.2f} s "
            f"({rate:,.0f} entries/s), against {report.checkpoints} checkpoints.\n"
            f"Checkpoint written: entry #{checkpoint.seq} at {checkpoint.at}."
        )
