"""``perhekeskus demo``: one command from a fresh checkout to a running demo.

Migrates, compiles translations when they are stale (and gettext is
installed), loads the demo region into an empty database, prints the address
and demo sign-ins, then serves with Django's development server in demo mode.
The server replaces this process (exec) so that the demo environment flags
(``PERHEKESKUS_DEMO``, ``DJANGO_DEBUG``) are read by fresh settings.
"""

import os
import shutil
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from perhekeskus.catalogue.demo import (
    demo_region_loaded,
    demo_sign_ins,
    load_demo_extensions,
    load_demo_region,
)
from perhekeskus.catalogue.models import Service

from .load_demo import describe

DEFAULT_ADDRPORT = "127.0.0.1:8000"
IGNORED_DIRS = [".venv", "venv", ".git", "node_modules", "var"]


def stale_translations(locale_paths) -> bool:
    """True when some .po file has no .mo file or a newer one than its .mo."""
    for base in locale_paths:
        for po in Path(base).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                return True
    return False


def server_url(addrport: str) -> str:
    host, _sep, port = addrport.rpartition(":")
    if not host:
        host = "127.0.0.1"
    if not port.isdigit():
        host, port = addrport, "8000"
    return f"http://{host}:{port}/"


class Command(BaseCommand):
    help = "Prepare the database, load the demo region and serve the demo locally."

    def add_arguments(self, parser):
        parser.add_argument(
            "--addrport",
            default=DEFAULT_ADDRPORT,
            help=f"Address and port to serve on (default {DEFAULT_ADDRPORT}).",
        )
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="Prepare everything but do not start the server.",
        )

    def handle(self, *args, addrport: str, no_serve: bool = False, **options):
        verbosity = options.get("verbosity", 1)
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        locale_paths = [str(p) for p in settings.LOCALE_PATHS]
        if shutil.which("msgfmt") and stale_translations(locale_paths):
            # Walking a virtualenv's locale folders would take long and change nothing.
            call_command("compilemessages", verbosity=0, ignore_patterns=IGNORED_DIRS)
        # This command is the demo: what it loads (e.g. the demo users' sign-ins)
        # is made for demo mode, as is the server it starts.
        was_demo, settings.DEMO_MODE = settings.DEMO_MODE, True
        try:
            if not Service.objects.exists():
                self.stdout.write(describe(load_demo_region()))
            if demo_region_loaded():
                load_demo_extensions()
        finally:
            settings.DEMO_MODE = was_demo

        self.stdout.write(_("Perhekeskus demo: %(url)s") % {"url": server_url(addrport)})
        sign_ins = demo_sign_ins()
        if sign_ins:
            self.stdout.write(_("Demo sign-ins:"))
            width = max(len(username) for username, _description in sign_ins)
            for username, description in sign_ins:
                self.stdout.write(f"  {username:<{width}}  {description}")
            self.stdout.write(
                _(
                    "The password is the user name. In demo mode the second factor is "
                    "skipped for demo users; sign in at %(url)saccounts/login/ or pick a "
                    "user at %(url)saccounts/demo/."
                )
                % {"url": server_url(addrport)}
            )
        if no_serve:
            return
        env = {**os.environ, "PERHEKESKUS_DEMO": "1", "DJANGO_DEBUG": "1"}
        command = [sys.executable, "-m", "perhekeskus", "runserver", "--noreload", addrport]
        self.stdout.flush()
        sys.stderr.flush()
        # Replace this process, so that Ctrl-C and signals reach the server.
        os.execve(sys.executable, command, env)  # noqa: S606 (fixed argv)
