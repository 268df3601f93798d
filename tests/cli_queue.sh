# tests/cli_queue.sh — part of tests/cli.sh, read by it (its helpers, $NB
# and $T are cli.sh's): the console given several reports, a folder or "-"
# (paths on standard input) with no terminal prints the queue's figures; a
# scripted run opens on the queue, with the paths from standard input too.

# ---- the queue of reports ----

mkdir -p "$T/q/sub"
cp tests/data/years/wolong-2024.txt tests/data/years/wolong-2025.txt "$T/q/"
cp tests/data/seed002.txt "$T/q/sub/"
run "$T/q/wolong-2025.txt" "$T/q/sub/seed002.txt"
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$T/out" | tr -d ' ')" = 3 ] &&
    grep -q "^report  *body  *year  *format  *errors  *warnings  *info  *open  *review$" "$T/out" &&
    grep -q "^$T/q/wolong-2025.txt  *卧龙区安皋镇人民政府  *2025  *2021  *2  *0  *0  *2  *not started$" "$T/out" &&
    grep -q "^$T/q/sub/seed002.txt  *原平市崞阳镇人民政府  *2023  *2021  *0  *5  *0  *5  *not started$" "$T/out"; then
    ok "nianbao FILE FILE, no terminal: the queue's figures, a report a line"
else
    notok "nianbao FILE FILE, no terminal: the queue's figures" "exit $rc: $(head -c 600 "$T/out") $(errtext)"
fi

# a folder: its reports, the two years checked against each other
run "$T/q"
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$T/out" | tr -d ' ')" = 4 ] &&
    grep -q "^$T/q/wolong-2025.txt  *卧龙区安皋镇人民政府  *2025  *2021  *3  *1  *0  *4  *not started$" "$T/out"; then
    ok "nianbao DIR, no terminal: every report of the folder, across years too"
else
    notok "nianbao DIR, no terminal" "exit $rc: $(head -c 600 "$T/out") $(errtext)"
fi

# paths on standard input, one a line, blank lines passed over
printf '%s\n\n%s\n' "$T/q/wolong-2024.txt" "$T/q/wolong-2025.txt" | "$NB" - >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$T/out" | tr -d ' ')" = 3 ] &&
    grep -q "^$T/q/wolong-2025.txt .* 3  *1  *0  *4  *not started$" "$T/out"; then
    ok "find … | nianbao -: the paths read from standard input"
else
    notok "find … | nianbao -: the paths read from standard input" "exit $rc: $(head -c 600 "$T/out") $(errtext)"
fi

: | "$NB" - >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "no reports named" "$T/err" && [ ! -s "$T/out" ]; then
    ok "nianbao - with nothing on standard input: exit 2, said"
else
    notok "nianbao - with nothing on standard input" "exit $rc: $(errtext)"
fi

mkdir -p "$T/q-empty"
run "$T/q-empty"
if [ "$rc" -eq 2 ] && grep -q "q-empty: a folder with no reports in it" "$T/err"; then
    ok "nianbao DIR without reports: exit 2, the folder named"
else
    notok "nianbao DIR without reports" "exit $rc: $(errtext)"
fi

# a scripted run on paths from standard input: the queue first, Enter opens
printf ':dump %s\nEnter\n:dump %s\n' "$T/q1.txt" "$T/q2.txt" >"$T/q.script"
printf '%s\n' "$T/q/wolong-2024.txt" "$T/q/wolong-2025.txt" |
    "$NB" --size 100x30 --script "$T/q.script" - >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "a queue of 2 reports" "$T/q1.txt" && grep -q "^▶ wolong-2025.txt" "$T/q1.txt" &&
    grep -q "wolong-2025.txt │ finding 1/4 YEAR.IN_FORCE" "$T/q2.txt"; then
    ok "nianbao --script S -: the queue of the paths on standard input; Enter opens the first"
else
    notok "nianbao --script S -: the queue" "exit $rc: $(errtext) $(head -3 "$T/q1.txt" 2>/dev/null)"
fi

(
    unset LC_ALL LC_MESSAGES LANGUAGE
    LANG=zh_CN.UTF-8
    export LANG
    "$NB" "$T/q" >"$T/out" 2>"$T/err"
)
if grep -q "^报告  *机关  *年度  *格式  *错误  *警告  *提示  *未决  *审阅$" "$T/out" && grep -q "未开始$" "$T/out"; then
    ok "the queue's figures in Chinese under zh_CN"
else
    notok "the queue's figures in Chinese" "$(head -c 400 "$T/out")"
fi
