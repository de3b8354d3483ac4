-- alembic-ls for Neovim 0.7 and later, without plugins: `vim.lsp.start_client`.
--
-- Use: put `editors/neovim` on 'runtimepath', then in init.lua
--
--     require('alembic_ls').setup()                      -- or setup({ cmd = {...}, settings = {...} })
--
-- Each Python buffer below a directory holding `alembic.ini` (or a pyproject.toml with
-- `[tool.alembic]`) attaches to one server per project root. Buffer-local commands:
--   :AlembicLsMerge            create the merge migration of the current heads
--   :AlembicLsRefreshDatabase  re-read the live database (applied revisions, live schema)
--   :AlembicLsGraph            the revision graph in the quickfix list (heads, merges, bases)
local M = {}

M.config = {
  cmd = { 'alembic-ls', 'serve', '--stdio' },
  filetypes = { 'python' },
  -- The keys of `[tool.alembic-ls]`: select, ignore, extend-select, per-file-ignores,
  -- alembic-version, dialect.
  settings = { ['alembic-ls'] = vim.empty_dict() },
}

local clients = {} -- root directory -> client id

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

---Closest directory above `path` with alembic.ini, or a pyproject.toml with `[tool.alembic]`.
function M.root_dir(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while dir and dir ~= '' do
    if exists(dir .. '/alembic.ini') then
      return dir
    end
    local pyproject = dir .. '/pyproject.toml'
    if exists(pyproject) then
      for _, line in ipairs(vim.fn.readfile(pyproject)) do
        if line:match('^%s*%[tool%.alembic%]') then
          return dir
        end
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return nil
    end
    dir = parent
  end
  return nil
end

---The alembic-ls client attached to `bufnr`, if any.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'alembic_ls' then
      return client
    end
  end
  return nil
end

local function execute(bufnr, command)
  local client = M.client(bufnr)
  if not client then
    vim.notify('alembic-ls is not attached to this buffer', vim.log.levels.WARN)
    return
  end
  local params = { command = command, arguments = { { uri = vim.uri_from_bufnr(bufnr) } } }
  client.request('workspace/executeCommand', params, function(err)
    if err then
      vim.notify('alembic-ls: ' .. command .. ': ' .. err.message, vim.log.levels.ERROR)
    end
  end, bufnr)
end

---Shows the `alembic-ls/graph` result in the quickfix list: one entry per revision.
function M.show_graph(bufnr)
  local client = M.client(bufnr)
  if not client then
    vim.notify('alembic-ls is not attached to this buffer', vim.log.levels.WARN)
    return
  end
  client.request('alembic-ls/graph', vim.empty_dict(), function(err, result)
    if err or not result then
      vim.notify('alembic-ls: graph: ' .. (err and err.message or 'no result'), vim.log.levels.ERROR)
      return
    end
    local parents = {}
    for _, edge in ipairs(result.edges or {}) do
      local key = edge.environment .. ':' .. edge.to
      parents[key] = parents[key] or {}
      table.insert(parents[key], edge.kind == 'depends_on' and ('~' .. edge.from) or edge.from)
    end
    local items = {}
    for _, node in ipairs(result.nodes or {}) do
      local marks = {}
      if node.isHead then table.insert(marks, 'head') end
      if node.isBase then table.insert(marks, 'base') end
      if node.isMergePoint then table.insert(marks, 'merge') end
      if node.isBranchPoint then table.insert(marks, 'branch point') end
      local from = parents[node.environment .. ':' .. node.id] or {}
      table.insert(items, {
        filename = vim.uri_to_fname(node.location.uri),
        lnum = node.location.range.start.line + 1,
        col = node.location.range.start.character + 1,
        text = string.format('%s <- %s %s %s', node.id, #from > 0 and table.concat(from, ', ') or '(base)',
          #marks > 0 and ('[' .. table.concat(marks, ', ') .. ']') or '', node.message or ''),
      })
    end
    vim.fn.setqflist({}, ' ', { title = 'alembic-ls revision graph', items = items })
    vim.cmd('copen')
  end, bufnr)
end

---Defines the buffer-local user commands in `bufnr`.
function M.buffer_commands(bufnr)
  local function define(name, fn, desc)
    vim.api.nvim_buf_create_user_command(bufnr, name, function() fn(bufnr) end, { desc = desc })
  end
  define('AlembicLsMerge', function(b) execute(b, 'alembic-ls.createMergeMigration') end,
    'alembic-ls: create the merge migration of the current heads')
  define('AlembicLsRefreshDatabase', function(b) execute(b, 'alembic-ls.refreshDatabase') end,
    'alembic-ls: re-read the live database')
  define('AlembicLsGraph', M.show_graph, 'alembic-ls: revision graph in the quickfix list')
end

---Starts (or reuses) the server of the buffer's Alembic project and attaches it.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = M.root_dir(vim.api.nvim_buf_get_name(bufnr))
  if not root then
    return nil
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({
      name = 'alembic_ls',
      cmd = M.config.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      settings = M.config.settings,
      init_options = M.config.settings,
      on_attach = function(_, attached) M.buffer_commands(attached) end,
    })
    if not id then
      return nil
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

---Merges `opts` into `M.config` and attaches every Python buffer of an Alembic project.
function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', M.config, opts or {})
  local group = vim.api.nvim_create_augroup('alembic_ls', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
end

return M
