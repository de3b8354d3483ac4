" ALE linter for alembic-ls (ALE 3.0+). Put `editors/vim` on 'runtimepath' and ALE finds it;
" it runs next to your other Python linters, only in projects with alembic.ini (or a
" pyproject.toml with [tool.alembic]). Options:
"   g:ale_python_alembic_ls_executable   default 'alembic-ls'
"   g:ale_python_alembic_ls_config       settings, with the keys of [tool.alembic-ls]:
"                                        {'alembic-ls': {'ignore': ['ALM107']}}
call ale#Set('python_alembic_ls_executable', 'alembic-ls')
call ale#Set('python_alembic_ls_config', {})

" The closest directory with alembic.ini, or a pyproject.toml with [tool.alembic]; '' otherwise
" (ALE then does not start the server for this buffer).
function! ale_linters#python#alembic_ls#GetProjectRoot(buffer) abort
    let l:ini = ale#path#FindNearestFile(a:buffer, 'alembic.ini')

    if !empty(l:ini)
        return fnamemodify(l:ini, ':h')
    endif

    let l:pyproject = ale#path#FindNearestFile(a:buffer, 'pyproject.toml')

    if !empty(l:pyproject) && match(readfile(l:pyproject), '^\s*\[tool\.alembic\]') >= 0
        return fnamemodify(l:pyproject, ':h')
    endif

    return ''
endfunction

call ale#linter#Define('python', {
\   'name': 'alembic_ls',
\   'lsp': 'stdio',
\   'executable': {buffer -> ale#Var(buffer, 'python_alembic_ls_executable')},
\   'command': '%e serve --stdio',
\   'project_root': function('ale_linters#python#alembic_ls#GetProjectRoot'),
\   'lsp_config': {buffer -> ale#Var(buffer, 'python_alembic_ls_config')},
\})
