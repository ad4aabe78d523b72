"""Caravan settings. Everything that differs between machines comes from the environment.

Zero setup: without DATABASE_URL the shop runs on SQLite (tuned for concurrent requests), without
REDIS_URL the cache is in-process and Celery runs tasks eagerly in the web process.
"""

import os
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
# The key comes from DJANGO_SECRET_KEY, else from the file DJANGO_SECRET_KEY_FILE names (default: the git-ignored
# .secret_key that `make run` / scripts/local_secrets.sh writes once per install). The built-in development key is public: only DJANGO_DEBUG may run on it.
DEVELOPMENT_SECRET_KEY = "caravan-insecure-dev-key-change-me-in-production"


def _secret_key() -> str:
    key = os.environ.get("DJANGO_SECRET_KEY", "").strip()
    if not key:
        try:
            key = Path(os.environ.get("DJANGO_SECRET_KEY_FILE", str(BASE_DIR / ".secret_key"))).read_text().strip()
        except OSError:
            key = ""
    if key and key != DEVELOPMENT_SECRET_KEY:
        return key
    if DEBUG:
        return DEVELOPMENT_SECRET_KEY
    raise ImproperlyConfigured(
        "Refusing to start without a secret key: DJANGO_DEBUG is off and DJANGO_SECRET_KEY is unset (or the built-in "
        "development key). Set DJANGO_SECRET_KEY to a long random value, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))', or run `bash scripts/local_secrets.sh` once "
        "(`make run` does) to write one to .secret_key, or set DJANGO_DEBUG=1 for development."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
# Behind a proxy that terminates TLS: trust its X-Forwarded-Proto, so absolute URLs (e.g. the return URL sent to
# Stripe) say https.
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the shop append to X-Forwarded-For (1 behind the TLS proxy). Every per-client limit
# (axes, allauth, django-ratelimit) reads the client's address through config.client_ip.client_ip, which trusts
# exactly this many entries; 0 trusts none (a client-sent X-Forwarded-For changes nothing).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
# HTTPS in production (README "Security": the env that makes `manage.py check --deploy` clean).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_countries",
    "djmoney",
    "djmoney.contrib.exchange",
    "django_htmx",
    "django_celery_beat",
    "allauth",
    "allauth.account",
    "axes",
    "fulfillment",
    "payments",
    "shop",
    "crm",
]

MIDDLEWARE = [
    "shop.middleware.HealthCheckMiddleware",  # first: answers /healthz even when the database is down
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "shop.middleware.MarketMiddleware",
    "shop.middleware.PrivateAccountPagesMiddleware",  # account pages: Cache-Control private, no-store
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "shop.context_processors.storefront",
            ],
        },
    }
]
if not DEBUG:
    # Cached template loader: templates are parsed once per process.
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.cached.Loader",
            ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"],
        )
    ]

# --- Database -------------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Server-side binding lets psycopg prepare statements that repeat on a connection (the storefront's
        # listing queries), so PostgreSQL plans them once instead of on every request.
        if env_bool("DB_SERVER_SIDE_BINDING", True):
            DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
else:
    # SQLite tuned for a web server: WAL lets readers run beside one writer, IMMEDIATE transactions take
    # the write lock up front (no deadlock-prone lock upgrades), and the busy timeout makes a writer wait
    # instead of failing with "database is locked".
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=30000;"
                    "PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, Celery ----------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    # Degrades instead of failing: while Redis is down, reads miss and writes are dropped (config/cache.py).
    CACHES = {"default": {"BACKEND": "config.cache.DegradingRedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "caravan"}}
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
else:
    # A file cache is shared by every worker process on the machine (gunicorn runs several), unlike the
    # in-process LocMemCache: cache versions and cached sessions must be the same for all of them.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CARAVAN_FILE_CACHE", str(BASE_DIR / ".cache" / "django")),
            "KEY_PREFIX": "caravan",
        }
    }
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
# `{% cache %}` in the storefront's templates (product cards, facets, sort controls, variant options, header menus,
# country select): fragments keyed by the data they show, so they need no invalidation and live in each process's
# memory (at most MAX_ENTRIES of a few KB to ~25 KB each).
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
CELERY_TASK_EAGER_PROPAGATES = True
# A dead broker is noticed within a few seconds; the task then runs in the calling process (config/celery.py).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"
# Periodic tidy-ups; django-celery-beat's DatabaseScheduler also lets merchants add their own in admin.
CELERY_BEAT_SCHEDULE = {
    "delete-expired-reservations": {"task": "fulfillment.tasks.delete_expired_reservations_task", "schedule": 300.0},
    "cancel-unpaid-orders": {"task": "shop.tasks.cancel_unpaid_orders_task", "schedule": 900.0},
    "delete-abandoned-carts": {"task": "shop.tasks.delete_abandoned_carts_task", "schedule": 6 * 3600.0},
    "clear-expired-sessions": {"task": "shop.tasks.clear_expired_sessions_task", "schedule": 24 * 3600.0},
    "flag-delayed-consignments": {"task": "fulfillment.tasks.flag_delayed_consignments_task", "schedule": 3600.0},
    "compute-replenishment": {"task": "fulfillment.tasks.compute_replenishment_task",  # nightly, at HH:30 UTC
                              "schedule": crontab(hour=int(os.environ.get("CARAVAN_REPLENISHMENT_HOUR", "2")), minute=30)},
}

SESSION_ENGINE = "shop.plumbing.sessions"  # cached_db without the redundant exists() query on create
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Buyer accounts (django-allauth) ---------------------------------------------------------------
# Buyers sign in with their e-mail address and must confirm it first; the confirmation link signs them in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out admin login before any password check
    "django.contrib.auth.backends.ModelBackend",  # admin logins by username
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{os.environ.get('CARAVAN_SHOP_NAME', 'Caravan')}] "
ACCOUNT_ADAPTER = "shop.accounts.AccountAdapter"
# Sign-in limits per client (its real address behind the proxy, see TRUSTED_PROXY_COUNT) and per e-mail address.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
LOGIN_URL = "account_login"

# --- Admin login lockout (django-axes) ------------------------------------------------------------------
# N failed admin logins for one username from one client lock that pair out for M minutes, even with the right
# password; staff clear a lockout in admin (Axes → Access attempts) or with `manage.py axes_reset`.
AXES_FAILURE_LIMIT = int(os.environ.get("CARAVAN_ADMIN_LOCKOUT_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("CARAVAN_ADMIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_ONLY_ADMIN_SITE = True  # buyers sign in through allauth, which has its own limits (ACCOUNT_RATE_LIMITS)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"  # the admin's layout, the request's language
AXES_HANDLER = "config.lockout.AdminOnlyAxesHandler"  # with AXES_ONLY_ADMIN_SITE: storefront sign-ins are not counted
# django-ratelimit (`key="ip"`) counts the same client.
RATELIMIT_IP_META_KEY = "config.client_ip.client_ip"
LOGIN_REDIRECT_URL = "shop:account"
LOGOUT_REDIRECT_URL = "shop:home"

# --- Languages ------------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ja", "日本語"),
    ("zh-hans", "简体中文"),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- Money ----------------------------------------------------------------------------------------
BASE_CURRENCY = os.environ.get("CARAVAN_BASE_CURRENCY", "EUR")
CURRENCIES = ("EUR", "GBP", "USD", "JPY", "CNY", "CHF", "KRW", "KWD", "SEK", "PLN", "DKK", "AUD", "CAD")
# The exchange backend whose stored rates the shop converts with (djmoney.contrib.exchange).
CARAVAN_FX_BACKEND = "caravan"

# --- Static and media -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Invoices and every other private document (credit notes, labels, exports) live here, never under MEDIA_ROOT:
# nothing serves this folder; buyers and staff get a file only through views that check who asks.
CARAVAN_PRIVATE_ROOT = Path(os.environ.get("CARAVAN_PRIVATE_ROOT", str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": CARAVAN_PRIVATE_ROOT,  # readable by the shop's user alone
                            "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700}},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
# Serve uploaded media from Django (fine for the demo and a single server; use a CDN/proxy in production).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# --- Storefront -----------------------------------------------------------------------------------
CARAVAN_PAGE_SIZES = (12, 24, 48)
CARAVAN_DEFAULT_PAGE_SIZE = 24
# Cache listing cards (not pages, not stock) per catalogue version; stock badges and stock filters stay live.
CARAVAN_LISTING_CACHE = env_bool("CARAVAN_LISTING_CACHE", True)
CARAVAN_SHOP_NAME = os.environ.get("CARAVAN_SHOP_NAME", "Caravan")
# Absolute links in e-mails (order pages, the shop) start with this.
CARAVAN_SITE_URL = os.environ.get("CARAVAN_SITE_URL", "http://127.0.0.1:8000")

# --- Checkout and orders --------------------------------------------------------------------------
# Starting checkout holds the cart's stock this long; unpaid bank-transfer orders are cancelled after the
# second setting (their stock goes back on sale).
CARAVAN_RESERVATION_MINUTES = int(os.environ.get("CARAVAN_RESERVATION_MINUTES", "15"))
CARAVAN_UNPAID_ORDER_HOURS = int(os.environ.get("CARAVAN_UNPAID_ORDER_HOURS", "168"))
# Card and other online payments are paid within minutes: their unpaid orders give their stock back sooner.
CARAVAN_UNPAID_ONLINE_ORDER_MINUTES = int(os.environ.get("CARAVAN_UNPAID_ONLINE_ORDER_MINUTES", "60"))
# Cash on delivery from an e-mail address nobody verified (guests, unconfirmed accounts): the buyer confirms by the
# link in the order e-mail, or staff in admin, within this many hours, else the order is cancelled.
CARAVAN_COD_CONFIRM_HOURS = int(os.environ.get("CARAVAN_COD_CONFIRM_HOURS", "24"))
# A return asking for another size or colour holds that unit this long (until the exchange is shipped).
CARAVAN_RETURN_EXCHANGE_HOLD_DAYS = int(os.environ.get("CARAVAN_RETURN_EXCHANGE_HOLD_DAYS", "7"))
# Guest carts untouched this long are deleted (their stock holds released) by beat.
CARAVAN_ABANDONED_CART_DAYS = int(os.environ.get("CARAVAN_ABANDONED_CART_DAYS", "30"))
# A parcel whose last tracking event is a customs hold older than this many days is flagged for staff and the buyer
# is told (beat, fulfillment/services/delays.py).
CARAVAN_CUSTOMS_STUCK_DAYS = int(os.environ.get("CARAVAN_CUSTOMS_STUCK_DAYS", "3"))
# How many ready consignments one pick list batches (the packing desk's "Make a pick list"), oldest first.
CARAVAN_PICK_LIST_SIZE = int(os.environ.get("CARAVAN_PICK_LIST_SIZE", "40"))
# Per client (django-ratelimit, key "ip"): placing orders and starting checkout ("<count>/<s|m|h|d>").
CARAVAN_RATELIMIT_PLACE_ORDER = os.environ.get("CARAVAN_RATELIMIT_PLACE_ORDER", "10/h")
CARAVAN_RATELIMIT_CHECKOUT = os.environ.get("CARAVAN_RATELIMIT_CHECKOUT", "30/h")
RATELIMIT_FAIL_OPEN = True  # the cache down: serve (and log) rather than refuse every buyer or answer 500
CARAVAN_ORDER_PREFIX = os.environ.get("CARAVAN_ORDER_PREFIX", "CR")
# Credit notes (refunds, returns, lost parcels) are numbered CN-2026-000001: this prefix, the year, a gapless sequence.
CARAVAN_CREDIT_NOTE_PREFIX = os.environ.get("CARAVAN_CREDIT_NOTE_PREFIX", "CN")
# EU VAT numbers are checked with VIES when this is set (e.g. the EU's REST endpoint
# https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number); unset: check digits only.
CARAVAN_VIES_URL = os.environ.get("CARAVAN_VIES_URL", "")
CARAVAN_VIES_TIMEOUT = float(os.environ.get("CARAVAN_VIES_TIMEOUT", "5"))
# The seller as printed on invoices and in payment instructions.
CARAVAN_SELLER = {
    "name": os.environ.get("CARAVAN_SELLER_NAME", "Caravan Trading GmbH"),
    "address": os.environ.get("CARAVAN_SELLER_ADDRESS", "Torstraße 1\n10119 Berlin\nGermany"),
    "country": os.environ.get("CARAVAN_SELLER_COUNTRY", "DE"),
    "vat_number": os.environ.get("CARAVAN_SELLER_VAT_NUMBER", "DE123456789"),
    "ioss_number": os.environ.get("CARAVAN_SELLER_IOSS_NUMBER", "IM2760000001"),
    "uk_vat_number": os.environ.get("CARAVAN_SELLER_UK_VAT_NUMBER", "GB123456789"),
    "bank_account_holder": os.environ.get("CARAVAN_BANK_ACCOUNT_HOLDER", "Caravan Trading GmbH"),
    "iban": os.environ.get("CARAVAN_BANK_IBAN", "DE89370400440532013000"),
    "bic": os.environ.get("CARAVAN_BANK_BIC", "COBADEFFXXX"),
    "bank_name": os.environ.get("CARAVAN_BANK_NAME", "Commerzbank"),
}

# --- Payments --------------------------------------------------------------------------------------
# The payment providers the shop knows (dotted paths of payments.providers.PaymentProvider classes, in the order the
# checkout lists them); each market offers a choice of them (admin → Markets). A comma-separated list in the
# environment replaces the default. See docs/architecture.md §4 ("Add a payment provider").
CARAVAN_PAYMENT_PROVIDERS = [path.strip() for path in os.environ.get("CARAVAN_PAYMENT_PROVIDERS", ",".join([
    "payments.providers.stripe.StripeProvider",
    "payments.providers.offline.BankTransferProvider",
    "payments.providers.offline.CashOnDeliveryProvider",
])).split(",") if path.strip()]

# Stripe ------------------------------------------------------------------------------------------
# Secrets only from the environment. STRIPE_API_BASE points the SDK at a local fake (localstripe) in tests and the
# offline demo.
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
# Where the pay page loads Stripe.js from. `make run` without keys points it at the local stand-in
# (static/payments/stripe-local.js) that finishes payments in localstripe.
STRIPE_JS_URL = os.environ.get("STRIPE_JS_URL", "https://js.stripe.com/v3/")

# Default: a short summary of each e-mail on the console (headers, text, attachment names and sizes) and the whole
# message as an .eml file in CARAVAN_OUTBOX_DIR (config/mail.py).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "config.mail.OutboxConsoleBackend")
CARAVAN_OUTBOX_DIR = Path(os.environ.get("CARAVAN_OUTBOX_DIR", str(BASE_DIR / "outbox")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "shop@caravan.example")
# Error reports: with DJANGO_ADMINS set ("Ops <ops@example.com>, dev@example.com") every server error is e-mailed
# there, and only then does the error page tell the buyer "we have been notified".
ADMINS = [(name or address, address) for name, address in getaddresses([os.environ.get("DJANGO_ADMINS", "")]) if "@" in address]
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where buyers write to (contact page, the withdrawal form's addressee).
CARAVAN_CONTACT_EMAIL = os.environ.get("CARAVAN_CONTACT_EMAIL", DEFAULT_FROM_EMAIL)
# A form posted with an expired or missing security token gets the shop's page saying so (at checkout: the session
# expired), not Django's bare 403.
CSRF_FAILURE_VIEW = "shop.views.pages.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every rendering step at INFO: keep the console to what happened, not how a PDF was laid out.
    "loggers": {"django.db.backends": {"level": "INFO"}, "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# djmoney: rates are stored by djmoney.contrib.exchange; our backend loads them from a JSON file so
# `manage.py update_rates` works offline (swap in OpenExchangeRatesBackend with a key for live rates).
EXCHANGE_BACKEND = os.environ.get("EXCHANGE_BACKEND", "shop.services.exchange_rates.FileExchangeBackend")
CARAVAN_FX_RATES_FILE = os.environ.get("CARAVAN_FX_RATES_FILE", str(BASE_DIR / "shop" / "data" / "rates.json"))
CURRENCY_DECIMAL_PLACES = 3

# modeltranslation's tabbed admin needs jQuery UI; serve a vendored copy instead of its CDN default.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Content-Security-Policy (django-csp) -----------------------------------------------------------------
# No inline scripts or event handlers anywhere (tests/test_security.py scans templates/): every script is a file
# under static/. Inline style attributes stay allowed. The pay page loads Stripe.js and Stripe's frames.
_STRIPE_JS = urlsplit(STRIPE_JS_URL)
_MEDIA = urlsplit(MEDIA_URL)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "https://js.stripe.com", "https://*.js.stripe.com"]
        + ([f"{_STRIPE_JS.scheme}://{_STRIPE_JS.netloc}"] if _STRIPE_JS.netloc else []),
        "frame-src": [SELF, "https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
        "connect-src": [SELF, "https://api.stripe.com"],
        "img-src": [SELF, "data:", "https://*.stripe.com"] + ([f"{_MEDIA.scheme}://{_MEDIA.netloc}"] if _MEDIA.netloc else []),
        "style-src": [SELF, "'unsafe-inline'"],
        "font-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
