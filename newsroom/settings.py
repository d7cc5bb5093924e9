"""Settings for Newsroom, all read from the environment.

With no environment at all the site runs for development: DEBUG on, SQLite in
``db.sqlite3``, local-memory cache. Production sets ``DEBUG=0``, ``SECRET_KEY``,
``ALLOWED_HOSTS`` and usually ``DATABASE_URL`` and ``REDIS_URL``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

import newstext

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None or value == "" else value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off, set the SECRET_KEY environment variable "
            "to a long random string, e.g. "
            '`python -c "import secrets; print(secrets.token_urlsafe(50))"`.'
        )
    # Development only: a key that is obviously not a secret.
    SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. With DEBUG off, set the ALLOWED_HOSTS environment "
            "variable to the site's host names, comma-separated, e.g. ALLOWED_HOSTS=news.example.com"
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "taggit",
    "reversion",
    "adminsortable2",
    "axes",
    "imagefield",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_prose_editor",
    # The project's apps, each depending only on those above it. The order decides
    # nothing: the admin's site-wide templates are in templates/admin/, and the
    # article admin is registered by editorial alone.
    "newsroom",
    "people",
    "images",
    "articles",
    "editorial",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Brotli or gzip for public text responses (static files come compressed from whitenoise);
    # above everything that reads or changes the body. See newsroom/compression.py on BREACH.
    "newsroom.compression.CompressionMiddleware",
    # A view that cannot reach the database answers the 503 page with Retry-After.
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy (django-csp) and Permissions-Policy on every response: see "Security".
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "newsroom.security.ImportMapHashMiddleware",
    "newsroom.security.PermissionsPolicyMiddleware",
    "editorial.middleware.TopicRedirectFallbackMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# django-axes checks every sign-in first; Django's backend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "newsroom.urls"
# The admin's address is configurable so that it is not where every bot looks first.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
WSGI_APPLICATION = "newsroom.wsgi.application"

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
                "newsroom.context_processors.site",
            ],
        },
    },
]

# Database: SQLite by default, anything dj-database-url understands otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL counts as unset.
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Reusing connections saves most of a page's time on PostgreSQL;
        # health checks drop a connection the server closed.
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server rather than quoted in Python, and statements
    # a connection runs again and again (the importer's, a page's) prepared once:
    # one import process ran about 15% faster. A pooler in transaction mode that does
    # not track prepared statements (PgBouncer before 1.21) needs
    # DATABASE_PREPARED_STATEMENTS=0. Options in DATABASE_URL (?sslmode=…) are kept.
    prepared = os.environ.get("DATABASE_PREPARED_STATEMENTS", "1") == "1"
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5 if prepared else None
    )
    # A prepared statement's generic plan ignores the values it is run with; but a topic
    # on 40% of the archive and one on five articles need different plans (a deep page
    # of the first ran 30 times slower on the generic one). Planned for its values each time.
    custom = "-c plan_cache_mode=force_custom_plan"
    options = DATABASES["default"]["OPTIONS"]
    options["options"] = f"{options['options']} {custom}" if options.get("options") else custom
    # A database that does not answer fails a request within seconds (a 503, or the
    # page's last cached copy) instead of holding a worker until gunicorn kills it.
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 3)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE transactions and a
    # busy timeout make concurrent writers wait instead of failing with "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and page cache (newsroom/cache.py, newsroom/versions.py).
# With REDIS_URL, one Redis shared by every app server holds pages and sessions; a
# Redis that fails is treated as empty (newsroom/cache_backends.py), with short
# timeouts so that a request never waits long for it. Without it, each process
# keeps its own pages in memory, and checks them against the content version
# in the database on every hit (one primary-key read), so no process serves a
# page that another one's change made stale.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache_backends.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Pages of about 10 KB compressed: a few tens of megabytes per process at most.
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
# Whether every app server sees the same cache: then the content version is read from it too.
NEWSROOM_CACHE_IS_SHARED = env_bool("CACHE_IS_SHARED", bool(REDIS_URL))
# How long a page's copy is kept after its last render, in seconds (0: pages are not
# cached). A change to the content makes every copy stale at once; this only lets
# pages nobody reads fall out, and bounds how old a copy served while the database
# is down (stale-if-error) can be.
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(24 * 60 * 60)))
# How long a rendered part of a page (an article's own parts) is kept, in seconds (0: not
# kept). Keyed by the content version, so a change makes every copy stale at once.
NEWSROOM_FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", str(24 * 60 * 60)))
# How long a CDN may serve a public page before asking again (s-maxage); browsers always ask.
NEWSROOM_CDN_SECONDS = int(os.environ.get("CDN_SECONDS", "1"))
# Names this deployment in page keys (e.g. the git commit); empty: a hash of the code and templates.
NEWSROOM_RELEASE = os.environ.get("RELEASE", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded media (pictures and their renditions). On the filesystem by default: MEDIA_ROOT,
# served at MEDIA_URL by the web server in production (by the app only under DEBUG, or with
# NEWSROOM_SERVE_MEDIA=1 for a demo). With MEDIA_S3_BUCKET set, in S3-compatible object
# storage (django-storages), served from the bucket or MEDIA_S3_CUSTOM_DOMAIN (a CDN).
MEDIA_URL = os.environ.get("MEDIA_URL", "media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if os.environ.get("MEDIA_S3_BUCKET"):
    # Credentials come from boto3's usual places: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
    # or the machine's role. Files are public and named uniquely for good, so URLs are plain
    # (unsigned) and cached for a year.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("MEDIA_S3_PREFIX", ""),
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
# Uploaded pictures: the largest file and the most pixels accepted (a 50-megapixel picture
# takes about 150 MB of memory to decode; anything larger is refused from its header).
NEWSROOM_IMAGE_MAX_BYTES = int(os.environ.get("NEWSROOM_IMAGE_MAX_BYTES", str(25 * 1024 * 1024)))
NEWSROOM_IMAGE_MAX_PIXELS = int(os.environ.get("NEWSROOM_IMAGE_MAX_PIXELS", str(50_000_000)))
# django-imagefield: renditions are made by images.renditions.make_renditions (after commit,
# later by a task queue), not by the field's own save hook; uploads are checked by images.uploads.
IMAGEFIELD_AUTOGENERATE = False
IMAGEFIELD_VALIDATE_ON_SAVE = False
IMAGEFIELD_BIN_DEPTH = 2
# The focal point is kept in two checked number fields, not imagefield's "0.5x0.5" text field.
SILENCED_SYSTEM_CHECKS = ["imagefield.I001"]

TAGGIT_CASE_INSENSITIVE = True
# Topics are separated by commas only: "Ukraine war" typed alone is one topic, not two.
TAGGIT_TAGS_FROM_STRING = "articles.tagkinds.names_from_string"

# The newsroom's own name, shown in the masthead, feeds and structured data.
NEWSROOM_NAME = os.environ.get("NEWSROOM_NAME", "Newsroom")
NEWSROOM_PAGE_SIZE = 20
# Largest document the importer accepts, in bytes.
NEWSROOM_IMPORT_MAX_BYTES = int(os.environ.get("NEWSROOM_IMPORT_MAX_BYTES", str(newstext.DEFAULT_MAX_BYTES)))

# Background work: imports from the admin, re-indexing many articles, and any app's
# tasks.py run in worker processes (`manage.py run_worker`), beside the site or on other
# machines. Tasks are queued in this database by django-tasks-db, so a task enqueued inside a
# transaction commits or rolls back with it, and no broker is needed. A worker beats every
# TASK_LEASE_SECONDS / 3; when it has been silent for TASK_LEASE_SECONDS, its running task
# goes back to the queue. A task that fails or whose worker died is tried again after
# TASK_RETRY_SECONDS, doubling each time, TASK_MAX_ATTEMPTS times in all.
# TASKS_BACKEND=immediate runs each task at once in the process that enqueues it (no worker).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND not in {"database", "immediate"}:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be 'database' or 'immediate', not {TASKS_BACKEND!r}.")
TASKS = {
    "default": {
        "BACKEND": (
            "newsroom.tasks.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "OPTIONS": {
            "LEASE_SECONDS": float(os.environ.get("TASK_LEASE_SECONDS", "30")),
            "MAX_ATTEMPTS": int(os.environ.get("TASK_MAX_ATTEMPTS", "5")),
            "RETRY_SECONDS": float(os.environ.get("TASK_RETRY_SECONDS", "10")),
        },
    }
}
# Most documents one upload on the admin's import page may hold: Django refuses more files
# in one request (its default, 100, is too few for an archive's batch).
NEWSROOM_IMPORT_MAX_FILES = int(os.environ.get("NEWSROOM_IMPORT_MAX_FILES", "1000"))
DATA_UPLOAD_MAX_NUMBER_FILES = NEWSROOM_IMPORT_MAX_FILES

# Security. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER_NAME.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: the site itself, no inline script or style (a nonce would be frozen into
# cached pages; JSON-LD is data). Pictures also from the media's CDN or bucket and blob: (the admin
# previews an upload); frames from the players of articles/embeds.py once a reader clicks a facade.
_PLAYERS = "www.youtube-nocookie.com player.vimeo.com platform.twitter.com www.instagram.com"
_PLAYERS += " www.tiktok.com embed.bsky.app datawrapper.dwcdn.net flo.uri.sh"
_MEDIA_SOURCES = ["'self'", "data:", "blob:"]
if "://" in MEDIA_URL:
    _MEDIA_SOURCES.append(MEDIA_URL)
if os.environ.get("MEDIA_S3_CUSTOM_DOMAIN"):
    _MEDIA_SOURCES.append(f"https://{os.environ['MEDIA_S3_CUSTOM_DOMAIN']}")
elif os.environ.get("MEDIA_S3_BUCKET"):
    _MEDIA_SOURCES.append(os.environ.get("MEDIA_S3_ENDPOINT_URL") or "https://*.amazonaws.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": _MEDIA_SOURCES,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *(f"https://{host}" for host in _PLAYERS.split())],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # Served over HTTPS only (DEBUG off and the HTTPS redirect on): never fetch over plain HTTP.
        **(
            {"upgrade-insecure-requests": True} if not DEBUG and env_bool("SECURE_SSL_REDIRECT", True) else {}
        ),
    }
}
# CSP_REPORT_ONLY=1 sends the same policy as Content-Security-Policy-Report-Only: browsers report
# what it would refuse and refuse nothing (to try a change of policy, or to let a tool that injects
# inline scripts, such as an accessibility checker, run against a live site).
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = CONTENT_SECURITY_POLICY
    CONTENT_SECURITY_POLICY = None
# Permissions-Policy (newsroom/security.py): the browser features no page uses are off for
# every frame; copying a link is the site's own. (The Web Share API needs no grant in the top
# frame, and Chromium on the desktop warns of "web-share" as an unknown feature.)
_UNUSED_FEATURES = "accelerometer camera geolocation gyroscope magnetometer microphone payment usb"
PERMISSIONS_POLICY = {feature: [] for feature in _UNUSED_FEATURES.split()} | {"clipboard-write": ["self"]}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failed attempts for one
# username from one address, that pair is locked out for AXES_COOLOFF_MINUTES. Attempts
# are kept in the database, so every app server sees them.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every management command
AXES_LOCKOUT_TEMPLATE = "editorial/lockout.html"
# Behind N reverse proxies the client's address is the one the nearest of them
# appended to X-Forwarded-For; without proxies it is the connection's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Shareable preview links for drafts: how long they may be valid at most, in hours.
EDITORIAL_PREVIEW_MAX_HOURS = int(os.environ.get("EDITORIAL_PREVIEW_MAX_HOURS", str(7 * 24)))

# One handler, on the root logger: every event is printed once. Django's own
# "django" logger would print to the console too (with DEBUG on) and then pass
# the event on to the root, so it gets no handler of its own here; the
# development server's request lines ("django.server") keep their own format.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"level": "INFO"},
        # django-imagefield logs every rendition file it writes; images.renditions logs one line an image.
        "imagefield": {"level": "WARNING"},
    },
}
