"""Enlace settings: every value comes from the environment (see README, "Production")."""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
# A development checkout's .env (written once by `make demo`, git-ignored) fills in what the environment does not
# set; it is skipped when the environment says DEBUG=false, so production never runs on it.
ENV_FILE = env_str("ENLACE_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE and env_bool("DEBUG", True):
    load_dotenv(ENV_FILE, override=False)

VAR_DIR = Path(env_str("ENLACE_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY and not DEBUG:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set when DEBUG is off (`make demo` writes one for development)."
    )
if not SECRET_KEY:  # development without .env: a key of this process alone, never one published in the code
    SECRET_KEY = secrets.token_urlsafe(50)
if not DEBUG and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",  # the back office (enlace.core.back_office), not Django's default site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "enlace.core",
    "enlace.directory",
    "enlace.accounts",
    "enlace.meetings",
    "enlace.followup",
    "enlace.imports",
    "enlace.reporting",
    "enlace.home",
    "enlace.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "enlace.core.middleware.RequestLogMiddleware",
    "enlace.core.middleware.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "enlace.accounts.middleware.RequestLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "enlace.core.middleware.RejectNullCharactersMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "enlace.accounts.middleware.UserLanguageMiddleware",
    "enlace.accounts.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "enlace.core.context_processors.navigation",
            ],
        },
    }
]

# Database: SQLite file under var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'enlace.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# A connection kept from before a database restart is checked before reuse, not failed on.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache every worker shares (in the database: nothing more to run); `manage.py createcachetable` makes its table.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "enlace_cache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if env_bool("ENLACE_FAST_HASHER", False):  # test runs only: Argon2 is deliberately slow
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "home:landing"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# How many reverse proxies in front of Enlace append to X-Forwarded-For (0: the header is ignored).
ENLACE_TRUSTED_PROXY_COUNT = env_int("ENLACE_TRUSTED_PROXY_COUNT", 0)
if ENLACE_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        f"ENLACE_TRUSTED_PROXY_COUNT={ENLACE_TRUSTED_PROXY_COUNT!r} must be 0 or more."
    )

# Failed log-ins cool off an address (across user names) and a user name (across addresses it never signed in
# from) for 15 minutes; see enlace/accounts/login_limits.py and the README.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = "enlace.accounts.login_limits.lockout_parameters"
AXES_CLIENT_IP_CALLABLE = "enlace.core.client_address.client_ip"
AXES_RESET_ON_SUCCESS = False  # login_limits clears only the signed-in pair, not the address's other names
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_LOCKOUT_CALLABLE = "enlace.accounts.login_limits.lockout_response"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Enlace"

# The back office shows past versions of a record but does not restore them (see enlace.core.back_office).
SIMPLE_HISTORY_REVERT_DISABLED = True

# Internationalisation: Spanish first, English one click away.
LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env_str("TIME_ZONE", "America/Tegucigalpa")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
# The review of a long imported report posts a few fields per point and commitment (thousands in all).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 50_000
# Limits on uploaded files, in one place (README, "Production"). Every upload: ENLACE_MAX_UPLOAD_BYTES. Reading a
# report runs in a child process of the worker under the ENLACE_IMPORT_* limits; the structural limits also apply
# to evidence and meeting documents that are inspected (Office files are zips).
MB = 1024 * 1024
ENLACE_MAX_UPLOAD_BYTES = env_int("ENLACE_MAX_UPLOAD_BYTES", 20 * MB)
ENLACE_MAX_UNPACKED_BYTES = env_int("ENLACE_MAX_UNPACKED_BYTES", 100 * MB)
ENLACE_MAX_ZIP_ENTRIES = env_int("ENLACE_MAX_ZIP_ENTRIES", 2000)
ENLACE_MAX_XML_DEPTH = env_int("ENLACE_MAX_XML_DEPTH", 100)
ENLACE_MAX_PAGES = env_int("ENLACE_MAX_PAGES", 300)
ENLACE_MAX_PAGE_STREAM_BYTES = env_int("ENLACE_MAX_PAGE_STREAM_BYTES", 10 * MB)
ENLACE_MAX_PARAGRAPHS = env_int("ENLACE_MAX_PARAGRAPHS", 50_000)
ENLACE_IMPORT_CPU_SECONDS = env_int("ENLACE_IMPORT_CPU_SECONDS", 60)
ENLACE_IMPORT_WALL_SECONDS = env_int("ENLACE_IMPORT_WALL_SECONDS", 90)
ENLACE_IMPORT_MEMORY_BYTES = env_int("ENLACE_IMPORT_MEMORY_BYTES", 1024 * MB)
ENLACE_API_MAX_JSON_BYTES = env_int("ENLACE_API_MAX_JSON_BYTES", 1024 * 1024)
ENLACE_REMINDER_DAYS_BEFORE = env_int("ENLACE_REMINDER_DAYS_BEFORE", 7)
# A task (or a reminder being sent) belongs to its worker this long without news; then it is run again.
ENLACE_TASK_LEASE_SECONDS = env_int("ENLACE_TASK_LEASE_SECONDS", 600)

# E-mail: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Enlace <no-reply@enlace.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work through Django's task API (django-tasks backport, database backend).
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header makes a refused request a 401.
        "enlace.api.authentication.ApiTokenAuthentication",
        "enlace.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # JSON of bounded size and depth (enlace.api.parsers); forms as DRF parses them.
    "DEFAULT_PARSER_CLASSES": [
        "enlace.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "enlace.api.pagination.Pagination",
    "PAGE_SIZE": 100,
    "DEFAULT_THROTTLE_RATES": {"token": "10/minute"},
    "NUM_PROXIES": ENLACE_TRUSTED_PROXY_COUNT,  # the rule of enlace.core.client_address
    "EXCEPTION_HANDLER": "enlace.api.errors.exception_handler",
}
# API tokens (django-rest-knox): stored hashed, named per client, ending after ENLACE_API_TOKEN_TTL_HOURS.
API_TOKEN_TTL_HOURS = env_int("ENLACE_API_TOKEN_TTL_HOURS", 30 * 24)
if not 1 <= API_TOKEN_TTL_HOURS <= 366 * 24:
    raise ImproperlyConfigured("ENLACE_API_TOKEN_TTL_HOURS must be between 1 and 8784 (a year).")
API_TOKENS_PER_PERSON = 20
KNOX_TOKEN_MODEL = "accounts.ApiToken"  # noqa: S105 - a model name, not a secret
# accounts.ApiToken replaces knox's own model, whose migrations would still create its table (an unused table that
# references people and stops PostgreSQL from emptying theirs).
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=API_TOKEN_TTL_HOURS),
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Enlace API",
    "DESCRIPTION": "REST API of Enlace, the platform of the RCM Liaison Officer Network.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Two models have a "status": each keeps its own enum name (a commitment's is the API's first, StatusEnum).
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "enlace.meetings.models.CommitmentStatus",
        "ReportStatusEnum": "enlace.reporting.models.SubmissionStatus",
    },
    # English texts whatever the caller's language, and every error answer documented (enlace.api.schema).
    "DEFAULT_GENERATOR_CLASS": "enlace.api.schema.EnglishSchemaGenerator",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "enlace.api.schema.require_answered_fields",
        "enlace.api.schema.document_errors",
    ],
}

# Strict Content-Security-Policy: everything from this origin, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^health$"]

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "enlace.core.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "enlace": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
