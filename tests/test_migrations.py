"""Every migration runs up and down on each database, and the result matches the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from portal.extensions import db as _db


def schema_differences() -> list:
    with _db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, _db.metadata)


def user_tables() -> set[str]:
    return set(inspect(_db.engine).get_table_names()) - {"alembic_version"}


def test_migrations_up_match_the_models_and_down_leave_nothing(app, db):
    db.drop_all()  # start from an empty database: the migrations build everything
    upgrade()
    assert schema_differences() == [], "the models and the migrations disagree"
    assert user_tables() == set(_db.metadata.tables)
    downgrade(revision="base")
    assert user_tables() == set()
    upgrade()  # and up again, as a rollback then redeploy would
    assert schema_differences() == []


def test_db_upgrade_command(runner, db):
    db.drop_all()
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert schema_differences() == []


def test_one_line_of_migrations(app):
    from alembic.script import ScriptDirectory

    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1, "merge the migration heads"


def test_the_comparison_notices_a_model_without_a_migration(app, db):
    """The check above is only worth having if it sees a table the migrations lack."""
    import sqlalchemy as sa

    db.drop_all()
    upgrade()
    extra = sa.MetaData()
    for table in _db.metadata.tables.values():
        table.to_metadata(extra)
    sa.Table("not_migrated", extra, sa.Column("id", sa.Integer, primary_key=True))
    with _db.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, extra)
    assert [d[0] for d in differences] == ["add_table"]
    downgrade(revision="base")


def test_sqlite_runs_with_foreign_keys_and_write_ahead_logging(app):
    from sqlalchemy import text

    with app.app_context(), _db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
