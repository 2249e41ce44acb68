"""``perhekeskus audit-verify``: check the access log's hash chain.

Exits 0 when every entry holds; otherwise names the first broken entry and
exits with status 1.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from perhekeskus.audit.chain import verify


class Command(BaseCommand):
    help = "Verify the hash chain of the access log; name the first broken entry."

    def handle(self, *args, **options):
        started = time.perf_counter()
        result = verify()
        elapsed = time.perf_counter() - started
        if not result.ok:
            where = f"entry {result.broken_seq}" if result.broken_seq else "the chain head"
            raise CommandError(
                f"Access log broken at {where}: {result.problem} "
                f"({result.entries} entries verified before it)."
            )
        rate = result.entries / elapsed if elapsed > 0 else 0
        self.stdout.write(
            f"Access log intact: {result.entries} entries verified in {elapsed:.2f} s "
            f"({rate:,.0f} entries/s)."
        )
