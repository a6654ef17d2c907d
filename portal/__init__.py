"""Parent Champions Portal: the application factory."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import argon2
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from portal import (
    access,
    assets,
    database,
    errors,
    garbage,
    i18n,
    mail,
    navigation,
    notify,
    pagecache,
    privacy,
    rendering,
    security,
)
from portal import config as portal_config
from portal.config import ConfigurationError
from portal.demo import seed_demo
from portal.extensions import babel, csrf, db, htmx, init_limiter, migrate


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    # Tests and deployments may put the instance folder (config.py, SQLite file) elsewhere.
    instance_path = (config or {}).get("INSTANCE_PATH") or os.environ.get("PORTAL_INSTANCE_PATH")
    if instance_path:
        instance_path = os.path.abspath(instance_path)
    app = Flask(__name__, instance_relative_config=True, instance_path=instance_path)
    app.config.from_object(portal_config.DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("PORTAL")
    if config:
        app.config.from_mapping(config)
    _finish_configuration(app)

    os.makedirs(app.instance_path, exist_ok=True)
    # Innermost: a page kept for everyone is answered before Flask's request work, but still
    # inside ProxyFix, the privacy wrapper and the access log's escaping.
    app.wsgi_app = pagecache.SharedAnswers(app.wsgi_app, app)  # type: ignore[method-assign]
    if app.config["PROXY_FIX_X_FOR"] or app.config["PROXY_FIX_X_PROTO"]:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app,
            x_for=app.config["PROXY_FIX_X_FOR"],
            x_proto=app.config["PROXY_FIX_X_PROTO"],
        )

    # Outermost but one, so that it runs after ProxyFix has set the client address.
    privacy.init_app(app)
    # Around that, so that it escapes what ForgetSender leaves of the path for the log.
    app.wsgi_app = security.SafeAccessLog(app.wsgi_app)  # type: ignore[method-assign]

    garbage.init_app(app)  # before the database: see garbage.init_app
    db.init_app(app)
    database.init_app(app, db)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(app.root_path), "migrations"))
    # Access first: an anonymous post is sent to sign in before CSRF looks at it.
    access.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    htmx.init_app(app)
    init_limiter(app)
    i18n.init_app(app)
    security.init_app(app)
    assets.init_app(app)
    notify.init_app(app)  # before mail: it may name the email backend
    mail.init_app(app)
    navigation.init_app(app)
    rendering.init_app(app)
    pagecache.init_app(app)
    errors.register_error_handlers(app)
    app.add_template_global(rendering.page_title)
    app.cli.add_command(seed_demo)

    for capability in CAPABILITIES:
        capability.init_app(app)
    return app


ENVIRONMENTS = ("development", "testing", "production")


def _finish_configuration(app: Flask) -> None:
    cfg = app.config
    if cfg["ENVIRONMENT"] not in ENVIRONMENTS:
        # A typo such as "prod" must not quietly start with development settings.
        raise ConfigurationError(
            f"PORTAL_ENVIRONMENT must be one of {', '.join(ENVIRONMENTS)}, "
            f"not {cfg['ENVIRONMENT']!r}.")
    if cfg.get("SECRET_KEY") is not None:
        # from_prefixed_env parses values as JSON: an all-digit key would become a number.
        cfg["SECRET_KEY"] = str(cfg["SECRET_KEY"])
    cfg["INSTANCE_PATH"] = app.instance_path
    cfg["SQLALCHEMY_DATABASE_URI"] = portal_config.database_uri(cfg)
    cfg.setdefault("SQLALCHEMY_TRACK_MODIFICATIONS", False)
    if cfg["ENVIRONMENT"] == "production":
        if not cfg.get("SECRET_KEY") or cfg["SECRET_KEY"] == portal_config.DEVELOPMENT_SECRET_KEY:
            raise ConfigurationError(
                "PORTAL_SECRET_KEY must be set to a long random value in production, "
                'for example: python -c "import secrets; print(secrets.token_urlsafe(48))"'
            )
        if len(cfg["SECRET_KEY"]) < 32:
            raise ConfigurationError("PORTAL_SECRET_KEY must be at least 32 characters.")
        cfg["SESSION_COOKIE_SECURE"] = True
        if not cfg.get("BASE_URL") or cfg["BASE_URL"] == portal_config.DefaultConfig.BASE_URL:
            raise ConfigurationError(
                "PORTAL_BASE_URL must be set in production to the address staff use, such as "
                "https://parentchampions.example.org (links in emails are built from it).")
        _require_a_mail_transport(cfg)
    if cfg.get("REQUIRE_2FA") is None:
        cfg["REQUIRE_2FA"] = cfg["ENVIRONMENT"] == "production"
    if not isinstance(getattr(argon2.profiles, str(cfg["PASSWORD_HASH_PROFILE"]), None),
                      argon2.Parameters):
        raise ConfigurationError(
            f"PASSWORD_HASH_PROFILE {cfg['PASSWORD_HASH_PROFILE']!r} is not a profile in "
            "argon2.profiles, such as RFC_9106_LOW_MEMORY.")
    if cfg["ENVIRONMENT"] == "testing":
        cfg["TESTING"] = True


# Flask-Mailman's own backends that deliver nothing: for development and the tests.
DELIVERS_NOTHING = ("file", "locmem", "console", "dummy")


def _require_a_mail_transport(cfg) -> None:
    """Invitations, password resets and bookings must reach people: without a mail server,
    every email would try port 25 on this machine and fail in the log."""
    backend = cfg.get("MAIL_BACKEND") or "smtp"
    if isinstance(backend, str):  # "smtp", or "flask_mailman.backends.smtp[.EmailBackend]"
        backend = backend.removeprefix("flask_mailman.backends.").removesuffix(".EmailBackend")
    if backend == "smtp" and not str(cfg.get("MAIL_SERVER") or "").strip():
        raise ConfigurationError(
            "PORTAL_MAIL_SERVER must be set in production to the SMTP server that sends the "
            "portal's emails (with PORTAL_MAIL_PORT, PORTAL_MAIL_USE_TLS, PORTAL_MAIL_USERNAME "
            "and PORTAL_MAIL_PASSWORD as it needs), or PORTAL_MAIL_BACKEND to another "
            "Flask-Mailman backend that sends mail.")
    if backend in DELIVERS_NOTHING:
        raise ConfigurationError(
            f"PORTAL_MAIL_BACKEND {backend!r} sends no email (it is for development and "
            "tests); in production use smtp with PORTAL_MAIL_SERVER, or a backend that "
            "sends mail.")


# The capabilities, each a package with ``init_app(app)`` (see portal/capabilities.py): the one
# place that names them. Their menu entries are placed by their own ``order``; their demo
# seeders run in this order. (Imported last: each package imports only the core on import.)
from portal import (  # noqa: E402
    accounts,
    audit,
    caseload,
    events,
    feedback,
    main,
    reporting,
    signposting,
    staff,
)

CAPABILITIES = (main, accounts, staff, audit, signposting, events, feedback, caseload,
                reporting)
