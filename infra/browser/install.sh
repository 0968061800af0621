#!/usr/bin/env bash
# Installs what the console's browser tests need from Debian's packages: `chromium` (driven by
# playwright-core at /usr/bin/chromium; a browser download of Playwright's own cannot work here)
# and `fonts-noto-cjk` (so Chinese renders in the screenshots). Idempotent: quick when both are
# there. Needs root (or sudo) to install.
set -euo pipefail

say() { printf '[browser] %s\n' "$*"; }
has_chromium() { [[ -x /usr/bin/chromium ]]; }
has_cjk_fonts() { fc-list 2>/dev/null | grep -qi 'noto.*cjk'; }

missing=()
has_chromium || missing+=(chromium)
has_cjk_fonts || missing+=(fonts-noto-cjk)
if [[ ${#missing[@]} -eq 0 ]]; then
  say "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') and Noto CJK fonts are installed"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { say "installing ${missing[*]} needs root (or sudo)" >&2; exit 1; }
  sudo=(sudo)
fi
say "installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# fontconfig brings fc-list, which the check above reads
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
has_chromium || { say "chromium is still missing at /usr/bin/chromium" >&2; exit 1; }
has_cjk_fonts || { say "the Noto CJK fonts are still missing (fc-list)" >&2; exit 1; }
say "installed: $(/usr/bin/chromium --version 2>/dev/null)"
