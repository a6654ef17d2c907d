"""The Flask extensions, created unbound here and bound to the app in create_app."""

from __future__ import annotations

import functools

from flask import request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx

from portal.database import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
htmx = Htmx()
# Keys are client addresses, kept only in the limiter's storage (memory or Redis) and expiring.
limiter = Limiter(key_func=get_remote_address)

# Every limit the portal declares guards what is sent (methods=["POST"]): a request that only
# reads skips the limiter's bookkeeping, a fifth of a cached page's time. tests/core/
# test_security.py fails if a limit is ever declared for reading, which this would ignore.
READING = frozenset({"GET", "HEAD", "OPTIONS"})


@limiter.request_filter
def _only_reads() -> bool:
    return request.method in READING


def init_limiter(app) -> None:
    """Bind the limiter, whose check before each request then runs only for a request that
    sends something: the filter above would skip a read only after the limiter had gathered
    and weighed every limit for it."""
    limiter.init_app(app)
    hooks = app.before_request_funcs.setdefault(None, [])
    for index, hook in enumerate(hooks):
        if getattr(hook, "__self__", None) is limiter:
            hooks[index] = _when_sending(hook)


def _when_sending(check):
    @functools.wraps(check)
    def checked():
        if request.method not in READING:
            return check()
        return None

    return checked
