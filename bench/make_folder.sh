#!/bin/sh
# bench/make_folder.sh — owns the bench folder of many ordinary reports: DIR filled with COUNT
# copies of every .txt of tests/data and ../shared/corpus/real (and their subfolders), taken in
# sorted order round-robin, named rNNNNN-NAME so the same call always writes the same folder.
# Usage: sh bench/make_folder.sh DIR COUNT   (DIR is emptied first; it must not hold anything else)
set -eu
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 DIR COUNT" >&2; exit 2; }
DIR=$1 N=$2
case $N in ''|*[!0-9]*|0) echo "make_folder: COUNT must be a positive integer, got '$N'" >&2; exit 2;; esac
SRCS=$(find tests/data ../shared/corpus/real -name '*.txt' -type f 2>/dev/null | LC_ALL=C sort)
[ -n "$SRCS" ] || { echo "make_folder: no reports found" >&2; exit 1; }
rm -rf "$DIR" && mkdir -p "$DIR"
i=0
while [ $i -lt "$N" ]; do
	for s in $SRCS; do
		[ $i -lt "$N" ] || break
		cp "$s" "$(printf '%s/r%05d-%s' "$DIR" $i "${s##*/}")"
		i=$((i + 1))
	done
done
