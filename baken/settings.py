"""Baken's one settings module. Everything that differs per deployment comes from the environment.

Zero set-up default: SQLite in the working directory. Production: DATABASE_URL (PostgreSQL),
BAKEN_SECRET_KEY, BAKEN_AUDIT_KEY, BAKEN_ALLOWED_HOSTS. See README.md, section "Production".
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from baken.lib.env import env_bool, env_choice, env_int, env_list, env_secret, env_str

# Lets annotations such as forms.ModelChoiceField[Region] work at run time.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent

# Demo mode is switched on by `baken demo` / `baken otp` on the local SQLite database only.
DEMO_MODE = env_bool("BAKEN_DEMO_MODE", default=False)
DEBUG = env_bool("BAKEN_DEBUG", default=False)
# Local use (the demo, development): static files straight from the source folders, mail to the
# console, plain HTTP. The demo runs without DEBUG, so it shows Baken's own error pages.
LOCAL = DEBUG or DEMO_MODE

# The fallback key only serves a local, non-production database; `baken serve` refuses to
# start with it because `check --deploy` reports it.
SECRET_KEY = env_secret("BAKEN_SECRET_KEY", default="django-insecure-local-only-key-change-me")
AUDIT_KEY = env_secret("BAKEN_AUDIT_KEY", default=SECRET_KEY)
# Encryption of identifying fields at rest (django-fernet-encrypted-fields). The Fernet keys are
# derived from SECRET_KEY (and SECRET_KEY_FALLBACKS) with each salt below; the first salt encrypts,
# all decrypt. Rotate: put a new salt first, run `baken rotate_keys`, later drop the old salt.
SECRET_KEY_FALLBACKS = env_list("BAKEN_SECRET_KEY_FALLBACKS", [])
SALT_KEY = env_list("BAKEN_FIELD_KEY_SALTS", ["local-only-field-salt-change-me"])
# Keyed blind index for searching encrypted names (HMAC-SHA256); changing it needs a re-index.
BLIND_INDEX_KEY = env_secret("BAKEN_BLIND_INDEX_KEY", default=SECRET_KEY + ":blind-index")
EMERGENCY_ACCESS_HOURS = env_int("BAKEN_EMERGENCY_ACCESS_HOURS", 12)

# The side this deployment serves (baken/urls.py): an institution, the registry, or both (the
# demo). An institution's workers then never load the registry's pages and libraries.
BAKEN_SIDE = env_choice("BAKEN_SIDE", ("institution", "registry", "both"), "both")

ALLOWED_HOSTS = env_list("BAKEN_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("BAKEN_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "baken.accounts",
    "baken.audit",
    "baken.cases",
    "baken.signalling",
    "baken.screening",
    "baken.partners",
    "baken.meldcode",
    "baken.registration",
    "baken.registry",
    "baken.learning",
    "baken.insight",
    "baken.retention",
    "baken.operations",
    "baken.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "baken.accounts.middleware.IdleTimeoutMiddleware",
    "baken.lib.language.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's AuthenticationMiddleware and django-otp's OTPMiddleware in one query.
    "baken.accounts.middleware.VerifiedUserMiddleware",
    "baken.accounts.middleware.SecondFactorRequiredMiddleware",
    "baken.accounts.middleware.NoStoreWhenLoggedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "baken.urls"
WSGI_APPLICATION = "baken.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "libraries": {"form_focus": "baken.lib.form_focus", "menu": "baken.lib.menu"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{PROJECT_DIR / 'baken.sqlite3'}"),
        conn_max_age=env_int("BAKEN_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Baken's queries are short; PostgreSQL's JIT compiler, which starts on the planner's cost
    # estimate, spent more time compiling them than running them (docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE makes concurrent writers queue instead of failing half-way (audit chain).
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "baken.accounts.backends.UserWithOrganisationBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"

# Lock-out (django-axes): per account, after BAKEN_LOCKOUT_FAILURES wrong passwords.
AXES_FAILURE_LIMIT = env_int("BAKEN_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("BAKEN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Lock-out is per account on purpose: staff of one institution often share one public IP
# address, and an IP lock-out would lock all of them out at once.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Two-factor (django-otp).
OTP_TOTP_ISSUER = "Baken"
OTP_TOTP_THROTTLE_FACTOR = 1

# Sessions end after BAKEN_SESSION_IDLE_MINUTES without a request. IdleTimeoutMiddleware renews
# a session once a tenth of that has passed, instead of writing it on every request.
SESSION_COOKIE_AGE = env_int("BAKEN_SESSION_IDLE_MINUTES", 30) * 60
# Django's database sessions, read with a written SELECT instead of the ORM (every request).
SESSION_ENGINE = "baken.accounts.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# HTTPS hardening: on unless BAKEN_HTTPS=0 (local demo).
HTTPS = env_bool("BAKEN_HTTPS", default=not LOCAL)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a TLS-terminating proxy: the scheme from X-Forwarded-Proto, and the client's address (in
# the audit log) from X-Forwarded-For; never trusted without this setting.
BEHIND_PROXY = env_bool("BAKEN_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("BAKEN_STATIC_ROOT", str(PROJECT_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if LOCAL
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = LOCAL
# Files served at the site's root: /favicon.ico, which browsers ask for on every page without an
# icon link (Django's and the browser's own error pages).
WHITENOISE_ROOT = BASE_DIR / "public"

EMAIL_BACKEND = env_str(
    "BAKEN_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if LOCAL
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("BAKEN_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("BAKEN_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("BAKEN_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_secret("BAKEN_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("BAKEN_EMAIL_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("BAKEN_FROM_EMAIL", "baken@localhost")
# Institution side: where the registry's intake API is, and this institution's source token.
BAKEN_REGISTRY_URL = env_str("BAKEN_REGISTRY_URL", "")
BAKEN_REGISTRY_TOKEN = env_secret("BAKEN_REGISTRY_TOKEN", "")
# The pseudonymisation key shared by registering organisations (never by the registry).
BAKEN_PSEUDONYM_KEY = env_secret("BAKEN_PSEUDONYM_KEY", "")
BAKEN_PSEUDONYM_KEY_VERSION = env_str("BAKEN_PSEUDONYM_KEY_VERSION", "k1")
# Registry intake API: requests per source, and requests with a wrong or missing token per client
# address (counted in the database, shared by all processes).
BAKEN_API_RATE = env_str("BAKEN_API_RATE", "120/m")
BAKEN_API_FAILED_AUTH_RATE = env_str("BAKEN_API_FAILED_AUTH_RATE", "20/m")
# Where users reach Baken; used in links in e-mail sent by background commands.
BASE_URL = env_str("BAKEN_BASE_URL", "http://127.0.0.1:8000")

# Retention and the audit log's anchors outside the database (docs/operations.md).
AUDIT_CHECKPOINT_DIR = env_str("BAKEN_AUDIT_CHECKPOINT_DIR", "")
AUDIT_CHECKPOINT_MAILTO = env_list("BAKEN_AUDIT_CHECKPOINT_MAILTO", [])
AUDIT_RETENTION_YEARS = env_int("BAKEN_AUDIT_RETENTION_YEARS", 5)
YOUTH_FILE_RETENTION_YEARS = env_int("BAKEN_YOUTH_FILE_RETENTION_YEARS", 20)
REGISTRY_RETENTION_YEARS = env_int("BAKEN_REGISTRY_RETENTION_YEARS", 10)
REGISTRY_WITHDRAWN_GRACE_DAYS = env_int("BAKEN_REGISTRY_WITHDRAWN_GRACE_DAYS", 30)
# BCa bootstrap replicates of an interval asked for on the estimation page (and the worker's
# processes: 0 is every core). See docs/estimation.md.
REGISTRY_BOOTSTRAP_REPLICATES = env_int("BAKEN_REGISTRY_BOOTSTRAP_REPLICATES", 1000)
REGISTRY_BOOTSTRAP_WORKERS = env_int("BAKEN_REGISTRY_BOOTSTRAP_WORKERS", 0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals": {"()": "baken.lib.log_filters.RefusalsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["refusals"]}},
    "root": {"handlers": ["console"], "level": env_str("BAKEN_LOG_LEVEL", "WARNING")},
}
