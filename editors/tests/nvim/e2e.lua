-- Neovim (0.7+) end-to-end check of editors/neovim, driven by editors/tests/run.sh.
-- The first block is what a user's init.lua holds; the rest plays the user: it opens the
-- migration, waits for the diagnostic, picks the quick fix in the code-action menu and checks
-- the result. Each step prints `ok: …`; the script ends with `PASS` or `FAIL: reason`.
vim.g.loaded_python3_provider = 0 -- otherwise opening a .py file probes for Python (1.6 s)
vim.opt.runtimepath:prepend(os.getenv('E2E_EDITORS') .. '/neovim')
require('alembic_ls').setup()

local scenario = os.getenv('E2E_SCENARIO')
local file = os.getenv('E2E_FILE')
local code = os.getenv('E2E_CODE')
local wanted_action = (os.getenv('E2E_ACTION') or ''):lower()
local step_ms = tonumber(os.getenv('E2E_STEP_TIMEOUT') or '20') * 1000

local function say(text) io.stdout:write(text .. '\n') end
local function finish(failure)
  say(failure and ('\nFAIL: ' .. failure) or 'PASS')
  vim.cmd(failure and 'cquit! 1' or 'qall!')
end

local function with_code(bufnr, wanted)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == wanted then table.insert(out, d) end
  end
  return out
end
local function text(bufnr) return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') end

-- Chooses the quick fix in the code-action menu the way a user would: by its title.
local offered, chosen, notified
vim.ui.select = function(items, _, on_choice)
  offered = {}
  for _, item in ipairs(items) do
    local action = item[2]
    table.insert(offered, action.title)
    local title = action.title:lower()
    local fixes_code = false
    for _, d in ipairs(action.diagnostics or {}) do
      if d.code == code then fixes_code = true end
    end
    local suppression = title:find('noqa', 1, true) or title:find('suppress', 1, true) or title:find('ignore', 1, true)
    if (wanted_action ~= '' and title:find(wanted_action, 1, true)) or (wanted_action == '' and fixes_code and not suppression) then
      say('ok: chose code action "' .. action.title .. '"')
      chosen = action.title
      on_choice(item)
      return
    end
  end
  on_choice(nil)
end
local notify = vim.notify
vim.notify = function(msg, level, opts)
  notified = msg
  notify(msg, level, opts)
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  if not vim.wait(step_ms, function() return require('alembic_ls').client(buf) ~= nil end, 20) then
    return 'alembic-ls did not attach to ' .. file
  end
  say('ok: attached alembic-ls')
  if not vim.wait(step_ms, function() return #with_code(buf, code) > 0 end, 20) then
    return 'no ' .. code .. ' diagnostic within ' .. step_ms .. ' ms'
  end
  local first = with_code(buf, code)[1]
  say(string.format('ok: %s diagnostic at %d:%d: %s', code, first.lnum + 1, first.col + 1, first.message))
  local count = #with_code(buf, code)
  local before = vim.fn.readdir(vim.fn.fnamemodify(file, ':h'))

  if scenario == 'edit' then
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    for i, line in ipairs(lines) do
      if line:find(os.getenv('E2E_FROM'), 1, true) then
        local from, to = os.getenv('E2E_FROM'), os.getenv('E2E_TO')
        local s = line:find(from, 1, true)
        vim.api.nvim_buf_set_text(buf, i - 1, s - 1 + #from - 4, i - 1, s - 1 + #from, { to:sub(-4) })
        break
      end
    end
    say('ok: retyped the revision id')
  else
    vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
    vim.lsp.buf.code_action()
    if not vim.wait(step_ms, function() return offered ~= nil or notified ~= nil end, 20) or not offered then
      return 'no code action for ' .. code .. (notified and (' (' .. notified .. ')') or '')
    end
    if not chosen then
      return 'no code action for ' .. code .. '; offered: ' .. table.concat(offered, ' | ')
    end
    if not vim.wait(2000, function() return vim.bo[buf].modified or #vim.fn.readdir(vim.fn.fnamemodify(file, ':h')) > #before or #vim.api.nvim_list_bufs() > 1 end, 20) then
      return 'no code action for ' .. code .. ' applied; offered: ' .. table.concat(offered, ' | ')
    end
  end

  if scenario == 'merge' then
    -- The server writes the merge migration and names it (window/showMessage); the user opens it.
    local dir = vim.fn.fnamemodify(file, ':h')
    local created
    vim.wait(step_ms, function()
      for _, name in ipairs(vim.fn.readdir(dir)) do
        if name:match('%.py$') and not vim.tbl_contains(before, name) then created = dir .. '/' .. name end
      end
      return created ~= nil
    end, 20)
    if not created then return 'the merge quick fix wrote no migration' end
    vim.cmd('edit ' .. vim.fn.fnameescape(created))
    local body = text(0)
    vim.cmd('buffer ' .. buf)
    local down = body:match('\ndown_revision[^\n]*')
    if not (down and down:find("'0003a'", 1, true) and down:find("'0003b'", 1, true)) then
      return 'the merge migration does not revise both heads: ' .. tostring(down)
    end
    say('ok: merge migration ' .. vim.fn.fnamemodify(created, ':t') .. ': ' .. down:sub(2))
  elseif scenario == 'guard' then
    if not vim.wait(step_ms, function() return #with_code(buf, code) < count end, 20) then
      return 'the guard fix did not clear an ' .. code .. ' diagnostic'
    end
    local body = text(buf)
    if not (body:find('if_not_exists=True', 1, true) or body:find('inspect(', 1, true)) then
      return 'the buffer has no introspection guard or if_not_exists=True:\n' .. body
    end
    say('ok: guarded: ' .. #with_code(buf, code) .. ' of ' .. count .. ' ' .. code .. ' left')
  end

  if scenario ~= 'guard' then
    if not vim.wait(step_ms, function() return #with_code(buf, code) == 0 end, 20) then
      return code .. ' did not clear'
    end
    say('ok: ' .. code .. ' cleared')
  end
  local expect = os.getenv('E2E_EXPECT') or ''
  if expect ~= '' and not text(buf):find(expect, 1, true) then
    return 'the buffer does not contain ' .. expect
  end
  vim.cmd('silent wall')
  return nil
end

local ok, failure = xpcall(run, debug.traceback)
finish(ok and failure or (not ok and ('error: ' .. tostring(failure))) or nil)
