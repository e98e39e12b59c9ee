#!/usr/bin/env bash
# Firefox ESR 140 for the Firefox suite (tests/firefox): the oldest desktop Firefox the add-on
# supports. Debian's firefox-esr package brings the libraries Firefox needs; the ESR 140 build
# itself is unpacked into .ci/.firefox, leaving the system's Firefox as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
FIREFOX_DIR=.ci/.firefox
if [ -x "$FIREFOX_DIR/usr/lib/firefox-esr/firefox-esr" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
esr140() { apt-cache madison firefox-esr | awk '$3 ~ /^140\./ { print $3; exit }'; }
if ! command -v firefox-esr >/dev/null || [ -z "$(esr140)" ]; then
  echo "installing Debian firefox-esr (for its libraries)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr >/dev/null
fi
version="$(esr140)"
if [ -z "$version" ]; then
  echo "No Firefox ESR 140 in the package sources: the Firefox suite will use $(firefox-esr --version)" >&2
  exit 0
fi
echo "unpacking firefox-esr $version into $FIREFOX_DIR"
download="$(mktemp -d)"
chmod 777 "$download"
(cd "$download" && apt-get download -qq "firefox-esr=$version" 2>/dev/null)
mkdir -p "$FIREFOX_DIR"
dpkg -x "$download"/firefox-esr_*.deb "$FIREFOX_DIR"
rm -rf "$download"
"$FIREFOX_DIR/usr/lib/firefox-esr/firefox-esr" --version
