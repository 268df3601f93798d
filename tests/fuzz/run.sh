#!/bin/sh
# run.sh — run the fuzz targets: each for SECONDS over its seeds
# (seeds.sh), its saved crash reproducers (tests/fuzz/regress/TARGET, which
# must no longer crash) and, unless FUZZ_FRESH is set (make check sets it,
# so that its time does not grow), the corpus earlier runs kept
# (build/fuzz/corpus/TARGET); a crash, a leak, a sanitizer report or an
# input slower than the timeout fails, and what did it is saved under
# build/fuzz/crashes to be looked at (and, once fixed, kept in regress).
# Prints per target the executions and the coverage of the run.
#   sh tests/fuzz/run.sh SECONDS [TARGET...]
set -u
secs=${1:-60}
shift
targets=${*:-report docx html pdf review theme console}
b=build/fuzz
sh tests/fuzz/seeds.sh "$b/seeds" >/dev/null
mkdir -p "$b/crashes"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fail=0
for t in $targets; do
    corpus="$b/corpus/$t"
    if [ -n "${FUZZ_FRESH:-}" ]; then
        corpus="$b/fresh/$t"
        rm -rf "$corpus"
    fi
    mkdir -p "$corpus" "tests/fuzz/regress/$t"
    log="$b/$t.log"
    "$b/fuzz_$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$b/crashes/$t-" "$corpus" "$b/seeds/$t" "tests/fuzz/regress/$t" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1)
    corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        echo "ok - fuzz_$t ${secs}s: ${execs:-?} executions, ${cov:-cov: ?}, ${ft:-ft: ?}, ${corp:-corp: ?} inputs"
    else
        fail=$((fail + 1))
        echo "not ok - fuzz_$t (exit $rc): see $log"
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written|deadly signal|timeout' "$log" | head -8 | sed 's/^/#   /'
    fi
done
[ $fail -eq 0 ]
