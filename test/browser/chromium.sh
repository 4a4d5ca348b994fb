#!/bin/sh
# Before `npm test`: the browser tests drive Debian's Chromium at /usr/bin/chromium (never a
# browser downloaded by playwright). When it is missing and we are root with apt-get, install
# Debian's `chromium` package, as .ci/run does; otherwise stop with one line saying what to
# install. Does nothing when Chromium is there.
set -eu
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "npm test: $CHROMIUM is missing; installing Debian's chromium package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium > /dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
echo "npm test: the browser tests need Chromium at $CHROMIUM (Debian/Ubuntu: sudo apt-get install chromium); install it and run npm test again" >&2
exit 1
