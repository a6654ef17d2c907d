"""The declarative base every model inherits, SQLite's per-connection settings, the column type
for moments in time, and the end of each request's session."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import DateTime, MetaData, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Named constraints, so that Alembic can drop and alter them the same way on SQLite
# (batch mode) and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection, _record) -> None:
    """Foreign keys are off in SQLite unless asked for; WAL lets readers and a writer overlap."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class UTCDateTime(TypeDecorator):
    """A moment in time, stored as UTC and always read back timezone-aware.

    SQLite keeps no time zone, PostgreSQL converts to the session's: storing naive UTC and
    attaching UTC on the way out gives the same answer from both.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, _dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs a timezone-aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, _dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def insert_statement(model):
    """INSERT ... ON CONFLICT, which PostgreSQL and SQLite both have, each in its dialect."""
    from portal.extensions import db

    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(model)


def init_app(app: Flask, db) -> None:
    """Each request's session ended without failing the answer: if the database went away
    during the request (PostgreSQL stopped or restarted), rolling back on the dead connection
    raises, and Flask-SQLAlchemy's own teardown would turn an answer already made (a page, or
    the 503 page) into gunicorn's bare 500. Registered after ``db.init_app``, so it runs
    first (Flask runs teardowns last-registered first) and leaves nothing for that one."""

    @app.teardown_appcontext
    def end_session(_error=None) -> None:
        try:
            db.session.remove()
        except sa_exc.DBAPIError as error:
            app.logger.warning("The session's connection was lost at the end of the request: "
                               "%s", error.orig)
            with contextlib.suppress(Exception):
                db.session.invalidate()  # its connections are thrown away, not returned
            db.session.registry.clear()
