# tests/cli_rules.sh — part of tests/cli.sh, read by it (its helpers, $NB
# and $T are cli.sh's): check --summary (the metrics as CSV, a table and
# JSON lines), the rule settings on the command line (--disable, --enable,
# --severity-of) and in configuration files (the user's, .nianbao, the
# nearest wins, root = true, malformed lines said with file and line).

# ---- check --summary: the metrics of each report ----

# a report with known numbers: 10 new and handled (6 granted, 2 partial, 1
# denied, 1 unable), reviews 1 corrected of 4, suits 0 corrected of 1
mkdir -p "$T/m/a" "$T/m/b"
Z='\t0\t0\t0\t0\t0\t0\t0'
sed -e "/本年新收/s/$Z/\t10\t0\t0\t0\t0\t0\t10/" -e "/予以公开/s/$Z/\t6\t0\t0\t0\t0\t0\t6/" \
    -e "/部分公开/s/$Z/\t2\t0\t0\t0\t0\t0\t2/" -e "/属于国家秘密/s/$Z/\t1\t0\t0\t0\t0\t0\t1/" \
    -e "/本机关不掌握/s/$Z/\t1\t0\t0\t0\t0\t0\t1/" -e "/(七) 总计/s/$Z/\t10\t0\t0\t0\t0\t0\t10/" \
    -e 's/^0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0$/3\t1\t0\t0\t4\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0/' \
    tests/data/seed001.txt >"$T/m/a/known.txt"
cp tests/data/seed001.txt "$T/m/a/zeros.txt" # every denominator 0
cp tests/data/seed000.txt "$T/m/b/errors.txt"
# the counts below are of two rules, whatever rules the table gains
printf 'disable = *\nenable = STRUCT.MISSING, LABEL.DEVIATES\n' >"$T/m/.nianbao"
header=file,agency,year,new,handled,carried_out,granted,partial,denied,review_corrected,review_total,suit_corrected,suit_total,disclosure_rate,denial_rate,review_correction_rate,suit_correction_rate,errors,warnings,info,review,decided,to_decide
run check --summary "$T/m/a/known.txt" "$T/m/a/zeros.txt"
if [ "$rc" -eq 0 ] && [ "$(sed -n 1p "$T/out" | tr -d '\r')" = "$header" ] &&
    [ "$(sed -n 2p "$T/out" | tr -d '\r')" = "$T/m/a/known.txt,卧龙区安皋镇人民政府,2024,10,10,0,6,2,1,1,4,0,1,80.0,10.0,25.0,0.0,0,0,0,not_started,0,0" ] &&
    [ "$(sed -n 3p "$T/out" | tr -d '\r')" = "$T/m/a/zeros.txt,卧龙区安皋镇人民政府,2024,0,0,0,0,0,0,0,0,0,0,,,,,0,0,0,not_started,0,0" ] &&
    [ "$(wc -l <"$T/out" | tr -d ' ')" = 3 ] && [ ! -s "$T/err" ]; then
    ok "check --summary into a pipe: CSV, the known numbers and rates, empty rates over 0"
else
    notok "check --summary into a pipe: CSV" "exit $rc: $(head -c 600 "$T/out") $(errtext)"
fi
run check --summary --format csv --bom "$T/m/b/errors.txt"
bom=$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' \n')
if [ "$rc" -eq 1 ] && [ "$bom" = efbbbf ] &&
    grep -q "^$T/m/b/errors.txt,文水县开栅镇,2024,,0,0,0,0,0,0,0,0,0,,,,,6,1,0,not_started,0,6" "$T/out"; then
    ok "check --summary --format csv --bom: a byte-order mark; a missing row gives an empty count; exit 1 with errors"
else
    notok "check --summary --format csv --bom" "exit $rc, first bytes $bom: $(head -c 600 "$T/out")"
fi
run check --bom "$T/m/a/known.txt"
[ "$rc" -eq 2 ] && grep -q -- "--bom goes with --summary" "$T/err" && [ ! -s "$T/out" ] &&
    ok "check --bom without --summary: exit 2" || notok "check --bom without --summary" "exit $rc: $(errtext)"
NBABS=$(cd "$(dirname "$NB")" && pwd)/$(basename "$NB")
(cd "$T/m/a" && COLUMNS=140 "$NBABS" check --summary --format text known.txt zeros.txt >"$T/out" 2>"$T/err")
rc=$?
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$T/out" | tr -d ' ')" = 3 ] &&
    sed -n 1p "$T/out" | grep -q '^report  *body  *year  *new  *handled  *carried out  *disclosure  *denial  *review corr\.  *suit corr\.  *errors  *warnings  *info  *review$' &&
    sed -n 2p "$T/out" | grep -q '^known\.txt  卧龙区安皋镇…  2024   10       10            0       80\.0%   10\.0%         25\.0%        0\.0%       0         0     0  not started$' &&
    sed -n 3p "$T/out" | grep -q '^zeros\.txt  卧龙区安皋镇…  2024    0        0            0           —       —             —           —       0         0     0  not started$'; then
    ok "check --summary --format text: a table, the body cut to fit COLUMNS at a character boundary, — for no rate"
else
    notok "check --summary --format text" "exit $rc: $(cat "$T/out")"
fi
(
    unset LC_ALL LC_MESSAGES LANGUAGE
    LANG=zh_CN.UTF-8
    export LANG
    "$NB" check --summary --format text "$T/m/a/known.txt" >"$T/out" 2>"$T/err"
)
if sed -n 1p "$T/out" | grep -q '^报告  *机关  *年度  *新收  *办结  *结转  *公开率  *不予公开率  *复议纠错率  *诉讼纠错率  *错误  *警告  *提示  *审阅$' &&
    sed -n 2p "$T/out" | grep -q ' 卧龙区安皋镇人民政府  2024    10    10     0   80\.0%       10\.0%       25\.0%        0\.0%     0     0     0  未开始$'; then
    ok "check --summary in Chinese: headed in Chinese, aligned by display columns"
else
    notok "check --summary in Chinese" "$(cat "$T/out")"
fi
run check --summary --format json "$T/m/a/known.txt" "$T/m/a/zeros.txt"
if [ "$rc" -eq 0 ] && [ -n "$PY" ] && $PY -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 2, rows
k, z = rows
assert k["new"] == 10 and k["handled"] == 10 and k["disclosure_rate"] == 80.0 and k["denial_rate"] == 10.0, k
assert k["review_correction_rate"] == 25.0 and k["suit_correction_rate"] == 0.0 and k["review"] == "not_started", k
assert z["handled"] == 0 and z["disclosure_rate"] is None and z["suit_correction_rate"] is None, z
assert list(k)[:3] == ["file", "agency", "year"] and k["year"] == 2024, k
' "$T/out"; then
    ok "check --summary --format json: a line a report, null for a rate over 0"
else
    notok "check --summary --format json" "exit $rc: $(head -c 400 "$T/out")"
fi
run export "$T/m/a/known.txt"
if [ -n "$PY" ] && $PY -c '
import json, sys
m = json.loads(open(sys.argv[1]).read())["metrics"]
assert m["disclosure_rate"] == 80.0 and m["review_total"] == 4 and m["suit_total"] == 1 and m["errors"] == 0, m
' "$T/out"; then
    ok "export json: the report's metrics"
else
    notok "export json: the report's metrics" "$(tail -c 400 "$T/out")"
fi
# the state of the review: one error decided of six
"$NB" check --format json "$T/m/b/errors.txt" >"$T/out"
fp=$(tr '{' '\n' <"$T/out" | grep '"rule":"STRUCT.MISSING"' | sed -n 's/.*"fingerprint":"\([0-9a-f]*\)".*/\1/p' | head -1)
printf 'nianbao-review 1\nreport "errors.txt"\ndecide finding=%s rule=STRUCT.MISSING state=confirmed by="ann" at=2026-11-22T07:21:00+08:00\n' "$fp" \
    >"$T/m/b/errors.txt.review"
run check --summary --format csv "$T/m/b/errors.txt"
grep -q ",6,1,0,in_progress,1,6" "$T/out" && ok "check --summary: a review in progress, 1 of 6 errors decided" ||
    notok "check --summary: review in progress" "fp=$fp: $(tail -1 "$T/out")"
rm -f "$T/m/b/errors.txt.review"

# ---- rule settings: the command line ----

run check "$T/m/b/errors.txt"
all=$(tail -1 "$T/out")
run check --disable STRUCT.MISSING "$T/m/b/errors.txt"
if [ "$rc" -eq 0 ] && [ "$all" = "$T/m/b/errors.txt: 6 errors, 1 warning, 0 info" ] &&
    [ "$(tail -1 "$T/out")" = "$T/m/b/errors.txt: 0 errors, 1 warning, 0 info" ] && ! grep -q STRUCT.MISSING "$T/out"; then
    ok "--disable: the rule reports nothing, and the exit status follows"
else
    notok "--disable" "exit $rc: $all / $(tail -1 "$T/out")"
fi
run check --disable 'STRUCT.*,LABEL.*' --enable LABEL.DEVIATES "$T/m/b/errors.txt"
[ "$rc" -eq 0 ] && [ "$(tail -1 "$T/out")" = "$T/m/b/errors.txt: 0 errors, 1 warning, 0 info" ] &&
    ok "--disable with patterns, --enable after it turns one back on" || notok "--disable patterns, --enable" "exit $rc: $(tail -1 "$T/out")"
run check --severity-of STRUCT.MISSING=warning --severity-of 'LABEL.*=info' "$T/m/b/errors.txt"
if [ "$rc" -eq 0 ] && [ "$(tail -1 "$T/out")" = "$T/m/b/errors.txt: 0 errors, 6 warnings, 1 info" ] &&
    grep -q "^$T/m/b/errors.txt:[0-9]*:[0-9]*: warning: STRUCT.MISSING: " "$T/out" &&
    grep -q ": info: LABEL.DEVIATES: " "$T/out"; then
    ok "--severity-of (repeated): the level shown and counted for the exit status"
else
    notok "--severity-of" "exit $rc: $(tail -3 "$T/out")"
fi
run check --severity-of STRUCT.MISSING=warning --severity error "$T/m/b/errors.txt"
[ "$rc" -eq 0 ] && ! grep -q "STRUCT.MISSING" "$T/out" && ok "--severity filters the levels --severity-of gives" ||
    notok "--severity after --severity-of" "exit $rc"
expect_usage_error "--disable an unknown rule: exit 2, named" "nianbao check: --disable: unknown rule T3.BALANC (nianbao rules lists them)" \
    check --disable T3.BALANC "$T/m/a/known.txt"
expect_usage_error "--enable a lower-case ID: exit 2, the rule it means" "unknown rule t3.balance (did you mean T3.BALANCE?)" \
    check --enable t3.balance "$T/m/a/known.txt"
expect_usage_error "--disable a pattern matching nothing: exit 2" "nianbao export: --disable: NOPE.* matches no rule" \
    export --disable 'NOPE.*' "$T/m/a/known.txt"
expect_usage_error "--severity-of a bad level: exit 2" "nianbao check: --severity-of: unknown level \"loud\" for T3.BALANCE (info, warning or error)" \
    check --severity-of T3.BALANCE=loud "$T/m/a/known.txt"
expect_usage_error "--severity-of without a level: exit 2" "expected RULE=LEVEL, not T3.BALANCE" \
    check --severity-of T3.BALANCE "$T/m/a/known.txt"
(
    unset LC_ALL LC_MESSAGES LANGUAGE
    LANG=zh_CN.UTF-8
    export LANG
    "$NB" check --disable T3.BALANC "$T/m/a/known.txt" >"$T/out" 2>"$T/err"
    echo $? >"$T/rc"
)
[ "$(cat "$T/rc")" = 2 ] && grep -q "nianbao check：--disable：未知规则 T3.BALANC" "$T/err" &&
    ok "an unknown rule in Chinese under LANG=zh_CN.UTF-8" || notok "an unknown rule in Chinese" "$(errtext)"

# ---- rule settings: configuration files ----

mkdir -p "$T/xdg/nianbao" "$T/m/b/c"
cp tests/data/seed000.txt "$T/m/b/c/deep.txt"
# the user: labels only worth a look, and off (but $T/m/.nianbao turns them on)
printf '# the user\ndisable = LABEL.DEVIATES\nseverity-of = LABEL.DEVIATES=info\n' >"$T/xdg/nianbao/config"
printf 'severity-of = STRUCT.MISSING=warning\n' >>"$T/m/.nianbao"
printf 'severity-of = STRUCT.MISSING=info # nearer\n' >"$T/m/b/c/.nianbao"
run check "$T/m/b/errors.txt" "$T/m/b/c/deep.txt"
if [ "$rc" -eq 0 ] && grep -q "^$T/m/b/errors.txt: 0 errors, 6 warnings, 1 info$" "$T/out" &&
    grep -q "^$T/m/b/c/deep.txt: 0 errors, 0 warnings, 7 info$" "$T/out"; then
    ok "configuration files: the user's, then each .nianbao from the farthest, the nearest wins rule by rule"
else
    notok "configuration files" "exit $rc: $(grep ' errors, ' "$T/out")"
fi
run check --severity-of STRUCT.MISSING=error --severity-of LABEL.DEVIATES=warning "$T/m/b/c/deep.txt"
[ "$rc" -eq 1 ] && [ "$(tail -1 "$T/out")" = "$T/m/b/c/deep.txt: 6 errors, 1 warning, 0 info" ] &&
    ok "the command line wins over the files" || notok "the command line wins" "exit $rc: $(tail -1 "$T/out")"
run check --no-config --disable '*' --enable STRUCT.MISSING,LABEL.DEVIATES "$T/m/b/c/deep.txt"
[ "$rc" -eq 1 ] && [ "$(tail -1 "$T/out")" = "$T/m/b/c/deep.txt: 6 errors, 1 warning, 0 info" ] &&
    ok "--no-config reads no file" || notok "--no-config" "exit $rc: $(tail -1 "$T/out")"
run export --format json "$T/m/b/c/deep.txt"
if grep -q '"rule":"STRUCT.MISSING","severity":"info"' "$T/out" && grep -q '"rule":"LABEL.DEVIATES","severity":"info"' "$T/out" &&
    ! grep -q '"severity":"error"' "$T/out" && grep -q '"errors":0,"warnings":0,"info":7' "$T/out"; then
    ok "export applies the configuration to its findings and metrics"
else
    notok "export applies the configuration" "$(tail -c 300 "$T/out")"
fi
printf 'disable = DATE.LATE\n\nseverity-of = STRUCT.MISSING=fatal\n' >"$T/m/b/c/.nianbao"
run check "$T/m/b/c/deep.txt" "$T/m/b/errors.txt" "$T/m/b/c/deep.txt"
if [ "$rc" -eq 2 ] && [ "$(grep -c "$T/m/b/c/.nianbao:3: unknown level \"fatal\" for STRUCT.MISSING (info, warning or error)" "$T/err")" = 1 ] &&
    grep -q "^$T/m/b/errors.txt: 0 errors, 6 warnings" "$T/out" && ! grep -q "deep.txt" "$T/out"; then
    ok "a malformed .nianbao: said once with its file and line, its reports not checked, the others are, exit 2"
else
    notok "a malformed .nianbao" "exit $rc: $(errtext) $(grep -c . "$T/out")"
fi
printf 'root = true\ndisable = *\nenable = STRUCT.MISSING\n' >"$T/m/b/c/.nianbao"
printf 'root = true\n' >"$T/xdg/nianbao/config"
run check "$T/m/a/known.txt"
[ "$rc" -eq 2 ] && grep -F -q "$T/xdg/nianbao/config:1: root belongs in a folder's .nianbao file" "$T/err" &&
    ok "a malformed user's configuration: its file and line, exit 2" || notok "a malformed user's configuration" "exit $rc: $(errtext)"
rm -f "$T/xdg/nianbao/config"
run check "$T/m/b/c/deep.txt"
[ "$rc" -eq 1 ] && [ "$(tail -1 "$T/out")" = "$T/m/b/c/deep.txt: 6 errors, 0 warnings, 0 info" ] &&
    ok "root = true: the files above are not read" || notok "root = true" "exit $rc: $(tail -1 "$T/out")"
