#!/usr/bin/env bash
# The whole test suite, MongoDB backend included, on a fresh Debian machine:
# installs the system packages and the MongoDB wire-protocol test server
# (SecantusDB) and the SMTP test server (aiosmtpd), starts the MongoDB server on
# a free loopback port, then builds and runs every test. MongoDB tests fail, never skip, when the server is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(libncursesw5-dev libmongoc-dev libcurl4-openssl-dev libssl-dev libsqlite3-dev libqrencode-dev pkg-config tmux strace openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v secantusd-py >/dev/null 2>&1 || ! python3 -c "import pymongo, aiosmtpd" 2>/dev/null; then
  echo "== installing the MongoDB test server (SecantusDB), pymongo and the SMTP test server (aiosmtpd)"
  python3 -m pip install --quiet --disable-pip-version-check --pre 'secantusdb==0.7.0b3' pymongo aiosmtpd
fi

state=$(mktemp -d /tmp/socialdeck-mongo.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
secantusd-py --host 127.0.0.1 --port "$port" --storage-path "$state/data" --sync-on-commit >"$state/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$state"' EXIT
for _ in $(seq 1 100); do
  if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$state/server.log"; echo "the MongoDB test server did not start" >&2; exit 1; }
  sleep 0.2
done
export SOCIALDECK_TEST_MONGO_URI="mongodb://127.0.0.1:$port"
# The MongoDB cases are part of the suite: with CI set, a missing server fails them.
export CI="${CI:-true}"
echo "== MongoDB test server on 127.0.0.1:$port"

swift build --build-tests
swift test
