#!/usr/bin/env python3
"""Checks editors/vscode/package.json (or the manifest given as the argument) against what VS Code requires of an extension manifest
and against the server: its settings keys (Sources/Lint/SettingsLoader.swift and
Sources/LanguageServer/Session+Lifecycle.swift) and its commands. Standard library only,
since the extension cannot be built here (no npm registry). Prints `OK` or the problems."""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
SERVER_COMMANDS = ["alembic-ls.createMergeMigration", "alembic-ls.refreshDatabase"]
CLIENT_COMMANDS = ["alembic-ls.showRevisionGraph", "alembic-ls.restart"]
CLIENT_SETTINGS = ["path", "trace.server"]  # read by extension.js / vscode-languageclient
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
SEMVER = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")
ENGINE = re.compile(r"^(\^|>=|~)?\d+\.\d+\.\d+$")
TYPES = {"string", "number", "integer", "boolean", "array", "object", "null"}


def server_settings_keys():
    """The [tool.alembic-ls] keys the loader accepts and the keys the server reads from the client."""
    loader = (REPO / "Sources/Lint/SettingsLoader.swift").read_text()
    match = re.search(r"let general: Set<String> = \[([^\]]*)\]", loader)
    database = (REPO / "Sources/Lint/DatabaseSettings.swift").read_text()
    database_match = re.search(r"static let keys: Set<String> = \[([^\]]*)\]", database)
    if not match or not database_match:
        raise SystemExit("cannot find the accepted keys in Sources/Lint/SettingsLoader.swift / DatabaseSettings.swift")
    database_keys = re.findall(r'"([^"]+)"', database_match.group(1))
    file_keys = re.findall(r'"([^"]+)"', match.group(1)) + database_keys
    lifecycle = (REPO / "Sources/LanguageServer/Session+Lifecycle.swift").read_text()
    body = lifecycle[lifecycle.index("func applySettings"):]
    body = body[: body.index("\n    }\n")]
    client_keys = [k for k in re.findall(r'section\["([^"]+)"\]', body)]
    if "applyDatabaseSettings(section)" in body:
        client_keys += database_keys
    return file_keys, client_keys


def main():
    manifest_path = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE / "package.json"
    base = manifest_path.parent
    problems = []
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, json.JSONDecodeError) as error:
        print(f"FAIL: {manifest_path}: {error}")
        return 1

    for key in ("name", "publisher"):
        value = manifest.get(key)
        if not isinstance(value, str) or not NAME.match(value):
            problems.append(f"`{key}` must be a lowercase name without spaces, got {value!r}")
    if not isinstance(manifest.get("version"), str) or not SEMVER.match(manifest["version"]):
        problems.append(f"`version` must be semver, got {manifest.get('version')!r}")
    engine = (manifest.get("engines") or {}).get("vscode")
    if not isinstance(engine, str) or not ENGINE.match(engine):
        problems.append(f"`engines.vscode` must be a version range such as ^1.82.0, got {engine!r}")
    main_file = manifest.get("main")
    if not isinstance(main_file, str) or not (base / main_file).is_file():
        problems.append(f"`main` must name an existing file, got {main_file!r}")
    events = manifest.get("activationEvents")
    if not isinstance(events, list) or "workspaceContains:**/alembic.ini" not in events:
        problems.append("`activationEvents` must contain workspaceContains:**/alembic.ini")

    contributes = manifest.get("contributes") or {}
    configuration = contributes.get("configuration") or {}
    properties = configuration.get("properties") or {}
    if not isinstance(properties, dict) or not properties:
        problems.append("`contributes.configuration.properties` is missing")
        properties = {}
    for key, spec in properties.items():
        types = spec.get("type")
        types = types if isinstance(types, list) else [types]
        if not key.startswith("alembic-ls.") or not all(t in TYPES for t in types):
            problems.append(f"setting {key}: needs the alembic-ls. prefix and a JSON schema type, got {spec.get('type')!r}")
        if not spec.get("description") and not spec.get("markdownDescription"):
            problems.append(f"setting {key}: no description")
    file_keys, client_keys = server_settings_keys()
    if sorted(file_keys) != sorted(client_keys):
        problems.append(f"the server reads {client_keys} from the client but {file_keys} from pyproject.toml")
    wanted = {f"alembic-ls.{k}" for k in file_keys} | {f"alembic-ls.{k}" for k in CLIENT_SETTINGS}
    for missing in sorted(wanted - properties.keys()):
        problems.append(f"setting {missing} is missing (the server reads it)")
    for extra in sorted(properties.keys() - wanted):
        problems.append(f"setting {extra} is not a server or client setting")

    commands = contributes.get("commands") or []
    contributed = {}
    for command in commands:
        if not isinstance(command, dict) or not command.get("command") or not command.get("title"):
            problems.append(f"command entry needs `command` and `title`: {command!r}")
            continue
        contributed[command["command"]] = command
    for name in SERVER_COMMANDS + CLIENT_COMMANDS:
        if name not in contributed:
            problems.append(f"command {name} is not in contributes.commands")
    script = (base / main_file).read_text() if isinstance(main_file, str) and (base / main_file).is_file() else ""
    for name in re.findall(r"registerCommand\('([^']+)'", script):
        if name not in contributed:
            problems.append(f"extension.js registers {name}, which contributes.commands lacks")
        if name in SERVER_COMMANDS:
            problems.append(f"extension.js registers {name}, which vscode-languageclient registers from the server")

    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        return 1
    print(f"OK: {manifest_path}: {len(properties)} settings, {len(contributed)} commands")
    return 0


if __name__ == "__main__":
    sys.exit(main())
