" Vim + ALE end-to-end check of editors/vim, driven by editors/tests/run.sh:
"   vim -N -u vimrc -i NONE -es -S e2e.vim
" Plays the user: open the migration, wait for the diagnostic, pick the quick fix from
" :ALECodeAction's numbered menu, check the result. Vim exits 0 on some failures, so the
" run.sh driver requires the final `PASS` line.
let s:step = str2nr($E2E_STEP_TIMEOUT) * 1000
let s:code = $E2E_CODE
let s:wanted = tolower($E2E_ACTION)
let s:offered = ''
let s:chosen = ''

function! s:Say(text) abort
    call writefile(split(a:text, "\n", 1), '/dev/stdout', 'a')
endfunction

" Waits up to ms milliseconds for the expression to become true; returns its last value.
function! s:Wait(ms, expr) abort
    let l:waited = 0
    while !eval(a:expr) && l:waited < a:ms
        sleep 20m
        let l:waited += 20
    endwhile
    return eval(a:expr)
endfunction

" The diagnostics with code s:code that ALE shows for buffer nr.
function! s:Diagnostics(nr) abort
    let l:loclist = get(get(g:ale_buffer_info, a:nr, {}), 'loclist', [])
    return filter(copy(l:loclist), 'get(v:val, "code", "") is# s:code')
endfunction

" :ALECodeAction asks for a number; answer like a user reading the titles.
runtime autoload/ale/util.vim
function! ale#util#Input(message, value, ...) abort
    let s:offered = a:message
    let l:number = ''
    for l:line in split(a:message, "\n")
        let l:match = matchlist(l:line, '^\(\d\+\)) \(.*\)$')
        if empty(l:match)
            continue
        endif
        let l:title = tolower(l:match[2])
        if (s:wanted isnot# '' && stridx(l:title, s:wanted) >= 0)
        \ || (s:wanted is# '' && l:title !~# 'noqa\|suppress\|ignore')
            let s:chosen = l:match[2]
            let l:number = l:match[1]
            break
        endif
    endfor
    " The number as typed: ALE reads it with str2nr().
    return l:number
endfunction

function! s:Steps() abort
    let l:file = $E2E_FILE
    let l:versions = fnamemodify(l:file, ':h')
    let l:before = readdir(l:versions)
    execute 'edit ' . fnameescape(l:file)
    let l:buf = bufnr('')
    ALELint
    if !s:Wait(s:step, 'len(s:Diagnostics(' . l:buf . ')) > 0')
        return 'no ' . s:code . ' diagnostic within ' . s:step . ' ms'
    endif
    let l:first = s:Diagnostics(l:buf)[0]
    let l:count = len(s:Diagnostics(l:buf))
    call s:Say(printf('ok: %s diagnostic at %d:%d: %s', s:code, l:first.lnum, l:first.col, l:first.text))

    if $E2E_SCENARIO is# 'edit'
        let l:lnum = search($E2E_FROM, 'w')
        call setline(l:lnum, substitute(getline(l:lnum), $E2E_FROM, $E2E_TO, ''))
        call s:Say('ok: retyped the revision id')
        ALELint
    else
        call cursor(l:first.lnum, l:first.col)
        ALECodeAction
        if !s:Wait(s:step, 's:offered isnot# ""')
            return 'no code action for ' . s:code . ' (no answer to textDocument/codeAction)'
        endif
        if s:chosen is# ''
            return 'no code action for ' . s:code . '; offered: ' . substitute(s:offered, "\n", ' | ', 'g')
        endif
        call s:Say('ok: chose code action "' . s:chosen . '"')
    endif

    if $E2E_SCENARIO is# 'merge'
        " The server writes the merge migration; the user opens it.
        let l:new = 'filter(readdir(' . string(l:versions) . '), {_, n -> n =~# "\\.py$" && index(' . string(l:before) . ', n) < 0})'
        if !s:Wait(s:step, 'len(' . l:new . ') > 0')
            return 'the merge quick fix wrote no migration'
        endif
        let l:created = l:versions . '/' . eval(l:new)[0]
        execute 'edit ' . fnameescape(l:created)
        let l:down = matchstr(join(getline(1, '$'), "\n"), '\ndown_revision[^\n]*')
        execute 'buffer ' . l:buf
        if stridx(l:down, "'0003a'") < 0 || stridx(l:down, "'0003b'") < 0
            return 'the merge migration does not revise both heads: ' . l:down
        endif
        call s:Say('ok: merge migration ' . fnamemodify(l:created, ':t') . ': ' . l:down[1:])
        ALELint
    elseif $E2E_SCENARIO is# 'guard'
        ALELint
        if !s:Wait(s:step, 'len(s:Diagnostics(' . l:buf . ')) < ' . l:count)
            return 'the guard fix did not clear an ' . s:code . ' diagnostic'
        endif
        let l:body = join(getbufline(l:buf, 1, '$'), "\n")
        if stridx(l:body, 'if_not_exists=True') < 0 && stridx(l:body, 'inspect(') < 0
            return "the buffer has no introspection guard or if_not_exists=True:\n" . l:body
        endif
        call s:Say('ok: guarded')
    else
        ALELint
    endif

    if $E2E_SCENARIO isnot# 'guard'
        if !s:Wait(s:step, 'len(s:Diagnostics(' . l:buf . ')) == 0')
            return s:code . ' did not clear'
        endif
        call s:Say('ok: ' . s:code . ' cleared')
    endif
    if $E2E_EXPECT isnot# '' && stridx(join(getbufline(l:buf, 1, '$'), "\n"), $E2E_EXPECT) < 0
        return 'the buffer does not contain ' . $E2E_EXPECT
    endif
    silent wall
    return ''
endfunction

try
    let s:failure = s:Steps()
catch
    let s:failure = 'error: ' . v:exception . ' at ' . v:throwpoint
endtry
call s:Say(s:failure is# '' ? 'PASS' : 'FAIL: ' . s:failure)
if s:failure is# ''
    qall!
else
    cquit!
endif
