" alembic-ls with prabirshrestha/vim-lsp. Source this file from your vimrc (or copy it).
" Quick fixes: :LspCodeAction. Commands: :AlembicLsMerge, :AlembicLsRefreshDatabase.
if executable('alembic-ls')
    function! s:AlembicRoot() abort
        let l:ini = findfile('alembic.ini', expand('%:p:h') . ';')
        return empty(l:ini) ? '' : lsp#utils#path_to_uri(fnamemodify(l:ini, ':p:h'))
    endfunction

    augroup alembic_ls_vim_lsp
        autocmd!
        autocmd User lsp_setup call lsp#register_server({
        \   'name': 'alembic-ls',
        \   'cmd': {server_info -> ['alembic-ls', 'serve', '--stdio']},
        \   'root_uri': {server_info -> s:AlembicRoot()},
        \   'allowlist': ['python'],
        \   'workspace_config': {'alembic-ls': {}},
        \})
    augroup END

    function! s:Execute(command) abort
        call lsp#send_request('alembic-ls', {
        \   'method': 'workspace/executeCommand',
        \   'params': {'command': a:command, 'arguments': [{'uri': lsp#utils#get_buffer_uri()}]},
        \})
    endfunction
    command! AlembicLsMerge call s:Execute('alembic-ls.createMergeMigration')
    command! AlembicLsRefreshDatabase call s:Execute('alembic-ls.refreshDatabase')
endif
