" alembic-ls commands for Vim with ALE (the server runs as ALE's `alembic_ls` linter):
"   :AlembicLsMerge            create the merge migration of the current heads
"   :AlembicLsRefreshDatabase  re-read the live database
"   :AlembicLsGraph            the revision graph in the quickfix list
" Quick fixes: ALE's :ALECodeAction on a diagnostic.
if exists('g:loaded_alembic_ls')
    finish
endif
let g:loaded_alembic_ls = 1

function! s:Execute(command) abort
    let l:arguments = [{'uri': ale#path#ToFileURI(expand('%:p'))}]
    call ale#lsp_linter#SendRequest(bufnr(''), 'alembic_ls',
    \   [0, 'workspace/executeCommand', {'command': a:command, 'arguments': l:arguments}],
    \   {response -> has_key(response, 'error') ? ale#util#ShowMessage('alembic-ls: ' . response.error.message) : 0})
endfunction

function! s:ShowGraph(response) abort
    if !has_key(a:response, 'result') || type(a:response.result) != v:t_dict
        call ale#util#ShowMessage('alembic-ls: no revision graph')
        return
    endif

    let l:parents = {}

    for l:edge in a:response.result.edges
        let l:key = l:edge.environment . ':' . l:edge.to
        let l:parents[l:key] = get(l:parents, l:key, []) + [l:edge.from]
    endfor

    let l:items = []

    for l:node in a:response.result.nodes
        let l:marks = filter([l:node.isHead ? 'head' : '', l:node.isMergePoint ? 'merge' : '', l:node.isBase ? 'base' : ''], '!empty(v:val)')
        let l:from = get(l:parents, l:node.environment . ':' . l:node.id, [])
        call add(l:items, {
        \   'filename': ale#path#FromFileURI(l:node.location.uri),
        \   'lnum': l:node.location.range.start.line + 1,
        \   'text': l:node.id . ' <- ' . (empty(l:from) ? '(base)' : join(l:from, ', '))
        \       . (empty(l:marks) ? '' : ' [' . join(l:marks, ', ') . ']') . ' ' . l:node.message,
        \})
    endfor

    call setqflist([], ' ', {'title': 'alembic-ls revision graph', 'items': l:items})
    copen
endfunction

command! -bar AlembicLsMerge call s:Execute('alembic-ls.createMergeMigration')
command! -bar AlembicLsRefreshDatabase call s:Execute('alembic-ls.refreshDatabase')
command! -bar AlembicLsGraph call ale#lsp_linter#SendRequest(bufnr(''), 'alembic_ls', [0, 'alembic-ls/graph', {}], function('s:ShowGraph'))
