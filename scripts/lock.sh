#!/usr/bin/env bash
# Re-pin the dependency tree after a change to pyproject.toml's pins.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check setuptools==80.9.0 -e ".[test]"
{
  echo "# The whole dependency tree, pinned: \`make setup\` installs exactly this. Regenerate with"
  echo "# scripts/lock.sh after changing pyproject.toml."
  "$tmp/venv/bin/pip" freeze --all --exclude-editable | grep -v '^pip=='
} > requirements.lock
rm -rf "$tmp"
