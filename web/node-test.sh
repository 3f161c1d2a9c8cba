#!/usr/bin/env bash
# Tests of node.sh with stand-ins for node and npm on PATH and an empty cache folder, so nothing is downloaded:
# which Node a command runs with, and that a fetched archive with the wrong hash is refused and leaves no cache.
# The real fetch is checked by hand (web/README.md, "Node for the build").
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

fake() { # dir, name, script body
  mkdir -p "$1"
  printf '#!/usr/bin/env bash\n%s\n' "$3" >"$1/$2"
  chmod +x "$1/$2"
}
check() { # description, expected, actual
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected [$2], got [$3]"; failures=$((failures + 1)); fi
}
# PATH with the stand-ins first and, for bash and coreutils, only the system folders without node or npm in them.
base="$work/sys"
mkdir -p "$base"
for tool in bash env cat cut mkdir mktemp mv rm sha512sum tar gzip uname dirname chmod printf sed; do
  ln -s "$(command -v "$tool")" "$base/$tool"
done
version="$(sed -n 's/^version=//p' "$here/node.sh")"

fake "$work/new/bin" node 'echo v20.19.0'
check "a machine Node 20.19 is used" "v20.19.0" \
  "$(PATH="$work/new/bin:$base" XDG_CACHE_HOME="$work/c1" "$here/node.sh" node --version)"

fake "$work/old/bin" node 'echo v18.20.4'
fake "$work/c2/strata/node-$version/bin" node 'echo cached'
check "an old machine Node gives way to the cached one" "cached" \
  "$(PATH="$work/old/bin:$base" XDG_CACHE_HOME="$work/c2" "$here/node.sh" node --version 2>/dev/null)"

fake "$work/odd/bin" node 'echo "not a version"'
check "an unreadable version counts as too old" "cached" \
  "$(PATH="$work/odd/bin:$base" XDG_CACHE_HOME="$work/c2" "$here/node.sh" node --version 2>/dev/null)"

check "no machine Node at all: the cached one" "cached" \
  "$(PATH="$base" XDG_CACHE_HOME="$work/c2" "$here/node.sh" node --version 2>/dev/null)"

# An npm whose `pack` writes a tarball of the expected name but other content: the hash check must refuse it.
fake "$work/evil/bin" npm "$(cat <<EOF
[ "\$1" = --version ] && { echo 9.2.0; exit 0; }
mkdir -p package/bin && echo 'echo evil' >package/bin/node && chmod +x package/bin/node && echo x >package/LICENSE
arch=\$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')
tar czf "node-linux-\$arch-$version.tgz" package && rm -rf package
EOF
)"
out="$(PATH="$work/old/bin:$work/evil/bin:$base" XDG_CACHE_HOME="$work/c3" "$here/node.sh" node --version 2>&1)"
check "a tampered archive is refused" "1" "$?"
check "... with a word on why" "yes" "$([[ "$out" == *"does not match the pinned sha512"* ]] && echo yes || echo "no: $out")"
check "... and leaves no Node in the cache" "no" "$([ -e "$work/c3/strata/node-$version" ] && echo yes || echo no)"

PATH="$work/old/bin:$base" XDG_CACHE_HOME="$work/c4" "$here/node.sh" node --version >/dev/null 2>&1
check "no npm to fetch with: an error" "1" "$?"

[ "$failures" -eq 0 ] || { echo "node-test.sh: $failures failed" >&2; exit 1; }
