"""The commands README.md gives work as written, from a fresh checkout: every ``flask`` command
in it names a command (and options) that exists, with nothing but the committed ``.flaskenv``
to say which app, and every ``make`` target it mentions is in the Makefile."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
README = (PROJECT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```", re.MULTILINE | re.DOTALL)  # in lists too
INLINE_CODE = re.compile(r"`([^`\n]+)`")
# The flask command's own options that take a value; they stay in the command as written.
GLOBAL_OPTIONS_WITH_VALUE = {"--app", "-A", "--env-file", "-e"}
COMMAND_NAME = re.compile(r"[a-z][a-z0-9-]*")


def code_lines() -> list[str]:
    """Every line of every fenced code block, without its comment."""
    lines = []
    for block in FENCE.findall(README):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def is_flask(word: str) -> bool:
    return word == "flask" or word.endswith("/bin/flask")


def flask_lines() -> list[list[str]]:
    """The words of every flask command in the code blocks, and of those quoted in the text
    (`flask events purge`)."""
    words = (shlex.split(line) for line in [*code_lines(), *INLINE_CODE.findall(README)])
    return [line for line in words if line and is_flask(line[0])]


def split_command(words: list[str]) -> tuple[dict[str, str], tuple[str, ...], set[str]]:
    """flask's own options (--app portal), the command's path (users create), and the
    options given to it (--role, -m)."""
    words, own = words[1:], {}
    while words and words[0].startswith("-"):
        option = words.pop(0)
        own[option] = words.pop(0) if option in GLOBAL_OPTIONS_WITH_VALUE and words else ""
    path = []
    while words and COMMAND_NAME.fullmatch(words[0]):
        path.append(words.pop(0))
    return own, tuple(path), {word.split("=", 1)[0] for word in words
                              if re.fullmatch(r"--?[A-Za-z][\w-]*(=.*)?", word)}


def flask_commands() -> dict[tuple[str, ...], set[str]]:
    """{command path: options the README gives it}, one entry per distinct path, leaving out
    a group (users) whose sub-commands are there (users create) and say it exists."""
    commands: dict[tuple[str, ...], set[str]] = {}
    for words in flask_lines():
        _own, path, options = split_command(words)
        commands.setdefault(path, set()).update(options)
    return {path: options for path, options in commands.items()
            if options or not any(other[:len(path)] == path and other != path
                                  for other in commands)}


def run_help(path: tuple[str, ...], instance: Path) -> subprocess.CompletedProcess:
    # As a fresh shell in a fresh checkout: no FLASK_APP, no portal settings.
    environment = {key: value for key, value in os.environ.items()
                   if key != "FLASK_APP" and not key.startswith("PORTAL_")}
    environment["PORTAL_INSTANCE_PATH"] = str(instance)
    return subprocess.run([sys.executable, "-m", "flask", *path, "--help"], cwd=PROJECT,
                          env=environment, capture_output=True, text=True, timeout=120,
                          check=False)


def test_the_readme_has_flask_commands_to_check():
    paths = {" ".join(path) for path in flask_commands()}
    assert {"users create", "users list", "translate compile", "db upgrade"} <= paths, paths


def test_the_app_the_readme_names_is_the_one_flaskenv_names():
    """The commands run here without --app; those that give it must name the same app."""
    lines = (PROJECT / ".flaskenv").read_text(encoding="utf-8").splitlines()
    flaskenv = dict(line.strip().split("=", 1) for line in lines
                    if "=" in line and not line.lstrip().startswith("#"))
    named = {own.get("--app", own.get("-A")) for own, _path, _options in map(
        split_command, flask_lines())} - {None}
    assert named <= {flaskenv["FLASK_APP"]}, named


def test_every_flask_command_in_the_readme_exists_as_written(tmp_path):
    commands = flask_commands()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = dict(zip(commands, pool.map(
            lambda path: run_help(path, tmp_path / "instance"), commands), strict=True))
    failures = []
    for path, result in results.items():
        shown = "flask " + " ".join(path)
        if result.returncode != 0:
            failures.append(f"{shown} --help exited with {result.returncode}:\n"
                            f"{result.stdout}{result.stderr}")
            continue
        missing = sorted(option for option in commands[path] if not re.search(
            rf"(?<![\w-]){re.escape(option)}(?![\w-])", result.stdout))
        if missing:
            failures.append(f"{shown} has no option {', '.join(missing)}:\n{result.stdout}")
    assert not failures, "\n\n".join(failures)


def test_every_make_target_the_readme_mentions_is_in_the_makefile():
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", makefile, re.MULTILINE))
    code = [*code_lines(), *INLINE_CODE.findall(README)]
    mentioned = {match for text in code for match in re.findall(r"\bmake ([a-z][\w-]*)", text)}
    assert {"run", "test"} <= mentioned, mentioned
    assert mentioned <= targets, f"not in the Makefile: {sorted(mentioned - targets)}"
