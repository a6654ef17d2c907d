"""The application factory: configuration order, production safeguards, the database URL."""

import pytest

from portal import ConfigurationError, create_app

from ..helpers import TEST_BASE_URL, TEST_MAIL_SERVER, TEST_SECRET_KEY, make_config


def test_defaults_use_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PORTAL_DATABASE_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/portal.sqlite3"
    assert app.config["ENVIRONMENT"] == "development"
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_configuration_order_instance_file_then_environment_then_mapping(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text(
        'CONTACT_PHONE = "from the instance file"\n'
        'CONTACT_EMAIL = "file@example.org"\n'
        'ORGANISATION_NAME = "File Trust"\n')
    monkeypatch.setenv("PORTAL_CONTACT_EMAIL", "env@example.org")
    monkeypatch.setenv("PORTAL_ORGANISATION_NAME", "Environment Trust")
    monkeypatch.setenv("PORTAL_MAX_CONTENT_LENGTH", "2048")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "ORGANISATION_NAME": "Mapping Trust"})
    assert app.config["CONTACT_PHONE"] == "from the instance file"
    assert app.config["CONTACT_EMAIL"] == "env@example.org"
    assert app.config["MAX_CONTENT_LENGTH"] == 2048  # parsed as JSON, so a number
    assert app.config["ORGANISATION_NAME"] == "Mapping Trust"


def test_database_url_from_the_environment_uses_psycopg(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_DATABASE_URL", "postgres://portal@db.internal/portal")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://portal@db.internal/portal"


@pytest.mark.parametrize("secret", [None, "development-only-not-secret", "short"])
def test_production_refuses_a_missing_development_or_short_secret_key(tmp_path, secret):
    config = {"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "production"}
    if secret is not None:
        config["SECRET_KEY"] = secret
    with pytest.raises(ConfigurationError, match="PORTAL_SECRET_KEY"):
        create_app(config)


def test_production_sends_the_session_cookie_only_over_https(tmp_path):
    app = create_app({"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "production",
                      "SECRET_KEY": TEST_SECRET_KEY, "BASE_URL": TEST_BASE_URL,
                      "MAIL_SERVER": TEST_MAIL_SERVER})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    client = app.test_client()
    assert "Set-Cookie" not in client.get("/", base_url="https://portal.example.org").headers
    response = client.get("/staff/sign-in", base_url="https://portal.example.org")
    cookie = response.headers["Set-Cookie"]  # a form's token needs the session
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_a_local_run_over_plain_http_keeps_its_session(tmp_path):
    client = create_app(make_config(INSTANCE_PATH=str(tmp_path))).test_client()
    cookie = client.get("/language/pl?next=/").headers["Set-Cookie"]
    assert "Secure" not in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert '<html lang="pl"' in client.get("/").get_data(as_text=True)


def test_proxy_headers_are_trusted_only_when_configured(tmp_path):
    headers = {"X-Forwarded-Proto": "https"}
    plain = create_app(make_config(INSTANCE_PATH=str(tmp_path))).test_client()
    assert "Strict-Transport-Security" not in plain.get("/", headers=headers).headers
    proxied = create_app(make_config(INSTANCE_PATH=str(tmp_path), PROXY_FIX_X_PROTO=1))
    assert "Strict-Transport-Security" in proxied.test_client().get("/", headers=headers).headers


def test_an_unknown_environment_is_refused_rather_than_treated_as_development(tmp_path):
    with pytest.raises(ConfigurationError, match="PORTAL_ENVIRONMENT"):
        create_app({"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "prod"})


def test_an_all_digit_secret_key_from_the_environment_stays_a_string(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAL_SECRET_KEY", "1234567890" * 4)
    monkeypatch.setenv("PORTAL_ENVIRONMENT", "production")
    monkeypatch.setenv("PORTAL_BASE_URL", TEST_BASE_URL)
    monkeypatch.setenv("PORTAL_MAIL_SERVER", TEST_MAIL_SERVER)
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SECRET_KEY"] == "1234567890" * 4


def test_a_relative_instance_path_is_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PORTAL_INSTANCE_PATH", "./instance")
    app = create_app()
    assert app.instance_path == str(tmp_path / "instance")


def test_production_refuses_to_start_without_its_own_address(tmp_path):
    """Links in emails are built from BASE_URL, never from the Host header a visitor sends."""
    config = {"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "production",
              "SECRET_KEY": TEST_SECRET_KEY}
    with pytest.raises(ConfigurationError, match="PORTAL_BASE_URL"):
        create_app(config)


def test_an_unknown_password_hash_profile_is_refused(tmp_path):
    with pytest.raises(ConfigurationError, match="PASSWORD_HASH_PROFILE"):
        create_app(make_config(INSTANCE_PATH=str(tmp_path), PASSWORD_HASH_PROFILE="FAST"))


def test_the_second_factor_is_required_in_production_unless_configured_otherwise(tmp_path):
    production = {"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "production",
                  "SECRET_KEY": TEST_SECRET_KEY, "BASE_URL": TEST_BASE_URL,
                  "MAIL_SERVER": TEST_MAIL_SERVER}
    assert create_app(production).config["REQUIRE_2FA"] is True
    assert create_app({**production, "REQUIRE_2FA": False}).config["REQUIRE_2FA"] is False
    assert create_app(make_config(INSTANCE_PATH=str(tmp_path))).config["REQUIRE_2FA"] is False


@pytest.mark.parametrize("server", [None, "", "  "])
def test_production_refuses_to_start_without_a_mail_server(tmp_path, server):
    """Otherwise every invitation, reset and booking email would try port 25 here and fail."""
    config = {"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "production",
              "SECRET_KEY": TEST_SECRET_KEY, "BASE_URL": TEST_BASE_URL}
    if server is not None:
        config["MAIL_SERVER"] = server
    with pytest.raises(ConfigurationError, match="PORTAL_MAIL_SERVER must be set in production"):
        create_app(config)
    with pytest.raises(ConfigurationError, match="PORTAL_MAIL_SERVER"):
        create_app({**config, "MAIL_BACKEND": "flask_mailman.backends.smtp.EmailBackend"})


@pytest.mark.parametrize("backend", ["file", "console", "locmem", "dummy",
                                     "flask_mailman.backends.file.EmailBackend"])
def test_production_refuses_a_mail_backend_that_sends_nothing(tmp_path, backend):
    config = {"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "production",
              "SECRET_KEY": TEST_SECRET_KEY, "BASE_URL": TEST_BASE_URL,
              "MAIL_SERVER": TEST_MAIL_SERVER, "MAIL_BACKEND": backend}
    with pytest.raises(ConfigurationError, match="sends no email"):
        create_app(config)


def test_production_starts_with_a_mail_server_or_another_backend_that_sends(tmp_path):
    production = {"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "production",
                  "SECRET_KEY": TEST_SECRET_KEY, "BASE_URL": TEST_BASE_URL}
    app = create_app({**production, "MAIL_SERVER": "smtp.example.org"})
    assert (app.config["MAIL_BACKEND"], app.config["MAIL_SERVER"]) == ("smtp", "smtp.example.org")
    # Such as a backend for a mail service's web API, which needs no SMTP server.
    app = create_app({**production, "MAIL_BACKEND": "mail_service.backends.EmailBackend"})
    assert app.config["MAIL_BACKEND"] == "mail_service.backends.EmailBackend"
    # Development and the tests still need no mail server.
    assert create_app({"INSTANCE_PATH": str(tmp_path)}).config["MAIL_BACKEND"] == "file"
