"""Run the test OpenID Connect provider: ``python -m ...oidc_provider.serve``.

Reads a JSON set-up from standard input: the port, the database path, users
(username, password, names, extra claims) and clients (client id, secret,
redirect URIs); migrates, creates them and serves until terminated.
"""

import json
import os
import secrets
import sys


def main() -> None:
    setup = json.load(sys.stdin)
    from jwcrypto import jwk

    os.environ["DJANGO_SETTINGS_MODULE"] = "perhekeskus.accounts.tests.oidc_provider.settings"
    os.environ["OIDC_TEST_PROVIDER_DB"] = setup["database"]
    os.environ["OIDC_TEST_PROVIDER_SECRET_KEY"] = secrets.token_urlsafe(40)
    os.environ["OIDC_TEST_PROVIDER_RSA_KEY"] = (
        jwk.JWK.generate(kty="RSA", size=2048)
        .export_to_pem(private_key=True, password=None)
        .decode()
    )
    os.environ["OIDC_TEST_PROVIDER_CLAIMS"] = json.dumps(
        {user["username"]: user.get("claims", {}) for user in setup["users"]}
    )
    os.environ.pop("DATABASE_URL", None)

    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    for spec in setup["users"]:
        user = User.objects.create_user(
            spec["username"],
            email=spec.get("email", ""),
            password=spec["password"],
            first_name=spec.get("given_name", ""),
            last_name=spec.get("family_name", ""),
        )
        user.save()
    for client in setup["clients"]:
        Application.objects.create(
            name=client["client_id"],
            client_id=client["client_id"],
            client_secret=client["client_secret"],
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris=" ".join(client["redirect_uris"]),
            algorithm=Application.RS256_ALGORITHM,
            skip_authorization=True,
        )
    call_command(
        "runserver",
        f"127.0.0.1:{setup['port']}",
        use_reloader=False,
        use_threading=True,
        skip_checks=True,
        verbosity=0,
    )


if __name__ == "__main__":
    main()
