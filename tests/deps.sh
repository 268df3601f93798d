#!/bin/sh
# Installs the Debian packages nianbao needs to build and test, when any is missing.
pkgs="build-essential python3 clang libncurses-dev libunistring-dev libpcre2-dev libcmocka-dev pkg-config tmux mandoc valgrind
      libzip-dev libxml2-dev libpoppler-glib-dev libcairo2-dev wv"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
