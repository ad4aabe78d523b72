#!/usr/bin/env bash
# Install what `make run` / `make test` need and is missing: Debian packages (as root) and the .venv.
#   scripts/bootstrap.sh run|test|bench
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-run}

packages=(gettext fonts-noto-cjk fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0)
case "$purpose" in
  test) packages+=(chromium poppler-utils) ;;
  bench) packages+=(wrk) ;;
esac

missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done

python=""
for candidate in python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1; then python=$(command -v "$candidate"); break; fi
done
[ -n "$python" ] || { echo "Python 3.11 is required" >&2; exit 1; }
# Debian's own Python needs python3-venv for `-m venv`.
if [ ! -x .venv/bin/python ] && ! "$python" -c "import ensurepip" >/dev/null 2>&1; then
  missing+=("python3-venv")
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Wait (up to 10 minutes) for another apt/dpkg process, e.g. unattended-upgrades, instead of giving up.
    apt=(apt-get -o DPkg::Lock::Timeout=600)
    "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null 2>&1 || { "${apt[@]}" update -qq && "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null; }
  else
    echo "Missing Debian packages (run as root to install them): ${missing[*]}" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.requirements.sha
want=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.txt
  echo "$want" > "$stamp"
fi
