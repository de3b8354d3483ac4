" alembic-ls with YouCompleteMe (a generic LSP server in g:ycm_language_server).
" YCM runs one server per filetype: this replaces its own Python completer for .py files.
" Quick fixes: :YcmCompleter FixIt. Commands: :YcmCompleter ExecuteCommand alembic-ls.createMergeMigration
let g:ycm_language_server = get(g:, 'ycm_language_server', []) + [{
\   'name': 'alembic-ls',
\   'cmdline': ['alembic-ls', 'serve', '--stdio'],
\   'filetypes': ['python'],
\   'project_root_files': ['alembic.ini', 'pyproject.toml'],
\   'settings': {'alembic-ls': {}},
\}]
