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


def apply_edits(text: str, edits) -> str:
    """Applies LSP text edits (UTF-16 columns) to `text`, last first."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        units = lines[position.line].encode("utf-16-le")[: position.character * 2]
        return before + len(units.decode("utf-16-le"))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def test_code_action_round_trip_clears_the_diagnostic(client):
    path = client.project / VERSIONS / MERGE
    text = path.read_text(encoding="utf-8").replace("'b2c3d4e5f6g7',", "'b2c3d4e5f6g8',  # é🎉", 1)
    document = types.TextDocumentIdentifier(uri=path.as_uri())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="python", version=1, text=text)
        )
    )
    await wait_until(lambda: "ALM102" in codes(client, MERGE))
    unknown = next(d for d in client.diagnostics[path.as_uri()] if d.code == "ALM102")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=document, range=unknown.range, context=types.CodeActionContext(diagnostics=[unknown])
        )
    )
    titles = [a.title for a in actions]
    assert titles[:3] == ["Replace with 'b2c3d4e5f6g7'", "Suppress ALM102 on this line", "Suppress ALM102 in this file"]
    replace, suppress = actions[0], actions[1]
    assert replace.kind == types.CodeActionKind.QuickFix and replace.is_preferred
    assert replace.diagnostics[0].code == "ALM102"
    # The directive goes at the end of the line: after `# é🎉`, counted in UTF-16 units.
    line = text.split("\n")[unknown.range.start.line]
    assert suppress.edit.changes[path.as_uri()][0].range.start.character == len(line.encode("utf-16-le")) // 2
    fixed = apply_edits(text, replace.edit.changes[path.as_uri()])
    assert "'b2c3d4e5f6g7',  # é🎉" in fixed
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await wait_until(lambda: "ALM102" not in codes(client, MERGE))
    # Code lenses carry a command the client can run.
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=document))
    assert lenses[0].command.command == "alembic-ls.showReferences"
    shown = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=lenses[0].command.command, arguments=lenses[0].command.arguments)
    )
    assert {pathlib.Path(location["uri"]).name for location in shown} >= {"b2c3d4e5f6g7_add_is_google_oauth.py"}
