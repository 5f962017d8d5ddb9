#!/usr/bin/env bash
# Debian packages that make jdbuilder's PDFs fast (libharfbuzz-subset0: WeasyPrint otherwise
# falls back to a pure-Python font subsetter, about 2.6 times slower). Installs them where it
# can (root with apt-get); otherwise says what to install and carries on.
set -u
want="libharfbuzz-subset0 ${EXTRA_DEBIAN_PACKAGES:-}"
missing=""
for package in $want; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian packages:$missing"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/dev/null \
    || echo "warning: could not install$missing; PDFs will still build, more slowly"
else
  echo "note: install$missing (Debian/Ubuntu: sudo apt-get install$missing) for faster PDFs; continuing without"
fi
