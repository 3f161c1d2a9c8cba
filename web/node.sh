#!/usr/bin/env bash
# Runs a command (`web/node.sh npm ci`, `web/node.sh node e2e/run.mjs`) with a Node new enough for the web build
# first on PATH. Vite 7 needs Node 20.19 or later; Debian 12's own nodejs is 18. The machine's Node is used when it
# is new enough; otherwise a pinned Node is fetched once from the npm registry, where the package node-linux-<arch>
# holds the official binary, into ${XDG_CACHE_HOME:-~/.cache}/strata/node-<version>. npm pack fetches it, so the
# machine's npm settings (registry mirror, proxy) apply, and the archive is checked against the hash pinned here.
set -euo pipefail

version=22.23.5
declare -A sha512=( # sha512sum of node-linux-<arch>-<version>.tgz, from `npm view node-linux-<arch>@<version> dist`
  [x64]=de3842fb07285b1299c5c46a176b144a5d1cf47117167babfe7b883f1e8ee8258a5748ce516426ec7b70e52b97aaa94c084862d1c26ac9b14f11be6185c06233
  [arm64]=7b52ce506295aee3c6b8b56eb67f3e0a09b9a48d403e6e0abe1fb36dbfea7bf6690fdb3e4d06f2e6252064e5a63e96d22a98f44ddf033f53743449d76ac1e2ce
)

[ $# -gt 0 ] || { echo "usage: web/node.sh COMMAND [ARGS...]" >&2; exit 2; }

new_enough() { # "v20.19.0" → 0 when at least 20.19
  local v="${1#v}" major minor
  IFS=. read -r major minor _ <<<"$v"
  [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || return 1
  [ "$major" -gt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -ge 19 ]; }
}

have="$(node --version 2>/dev/null || true)"
if new_enough "$have"; then exec "$@"; fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "web build: Node ${have:-is missing} (needs 20.19+) and no pinned Node for $(uname -m); install Node 20.19+" >&2
     exit 1 ;;
esac
cache="${XDG_CACHE_HOME:-$HOME/.cache}/strata"
home="$cache/node-$version"
if [ ! -x "$home/bin/node" ]; then
  echo "web build: Node ${have:-is missing} (needs 20.19+); fetching Node $version (node-linux-$arch) from the npm registry into $home" >&2
  npm --version >/dev/null 2>&1 \
    || { echo "web build: a working npm is needed to fetch Node (Debian: apt-get install npm)" >&2; exit 1; }
  mkdir -p "$cache"
  tmp="$(mktemp -d "$cache/.node-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$version" >/dev/null)
  tgz="$tmp/node-linux-$arch-$version.tgz"
  got="$(sha512sum "$tgz" | cut -d' ' -f1)"
  if [ "$got" != "${sha512[$arch]}" ]; then
    echo "web build: $tgz does not match the pinned sha512 (got $got); not using it" >&2
    exit 1
  fi
  tar xzf "$tgz" -C "$tmp" package/bin/node package/LICENSE
  # A concurrent build may have won the race; its copy is as good as ours.
  mv -T "$tmp/package" "$home" 2>/dev/null || [ -x "$home/bin/node" ]
  rm -rf "$tmp"
  trap - EXIT
fi
PATH="$home/bin:$PATH" exec "$@"
