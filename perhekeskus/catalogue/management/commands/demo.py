"""``perhekeskus demo``: one command from a fresh checkout to a running demo.

Migrates, compiles translations when they are stale (and gettext is
installed), loads the demo region into an empty database, prints the address
and demo sign-ins in the chosen language, collects the static files when they
changed, then serves the demo as production would: gunicorn, DEBUG off, static
files from the collected, compressed copy (WhiteNoise), the site's own error
pages. Only demo mode differs (``PERHEKESKUS_DEMO``: demo users skip the second
factor, which every page says in a banner). The server replaces this process
(exec) so that the environment is read by fresh settings.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
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
DEMO_WORKERS = "2"
# Written into STATIC_ROOT after a collection: the sources it was made from.
STATIC_FINGERPRINT = ".demo-sources"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]


def stale_translations(locale_paths) -> bool:
    """True when some .po file has no .mo file or a newer one than its .mo."""
    for base in locale_paths:
        for po in Path(base).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                return True
    return False


def static_sources_fingerprint() -> str:
    """A digest of every static source file's path, size and modification time."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in sorted(finder.list([]), key=lambda pair: pair[0]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static(env: dict[str, str]) -> None:
    """Collect (and compress) the static files unless the last collection is current.

    Run in a child process with the server's environment, so that the files are
    collected by the storage the server reads (the manifest's hashed names).
    Compressing takes a while, so an unchanged collection is kept.
    """
    marker = Path(settings.STATIC_ROOT) / STATIC_FINGERPRINT
    fingerprint = static_sources_fingerprint()
    if marker.exists() and marker.read_text() == fingerprint:
        return
    command = [sys.executable, "-m", "perhekeskus", "collectstatic", "--noinput", "-v0"]
    if subprocess.run(command, env=env, check=False).returncode != 0:  # noqa: S603 (fixed argv)
        raise CommandError(_("Collecting the static files failed."))
    marker.write_text(fingerprint)


def split_addrport(addrport: str) -> tuple[str, str]:
    host, _sep, port = addrport.rpartition(":")
    if not host:
        host = "127.0.0.1"
    if not port.isdigit():
        host, port = addrport, "8000"
    return host, port


def allowed_hosts(host: str) -> str:
    """The loopback names, the served host, and whatever the environment adds."""
    hosts = [*LOOPBACK_HOSTS]
    if host not in hosts and host not in ("0.0.0.0", "[::]"):  # noqa: S104 (compared, not bound)
        hosts.append(host)
    extra = os.environ.get("DJANGO_ALLOWED_HOSTS", "")
    hosts += [h.strip() for h in extra.split(",") if h.strip() and h.strip() not in hosts]
    return ",".join(hosts)


def chosen_language(option: str | None) -> str:
    """``--language``, else the LANGUAGE environment variable (its first
    language, e.g. ``sv`` of ``sv_FI:en``) when the site has it, else Finnish."""
    available = {code for code, _name in settings.LANGUAGES}
    if option:
        return option
    for entry in os.environ.get("LANGUAGE", "").split(":"):
        code = entry.split(".")[0].split("_")[0].split("-")[0].lower()
        if code in available:
            return code
    return "fi"


def server_url(addrport: str) -> str:
    host, port = split_addrport(addrport)
    return f"http://{host}:{port}/"


def server_command(addrport: str) -> list[str]:
    """gunicorn serving the site's WSGI application on the address."""
    host, port = split_addrport(addrport)
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "perhekeskus.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        DEMO_WORKERS,
        "--access-logfile",
        "-",
        # No control socket in the home folder: two demos would share one.
        "--no-control-socket",
    ]


def server_env(addrport: str) -> dict[str, str]:
    """The production settings, with demo mode on."""
    host, _port = split_addrport(addrport)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "perhekeskus.settings",
        "PERHEKESKUS_DEMO": "1",
        "DJANGO_DEBUG": "0",
        "PERHEKESKUS_STATIC_MANIFEST": "1",
        "PERHEKESKUS_STATIC_FROM_SOURCE": "0",
        "DJANGO_ALLOWED_HOSTS": allowed_hosts(host),
    }


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
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the printed sign-ins (default: LANGUAGE, else fi).",
        )

    def handle(
        self,
        *args,
        addrport: str,
        no_serve: bool = False,
        language: str | None = None,
        **options,
    ):
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

        with translation.override(chosen_language(language)):
            self.print_sign_ins(addrport)
        if no_serve:
            return
        env = server_env(addrport)
        collect_static(env)
        command = server_command(addrport)
        self.stdout.flush()
        sys.stderr.flush()
        # Replace this process, so that Ctrl-C and signals reach the server.
        os.execve(sys.executable, command, env)  # noqa: S606 (fixed argv)

    def print_sign_ins(self, addrport: str) -> None:
        url = server_url(addrport)
        self.stdout.write(_("Perhekeskus demo: %(url)s") % {"url": url})
        sign_ins = demo_sign_ins()
        if not sign_ins:
            return
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
            % {"url": url}
        )
