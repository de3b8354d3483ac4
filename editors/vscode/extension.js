// A thin client: starts `alembic-ls serve --stdio` for Python files of the workspace.
// The server's own commands (alembic-ls.createMergeMigration, alembic-ls.refreshDatabase) are
// registered by vscode-languageclient from the server's executeCommandProvider; this file adds
// the client-side ones: show the revision graph, restart.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

const SETTINGS = [
  'select', 'ignore', 'extend-select', 'per-file-ignores', 'alembic-version', 'dialect',
  'database', 'database-url', 'database-url-env', 'version-table', 'version-table-schema',
];
let client;

/** The settings the server reads, with the keys of [tool.alembic-ls]; unset ones are left out. */
function serverSettings() {
  const config = vscode.workspace.getConfiguration('alembic-ls');
  const out = {};
  for (const key of SETTINGS) {
    const value = config.get(key);
    if (value !== null && value !== undefined) out[key] = value;
  }
  return { 'alembic-ls': out };
}

function createClient() {
  const command = vscode.workspace.getConfiguration('alembic-ls').get('path') || 'alembic-ls';
  const executable = { command, args: ['serve', '--stdio'] };
  return new LanguageClient('alembic-ls', 'alembic-ls', { run: executable, debug: executable }, {
    documentSelector: [{ scheme: 'file', language: 'python' }],
    initializationOptions: serverSettings(),
    synchronize: {
      configurationSection: 'alembic-ls',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.py,alembic.ini,pyproject.toml}'),
    },
  });
}

/** Lists the revisions of `alembic-ls/graph` in a quick pick; choosing one opens it. */
async function showRevisionGraph() {
  const graph = await client.sendRequest('alembic-ls/graph', {});
  const parents = new Map();
  for (const edge of graph.edges) {
    const key = `${edge.environment}:${edge.to}`;
    parents.set(key, [...(parents.get(key) || []), edge.from]);
  }
  const items = graph.nodes.map((node) => {
    const marks = [node.isHead && 'head', node.isMergePoint && 'merge', node.isBase && 'base'].filter(Boolean);
    return {
      label: node.id,
      description: `${(parents.get(`${node.environment}:${node.id}`) || ['(base)']).join(', ')}${marks.length ? ` [${marks.join(', ')}]` : ''}`,
      detail: node.message,
      node,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title: 'alembic-ls: revision graph', matchOnDescription: true });
  if (!picked) return;
  const location = client.protocol2CodeConverter.asLocation(picked.node.location);
  await vscode.window.showTextDocument(location.uri, { selection: location.range });
}

async function activate(context) {
  client = createClient();
  context.subscriptions.push(
    vscode.commands.registerCommand('alembic-ls.showRevisionGraph', showRevisionGraph),
    vscode.commands.registerCommand('alembic-ls.restart', () => client.restart()),
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
