"""The command-line interface: demo data and catalogues."""

from portal import create_app

from ..helpers import TEST_BASE_URL, TEST_MAIL_SERVER, make_config


def test_seed_demo_loads_and_can_run_again(runner, db):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "Demo content is ready." in first.output
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 0, again.output


def test_seed_demo_refuses_to_run_in_production(tmp_path):
    app = create_app(make_config(INSTANCE_PATH=str(tmp_path), ENVIRONMENT="production",
                                 BASE_URL=TEST_BASE_URL, MAIL_SERVER=TEST_MAIL_SERVER,
                                 DATABASE_URL=f"sqlite:///{tmp_path}/p.sqlite3"))
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "refuses to run in production" in result.output


def test_translate_commands_are_available(runner):
    result = runner.invoke(args=["translate", "--help"])
    assert result.exit_code == 0
    for command in ("extract", "update", "compile", "init"):
        assert command in result.output
