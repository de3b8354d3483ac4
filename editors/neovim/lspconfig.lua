-- alembic-ls with nvim-lspconfig (Neovim 0.8 to 0.10; on 0.11+ prefer lsp/alembic_ls.lua).
--
-- Use: copy this block into your init.lua (or `dofile` this file) after installing nvim-lspconfig.
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')

if not configs.alembic_ls then
  configs.alembic_ls = {
    default_config = {
      cmd = { 'alembic-ls', 'serve', '--stdio' },
      filetypes = { 'python' },
      -- alembic.ini, else a pyproject.toml (alembic >= 1.16 reads [tool.alembic] there).
      root_dir = function(fname)
        return util.root_pattern('alembic.ini')(fname) or util.root_pattern('pyproject.toml')(fname)
      end,
      single_file_support = false,
      -- The keys of `[tool.alembic-ls]`: select, ignore, extend-select, per-file-ignores,
      -- alembic-version, dialect.
      settings = { ['alembic-ls'] = vim.empty_dict() },
    },
    docs = { description = 'alembic-ls: diagnostics and quick fixes for Alembic migrations' },
  }
end

require('lspconfig').alembic_ls.setup({
  on_attach = function(_, bufnr)
    -- :AlembicLsMerge, :AlembicLsRefreshDatabase, :AlembicLsGraph (when editors/neovim is on 'runtimepath').
    local ok, alembic_ls = pcall(require, 'alembic_ls')
    if ok then
      alembic_ls.buffer_commands(bufnr)
    end
  end,
})
