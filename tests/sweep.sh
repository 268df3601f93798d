#!/bin/sh
# sweep.sh — every seed and real report in the console at 160x48, 100x30 and
# 80x24, stepping through every finding with ]: the scripted run succeeds, no
# screen line is wider than the screen, and ] reaches the last finding.
NB=${1:-./nianbao}
corpus=${NIANBAO_CORPUS:-../shared/corpus/real}
T=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-sweep.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
LC_ALL=C.UTF-8
export LC_ALL
pass=0
fail=0
files=$(ls tests/data/*.txt; [ -d "$corpus" ] && ls "$corpus"/*.txt)
for f in $files; do
    n=$("$NB" check --no-years --format json "$f" | grep -o '"rule":' | wc -l)
    for size in 160x48 100x30 80x24; do
        w=${size%x*}
        {
            i=0
            while [ $i -lt "$n" ]; do echo "]"; i=$((i + 1)); done
            echo ":dump $T/last.txt"
            echo "Tab"; echo "G"; echo ":dump $T/bottom.txt"
        } >"$T/s"
        if ! "$NB" --size "$size" --script "$T/s" "$f" 2>"$T/err"; then
            echo "not ok - $f at $size: $(cat "$T/err")"; fail=$((fail + 1)); continue
        fi
        wide=$(for d in "$T/last.txt" "$T/bottom.txt"; do
            python3 -c "
import sys, unicodedata
w = int(sys.argv[2])
for n, line in enumerate(open(sys.argv[1], encoding='utf-8'), 1):
    cols = sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in line.rstrip('\n'))
    if cols > w:
        print(n, cols)
" "$d" "$w" 2>/dev/null; done)
        if [ -n "$wide" ]; then
            echo "not ok - $f at $size: lines wider than $w: $wide"; fail=$((fail + 1)); continue
        fi
        if [ "$n" -gt 0 ] && ! grep -q "$n/$n" "$T/last.txt"; then
            echo "not ok - $f at $size: ] did not reach finding $n/$n"; tail -1 "$T/last.txt"; fail=$((fail + 1)); continue
        fi
        echo "ok - $f at $size: $n findings reached, nothing wider than the screen"
        pass=$((pass + 1))
    done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
