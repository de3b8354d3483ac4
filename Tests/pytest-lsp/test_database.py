"""The live database through a real LSP client: a SQLite file named by `database-url` in
initializationOptions shows pending revisions (ALM402, code lens), and the
`alembic-ls.refreshDatabase` command follows the database when it changes."""

import asyncio
import os
import pathlib
import sqlite3

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import BINARY

VERSIONS = pathlib.Path("alembic") / "versions"
HEAD = "e7b99c2d1f4a"
BEFORE_HEAD = "83a4ab83e579"
# The server must not pick up a DATABASE_URL of the machine running the tests.
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}


def stamp(database: pathlib.Path, revision: str) -> None:
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL)")
    connection.execute("DELETE FROM alembic_version")
    connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.commit()
    connection.close()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "serve", "--stdio"], server_env=ENVIRONMENT))
async def client(lsp_client: LanguageClient, project: pathlib.Path):
    database = project / "data" / "app.db"
    database.parent.mkdir()
    stamp(database, BEFORE_HEAD)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=project.as_uri(),
            initialization_options={"database-url": f"sqlite:///{database}"},
        )
    )
    lsp_client.project = project
    lsp_client.database = database
    yield
    await lsp_client.shutdown_session()


def head_uri(client) -> str:
    return next((client.project / VERSIONS).glob(f"{HEAD}_*.py")).as_uri()


async def wait_until(predicate, timeout: float = 10.0):
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached in time")


def pending(client) -> list:
    return [d for d in client.diagnostics.get(head_uri(client), []) if d.code == "ALM402"]


async def test_pending_head_then_refresh_after_upgrade(client):
    await wait_until(lambda: pending(client))
    assert pending(client)[0].severity == types.DiagnosticSeverity.Information
    assert f"Revision '{HEAD}' is pending" in pending(client)[0].message
    document = types.TextDocumentIdentifier(uri=head_uri(client))
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=document))
    database_lens = [lens for lens in lenses if lens.command.title.startswith("database:")]
    assert [lens.command.title for lens in database_lens] == ["database: pending, step 1 of 1"]
    assert database_lens[0].command.command == "alembic-ls.refreshDatabase"

    stamp(client.database, HEAD)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(command="alembic-ls.refreshDatabase"))
    await wait_until(lambda: not pending(client))
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=document))
    assert "database: applied (current)" in [lens.command.title for lens in lenses]
