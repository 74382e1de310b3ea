-- Drives headless Neovim after a README configuration has been sourced (test/editors/neovim.test.ts
-- writes init.lua: the README's Lua block run with pcall, its error kept in vim.g.form4_config_error,
-- then `dofile(<this file>)`). Opens $FORM4_DRAFT, waits for the server's diagnostics, then
-- replaces the settings with only the rule $FORM4_RULE off, through workspace/didChangeConfiguration,
-- waits for that rule's diagnostics to go, and writes what it saw to $FORM4_OUT as JSON. Every wait
-- has a limit, and any error ends Neovim with exit code 1.
-- Works on Neovim 0.7 and later.

local out_path = assert(os.getenv('FORM4_OUT'), 'FORM4_OUT is not set')
local draft = assert(os.getenv('FORM4_DRAFT'), 'FORM4_DRAFT is not set')
local rule = assert(os.getenv('FORM4_RULE'), 'FORM4_RULE is not set')
local timeout = tonumber(os.getenv('FORM4_TIMEOUT_MS') or '20000')

local function write(result)
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

-- vim.lsp.get_clients replaced get_active_clients and buf_get_clients in 0.10; client methods
-- are called with ':' from 0.11.
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients

local function buffer_clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  return vim.lsp.buf_get_clients(bufnr)
end

local function notify(client, method, params)
  if vim.fn.has('nvim-0.11') == 1 then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

local function form4_clients()
  local found = {}
  for _, client in ipairs(get_clients()) do
    if client.name == 'form4' then
      table.insert(found, client)
    end
  end
  return found
end

local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(list, {
      code = code,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source,
      message = d.message,
    })
  end
  return list
end

local function has_rule(bufnr)
  for _, d in ipairs(diagnostics(bufnr)) do
    if d.code == rule then
      return true
    end
  end
  return false
end

local function run()
  if vim.g.form4_config_error then
    error('the configuration failed: ' .. vim.g.form4_config_error)
  end
  local v = vim.version()
  local result = { nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch) }
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype

  -- 1. the server starts for the form4 buffer and pushes its diagnostics
  result.attached = vim.wait(timeout, function()
    return next(buffer_clients(bufnr)) ~= nil
  end, 20)
  if not result.attached then
    result.errmsg = vim.v.errmsg
    write(result)
    return
  end
  result.diagnostics_arrived = vim.wait(timeout, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 20)
  result.before = diagnostics(bufnr)

  -- 2. the rule is turned off through workspace/didChangeConfiguration
  local clients = form4_clients()
  result.clients = #clients
  local settings = { form4 = { rules = { [rule] = 'off' } } }
  for _, client in ipairs(clients) do
    -- a client that answers workspace/configuration answers from these
    client.config.settings = settings
    if client.settings ~= nil then
      client.settings = settings
    end
    notify(client, 'workspace/didChangeConfiguration', { settings = settings })
  end
  result.cleared = vim.wait(timeout, function()
    return not has_rule(bufnr)
  end, 20)
  result.after = diagnostics(bufnr)
  result.errmsg = vim.v.errmsg
  write(result)
end

local ok, err = pcall(run)
if not ok then
  pcall(write, { error = tostring(err) })
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
