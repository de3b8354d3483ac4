"""pytest-lsp end-to-end suite: a real LSP client against the built `alembic-ls serve`.

The server binary is $ALEMBIC_LS_BINARY, else <repo>/.build/debug/alembic-ls. Each test
works on a fresh copy of Examples/ettametta, so the repository is never modified.
"""

import os
import pathlib
import shutil
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ALEMBIC_LS_BINARY", str(REPO / ".build" / "debug" / "alembic-ls"))
if not os.access(BINARY, os.X_OK):
    sys.exit(f"alembic-ls is not built at {BINARY}; run `swift build` first")


@pytest.fixture
def project(tmp_path: pathlib.Path) -> pathlib.Path:
    """A scratch copy of the example project."""
    target = tmp_path / "ettametta"
    shutil.copytree(REPO / "Examples" / "ettametta", target)
    return target


def make_fixture(encodings):
    @pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "serve", "--stdio"]))
    async def fixture(lsp_client: LanguageClient, project: pathlib.Path):
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=encodings),
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
            ),
        )
        await lsp_client.initialize_session(
            types.InitializeParams(capabilities=capabilities, root_uri=project.as_uri())
        )
        await lsp_client.wait_for_notification(types.WINDOW_LOG_MESSAGE)
        lsp_client.project = project
        yield
        await lsp_client.shutdown_session()

    return fixture


client = make_fixture([types.PositionEncodingKind.Utf16])
client_utf8 = make_fixture([types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16])
