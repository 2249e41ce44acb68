"""A throwaway OpenID Connect provider (django-oauth-toolkit) for the tests.

``serve.py`` runs it in a process of its own on 127.0.0.1 with a temporary
SQLite database, so the sign-in tests talk real OpenID Connect over HTTP:
discovery, authorization code with PKCE, token, userinfo and a signed ID token.
"""
