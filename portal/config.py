"""Configuration, in the order it is applied.

1. ``DefaultConfig`` below: safe defaults for a local ``make run``.
2. ``instance/config.py`` if it exists (local settings, never committed).
3. ``PORTAL_*`` environment variables (``PORTAL_DATABASE_URL`` sets ``DATABASE_URL``);
   values that parse as JSON become numbers, booleans or lists.
4. The mapping passed to ``create_app(config)``, used by the tests.
"""

from __future__ import annotations

from datetime import timedelta

# The development key is public (it is in this file): production refuses to start with it.
DEVELOPMENT_SECRET_KEY = "development-only-not-secret"  # noqa: S105  # nosec B105


class ConfigurationError(RuntimeError):
    """The configuration is unsafe or incomplete; the portal refuses to start."""


class DefaultConfig:
    # "development", "production" or "testing". Production turns on the checks and the
    # Secure cookie flag; a local ``make run`` over plain HTTP stays usable.
    ENVIRONMENT = "development"
    SECRET_KEY = DEVELOPMENT_SECRET_KEY

    # None means the SQLite file ``instance/portal.sqlite3``.
    DATABASE_URL: str | None = None
    # hide_parameters: a database error's log line shows the statement, never the values
    # (which could be what a parent wrote, or a response's id next to the time).
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}

    # Languages: see portal/i18n.py for the list and how to add one.
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "Europe/London"

    # Cookies. SESSION_COOKIE_SECURE is switched on in production (see create_app).
    SESSION_COOKIE_NAME = "portal_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # The session cookie carries the chosen language, so it outlives the browser window.
    PERMANENT_SESSION_LIFETIME = timedelta(days=90)

    # CSRF tokens last as long as the session: a parent who takes an hour over a form
    # must not lose it to an expired token.
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_SSL_STRICT = True

    # Request size limits: forms are small; nothing uploads files yet.
    MAX_CONTENT_LENGTH = 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 256 * 1024
    MAX_FORM_PARTS = 200

    # Rate limits (Flask-Limiter). Memory by default; production sets Redis, for example
    # PORTAL_RATELIMIT_STORAGE_URI=redis://127.0.0.1:6379/0
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_STRATEGY = "moving-window"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_KEY_PREFIX = "portal"

    # Rendered public pages are kept this many seconds at most (0 turns the cache off), and
    # cleared at once when what they show changes (see portal/pagecache.py). Kept in files
    # under the instance folder, shared by the workers of one machine; production with more
    # than one machine sets Redis, for example
    # PORTAL_PAGE_CACHE_REDIS_URL=redis://127.0.0.1:6379/1
    PAGE_CACHE_SECONDS = 60
    PAGE_CACHE_REDIS_URL: str | None = None

    # The address the portal is reached at, for links in emails (invitations, resets): never
    # taken from the request's Host header, which anyone can set. Required in production.
    BASE_URL = "http://127.0.0.1:5000"

    # Staff accounts (see portal/accounts/). REQUIRE_2FA: None means on in production, off
    # elsewhere; when on, admins and coordinators must set up a second factor.
    REQUIRE_2FA: bool | None = None
    # An argon2.profiles name; a hash made with other parameters is redone at next sign-in.
    # A profile's name, not a password.
    PASSWORD_HASH_PROFILE = "RFC_9106_LOW_MEMORY"  # noqa: S105  # nosec B105
    SESSION_IDLE_MINUTES = 30
    SESSION_MAX_HOURS = 12
    # "Keep me signed in on this device" (off unless ticked); 0 removes the option.
    REMEMBER_DAYS = 14
    SECOND_FACTOR_MINUTES = 10
    INVITATION_DAYS = 7
    PASSWORD_RESET_MINUTES = 60
    # Failed sign-ins allowed before a pause: wrong passwords for one account from one client
    # address (so a stranger's guesses do not lock its owner out), and wrong codes for one
    # account from anywhere (only someone with the password gets that far); per client across
    # every account; and per account from every client together, high enough to stop only
    # guessing spread over many addresses. Past that last one, only someone who also has the
    # account's second factor gets further.
    SIGN_IN_LIMIT_PER_ACCOUNT = "5 per 15 minutes"
    SIGN_IN_LIMIT_PER_CLIENT = "20 per 15 minutes"
    SIGN_IN_LIMIT_PER_ACCOUNT_ALL_CLIENTS = "50 per hour"
    # Keys that seal second-factor secrets in the database (AES-GCM, portal/crypto.py), newest
    # first; SECRET_KEY is always tried last. See README, "Rotating the second-factor key".
    TOTP_KEYS: list[str] = []
    # Requests for a password reset link, per email address and per client.
    RESET_LIMIT = "3 per hour"
    RESET_LIMIT_PER_CLIENT = "10 per hour"

    # Events: an online event's join link shows on the manage page this long before it starts.
    EVENT_JOIN_LINK_MINUTES = 30
    # `flask events send-reminders` (run it from cron, say hourly) reminds confirmed people
    # this many hours before; `flask events purge` erases their details this long after.
    EVENT_REMINDER_HOURS = 24
    EVENT_RETENTION_DAYS = 30
    # Sign-ups sent (posts of the sign-up form), per client address. Generous: a family or a
    # community centre helping parents may sign several people up from one address.
    EVENT_SIGNUP_LIMIT = "20 per hour"
    # "Lost your link?" requests, per client address: each sends messages to someone.
    EVENT_LOST_LINK_LIMIT = "5 per hour"

    # Ask a champion: requests sent per client address (a family centre may send a few), and
    # the working days within which a champion promises to have been in touch.
    CASELOAD_ASK_LIMIT = "10 per hour"
    CASELOAD_CONTACT_WORKING_DAYS = 2
    # `flask caseload purge` (run it daily from cron) erases the personal details (name, how to
    # reach, best times, what a concern said) of requests closed this long ago and of families
    # closed this long ago; the anonymous facts stay for the reports.
    CASELOAD_REQUEST_RETENTION_DAYS = 90
    CASELOAD_FAMILY_RETENTION_DAYS = 365
    # The council's safeguarding numbers, shown to a champion who raises a concern:
    # (who, number) pairs, in the order to call them.
    SAFEGUARDING_CONTACTS: list[tuple[str, str]] = [
        ("Children's social care front door (MASH)", "020 7946 0100"),
        ("Out of hours emergency duty team", "020 7946 0199"),
        ("Police, if a child is in immediate danger", "999"),
    ]

    # Email (Flask-Mailman). Development writes each email as a file in instance/outbox/
    # (portal/mail.py); production sends by SMTP: set MAIL_SERVER, MAIL_PORT, MAIL_USE_TLS,
    # MAIL_USERNAME, MAIL_PASSWORD.
    MAIL_DEFAULT_SENDER = "Parent Champions <no-reply@example.org>"
    MAIL_TIMEOUT = 20

    # Texts (and email, with PORTAL_MAIL_BACKEND=notify) through GOV.UK Notify: see
    # portal/notify.py. Without an API key, production sends no texts (SMS_BACKEND "none").
    NOTIFY_API_KEY = None
    NOTIFY_BASE_URL = "https://api.notifications.service.gov.uk"
    NOTIFY_TIMEOUT = 10
    NOTIFY_SMS_TEMPLATE_ID = None  # a text message template: ((body))
    NOTIFY_EMAIL_TEMPLATE_ID = None  # an email template: subject ((subject)), content ((body))
    NOTIFY_SMS_SENDER_ID = None  # a text message sender other than the service's default

    # Static files have fingerprinted URLs (portal/assets.py), so browsers may keep them a year.
    SEND_FILE_MAX_AGE_DEFAULT = 365 * 24 * 3600
    # Not text/html (see portal/assets.py). JSON carries no token and echoes nothing of the
    # request beside a secret: the Open Referral UK API's pages (25 KB of JSON for 50 services)
    # go compressed.
    COMPRESS_MIMETYPES = ["text/css", "text/javascript", "application/javascript", "image/svg+xml",
                          "application/json"]
    COMPRESS_ALGORITHM = ["br", "gzip"]

    # Number of reverse proxies in front of the app whose X-Forwarded-* headers to trust.
    PROXY_FIX_X_FOR = 0
    PROXY_FIX_X_PROTO = 0

    # The neutral page "Exit this page" sends people to (the GOV.UK pattern uses BBC Weather).
    QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"

    # Anonymous feedback: responses stored per client address (held only as a daily keyed
    # hash, in the limiter's memory or Redis; a community centre's parents share one), the
    # least time a person takes to fill in the form, how long
    # a form stays good, and how long after sending the optional "about you" questions can be
    # answered.
    FEEDBACK_LIMIT = "20 per hour;60 per day"
    FEEDBACK_MIN_SECONDS = 3
    FEEDBACK_FORM_MAX_HOURS = 24
    FEEDBACK_ABOUT_YOU_MINUTES = 60
    # The council's own page on how to complain; the complaints page links to it when set.
    COMPLAINTS_URL = ""

    # Shown in the footer and on the contact page; each borough sets its own.
    CONTACT_EMAIL = "parentchampions@example.org"
    CONTACT_PHONE = "020 7946 0000"
    ORGANISATION_NAME = "Example Community Trust"
    COUNCIL_NAME = "London Borough of Example"


def database_uri(config) -> str:
    """The SQLAlchemy URL for this configuration: DATABASE_URL, else SQLite in instance/."""
    url = config.get("DATABASE_URL")
    if url:
        # Deployment platforms often hand out postgres:// URLs; psycopg 3 is the driver we ship.
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url
    return "sqlite:///" + config["INSTANCE_PATH"] + "/portal.sqlite3"
