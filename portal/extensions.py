"""The Flask extensions, created unbound here and bound to the app in create_app."""

from __future__ import annotations

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
