-- alembic-ls for Neovim >= 0.11 (`vim.lsp.config` / `vim.lsp.enable`).
--
-- Use: put `editors/neovim` on 'runtimepath' (or copy this file to ~/.config/nvim/lsp/), then
--
--     vim.lsp.enable('alembic_ls')
--
-- Override fields with `vim.lsp.config('alembic_ls', { settings = { ['alembic-ls'] = { ignore = { 'ALM107' } } } })`.
-- The server only attaches below a directory holding `alembic.ini`, or a `pyproject.toml`
-- with a `[tool.alembic]` table, so it runs next to your usual Python server.

---Closest directory above `path` with alembic.ini, or a pyproject.toml that configures Alembic.
local function alembic_root(path)
  for dir in vim.fs.parents(path) do
    if vim.uv.fs_stat(dir .. '/alembic.ini') then
      return dir
    end
    local pyproject = dir .. '/pyproject.toml'
    if vim.uv.fs_stat(pyproject) then
      for _, line in ipairs(vim.fn.readfile(pyproject)) do
        if line:match('^%s*%[tool%.alembic%]') then
          return dir
        end
      end
    end
  end
  return nil
end

return {
  cmd = { 'alembic-ls', 'serve', '--stdio' },
  filetypes = { 'python' },
  -- Markers for tools that read them (`:checkhealth`, lspconfig); `root_dir` decides.
  root_markers = { 'alembic.ini', 'pyproject.toml' },
  root_dir = function(bufnr, on_dir)
    local root = alembic_root(vim.api.nvim_buf_get_name(bufnr))
    if root then
      on_dir(root)
    end
  end,
  -- The keys of `[tool.alembic-ls]`: select, ignore, extend-select, per-file-ignores,
  -- alembic-version, dialect.
  settings = { ['alembic-ls'] = vim.empty_dict() },
  on_attach = function(_, bufnr)
    -- :AlembicLsMerge, :AlembicLsRefreshDatabase, :AlembicLsGraph (when lua/alembic_ls is on 'runtimepath').
    local ok, alembic_ls = pcall(require, 'alembic_ls')
    if ok then
      alembic_ls.buffer_commands(bufnr)
    end
  end,
}
