"""alembic-ls against the example project through pytest-lsp."""

import asyncio
import pathlib

from lsprotocol import types

VERSIONS = pathlib.Path("alembic") / "versions"
MERGE = "merge_heads_2026.py"


def uri(client, name: str) -> str:
    return (client.project / VERSIONS / name).as_uri()


def position_of(client, name: str, needle: str, encoding: str = "utf-16", delta: int = 1) -> types.Position:
    text = (client.project / VERSIONS / name).read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n")):
        index = line.find(needle)
        if index >= 0:
            prefix = line[:index]
            units = len(prefix.encode("utf-16-le")) // 2 if encoding == "utf-16" else len(prefix.encode("utf-8"))
            return types.Position(line=number, character=units + delta)
    raise AssertionError(f"{needle!r} not in {name}")


async def wait_until(predicate, timeout: float = 10.0):
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached in time")


def codes(client, name: str):
    return [d.code for d in client.diagnostics.get(uri(client, name), [])]


async def test_second_head_appears_on_create_and_vanishes_on_delete(client):
    new = client.project / VERSIONS / "zz_teammate.py"
    new.write_text(
        '"""teammate change"""\nrevision = "teammate1"\ndown_revision = "a1b2c3d4e5f6"\n'
        "branch_labels = None\ndepends_on = None\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n",
        encoding="utf-8",
    )
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=new.as_uri(), type=types.FileChangeType.Created)])
    )
    await wait_until(lambda: "ALM105" in codes(client, "zz_teammate.py"))
    heads = [d for d in client.diagnostics[new.as_uri()] if d.code == "ALM105"]
    assert heads[0].source == "alembic-ls"
    assert heads[0].code_description.href.endswith("ALM105.md")
    assert heads[0].related_information
    new.unlink()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=new.as_uri(), type=types.FileChangeType.Deleted)])
    )
    await wait_until(lambda: not client.diagnostics.get(new.as_uri()))
    assert all("ALM105" not in codes(client, p.name) for p in (client.project / VERSIONS).glob("*.py"))


async def test_hover_definition_references(client):
    at = position_of(client, MERGE, "'b2c3d4e5f6g7'")
    document = types.TextDocumentIdentifier(uri=uri(client, MERGE))
    hover = await client.text_document_hover_async(types.HoverParams(text_document=document, position=at))
    assert "b2c3d4e5f6g7" in hover.contents.value
    assert "parents:" in hover.contents.value and "children:" in hover.contents.value
    definition = await client.text_document_definition_async(types.DefinitionParams(text_document=document, position=at))
    assert definition[0].uri.endswith("b2c3d4e5f6g7_add_is_google_oauth.py")
    references = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=document, position=at, context=types.ReferenceContext(include_declaration=True)
        )
    )
    assert {pathlib.Path(r.uri).name for r in references} >= {MERGE, "b2c3d4e5f6g7_add_is_google_oauth.py"}


async def test_completion_symbols_and_code_lens(client):
    document = types.TextDocumentIdentifier(uri=uri(client, MERGE))
    at = position_of(client, MERGE, "'001_create_user_table'", delta=2)
    completion = await client.text_document_completion_async(types.CompletionParams(text_document=document, position=at))
    labels = [item.label for item in completion.items]
    assert "001_create_user_table" in labels
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document))
    assert [s.name for s in symbols] == ["merge_heads_2026", "upgrade", "downgrade"]
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="merge"))
    assert any(s.name == "merge_heads_2026" for s in found)
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=document))
    assert "merge of" in lenses[0].command.title


async def check_columns(client, encoding: str):
    path = client.project / VERSIONS / MERGE
    text = path.read_text(encoding="utf-8").replace("'b2c3d4e5f6g7',", "'b2c3d4e5f6g7', 'é🎉',", 1)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="python", version=1, text=text)
        )
    )
    await wait_until(lambda: "ALM102" in codes(client, MERGE))
    unknown = next(d for d in client.diagnostics[path.as_uri()] if d.code == "ALM102")
    line = text.split("\n")[unknown.range.start.line]
    literal_end = line.index("'é🎉'") + len("'é🎉'")
    expected = len(line[:literal_end].encode("utf-16-le")) // 2 if encoding == "utf-16" else len(line[:literal_end].encode("utf-8"))
    assert unknown.range.end.character == expected


async def test_utf16_columns_on_non_ascii_line(client):
    await check_columns(client, "utf-16")


async def test_utf8_columns_when_negotiated(client_utf8):
    await check_columns(client_utf8, "utf-8")
