"""Every migration runs up and down on each database, and the result matches the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from portal.extensions import db as _db
from portal.search import include_name


def schema_differences() -> list:
    with _db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name})
        return compare_metadata(context, _db.metadata)


def user_tables(*, modelled: bool = True) -> set[str]:
    """SQLite's full-text index is a virtual table (and its shadows) the models cannot
    describe: left out of what should match the models, counted in what should be gone."""
    return {name for name in inspect(_db.engine).get_table_names()
            if not modelled or include_name(name, "table", {})} - {"alembic_version"}


def test_migrations_up_match_the_models_and_down_leave_nothing(app, db):
    db.drop_all()  # start from an empty database: the migrations build everything
    upgrade()
    assert schema_differences() == [], "the models and the migrations disagree"
    assert user_tables() == set(_db.metadata.tables)
    downgrade(revision="base")
    assert user_tables(modelled=False) == set()
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
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, extra)
    assert [d[0] for d in differences] == ["add_table"]
    downgrade(revision="base")


def test_sqlite_runs_with_foreign_keys_and_write_ahead_logging(app):
    from sqlalchemy import text

    with app.app_context(), _db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_the_migration_seals_second_factor_secrets_kept_in_clear(app, db):
    """0007: a secret kept in clear is sealed on the way up (nothing that refers to the user is
    lost), opens as before, and is in clear again on the way down."""
    import sqlalchemy as sa

    from portal.accounts import services
    from portal.accounts.models import User
    from portal.database import UTCDateTime, utcnow

    clear, pending = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
    db.drop_all()
    upgrade(revision="0006")
    users = sa.table("users", *(sa.column(name) for name in (
        "id", "email", "name", "language", "active", "security_stamp", "totp_secret",
        "pending_totp_secret")), sa.column("created_at", UTCDateTime))
    grants = sa.table("role_grants", sa.column("user_id"), sa.column("role"),
                      sa.column("granted_at", UTCDateTime))
    with _db.engine.begin() as connection:
        connection.execute(sa.insert(users).values(
            id=7, email="sealed@example.org", name="Sam Example", language="en", active=True,
            security_stamp="stamp", totp_secret=clear, pending_totp_secret=pending,
            created_at=utcnow()))
        connection.execute(sa.insert(users).values(
            id=8, email="none@example.org", name="No Factor", language="en", active=True,
            security_stamp="stamp", created_at=utcnow()))
        connection.execute(sa.insert(grants).values(user_id=7, role="admin",
                                                    granted_at=utcnow()))

    upgrade(revision="0007")
    with _db.engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT id, sealed_totp_secret, sealed_pending_totp_secret FROM users ORDER BY id"))
        (_, sealed, sealed_pending), (_, nothing, nothing_pending) = rows.all()
        assert connection.execute(sa.text("SELECT count(*) FROM role_grants")).scalar() == 1
    assert clear not in sealed and pending not in sealed_pending and sealed.startswith("v1:")
    assert nothing is None and nothing_pending is None
    user = _db.session.get(User, 7)
    assert services.open_totp_secret(user) == clear
    assert services.pending_totp_secret(user) == pending
    _db.session.remove()

    downgrade(revision="0006")
    with _db.engine.connect() as connection:
        assert connection.execute(sa.text(
            "SELECT totp_secret, pending_totp_secret FROM users WHERE id = 7")).one() == (
            clear, pending)
    upgrade()
    assert schema_differences() == []


def test_the_search_migration_indexes_what_is_already_stored(app, db, client):
    """0009: services and guides stored before the upgrade are found after it, in any
    language; on the way down each text's folded copy is back."""
    import sqlalchemy as sa

    from portal.database import utcnow

    db.drop_all()
    upgrade(revision="0008")
    with _db.engine.begin() as connection:
        for statement, values in (
            ("INSERT INTO topics (id, slug, position, status, created_at, updated_at) VALUES "
             "(1, 'housing', 0, 'published', :now, :now)", {}),
            ("INSERT INTO topic_texts (topic_id, language, name, summary) VALUES "
             "(1, 'ur', 'رہائش', ''), (1, 'en', 'Housing', '')", {}),
            ("INSERT INTO services (id, organisation, status, interpreters, access, free, "
             "community_led, peer_support, created_at, updated_at) VALUES ('s-1', 'Riverside "
             "Trust', 'published', false, 'either', true, false, false, :now, :now)", {}),
            ("INSERT INTO service_texts (service_id, language, name, description, eligibility, "
             "cost, opening_times, search_text) VALUES ('s-1', 'en', 'Rent advice', 'Help "
             "with rent.', '', '', '', 'rent advice')", {}),
            ("INSERT INTO service_topics (service_id, topic_id) VALUES ('s-1', 1)", {}),
            ("INSERT INTO service_languages (service_id, code) VALUES ('s-1', 'so')", {}),
        ):
            connection.execute(sa.text(statement), {"now": utcnow(), **values})
    upgrade(revision="0009")
    upgrade()  # the pages read today's tables; what 0009 indexed must survive the rest
    _db.session.remove()
    # 0016: the organisation's name became a row, with the id the API always gave it, and
    # the service kept its texts, topics and languages (SQLite's batch copy of the table
    # must not cascade into deleting them).
    from portal.signposting.models import Organisation, Service

    service = _db.session.get(Service, "s-1")
    assert service.organisation == "Riverside Trust"
    assert service.organisation_id == Organisation.id_for("Riverside Trust")
    assert service.texts["en"].name == "Rent advice"
    assert service.languages == ["so"] and len(service.topics) == 1
    _db.session.remove()
    for words, lang in (("رہائش", "ur"), ("Soomaali", "so"), ("riverside", "en"),
                        ("RENT", "en")):
        page = client.get("/services", query_string={"q": words, "lang": lang})
        assert "/services/s-1" in page.get_data(as_text=True), words
    downgrade(revision="0008")
    with _db.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT search_text FROM service_texts")).scalar() \
            == "rent advice riverside trust help with rent."
    _db.session.remove()
