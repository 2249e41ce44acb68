"""Django settings for Perhekeskus.

Everything that differs between machines comes from the environment (see
``.env.example``); the defaults give a working local demo on SQLite.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env is read when present; it is never committed.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DATA_DIR = Path(env.str("PERHEKESKUS_DATA_DIR", default=str(BASE_DIR / "var")))

DEBUG = env.bool("DJANGO_DEBUG", default=False)
DEMO_MODE = env.bool("PERHEKESKUS_DEMO", default=False)

# Without a configured key a random one is made per data folder, so a demo
# runs without setup and no secret is ever kept in the repository.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
# Key of the family pseudonyms in events (perhekeskus.events); the secret key
# when unset. Changing it makes earlier and later pseudonyms unlinkable.
EVENT_PSEUDONYM_KEY = env.str("EVENT_PSEUDONYM_KEY", default="")
if not SECRET_KEY:
    from perhekeskus.core.secret import local_secret_key

    SECRET_KEY = local_secret_key(DATA_DIR)

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# The site's own page, in the language of the address, when a form's token fails.
CSRF_FAILURE_VIEW = "perhekeskus.web.views.csrf_failure"

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "perhekeskus.core",
    "perhekeskus.accounts",
    # Sign-in: after the project's own apps so their templates override allauth's.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.usersessions",
    "django.contrib.humanize",  # allauth's session list uses it
    "perhekeskus.web",
    "perhekeskus.accessibility",
    "perhekeskus.programme",
    "perhekeskus.catalogue",
    "perhekeskus.families",
    "perhekeskus.events",
    # Owns the access log; the auditor's and the family's pages are audit's.
    "perhekeskus.access",
    "perhekeskus.audit",
    "django_tasks_db",
    "perhekeskus.cataloguedit",
    "perhekeskus.casework",
    "perhekeskus.planning",
    "perhekeskus.referrals",
    "perhekeskus.appointments",
    "perhekeskus.indicators",
    "perhekeskus.insight",
    "perhekeskus.impact",
    "perhekeskus.budget",
    "perhekeskus.administration",
    # Last: its demo builds families in every stage from the apps above.
    "perhekeskus.desk",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Outside the sign-in middlewares, so it sees their redirects too.
    "perhekeskus.web.middleware.NoStoreMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "perhekeskus.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "perhekeskus.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "perhekeskus.web.context_processors.site",
                "perhekeskus.access.context_processors.actor",
            ],
        },
    },
]

WSGI_APPLICATION = "perhekeskus.wsgi.application"

DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    # An empty value (as in .env.example) means the embedded SQLite default.
    "default": environ.Env.db_url_config(
        env.str("DATABASE_URL", default="") or f"sqlite:///{DATA_DIR / 'perhekeskus.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while the importer writes. The search index and
    # the work views read the same pages again and again: a page cache of
    # SQLITE_CACHE_MB per connection, and the file mapped into memory.
    _cache_kib = env.int("SQLITE_CACHE_MB", default=64) * 1024
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command",
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        f"PRAGMA cache_size=-{_cache_kib}; PRAGMA mmap_size={_cache_kib * 1024 * 4};",
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    # No JIT compilation: the pages' queries are short, and for a query the
    # planner over-estimates, compiling takes longer (seconds) than running it.
    # Random reads cost about as much as sequential ones (solid-state disks,
    # a working set in memory): with the default 4 the planner hashes a whole
    # table (all locations, all organisations) to join it to twenty rows.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off -c random_page_cost=1.1")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# The cache keeps the counters of the rate limits (sign-in, contacts), so
# every process serving the site must see the same one: CACHE_URL when set
# (any cache django-environ knows), else Redis at REDIS_URL, else a table in
# the database (``migrate`` makes it: perhekeskus.core.cache).
_CACHE_URL = env.str("CACHE_URL", default="")
_REDIS_URL = env.str("REDIS_URL", default="")
if _CACHE_URL:
    CACHES = {"default": environ.Env.cache_url_config(_CACHE_URL)}
elif _REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "perhekeskus.core.cache.DatabaseCache",
            "LOCATION": "perhekeskus_cache",
            # Culling past the default 300 entries would drop live counters.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fi",), "fi": ("sv", "en")}
# Each app that has its own message catalogue keeps it in ``<app>/locale``;
# those come first so that ``makemessages`` files an app's strings there
# (docs/decisions/0009-message-catalogues-per-app.md). The shared catalogue last.
LOCALE_PATHS = [
    *sorted(p for p in (BASE_DIR / "perhekeskus").glob("*/locale") if p.is_dir()),
    BASE_DIR / "perhekeskus" / "locale",
]
TIME_ZONE = "Europe/Helsinki"
# Dates and times shown to people follow each language's own writing
# (perhekeskus/core/formats/<lang>/formats.py): 8.12.2026 klo 14.30, 8 Dec 2026, 14:30.
FORMAT_MODULE_PATH = ["perhekeskus.core.formats"]
# Weekdays off besides public holidays in deadline counting (perhekeskus/core/calendar.py).
WORKING_DAY_EXTRA_DAYS_OFF = env.list(
    "PERHEKESKUS_WORKING_DAY_EXTRA_DAYS_OFF", default=["midsummer_eve", "christmas_eve"]
)
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# (prod) ``perhekeskus collectstatic`` gathers the files here and WhiteNoise
# serves them, compressed; with PERHEKESKUS_STATIC_MANIFEST (production and the
# demo) under names carrying a hash of their content, so browsers may keep
# them for good. Without it (development, tests) no collected copy is needed.
STATIC_ROOT = Path(env.str("PERHEKESKUS_STATIC_ROOT", default=str(DATA_DIR / "static")))
STATIC_MANIFEST = env.bool("PERHEKESKUS_STATIC_MANIFEST", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
# Files straight from the apps' static folders: only in development; a
# production server serves the collected copy in STATIC_ROOT.
WHITENOISE_USE_FINDERS = env.bool("PERHEKESKUS_STATIC_FROM_SOURCE", default=DEBUG)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG and not DEMO_MODE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Search: which Voikko implementation analyses Finnish ("pyvoikko" from PyPI,
# or "libvoikko" from Debian's libvoikko1 + voikko-fi, which must give the
# same index terms).
VOIKKO_BACKEND = env.str("PERHEKESKUS_VOIKKO_BACKEND", default="pyvoikko")

SITE_NAME = _("Perhekeskus")

# --- Sign-in (django-allauth; see docs/identity.md) ---------------------------
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
# Only a fallback: each user lands where their work is (accounts/landing.py).
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGOUT_REDIRECT_URL = "catalogue:home"
ACCOUNT_ADAPTER = "perhekeskus.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "perhekeskus.accounts.adapters.SocialAccountAdapter"
# Professionals' accounts are made by administrators or by an identity
# provider; nobody signs up with a password.
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
# Lockout: after LOGIN_ATTEMPTS failures on one account within the lockout
# window further attempts are refused; the rate limits live in the shared
# cache (CACHES above).
LOGIN_ATTEMPTS = env.int("PERHEKESKUS_LOGIN_ATTEMPTS", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("PERHEKESKUS_LOGIN_LOCKOUT_MINUTES", default=15)
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": f"20/m/ip,{LOGIN_ATTEMPTS}/{LOGIN_LOCKOUT_MINUTES * 60}s/key",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("PERHEKESKUS_TOTP_ISSUER", default="Perhekeskus")
MFA_RECOVERY_CODE_COUNT = 10
USERSESSIONS_TRACK_ACTIVITY = True
# Sessions end after this many idle minutes: every request renews the expiry.
SESSION_IDLE_MINUTES = env.int("PERHEKESKUS_SESSION_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Personal API tokens: the longest lifetime a user may choose.
API_TOKEN_MAX_DAYS = env.int("PERHEKESKUS_API_TOKEN_MAX_DAYS", default=90)

# Mail (password reset links): EMAIL_URL, e.g. smtp+tls://user:password@host:587;
# the default prints messages on the console.
_EMAIL = environ.Env.email_url_config(env.str("EMAIL_URL", default="") or "consolemail://")
_SMTP_OPTIONS = {
    "host": _EMAIL.get("EMAIL_HOST"),
    "port": _EMAIL.get("EMAIL_PORT"),
    "username": _EMAIL.get("EMAIL_HOST_USER"),
    "password": _EMAIL.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _EMAIL.get("EMAIL_USE_TLS", False),
    "use_ssl": _EMAIL.get("EMAIL_USE_SSL", False),
}
MAILERS = {
    "default": {
        "BACKEND": _EMAIL["EMAIL_BACKEND"],
        "OPTIONS": (
            {k: v for k, v in _SMTP_OPTIONS.items() if v not in (None, "")}
            if _EMAIL["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="perhekeskus@localhost")

SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX = "oidc"


def _oidc_app(prefix: str, provider_id: str, default_name: str) -> list[dict]:
    """One OpenID Connect provider from PERHEKESKUS_OIDC_<PREFIX>_* variables."""
    server_url = env.str(f"PERHEKESKUS_OIDC_{prefix}_SERVER_URL", default="")
    if not server_url:
        return []
    return [
        {
            "provider_id": provider_id,
            "name": env.str(f"PERHEKESKUS_OIDC_{prefix}_NAME", default=default_name),
            "client_id": env.str(f"PERHEKESKUS_OIDC_{prefix}_CLIENT_ID"),
            "secret": env.str(f"PERHEKESKUS_OIDC_{prefix}_CLIENT_SECRET", default=""),
            "settings": {
                "server_url": server_url,
                "oauth_pkce_enabled": True,
                "scope": env.list(
                    f"PERHEKESKUS_OIDC_{prefix}_SCOPES", default=["openid", "profile", "email"]
                ),
            },
        }
    ]


# The organisation's identity provider for professionals ("organisation") and
# strong identification for citizens ("citizen", e.g. Suomi.fi e-Identification).
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "APPS": _oidc_app("STAFF", "organisation", "organisation account")
        + _oidc_app("CITIZEN", "citizen", "Suomi.fi e-Identification"),
    }
}
# Professionals who sign in through the organisation's identity provider have
# passed its second factor; set to false to require this service's TOTP too.
OIDC_STAFF_IDP_HANDLES_MFA = env.bool("PERHEKESKUS_OIDC_STAFF_IDP_HANDLES_MFA", default=True)
# Claim that names a professional's existing account (matched on username).
OIDC_STAFF_USERNAME_CLAIM = env.str(
    "PERHEKESKUS_OIDC_STAFF_USERNAME_CLAIM", default="preferred_username"
)

# --- Background tasks (django.tasks; the worker: ``perhekeskus db-worker``) ---
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Seconds the link checker waits for one web address.
LINK_CHECK_TIMEOUT = env.float("PERHEKESKUS_LINK_CHECK_TIMEOUT", default=10.0)
# Hours before an appointment when its reminders go out (``perhekeskus send-reminders``).
APPOINTMENT_REMINDER_HOURS = env.int("PERHEKESKUS_APPOINTMENT_REMINDER_HOURS", default=24)

# --- The access log's checkpoints (perhekeskus/access/anchor.py; docs/access-layer.md) ---
# (prod) Key of the checkpoints' signatures (HMAC-SHA256): from the environment
# or a secret store, never kept with the database or its backups. Only DEBUG
# and demo runs do without it (a key derived from the secret key).
ACCESS_LOG_ANCHOR_KEY = env.str("ACCESS_LOG_ANCHOR_KEY", default="")
# Directory of the append-only checkpoint file, on another host or write-once
# storage; unset: DATA_DIR/access-log-checkpoints. With ACCESS_LOG_ANCHOR_BACKEND
# (a CheckpointStore class) it is whatever location that store takes.
ACCESS_LOG_ANCHOR_STORE = env.str("ACCESS_LOG_ANCHOR_STORE", default="")
ACCESS_LOG_ANCHOR_BACKEND = env.str(
    "ACCESS_LOG_ANCHOR_BACKEND", default="perhekeskus.access.anchor.FileCheckpointStore"
)

# --- Limits of public writes (docs/casework.md) -------------------------------
# The family's one door (the ask-for-help form and POST /api/v1/contacts, one
# budget for both): contacts accepted per client address, and in total, in a
# window of this many minutes. 0 turns that limit off.
CONTACT_LIMIT_PER_ADDRESS = env.int("PERHEKESKUS_CONTACT_LIMIT_PER_ADDRESS", default=10)
CONTACT_LIMIT_TOTAL = env.int("PERHEKESKUS_CONTACT_LIMIT_TOTAL", default=300)
CONTACT_LIMIT_WINDOW_MINUTES = env.int("PERHEKESKUS_CONTACT_LIMIT_WINDOW_MINUTES", default=60)
# Accessibility feedback: its own budget, counted in the contact form's window.
ACCESSIBILITY_FEEDBACK_LIMIT_PER_ADDRESS = env.int(
    "PERHEKESKUS_ACCESSIBILITY_FEEDBACK_LIMIT_PER_ADDRESS", default=5
)
ACCESSIBILITY_FEEDBACK_LIMIT_TOTAL = env.int(
    "PERHEKESKUS_ACCESSIBILITY_FEEDBACK_LIMIT_TOTAL", default=100
)
