"""The ``perhekeskus`` console command.

``perhekeskus COMMAND`` runs the Django management command of that name;
hyphens may be used for underscores (``perhekeskus load-demo``).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perhekeskus.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "perhekeskus"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
