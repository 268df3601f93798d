# tests/cli_jobs.sh — part of tests/cli.sh, read by it (its helpers, $NB
# and $T): reports read on several threads (-j N) give the same output, the
# same messages and the same exit status, byte for byte, as one thread —
# every output form, with the pairing of years (the year before listed
# before and after its next year; a guessed year before found ambiguous)
# and without, files that cannot be read among them; two reports of the year
# before, the one not compared said.

corpus=${NIANBAO_CORPUS:-../shared/corpus/real}
set -- tests/data tests/data/years
[ -d "$corpus" ] && set -- "$@" "$corpus"
dirs="$*"
# same_jobs DESC ARGS...: nianbao ARGS with -j 1, -j 2 and -j 5 alike
same_jobs() {
    desc=$1
    shift
    "$NB" "$@" -j 1 >"$T/j1.out" 2>"$T/j1.err"
    r1=$?
    for j in 2 5; do
        "$NB" "$@" -j $j >"$T/jn.out" 2>"$T/jn.err"
        rn=$?
        if [ $rn -ne $r1 ]; then
            notok "$desc: -j $j" "exit $rn, -j 1 exits $r1"; return
        elif ! cmp -s "$T/j1.out" "$T/jn.out"; then
            notok "$desc: -j $j" "standard output differs from -j 1's: $(cmp "$T/j1.out" "$T/jn.out")"; return
        elif ! cmp -s "$T/j1.err" "$T/jn.err"; then
            notok "$desc: -j $j" "standard error differs from -j 1's: $(diff "$T/j1.err" "$T/jn.err" | head -3 | tr '\n' ' ')"; return
        fi
    done
    if [ ! -s "$T/j1.out" ]; then
        notok "$desc" "no output at all"
    else
        ok "$desc: -j 2 and -j 5 as -j 1 ($(wc -c <"$T/j1.out") bytes, exit $r1)"
    fi
}
# shellcheck disable=SC2086
same_jobs "check, the years paired" check $dirs
# shellcheck disable=SC2086
same_jobs "check --format json, the years paired" check --format json $dirs
# shellcheck disable=SC2086
same_jobs "check --no-years" check --no-years $dirs
# shellcheck disable=SC2086
same_jobs "check --summary --format csv" check --summary --format csv $dirs
# shellcheck disable=SC2086
same_jobs "export --format json" export --format json $dirs
# shellcheck disable=SC2086
same_jobs "export --format csv" export --format csv $dirs
same_jobs "export --log --format md" export --log --format md tests/data
same_jobs "the year before listed after its next year" check \
    tests/data/years/wolong-2025.txt tests/data/years/wolong-2024.txt tests/data/seed000.txt
if grep -q "YEAR\.IN_FORCE" "$T/j1.out"; then
    ok "the year before listed after its next year: the years still paired (YEAR.IN_FORCE)"
else
    notok "the year before listed after its next year: the years still paired" "no YEAR.IN_FORCE: $(head -c 300 "$T/j1.out")"
fi
# a report read after one that may be its year before is checked against it at once (a guess); when
# the batch turns out to hold two bodies it could be (福州 and 南京's 鼓楼区, the second read later),
# it is paired with none: run again, no YEAR finding, as checked alone
mkdir -p "$T/guess"
sed 's/卧龙区安皋镇人民政府/福州市鼓楼区人民政府/g' tests/data/years/wolong-2024.txt >"$T/guess/a2024.txt"
sed 's/卧龙区安皋镇人民政府/鼓楼区人民政府/g' tests/data/years/wolong-2025.txt >"$T/guess/b2025.txt"
"$NB" check -j 1 "$T/guess" 2>&1 | grep -c "b2025.txt.*YEAR\." >"$T/g1.n"
sed 's/卧龙区安皋镇人民政府/南京市鼓楼区人民政府/g' tests/data/years/wolong-2024.txt >"$T/guess/c2024.txt"
"$NB" check -j 1 "$T/guess" 2>&1 | grep "b2025.txt" >"$T/g2.out"
"$NB" check --no-years "$T/guess/b2025.txt" 2>&1 | grep "b2025.txt" >"$T/g3.out"
if [ "$(cat "$T/g1.n")" -ge 1 ] && ! grep -q "YEAR\." "$T/g2.out" && cmp -s "$T/g2.out" "$T/g3.out"; then
    ok "a guessed year before that turns out ambiguous: run again with none, as checked alone"
else
    notok "a guessed year before that turns out ambiguous" "$(cat "$T/g1.n") YEAR findings with one 2024; with two: $(grep "YEAR" "$T/g2.out" | head -2)"
fi
same_jobs "the year before guessed, then found ambiguous" check "$T/guess"
"$NB" check --no-years tests/data/years/wolong-2025.txt tests/data/years/wolong-2024.txt >"$T/ny.out" 2>&1
if grep -q "YEAR\." "$T/ny.out"; then
    notok "--no-years pairs nothing" "$(grep "YEAR\." "$T/ny.out" | head -2)"
else
    ok "--no-years pairs nothing"
fi
expect_usage_error "-j 0: the number of threads refused" "from 1 to 256" check -j 0 tests/data/seed000.txt
expect_usage_error "-j x: the number of threads refused" "from 1 to 256" export -j x tests/data/seed000.txt
# under zh the program's name is followed by a full-width colon, as every
# message of the command line is (the engine's refusal was ASCII)
LC_ALL=zh_CN.UTF-8 "$NB" check -j x tests/data/seed000.txt tests/data/seed001.txt >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(cat "$T/err")" = "nianbao：-j x：线程数应为 1 到 256 之间的整数" ] && [ ! -s "$T/out" ]; then
    ok "-j x under zh: the name, a full-width colon, the reason in Chinese"
else
    notok "-j x under zh: the name, a full-width colon, the reason in Chinese" "exit $rc; stderr: $(errtext)"
fi
# outputs past the budget held in memory go to the spool: the same output
NIANBAO_SPOOL_AFTER=1 "$NB" check -j 2 tests/data tests/data/years >"$T/sp.out" 2>"$T/sp.err"
r1=$?
"$NB" check -j 2 tests/data tests/data/years >"$T/mem.out" 2>"$T/mem.err"
r2=$?
if [ $r1 -eq $r2 ] && cmp -s "$T/sp.out" "$T/mem.out" && cmp -s "$T/sp.err" "$T/mem.err"; then
    ok "outputs in the spool as held in memory (exit $r1)"
else
    notok "outputs in the spool as held in memory" "exit $r1 and $r2: $(cmp "$T/sp.out" "$T/mem.out")"
fi
# a batch held in memory needs no spool; one that needs it and cannot make it: said, naming the folder, exit 2
TMPDIR="$T/no-such-folder" "$NB" check tests/data/years >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$T/err" ]; then
    ok "a small batch that pairs years needs no spool"
else
    notok "a small batch that pairs years needs no spool" "exit $rc: $(errtext)"
fi
NIANBAO_SPOOL_AFTER=1 TMPDIR="$T/no-such-folder" "$NB" check tests/data/years >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "cannot be created in $T/no-such-folder" "$T/err"; then
    ok "a spool that cannot be made: exit 2, the folder named"
else
    notok "a spool that cannot be made: exit 2, the folder named" "exit $rc: $(errtext)"
fi
TMPDIR="$T/no-such-folder" "$NB" check --no-years tests/data/years >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$T/err" ]; then
    ok "--no-years needs no spool (each output written in turn)"
else
    notok "--no-years needs no spool" "exit $rc: $(errtext)"
fi

# two reports of one body for the year before (the report and a revised copy): the later year is
# checked against the first, and the other is said not compared (not passed over in silence)
mkdir -p "$T/twice"
cp tests/data/seed001.txt "$T/twice/y2024.txt"
sed 's/^四、结转下年度继续办理\t\t0\t/四、结转下年度继续办理\t\t2\t/' tests/data/seed001.txt >"$T/twice/y2024-revised.txt"
sed 's/2024 年政府信息公开工作年度报告/2025 年政府信息公开工作年度报告/; s/^二、上年结转政府信息公开申请数量\t\t0\t/二、上年结转政府信息公开申请数量\t\t2\t/' \
    tests/data/seed001.txt >"$T/twice/y2025.txt"
same_jobs "check, two reports of the year before" check "$T/twice"
"$NB" check "$T/twice" >"$T/out" 2>"$T/err"
if grep -q "^nianbao: $T/twice/y2025.txt: checked against $T/twice/y2024-revised.txt of 2024; $T/twice/y2024.txt, of its body for 2024 too, not compared$" "$T/err" &&
    [ "$(grep -c 'not compared' "$T/err")" -eq 1 ] &&
    LC_ALL=zh_CN.UTF-8 "$NB" check "$T/twice" 2>&1 >/dev/null | grep -q "：已与上一年报告 $T/twice/y2024-revised.txt（2024 年）比对；$T/twice/y2024.txt 也是同一机关 2024 年的报告，未比对$"; then
    ok "check: the other report of the year before said not compared, in English and Chinese"
else
    notok "check: the other report of the year before said not compared" "$(errtext)"
fi
