#!/bin/sh
# sweep.sh — every seed and real report in the console at 200x60, 120x40
# and 80x24, and each real report again with all its lines joined into
# one: stepping through every finding with ], the tables' end, the help's
# end and the list of findings' end. The scripted run succeeds, every
# screen is valid UTF-8 and no line is wider than the screen, and ]
# reaches the last finding.
NB=${1:-./nianbao}
corpus=${NIANBAO_CORPUS:-../shared/corpus/real}
T=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-sweep.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
LC_ALL=C.UTF-8
export LC_ALL
pass=0
fail=0
# one-line copies of the real reports, as web pages often come
mkdir "$T/oneline"
if [ -d "$corpus" ]; then
    for f in "$corpus"/*.txt; do
        { tr -d '\r\n' <"$f"; echo; } >"$T/oneline/$(basename "$f" .txt).oneline.txt"
    done
fi
files=$(ls tests/data/*.txt; [ -d "$corpus" ] && ls "$corpus"/*.txt "$T"/oneline/*.txt)
# too_wide WIDTH DUMP…: lines wider than the screen, or a screen that is not UTF-8
too_wide() {
    python3 -c "
import sys, unicodedata
w = int(sys.argv[1])
for path in sys.argv[2:]:
    try:
        lines = open(path, encoding='utf-8').read().splitlines()
    except UnicodeDecodeError as e:
        print(path, 'not UTF-8:', e)
        lines = []
    for n, line in enumerate(lines, 1):
        cols = sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in line)
        if cols > w:
            print(path, n, cols)
" "$@"
}
for f in $files; do
    n=$("$NB" check --no-years --format json "$f" | grep -o '"rule":' | wc -l)
    for size in 200x60 120x40 80x24; do
        w=${size%x*}
        {
            i=0
            while [ $i -lt "$n" ]; do echo "]"; i=$((i + 1)); done
            echo ":dump $T/last.txt"
            echo "Tab"; echo "G"; echo ":dump $T/bottom.txt"
            echo "?"; echo "G"; echo ":dump $T/help.txt"; echo "q"
            echo "F"; echo "G"; echo ":dump $T/list.txt"; echo "Esc"
        } >"$T/s"
        if ! "$NB" --size "$size" --script "$T/s" "$f" 2>"$T/err"; then
            echo "not ok - $f at $size: $(cat "$T/err")"; fail=$((fail + 1)); continue
        fi
        wide=$(too_wide "$w" "$T/last.txt" "$T/bottom.txt" "$T/help.txt" "$T/list.txt")
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
