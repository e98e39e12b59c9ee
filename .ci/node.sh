# Sourced by .ci/run and npm scripts' callers: puts a supported Node (>= 22) first on PATH.
# WXT 0.21 and Vitest 5 require Node 22+; when the machine's Node is older, the `node`
# package from the npm registry is installed into .ci/.node (a few seconds) and used instead.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if [ ! -x "$here/.node/node_modules/.bin/node" ]; then
    echo "node $(node --version 2>/dev/null) is older than 22: installing node@24 into .ci/.node"
    npm install --no-save --no-package-lock --prefix "$here/.node" node@24 >/dev/null
  fi
  export PATH="$here/.node/node_modules/.bin:$PATH"
fi
echo "using node $(node --version), npm $(npm --version)"
