-- Headless Neovim 0.7 LSP client for test/e2e/neovim.e2e.mjs.
-- Run: timeout 60 nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/neovim_lsp.lua'
-- Environment:
--   PL_SERVER_CMD   JSON array: the server command, e.g. ["node","dist/server.js","--stdio"]
--   PL_MEMO         the Markdown file to open
--   PL_HOVER_WORD   the word to hover (default OEWG)
--   PL_TIMEOUT_MS   watchdog (default 30000)
--   PL_DIAG_WAIT_MS how long to wait for a diagnostic with code "contradiction" before
--                   reporting the last diagnostics received (default 15000)
-- Output: one JSON object per line on stdout ({"event": ...}); print() would go to stderr.
-- Neovim 0.7 has no vim.lsp.start (0.8+): use start_client + buf_attach_client.

local uv = vim.loop

-- vim.json (not vim.fn.json_encode): usable from libuv callbacks ("fast" context), where
-- calling Vimscript functions raises E5560.
local function emit(tbl)
  io.stdout:write(vim.json.encode(tbl) .. "\n")
  io.stdout:flush()
end

local function fail(msg)
  emit({ event = "error", message = msg })
  os.exit(2)
end

local timeout_ms = tonumber(os.getenv("PL_TIMEOUT_MS") or "30000")
local diag_wait_ms = tonumber(os.getenv("PL_DIAG_WAIT_MS") or "15000")
local hover_word = os.getenv("PL_HOVER_WORD") or "OEWG"

-- libuv timer watchdog: fires even when the main loop is waiting on the server.
local watchdog = uv.new_timer()
watchdog:start(timeout_ms, 0, function()
  emit({ event = "watchdog", timeout_ms = timeout_ms })
  os.exit(3)
end)

local ok_cmd, server_cmd = pcall(vim.json.decode, os.getenv("PL_SERVER_CMD") or "")
if not ok_cmd or type(server_cmd) ~= "table" then fail("PL_SERVER_CMD must be a JSON array") end
local memo = os.getenv("PL_MEMO")
if not memo or memo == "" then fail("PL_MEMO not set") end

vim.cmd("edit " .. vim.fn.fnameescape(memo))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = "markdown" -- -u NONE: no filetype detection
local uri = vim.uri_from_bufnr(bufnr)

local state = { diagnostics = nil, diag_done = false, hover_done = false, client = nil }

local function finish_if_done()
  if state.diag_done and state.hover_done then
    emit({ event = "done" })
    if state.client then pcall(state.client.stop, state.client) end
    -- give the stop notification a moment, then leave
    vim.defer_fn(function() os.exit(0) end, 100)
  end
end

local function report_diagnostics()
  if state.diag_done then return end
  state.diag_done = true
  emit({ event = "diagnostics", uri = uri, diagnostics = state.diagnostics or vim.NIL,
         received = state.diagnostics ~= nil })
  finish_if_done()
end

local function has_contradiction(diags)
  for _, d in ipairs(diags or {}) do
    if d.code == "contradiction" then return true end
  end
  return false
end

local function request_hover(client)
  local line_idx, col
  for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local s = text:find(hover_word, 1, true)
    if s then line_idx, col = i - 1, s; break end
  end
  if not line_idx then
    emit({ event = "hover", error = "word not found in buffer: " .. hover_word })
    state.hover_done = true
    return finish_if_done()
  end
  -- middle of the word; UTF-16 column equals the byte column for this ASCII line
  local params = {
    textDocument = { uri = uri },
    position = { line = line_idx, character = col - 1 + math.floor(#hover_word / 2) },
  }
  client.request("textDocument/hover", params, function(err, result)
    emit({ event = "hover", position = params.position, error = err and (err.message or tostring(err)) or vim.NIL,
           result = result or vim.NIL })
    state.hover_done = true
    finish_if_done()
  end, bufnr)
end

local client_id = vim.lsp.start_client({
  name = "policy-lens",
  cmd = server_cmd,
  root_dir = vim.fn.fnamemodify(memo, ":p:h"),
  workspace_folders = { { uri = vim.uri_from_fname(vim.fn.fnamemodify(memo, ":p:h")), name = "fixture" } },
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      if result and result.uri == uri then
        state.diagnostics = result.diagnostics
        emit({ event = "publishDiagnostics", count = #(result.diagnostics or {}) })
        if has_contradiction(result.diagnostics) then report_diagnostics() end
      end
      pcall(vim.lsp.diagnostic.on_publish_diagnostics, err, result, ctx, config)
    end,
  },
  on_init = function(client, init_result)
    state.client = client
    emit({ event = "initialized", server = (init_result and init_result.serverInfo) or vim.NIL,
           capabilities = {
             hover = client.server_capabilities.hoverProvider and true or false,
             completion = client.server_capabilities.completionProvider and true or false,
             codeAction = client.server_capabilities.codeActionProvider and true or false,
             diagnosticPull = client.server_capabilities.diagnosticProvider and true or false,
           } })
    -- after didOpen (sent on attach) has gone out
    vim.defer_fn(function() request_hover(client) end, 50)
    vim.defer_fn(report_diagnostics, diag_wait_ms)
  end,
  on_exit = function(code, signal)
    if not (state.diag_done and state.hover_done) then
      emit({ event = "server-exit", code = code, signal = signal })
      os.exit(4)
    end
  end,
})
if not client_id then fail("vim.lsp.start_client returned nil") end
if not vim.lsp.buf_attach_client(bufnr, client_id) then fail("buf_attach_client failed") end
emit({ event = "started", client_id = client_id, uri = uri })
