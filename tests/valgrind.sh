#!/bin/sh
# valgrind.sh — the batch path (export of every corpus file, JSON and CSV, in
# one process) must show no memory error and no leak under valgrind.
set -u
bin=${1:-./nianbao}
corpus=${NIANBAO_CORPUS:-../shared/corpus/real}
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed (make deps)"; exit 1
fi
files=$(ls tests/data/*.txt samples/*.txt 2>/dev/null)
[ -d "$corpus" ] && files="$files $(ls "$corpus"/*.txt)"
fail=0
for fmt in json csv; do
    log=$(mktemp)
    # shellcheck disable=SC2086
    valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
        --error-exitcode=99 --log-file="$log" "$bin" export --format $fmt $files >/dev/null
    rc=$?
    if [ $rc -ne 0 ] || [ -s "$log" ]; then
        echo "not ok - valgrind export --format $fmt (exit $rc)"; cat "$log"; fail=1
    else
        echo "ok - valgrind export --format $fmt: $(echo $files | wc -w) files, no error, no leak"
    fi
    rm -f "$log"
done
# check walks folders and keeps summaries for the cross-year rules
log=$(mktemp)
# shellcheck disable=SC2086
valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
    --error-exitcode=99 --log-file="$log" "$bin" check --format json tests/data $files >/dev/null
rc=$?
if [ $rc -eq 99 ] || [ -s "$log" ]; then
    echo "not ok - valgrind check (exit $rc)"; cat "$log"; fail=1
else
    echo "ok - valgrind check of a folder and the corpus: no error, no leak"
fi
rm -f "$log"
# a failing file on the batch path frees what it took too
log=$(mktemp)
valgrind -q --leak-check=full --errors-for-leak-kinds=all --error-exitcode=99 --log-file="$log" \
    "$bin" export /nonexistent/report.txt tests/data/seed000.txt >/dev/null 2>&1
rc=$?
if [ $rc -eq 99 ] || [ -s "$log" ]; then echo "not ok - valgrind on a missing file"; cat "$log"; fail=1
else echo "ok - valgrind with a missing file in the batch: no error, no leak"; fi
rm -f "$log"
[ $fail -eq 0 ] && echo "4 passed, 0 failed" || echo "valgrind: failed"
exit $fail
