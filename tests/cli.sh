#!/bin/sh
# tests/cli.sh — the nianbao command's exit status, messages and output
# formats.  Run from the repository root:  sh tests/cli.sh ./nianbao
# Prints "ok - ..." or "not ok - ..." per check, then "N passed, M failed";
# exits 1 if any check failed.

NB=${1:-./nianbao}
if [ ! -x "$NB" ]; then
    echo "not ok - $NB is not an executable (run make first)"
    echo "0 passed, 1 failed"
    exit 1
fi
if [ ! -f tests/data/seed001.txt ]; then
    echo "not ok - run from the repository root (tests/data/seed001.txt not found)"
    echo "0 passed, 1 failed"
    exit 1
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-cli.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'rm -rf "$T"; exit 1' HUP INT TERM

# English messages, whatever the caller's locale.
unset LANG LANGUAGE LC_MESSAGES
LC_ALL=C.UTF-8
export LC_ALL
# No rule settings of the caller's: only the configuration files the tests
# write ($T/.nianbao stops the search for files above $T).
XDG_CONFIG_HOME="$T/xdg"
export XDG_CONFIG_HOME
printf 'root = true\n' >"$T/.nianbao"

PY=
command -v python3 >/dev/null 2>&1 && PY=python3

pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
notok() {
    fail=$((fail + 1))
    echo "not ok - $1"
    [ -n "$2" ] && printf '#   %s\n' "$2"
    return 0
}
skip() { echo "skip - $1"; }

# run ARGS...: runs nianbao; sets rc, stdout in $T/out, stderr in $T/err.
run() {
    "$NB" "$@" >"$T/out" 2>"$T/err"
    rc=$?
}
errtext() { head -c 400 "$T/err" | tr '\n' ' '; }

# expect_io_error DESC NAME WORD ARGS...: exit 2, nothing on stdout, stderr
# names NAME and contains WORD.
expect_io_error() {
    desc=$1 name=$2 word=$3
    shift 3
    run "$@"
    if [ "$rc" -ne 2 ]; then
        notok "$desc" "exit $rc, expected 2; stderr: $(errtext)"
    elif ! grep -F -q -- "$name" "$T/err"; then
        notok "$desc" "stderr does not name $name: $(errtext)"
    elif ! grep -F -q -- "$word" "$T/err"; then
        notok "$desc" "stderr lacks \"$word\": $(errtext)"
    elif [ -s "$T/out" ]; then
        notok "$desc" "unexpected output on stdout"
    else
        ok "$desc"
    fi
}

# expect_usage_error DESC WORD ARGS...: exit 2, stderr contains WORD, no stdout.
expect_usage_error() {
    desc=$1 word=$2
    shift 2
    run "$@"
    if [ "$rc" -ne 2 ]; then
        notok "$desc" "exit $rc, expected 2; stderr: $(errtext)"
    elif ! grep -F -q -- "$word" "$T/err"; then
        notok "$desc" "stderr lacks \"$word\": $(errtext)"
    elif [ -s "$T/out" ]; then
        notok "$desc" "unexpected output on stdout"
    else
        ok "$desc"
    fi
}

# ---- files nianbao must refuse ----

expect_io_error "missing file: exit 2, named" "$T/missing.txt" "no such file" \
    export --format json "$T/missing.txt"

: >"$T/empty.txt"
expect_io_error "empty file: exit 2, named" "$T/empty.txt" "empty" \
    export --format json "$T/empty.txt"

head -c 2000 /bin/ls >"$T/binary.txt"
expect_io_error "binary file: exit 2, named" "$T/binary.txt" "binary" \
    export --format json "$T/binary.txt"

if command -v truncate >/dev/null 2>&1; then
    truncate -s 67108865 "$T/big.txt"
else
    dd if=/dev/null of="$T/big.txt" bs=1 seek=67108865 2>/dev/null
fi
if [ "$(wc -c <"$T/big.txt" | tr -d ' ')" = 67108865 ]; then
    expect_io_error "file over 64 MiB: exit 2, named" "$T/big.txt" "64 MiB" \
        export --format json "$T/big.txt"
else
    notok "file over 64 MiB: could not make the sparse file"
fi
rm -f "$T/big.txt"

printf 'line one\nline \377\376 two\n' >"$T/badenc.txt"
expect_io_error "invalid encoding: exit 2, named with the line" "$T/badenc.txt:2:" "neither UTF-8 nor GB18030" \
    export --format json "$T/badenc.txt"

mkdir "$T/dir.txt"
expect_io_error "an empty folder: exit 2, named" "$T/dir.txt" "no reports" \
    export --format json "$T/dir.txt"

# A good file and a missing one: exit 2, the good one still exported.
run export --format json tests/data/seed001.txt "$T/gone.txt"
if [ "$rc" -eq 2 ] && grep -F -q "$T/gone.txt" "$T/err" && [ "$(wc -l <"$T/out" | tr -d ' ')" = 1 ] &&
    grep -F -q '"file":"tests/data/seed001.txt"' "$T/out"; then
    ok "good and missing file: exit 2, the good one exported"
else
    notok "good and missing file: exit 2, the good one exported" "exit $rc; stderr: $(errtext)"
fi

# ---- usage errors ----

expect_usage_error "unknown option: exit 2" "--bogus" export --bogus tests/data/seed001.txt
expect_usage_error "unknown --format: exit 2" "xml" export --format xml tests/data/seed001.txt
expect_usage_error "unknown --format=: exit 2" "yaml" export --format=yaml tests/data/seed001.txt
expect_usage_error "export without files: exit 2" "usage" export
expect_usage_error "export --format json without files: exit 2" "usage" export --format json
expect_usage_error "no arguments: exit 2" "usage" 
expect_usage_error "unknown top-level option: exit 2" "usage" --bogus

run --help
if [ "$rc" -eq 0 ] && grep -q "nianbao export" "$T/out"; then
    ok "--help: exit 0, usage on stdout"
else
    notok "--help: exit 0, usage on stdout" "exit $rc"
fi
for args in "check --help" "export --format json -h tests/data/seed001.txt" "tests/data/seed001.txt --help"; do
    # shellcheck disable=SC2086
    run $args
    if [ "$rc" -eq 0 ] && grep -q "nianbao export" "$T/out" && [ ! -s "$T/err" ]; then
        ok "$args: exit 0, usage on stdout"
    else
        notok "$args: exit 0, usage on stdout" "exit $rc; stderr: $(errtext)"
    fi
done
run check -- --help
if [ "$rc" -eq 2 ] && grep -q -- "--help" "$T/err" && ! grep -q "nianbao export" "$T/out"; then
    ok "check -- --help: a file named --help"
else
    notok "check -- --help: a file named --help" "exit $rc; stderr: $(errtext)"
fi

# ---- JSON ----

run export --format json tests/data/seed001.txt
cp "$T/out" "$T/seed001.json"
lines=$(wc -l <"$T/out" | tr -d ' ')
if [ "$rc" -eq 0 ] && [ "$lines" = 1 ] && [ ! -s "$T/err" ]; then
    ok "export json: exit 0, one line, nothing on stderr"
else
    notok "export json: exit 0, one line, nothing on stderr" "exit $rc, $lines lines; stderr: $(errtext)"
fi
if grep -F -q '"t3.new.total"' "$T/out"; then
    ok "export json: has t3.new.total"
else
    notok "export json: has t3.new.total"
fi
if [ -n "$PY" ]; then
    if $PY -c 'import json,sys; json.loads(sys.stdin.read())' <"$T/out" 2>"$T/pyerr"; then
        ok "export json: valid JSON"
    else
        notok "export json: valid JSON" "$(head -c 300 "$T/pyerr")"
    fi
else
    skip "export json: valid JSON (no python3)"
fi

# JSON is the default format; -o writes the same to a file.
run export tests/data/seed001.txt
if [ "$rc" -eq 0 ] && [ -s "$T/out" ] && cmp -s "$T/out" "$T/seed001.json"; then
    ok "export: json is the default"
else
    notok "export: json is the default" "exit $rc"
fi
run export --format json -o "$T/o.json" tests/data/seed001.txt
if [ "$rc" -eq 0 ] && [ ! -s "$T/out" ] && [ -s "$T/o.json" ] && cmp -s "$T/o.json" "$T/seed001.json"; then
    ok "export -o: the same JSON in the file, nothing on stdout"
else
    notok "export -o: the same JSON in the file, nothing on stdout" "exit $rc"
fi

# ---- CSV ----

run export --format csv tests/data/seed001.txt
first=$(head -n 1 "$T/out" | tr -d '\r')
if [ "$rc" -eq 0 ] && [ "$first" = "file,id,value,raw,status,line" ]; then
    ok "export csv: header line"
else
    notok "export csv: header line" "exit $rc, first line: $first"
fi
if grep -q '^tests/data/seed001.txt,t3.new.total,[0-9]' "$T/out"; then
    ok "export csv: a row for t3.new.total with a value"
else
    notok "export csv: a row for t3.new.total with a value"
fi
if [ "$rc" -eq 0 ] && [ "$(head -c 4 "$T/out")" = "file" ]; then
    ok "export csv: no BOM without --bom"
else
    notok "export csv: no BOM without --bom"
fi

run export --format csv --bom tests/data/seed001.txt
bom=$(head -c 3 "$T/out" | od -An -tx1 | tr -d ' \n')
after=$(head -n 1 "$T/out" | tail -c +4 | tr -d '\r')
if [ "$rc" -eq 0 ] && [ "$bom" = efbbbf ] && [ "$after" = "file,id,value,raw,status,line" ]; then
    ok "export csv --bom: starts with EF BB BF, then the header"
else
    notok "export csv --bom: starts with EF BB BF, then the header" "exit $rc, first bytes $bom"
fi

# ---- a GB18030 copy gives the same cells ----

if iconv -f UTF-8 -t GB18030 tests/data/seed003.txt >"$T/seed003-gb.txt" 2>/dev/null &&
    ! cmp -s tests/data/seed003.txt "$T/seed003-gb.txt"; then
    run export --format json tests/data/seed003.txt
    rc_u=$rc
    cp "$T/out" "$T/u.json"
    run export --format json "$T/seed003-gb.txt"
    rc_g=$rc
    cp "$T/out" "$T/g.json"
    if [ "$rc_u" -ne 0 ] || [ "$rc_g" -ne 0 ]; then
        notok "GB18030 copy: exported" "exit $rc_u and $rc_g; stderr: $(errtext)"
    elif [ -n "$PY" ]; then
        if $PY - "$T/u.json" "$T/g.json" tests/data/seed003.txt "$T/seed003-gb.txt" >"$T/pyerr" 2>&1 <<'EOF'
import json, sys
u = json.load(open(sys.argv[1], encoding="utf-8"))
g = json.load(open(sys.argv[2], encoding="utf-8"))
files = {"UTF-8": (open(sys.argv[3], "rb").read(), "utf-8"),
         "GB18030": (open(sys.argv[4], "rb").read(), "gb18030")}
errs = []
if u["encoding"] != "UTF-8" or g["encoding"] != "GB18030":
    errs.append("encodings %s / %s" % (u["encoding"], g["encoding"]))
if not u["cells"]:
    errs.append("no cells")
# offsets and lengths are in the file's own bytes; all else is the same
def strip(cells):
    return {k: {f: v for f, v in c.items() if f not in ("offset", "length")} for k, c in cells.items()}
if strip(u["cells"]) != strip(g["cells"]):
    errs.append("cells differ")
for key in ("missing", "labels", "year", "agency", "format"):
    if u[key] != g[key]:
        errs.append(key + " differs")
# each cell's offset and length point at its raw text in the file
for doc in (u, g):
    data, codec = files[doc["encoding"]]
    for k, c in doc["cells"].items():
        got = data[c["offset"]:c["offset"] + c["length"]].decode(codec, "replace")
        if got != c["raw"]:
            errs.append("%s %s: bytes at %d give %r, raw %r" % (doc["encoding"], k, c["offset"], got, c["raw"]))
            break
print("; ".join(errs[:5]))
sys.exit(1 if errs else 0)
EOF
        then
            ok "GB18030 copy: same cells as UTF-8, offsets in the file's bytes"
        else
            notok "GB18030 copy: same cells as UTF-8, offsets in the file's bytes" "$(head -c 400 "$T/pyerr")"
        fi
    else
        # Without python3: the cells text with offsets and lengths removed.
        cells() { sed -e 's/.*"cells":{//' -e 's/},"missing":.*//' -e 's/,"offset":[0-9]*,"length":[0-9]*//g' "$1"; }
        if [ "$(cells "$T/u.json")" = "$(cells "$T/g.json")" ] && [ -n "$(cells "$T/u.json")" ] &&
            grep -F -q '"encoding":"GB18030"' "$T/g.json"; then
            ok "GB18030 copy: same cells as UTF-8"
        else
            notok "GB18030 copy: same cells as UTF-8"
        fi
    fi
else
    notok "GB18030 copy: iconv could not convert tests/data/seed003.txt"
fi

# ---- messages in Chinese ----

# The language follows LANG/LC_ALL/LC_MESSAGES even where the zh_CN locale is
# not installed (the messages are nianbao's own).
if true; then
    (
        unset LC_ALL LC_MESSAGES LANGUAGE
        LANG=zh_CN.UTF-8
        export LANG
        "$NB" export --format json "$T/missing.txt" >"$T/out" 2>"$T/err"
        echo $? >"$T/rc"
    )
    rc=$(cat "$T/rc")
    if [ "$rc" -eq 2 ] && grep -F -q "文件不存在" "$T/err" && grep -F -q "$T/missing.txt" "$T/err"; then
        ok "LANG=zh_CN.UTF-8: missing-file message in Chinese"
    else
        notok "LANG=zh_CN.UTF-8: missing-file message in Chinese" "exit $rc; stderr: $(errtext)"
    fi
else
    skip "LANG=zh_CN.UTF-8: missing-file message in Chinese (no zh_CN.UTF-8 locale)"
fi

# The system's error text in Chinese too: export -o into a folder that is not there.
LC_ALL=zh_CN.UTF-8 "$NB" export --format json -o "$T/no-such-folder/out.json" tests/data/seed000.txt >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -F -q "nianbao：$T/no-such-folder/out.json：无法写入：没有那个文件或目录" "$T/err" &&
    ! sed "s|$T/no-such-folder/out.json||; s|nianbao||" "$T/err" | grep -q "[A-Za-z]"; then
    ok "LC_ALL=zh_CN.UTF-8: export -o into a missing folder says why in Chinese"
else
    notok "LC_ALL=zh_CN.UTF-8: export -o into a missing folder says why in Chinese" "exit $rc; stderr: $(errtext)"
fi


# ---- the review file beside a report ----
# tests/data/review.txt is the seed 002 with its 统计期限, 社会评议 and 责任追究
# and 信息处理费 stated on lines it already had: its findings are the three
# the review work below walks (two CELL.BLANK, one LABEL.DEVIATES).

cp tests/data/review.txt "$T/r.txt"
sha=$(sha256sum "$T/r.txt" | cut -d' ' -f1)
"$NB" check --format json "$T/r.txt" >"$T/out"
fp=$(tr ',' '\n' <"$T/out" | grep -A6 '"cells":\["t2.normative.in_force"\]' | sed -n 's/.*"fingerprint":"\([0-9a-f]*\)".*/\1/p' | head -1)
cat >"$T/r.txt.review" <<REV
nianbao-review 1
report "r.txt"
sha256 $sha
correct cell=t2.regulation.in_force value="0" was="" by="alice" at=2026-11-22T07:20:00+08:00
decide finding=$fp rule=CELL.BLANK state=dismissed by="bob" at=2026-11-22T07:21:00+08:00 reason="none issued"
REV
run check "$T/r.txt"
if [ "$rc" -eq 0 ] && grep -q "r.txt: 0 errors, 1 warning" "$T/out" && grep -q "dismissed by bob: none issued" "$T/out" &&
    ! grep -q "t2.regulation.in_force is blank" "$T/out"; then
    ok "check reads REPORT.review: corrections applied, decisions shown"
else
    notok "check reads REPORT.review" "fp=$fp exit $rc: $(head -c 400 "$T/out")"
fi
# a folder walked: the review beside its report is read (the walk tells which have one)
mkdir -p "$T/walked/sub" && cp "$T/r.txt" "$T/r.txt.review" "$T/walked/sub/" && cp tests/data/review.txt "$T/walked/a.txt"
run check --no-years "$T/walked"
if grep -q "sub/r.txt: 0 errors, 1 warning" "$T/out" && grep -q "dismissed by bob: none issued" "$T/out" &&
    grep -q "walked/a.txt: 0 errors, 3 warnings" "$T/out"; then
    ok "check DIR reads the review beside a report in a subfolder, and none for a report without"
else
    notok "check DIR reads the review beside a report" "exit $rc: $(head -c 600 "$T/out")"
fi
run export --format json "$T/r.txt"
if grep -q '"t2.regulation.in_force":{"value":0,' "$T/out" && grep -q '"corrected":true' "$T/out" &&
    ! grep -q '"rule":"CELL.BLANK","severity":"warning","cells":\["t2.regulation.in_force"\]' "$T/out"; then
    ok "export reports the corrected value and no CELL.BLANK for it"
else
    notok "export reports the corrected value" "$(head -c 300 "$T/out")"
fi
run check --no-review "$T/r.txt"
grep -q "r.txt: 0 errors, 3 warnings" "$T/out" && ok "--no-review ignores the review" || notok "--no-review ignores the review" "$(tail -1 "$T/out")"
run export --corrected "$T/r.txt" "$T/r.txt"
[ "$rc" -eq 2 ] && grep -q "is the same file as the input" "$T/err" && ok "--corrected refuses to write the report itself" ||
    notok "--corrected refuses to write the report itself" "exit $rc $(errtext)"
run export --corrected "$T/fixed.txt" "$T/r.txt"
if [ "$rc" -eq 0 ] && [ "$(diff "$T/r.txt" "$T/fixed.txt" | grep -c '^[<>]')" -eq 2 ] &&
    [ "$(sha256sum "$T/r.txt" | cut -d' ' -f1)" = "$sha" ]; then
    ok "--corrected changes one line; the report is byte-identical"
else
    notok "--corrected changes one line" "exit $rc $(diff "$T/r.txt" "$T/fixed.txt" | head -5)"
fi
# A review named with --review must be there: said; a corrected copy is not
# written without it; with several reports it is said to be set aside.
run check --review "$T/nosuch.review" "$T/r.txt"
[ "$rc" -eq 0 ] && grep -q "nosuch.review: no such file (the report is read without it)" "$T/err" &&
    ok "--review naming no file is said" || notok "--review naming no file is said" "exit $rc $(errtext)"
run export --corrected "$T/fixed2.txt" --review "$T/nosuch.review" "$T/r.txt"
[ "$rc" -eq 2 ] && [ ! -e "$T/fixed2.txt" ] && grep -q "fixed2.txt: no corrected copy written" "$T/err" &&
    ok "--corrected with a missing --review writes nothing, exit 2" ||
    notok "--corrected with a missing --review writes nothing" "exit $rc $(errtext)"
run check --review "$T/r.txt.review" "$T/r.txt" tests/data/seed001.txt
[ "$rc" -le 1 ] && [ "$(grep -c "is for a single report; each of the 2 reports" "$T/err")" -eq 1 ] &&
    ok "--review with two reports is said once" || notok "--review with two reports is said once" "exit $rc $(errtext)"
printf 'nianbao-review 1\nshred cell=t3.new.total\n' >"$T/r.txt.review"
before=$(sha256sum "$T/r.txt.review")
run check "$T/r.txt"
if grep -F -q "$T/r.txt.review:2: unknown entry" "$T/err" && grep -q "r.txt: 0 errors, 3 warnings" "$T/out" &&
    [ "$(sha256sum "$T/r.txt.review")" = "$before" ]; then
    ok "a malformed review: message with its line, read without it, left untouched"
else
    notok "a malformed review" "$(errtext)"
fi

# ---- the console's review workflow, scripted ----

cp tests/data/review.txt "$T/c.txt"
sha=$(sha256sum "$T/c.txt" | cut -d' ' -f1)
cat >"$T/c.script" <<'SCR'
:goto t2.regulation.in_force
e
"x
Enter
e
C-u
"0
Enter
]
]
d
"no such documents this year
Enter
u
C-r
q
y
SCR
NIANBAO_REVIEWER=alice "$NB" --script "$T/c.script" "$T/c.txt" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && grep -q '^nianbao-review 1$' "$T/c.txt.review" &&
    grep -q '^correct cell=t2.regulation.in_force value="0" was="" by="alice" at=20' "$T/c.txt.review" &&
    grep -q 'state=dismissed cells="[^"]*" seen="[^"]*" by="alice" .*reason="no such documents this year"' "$T/c.txt.review" &&
    grep -q "^sha256 $sha$" "$T/c.txt.review"; then
    ok "console: correct, dismiss, undo, redo, q then y saves REPORT.review"
else
    notok "console: the review saved" "exit $rc: $(errtext) $(cat "$T/c.txt.review" 2>/dev/null | head -8)"
fi
run export "$T/c.txt"
if grep -q '"t2.regulation.in_force":{"value":0,' "$T/out" && ! grep -q '"cells":\["t2.regulation.in_force"\]' "$T/out" &&
    [ "$(sha256sum "$T/c.txt" | cut -d' ' -f1)" = "$sha" ]; then
    ok "after the console's save: export reports 0, no CELL.BLANK for it, the report byte-identical"
else
    notok "after the console's save" "$(head -c 300 "$T/out")"
fi
# the review log of that work, in three forms
run export --log --format json "$T/c.txt"
if [ $rc -eq 0 ] && python3 -c '
import json, sys
o = json.loads(open(sys.argv[1]).read())
assert set(o) == {"file", "sha256", "findings", "resolved", "corrections", "notes"}, o.keys()
assert o["sha256"] == sys.argv[2]
res = [f for f in o["resolved"] if f["rule"] == "CELL.BLANK"]
assert [f["cells"] for f in res] == [["t2.regulation.in_force"]], res
c = o["corrections"]
assert len(c) == 1 and c[0]["cell"] == "t2.regulation.in_force" and c[0]["old"] == "" and c[0]["new"] == "0" and c[0]["by"] == "alice", c
d = [f for f in o["findings"] if f["decision"] == "dismissed"]
assert len(d) == 1 and d[0]["reason"] == "no such documents this year" and d[0]["by"] == "alice", d
assert all(f["decision"] == "open" for f in o["findings"] if f is not d[0])
' "$T/out" "$sha"; then
    ok "export --log --format json: the dismissal and its reason, the blank resolved by the correction, old -> new"
else
    notok "export --log --format json" "exit $rc: $(head -c 600 "$T/out")"
fi
run export --log --format csv "$T/c.txt"
if [ $rc -eq 0 ] && head -1 "$T/out" | grep -q '^file,kind,id,rule,severity,state,old,new,text,by,at,fingerprint' &&
    grep -q ',correction,t2.regulation.in_force,,,,,0,,alice,20' "$T/out" &&
    grep -q ',reason,t3.new.social [^,]*,LABEL.DEVIATES,,dismissed,,,no such documents this year,alice,' "$T/out" &&
    grep -q ',resolved,t2.regulation.in_force,CELL.BLANK,warning,open,' "$T/out"; then
    ok "export --log --format csv: one row an item, the correction, the reason, the resolved finding"
else
    notok "export --log --format csv" "exit $rc: $(head -c 600 "$T/out")"
fi
run export --log --format md "$T/c.txt"
if [ $rc -eq 0 ] && grep -q '^## Resolved (gone after the corrections)$' "$T/out" &&
    grep -q '^| t2.regulation.in_force | — | 0 | alice | 20' "$T/out" &&
    grep -q '^|  |  |  |  | reason: no such documents this year |' "$T/out"; then
    ok "export --log --format md: findings, resolved, corrections as tables"
else
    notok "export --log --format md" "exit $rc: $(head -c 600 "$T/out")"
fi
LC_ALL=zh_CN.UTF-8 "$NB" export --log --format md "$T/c.txt" >"$T/out" 2>"$T/err"
grep -q '^## 更正$' "$T/out" && ok "export --log in Chinese under zh_CN" || notok "export --log in Chinese" "$(head -5 "$T/out")"
run export --log --format xml "$T/c.txt"
[ $rc -eq 2 ] && grep -q "unknown format xml (md, csv or json)" "$T/err" && ok "export --log with a bad format exits 2 and names the formats" ||
    notok "export --log with a bad format" "exit $rc: $(errtext)"

printf 'not a review\n' >"$T/c.txt.review"
printf 'e\n"5\nEnter\nw\n:q!\n' >"$T/c2.script"
"$NB" --script "$T/c2.script" "$T/c.txt" >/dev/null 2>&1
if [ "$(cat "$T/c.txt.review")" = "not a review" ]; then
    ok "console: a malformed review file is never overwritten"
else
    notok "console: a malformed review file is never overwritten" "$(head -3 "$T/c.txt.review")"
fi

# ---- notes: on a cell and on a finding, several lines, undone and redone ----

cp tests/data/review.txt "$T/n.txt"
printf ':goto t2.regulation.in_force\na\n"one\nC-o\n"two\nEnter\n]\n]\nTab\na\n"wording accepted\nEnter\nu\nC-r\nw\n:q\n' >"$T/n.script"
NIANBAO_REVIEWER=bob "$NB" --script "$T/n.script" "$T/n.txt" >/dev/null 2>"$T/err"
run export --log --format json "$T/n.txt"
if grep -q '^note cell=t2.regulation.in_force by="bob" at=20[^ ]* text="one\\ntwo"$' "$T/n.txt.review" && python3 -c '
import json, sys
o = json.loads(open(sys.argv[1]).read())
n = o["notes"]
assert len(n) == 2, n
assert n[0]["cell"] == "t2.regulation.in_force" and n[0]["text"] == "one\ntwo" and n[0]["by"] == "bob", n[0]
assert n[1]["cell"] == "" and n[1]["rule"] == "CELL.BLANK" and n[1]["text"] == "wording accepted", n[1]
fp = [f["fingerprint"] for f in o["findings"] if f["cells"] == ["t2.normative.in_force"]]
assert fp == [n[1]["fingerprint"]], (fp, n[1])
' "$T/out"; then
    ok "notes: a two-line note on a cell, one on a finding (its fingerprint), undo and redo, saved and in the log"
else
    notok "notes" "$(grep note "$T/n.txt.review") $(head -c 300 "$T/out")"
fi

# ---- unsaved work survives: the journal, recovery, the lock ----

cp tests/data/review.txt "$T/j.txt"
printf ':goto t2.regulation.in_force\ne\n"7\nEnter\n' >"$T/j1.script"
"$NB" --script "$T/j1.script" "$T/j.txt" >/dev/null 2>&1 # ends with the work unsaved, as a dropped ssh would
if [ ! -e "$T/j.txt.review" ] && grep -q '^correct cell=t2.regulation.in_force value="7"' "$T/j.txt.review.journal" 2>/dev/null &&
    grep -q '^report "j.txt"$' "$T/j.txt.review.journal"; then
    ok "a session ended unsaved: its change is in REPORT.review.journal"
else
    notok "a session ended unsaved: the journal" "$(ls "$T" | grep '^j') $(cat "$T/j.txt.review.journal" 2>/dev/null | tail -2)"
fi
# check and export read the review as last saved: they say the journal is there, once a report
mkdir "$T/jd" && cp "$T/j.txt" "$T/jd/j.txt" && cp "$T/j.txt.review.journal" "$T/jd/"
"$NB" check "$T/jd" >"$T/jc.out" 2>"$T/jc.err"; jrc=$?
"$NB" export --format json "$T/jd/j.txt" >"$T/je.out" 2>"$T/je.err"; jerc=$?
LC_ALL=zh_CN.UTF-8 "$NB" check "$T/jd/j.txt" >/dev/null 2>"$T/jz.err"
mv "$T/jd/j.txt.review.journal" "$T/jd.journal"
"$NB" check "$T/jd" >"$T/jc0.out" 2>"$T/jc0.err"; jrc0=$?
"$NB" export --format json "$T/jd/j.txt" >"$T/je0.out" 2>/dev/null; jerc0=$?
said="nianbao: $T/jd/j.txt.review.journal: console work not yet saved (from 20[0-9-]* [0-9:]*); its changes are not in this output: open the report in the console (nianbao $T/jd/j.txt) to recover them"
if [ "$(grep -c journal "$T/jc.err")" = 1 ] && grep -qx "$said" "$T/jc.err" && [ "$(grep -c journal "$T/je.err")" = 1 ] &&
    grep -qx "$said" "$T/je.err" && grep -q "j.txt.review.journal：审阅台中有尚未保存的工作（写于 20.*），其改动不在本输出中：在审阅台中打开该报告（nianbao $T/jd/j.txt）即可恢复" "$T/jz.err" &&
    cmp -s "$T/jc.out" "$T/jc0.out" && cmp -s "$T/je.out" "$T/je0.out" && [ ! -s "$T/jc0.err" ] &&
    [ "$jrc" = "$jrc0" ] && [ "$jerc" = "$jerc0" ] && python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/je.out"; then
    ok "check and export say a report's journal of unsaved work once (output and status as without it)"
else
    notok "check/export: a pending journal" "$(cat "$T/jc.err" "$T/je.err" "$T/jz.err" | head -5)"
fi
# a review whose report was renamed ("Save As" a new draft) or moved: said by the walk, not passed over unseen
mkdir "$T/or" && cp tests/data/seed002.txt "$T/or/draft-v2.txt" && cp tests/data/seed002.txt "$T/or/kept.txt"
printf 'nianbao-review 1\nreport "draft.txt"\n' >"$T/or/draft.txt.review"
printf 'nianbao-review 1\nreport "kept.txt"\n' >"$T/or/kept.txt.review"
: >"$T/or/gone.txt.review.journal"
"$NB" check "$T/or" >"$T/or.out" 2>"$T/or.err"; orc=$?
LC_ALL=zh_CN.UTF-8 "$NB" check "$T/or" >/dev/null 2>"$T/orz.err"
"$NB" check "$T/or/draft-v2.txt" "$T/or/kept.txt" >"$T/or0.out" 2>/dev/null; orc0=$?
if grep -qx "nianbao: $T/or/draft.txt.review: a review whose report draft.txt is not in this folder (renamed or moved? --review $T/or/draft.txt.review REPORT reads it with the report)" "$T/or.err" &&
    grep -qx "nianbao: $T/or/gone.txt.review.journal: a review whose report gone.txt is not in this folder .*" "$T/or.err" &&
    [ "$(wc -l <"$T/or.err")" = 2 ] && grep -q "^nianbao：$T/or/draft.txt.review：该审阅文件的报告 draft.txt 不在此目录中（已改名或移走？" "$T/orz.err" &&
    cmp -s "$T/or.out" "$T/or0.out" && [ "$orc" = "$orc0" ]; then
    ok "check DIR names a review whose report is not beside it (renamed or moved), once; output and status as without it"
else
    notok "check DIR: a review without its report" "$(cat "$T/or.err" "$T/orz.err" | head -5)"
fi
# a review made on another version of the report (a revised draft), or on another file: check and export say what of it they use
mkdir "$T/ov" && cp tests/data/seed002.txt "$T/ov/a.txt"
printf 'nianbao-review 1\nreport "a.txt"\nsha256 %s\ndecide finding=0123456789abcdef state=dismissed by="a" at=2026-01-01T00:00:00+08:00\n' \
    "$(sha256sum tests/data/seed002.txt | cut -c1-64)" >"$T/ov/a.txt.review"
"$NB" check "$T/ov/a.txt" >/dev/null 2>"$T/ov0.err"
echo "补记一行。" >>"$T/ov/a.txt"
"$NB" check "$T/ov" >/dev/null 2>"$T/ov1.err"
"$NB" export --format json "$T/ov/a.txt" >/dev/null 2>"$T/ov2.err"
LC_ALL=zh_CN.UTF-8 "$NB" check "$T/ov/a.txt" >/dev/null 2>"$T/ovz.err"
sed -i 's/^report .*/report "平潭2023.txt"/' "$T/ov/a.txt.review"
"$NB" check "$T/ov/a.txt" >/dev/null 2>"$T/ov3.err"
sed -i '/^decide /d' "$T/ov/a.txt.review" # no entries: nothing of it used, nothing said
"$NB" check "$T/ov/a.txt" >/dev/null 2>"$T/ov4.err"
said="nianbao: $T/ov/a.txt.review: made on another version of a.txt (changed since: its SHA-256 differs): its decisions (1) and notes (0) are kept by finding, its corrections (0) where a cell still says what it said"
if [ ! -s "$T/ov0.err" ] && grep -qx "$said" "$T/ov1.err" && [ "$(wc -l <"$T/ov1.err")" = 1 ] && grep -qx "$said" "$T/ov2.err" &&
    grep -q "^nianbao：$T/ov/a.txt.review：审阅针对的是 a.txt 的另一版本（其后已改动，SHA-256 不同）" "$T/ovz.err" &&
    grep -q "^nianbao: $T/ov/a.txt.review: the review of \"平潭2023.txt\", another file than a.txt (its SHA-256 differs): .*--no-review if it is not this report's$" "$T/ov3.err" &&
    [ ! -s "$T/ov4.err" ]; then
    ok "check and export say a review made on another version of the report, or on another file, and what of it they use"
else
    notok "a review of another version or file" "$(cat "$T/ov0.err" "$T/ov1.err" "$T/ov3.err" | head -4)"
fi
# a report renamed unchanged (a date added to its name): its review under the old name is pointed at
mkdir "$T/rn" && cp tests/data/seed002.txt "$T/rn/a-v2.txt"
printf 'nianbao-review 1\nreport "a.txt"\nsha256 %s\nnote cell=t3.new.total by="a" at=2026-01-01T00:00:00+08:00 text="x"\n' \
    "$(sha256sum tests/data/seed002.txt | cut -c1-64)" >"$T/rn/a.txt.review"
"$NB" check "$T/rn/a-v2.txt" >/dev/null 2>"$T/rn1.err"
LC_ALL=zh_CN.UTF-8 "$NB" check "$T/rn/a-v2.txt" >/dev/null 2>"$T/rnz.err"
echo "补记一行。" >>"$T/rn/a-v2.txt"
"$NB" check "$T/rn/a-v2.txt" >/dev/null 2>"$T/rn2.err"
if grep -qx "nianbao: $T/rn/a.txt.review: the review of this very report under an old name (renamed?), not read: --review $T/rn/a.txt.review $T/rn/a-v2.txt reads it" "$T/rn1.err" &&
    grep -q "^nianbao：$T/rn/a.txt.review：这是本报告改名前的审阅（已改名？），未读取" "$T/rnz.err" && [ ! -s "$T/rn2.err" ]; then
    ok "a report renamed unchanged: check names its review under the old name; once changed, nothing"
else
    notok "a report renamed: its review under the old name" "$(cat "$T/rn1.err" "$T/rn2.err" | head -3)"
fi
printf ':dump %s\ny\nw\n:q\n' "$T/j.dump" >"$T/j2.script"
"$NB" --script "$T/j2.script" "$T/j.txt" >/dev/null 2>&1
if grep -q "unsaved work in $T/j.txt.review.journal: 1 correction, 0 notes, 0 decisions from 20" "$T/j.dump" &&
    grep -q "y recovers, n discards" "$T/j.dump" && grep -q '^correct cell=t2.regulation.in_force value="7"' "$T/j.txt.review" 2>/dev/null &&
    [ ! -e "$T/j.txt.review.journal" ] && [ ! -e "$T/j.txt.review.lock" ]; then
    ok "reopened: the console asks, y recovers the work, w saves it and removes the journal"
else
    notok "reopened: recovery" "$(grep -c recover "$T/j.dump" 2>/dev/null) $(ls "$T" | grep '^j')"
fi
saved=$(sha256sum "$T/j.txt.review")
printf ':goto t2.regulation.in_force\ne\nC-u\n"6\nEnter\n' >"$T/j1.script"
"$NB" --script "$T/j1.script" "$T/j.txt" >/dev/null 2>&1
printf 'n\n:q\n' >"$T/j3.script"
"$NB" --script "$T/j3.script" "$T/j.txt" >/dev/null 2>&1
if [ ! -e "$T/j.txt.review.journal" ] && [ "$(sha256sum "$T/j.txt.review")" = "$saved" ]; then
    ok "n discards the journal and leaves the saved review as it was"
else
    notok "discarding the journal" "$(ls "$T" | grep '^j')"
fi
printf ':goto t2.regulation.in_force\ne\nC-u\n"8\nEnter\n:q!\n' >"$T/j4.script"
"$NB" --script "$T/j4.script" "$T/j.txt" >/dev/null 2>&1
if [ ! -e "$T/j.txt.review.journal" ] && ! grep -q 'value="8"' "$T/j.txt.review"; then
    ok ":q! discards on purpose: no journal is left, the review unchanged"
else
    notok ":q! discards" "$(ls "$T" | grep '^j')"
fi
echo "$$ 0 $(cat /proc/$$/comm)" >"$T/j.txt.review.lock" # a live process holds the report
before=$(sha256sum "$T/j.txt.review")
printf ':goto t2.regulation.in_force\ne\n:dump %s\nw\n:dump %s\n:q!\n' "$T/j5e.dump" "$T/j5.dump" >"$T/j5.script"
"$NB" --script "$T/j5.script" "$T/j.txt" >/dev/null 2>&1
if grep -q "\[read-only\]" "$T/j5.dump" && grep -q "read-only: another nianbao" "$T/j5.dump" &&
    grep -q "read-only: another nianbao" "$T/j5e.dump" && ! grep -q "value of" "$T/j5e.dump" &&
    [ "$(sha256sum "$T/j.txt.review")" = "$before" ] && [ ! -e "$T/j.txt.review.journal" ] &&
    [ "$(cat "$T/j.txt.review.lock")" = "$$ 0 $(cat /proc/$$/comm)" ]; then
    ok "a second console on a locked report is read-only: e and w refused, nothing written, the lock kept"
else
    notok "a locked report" "$(tail -2 "$T/j5.dump" 2>/dev/null) $(ls "$T" | grep '^j')"
fi
# under zh the notice of whose the lock is says it in Chinese: 进程, 自 … 起, full-width brackets
echo "$$ $(sed 's/.*) //' /proc/$$/stat | cut -d' ' -f20) $(cat /proc/$$/comm)" >"$T/j.txt.review.lock"
printf ':dump %s\n:q!\n' "$T/j7.dump" >"$T/j7.script"
LC_ALL=zh_CN.UTF-8 "$NB" --script "$T/j7.script" "$T/j.txt" >/dev/null 2>&1
if grep -q "另一个 nianbao 正打开此报告（进程 $$，$(cat /proc/$$/comm)，自 20[0-9-]* [0-9:]* 起；$T/j.txt.review.lock）：以只读方式打开" "$T/j7.dump" &&
    ! tail -1 "$T/j7.dump" | grep -q "pid\|since\|(\|)"; then
    ok "the lock's notice under zh: 进程 PID，PROGRAM，自 … 起 in full-width brackets"
else
    notok "the lock's notice under zh" "$(tail -1 "$T/j7.dump" 2>/dev/null)"
fi
echo 999999999 >"$T/j.txt.review.lock" # its process is gone
printf ':goto t2.regulation.in_force\ne\nC-u\n"9\nEnter\nw\n:q\n' >"$T/j6.script"
"$NB" --script "$T/j6.script" "$T/j.txt" >/dev/null 2>&1
if grep -q 'value="9"' "$T/j.txt.review" && [ ! -e "$T/j.txt.review.lock" ]; then
    ok "a stale lock is taken over, and removed on quitting"
else
    notok "a stale lock" "$(ls "$T" | grep '^j')"
fi

# a report revised after its review: a correction applies where its cell
# reads as it did (at the cell's new line), and not where it reads otherwise
{ printf '（修订稿）\n\n'; cat tests/data/review.txt; } >"$T/j.txt"
run export "$T/j.txt"
if [ "$(wc -l <"$T/err")" = 1 ] && grep -q "^nianbao: $T/j.txt.review: made on another version of j.txt " "$T/err" && ! grep -q REVIEW.STALE "$T/out" &&
    grep -q '"t2.regulation.in_force":{"value":9,"raw":"","status":"number","line":41,.*"corrected":true' "$T/out"; then
    ok "a report revised after review: the correction of a cell that reads as it did applies, at its new line"
else
    notok "a report revised after review" "$(errtext) $(grep -o '"t2.regulation.in_force":{[^}]*}' "$T/out")"
fi
sed 's/^规章\t0\t0\t$/规章\t0\t0\t3/' "$T/j.txt" >"$T/j.new" && mv "$T/j.new" "$T/j.txt"
run export "$T/j.txt"
if grep -q '"t2.regulation.in_force":{"value":3,"raw":"3","status":"number"' "$T/out" &&
    grep -q '"rule":"REVIEW.STALE","severity":"warning","cells":\["t2.regulation.in_force"\]' "$T/out" &&
    grep -q 'the correction of t2.regulation.in_force to 9 ([^)]*j.txt.review:[0-9]*) was made where the cell was blank; it says \\"3\\" now: not applied' "$T/out"; then
    ok "an old review does not override a revised report: REVIEW.STALE names the cell, both values and the review line"
else
    notok "an old review over a revised report (export)" "$(errtext) $(grep -o '"t2.regulation.in_force":{[^}]*}' "$T/out") $(grep -o 'REVIEW.STALE[^}]*' "$T/out")"
fi
run check "$T/j.txt"
grep -q "j.txt:[0-9]*:[0-9]*: warning: REVIEW.STALE: the correction of t2.regulation.in_force to 9" "$T/out" &&
    ok "check shows the stale correction" || notok "check shows the stale correction" "$(grep STALE "$T/out")"
run export --corrected "$T/j.fixed" "$T/j.txt"
if [ "$rc" -eq 1 ] && grep -q "REVIEW.STALE: the correction of t2.regulation.in_force to 9 .*(skipped)" "$T/err" &&
    cmp -s "$T/j.txt" "$T/j.fixed"; then
    ok "export --corrected skips a stale correction, says so and exits 1"
else
    notok "export --corrected and a stale correction" "exit $rc $(errtext)"
fi
printf 'F\n:dump %s\n:q\n' "$T/j7.dump" >"$T/j7.script"
"$NB" --script "$T/j7.script" "$T/j.txt" >/dev/null 2>&1
grep -q "REVIEW.STALE" "$T/j7.dump" && ok "the console lists the stale correction" ||
    notok "the console lists the stale correction" "$(head -20 "$T/j7.dump")"

# ---- check: diagnostics, exit status, formats ----

run check tests/data/clean.txt
if [ "$rc" -eq 0 ] && grep -q "clean.txt: 0 errors, 0 warnings, 0 info" "$T/out"; then
    ok "check: a clean report exits 0 with a summary"
else
    notok "check: a clean report exits 0 with a summary" "exit $rc: $(head -c 300 "$T/out")"
fi

run check tests/data/seed000.txt
if [ "$rc" -eq 1 ] && grep -q "^tests/data/seed000.txt:36:33: warning: LABEL.DEVIATES: " "$T/out" &&
    grep -q "^tests/data/seed000.txt:[0-9]*:[0-9]*: error: STRUCT.MISSING: row t3.new" "$T/out"; then
    ok "check: errors give exit 1 and path:line:col: severity: RULE: lines"
else
    notok "check: errors give exit 1 and path:line:col: severity: RULE: lines" "exit $rc: $(head -c 400 "$T/out")"
fi

run check --severity error tests/data/seed000.txt
if [ "$rc" -eq 1 ] && ! grep -q "warning:" "$T/out" && grep -q "error: STRUCT.MISSING" "$T/out"; then
    ok "check --severity error hides warnings, keeps errors and exit 1"
else
    notok "check --severity error hides warnings" "exit $rc: $(head -c 300 "$T/out")"
fi

run check --severity loud tests/data/seed001.txt
[ "$rc" -eq 2 ] && ok "check --severity with a bad level exits 2" || notok "check --severity with a bad level exits 2" "exit $rc"

run check "$T/nothing-here.txt" tests/data/seed001.txt
if [ "$rc" -eq 2 ] && grep -F -q "$T/nothing-here.txt" "$T/err" && grep -q "seed001.txt: 0 errors" "$T/out"; then
    ok "check: an unreadable file exits 2, the others are still checked"
else
    notok "check: an unreadable file exits 2" "exit $rc; stderr: $(errtext)"
fi

run check --format json tests/data/review.txt
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 1 ] && grep -q '"findings":\[{"rule":"CELL.BLANK","severity":"warning","cells":\["t2.regulation.in_force"\]' "$T/out"; then
    ok "check --format json: one object with findings filled"
else
    notok "check --format json: one object with findings filled" "exit $rc: $(head -c 300 "$T/out")"
fi

mkdir -p "$T/dir/sub"
cp tests/data/seed001.txt "$T/dir/a.txt"
cp tests/data/seed004.txt "$T/dir/sub/b.txt"
cp tests/data/seed000.txt "$T/dir/sub/c.md"
echo "not a report" >"$T/dir/notes.json"
run check "$T/dir"
if [ "$rc" -eq 1 ] && grep -q "^checked 3 reports: " "$T/out" && ! grep -q "notes.json" "$T/out"; then
    ok "check DIR: walks folders, reports only"
else
    notok "check DIR: walks folders, reports only" "exit $rc: $(tail -c 300 "$T/out")"
fi

# two years of one body: what 2024 carried out, 2025 must carry in
sed 's/2024 年政府信息公开工作年度报告/2025 年政府信息公开工作年度报告/; s/^二、上年结转政府信息公开申请数量\t\t0\t/二、上年结转政府信息公开申请数量\t\t2\t/' \
    tests/data/seed001.txt >"$T/y2025.txt"
cp tests/data/seed001.txt "$T/y2024.txt"
run check "$T/y2025.txt" "$T/y2024.txt"
if grep -q "y2025.txt:[0-9]*:[0-9]*: error: YEAR.CARRY: column natural: 2 carried in, but the 2024 report" "$T/out"; then
    ok "check: YEAR.CARRY across two reports of one body"
else
    notok "check: YEAR.CARRY across two reports of one body" "$(grep -c . "$T/out") lines: $(head -c 600 "$T/out")"
fi

(
    unset LC_ALL LC_MESSAGES LANGUAGE
    LANG=zh_CN.UTF-8
    export LANG
    "$NB" check tests/data/review.txt >"$T/out" 2>"$T/err"
)
if grep -q "警告: CELL.BLANK: t2.regulation.in_force 为空" "$T/out" && grep -q "0 个错误，3 个警告" "$T/out"; then
    ok "check under LANG=zh_CN.UTF-8: messages in Chinese"
else
    notok "check under LANG=zh_CN.UTF-8: messages in Chinese" "$(head -c 300 "$T/out")"
fi

run rules
missing=""
for id in FORMAT.OUTDATED SECTION.NUMBERING TEXT.CONTRADICTION SECTION5.THIN SECTION6.FEE SECTION6.FEE_VS_T3 \
    YEAR.SAME_TEXT SECTION1.ACCOUNTABILITY SECTION1.SUBTOPICS PERIOD.INCOMPLETE DATE.IMPOSSIBLE T2.IN_FORCE_BOUND \
    T2.REGULATION_AUTHORITY T2.FEE_UNIT TEXT.SHARE TEXT.SECTION_COUNT TEXT.QUALITY STRUCT.EXTRA; do
    grep -q "^$id " "$T/out" || missing="$missing $id"
done
if [ "$rc" -eq 0 ] && [ -z "$missing" ] && grep -q "^DATE.IMPOSSIBLE  *error " "$T/out" &&
    grep -q "^SECTION1.SUBTOPICS  *info " "$T/out"; then
    ok "rules: every rule of the rulebook with its severity"
else
    notok "rules: the rulebook's rules" "exit $rc; missing:$missing"
fi
for id in $(sed -n 's/^NB_RULE([A-Z0-9_]*, "\([A-Z0-9_.]*\)".*/\1/p' core/check/rules.def); do
    grep -q "^\.It Cm $id\$" man/nianbao.1 || missing="$missing $id"
done
[ -z "$missing" ] && ok "man page: every rule of the table is in RULES" || notok "man page RULES" "missing:$missing"

# ---- the files people hold: docx, html, doc ----

F=tests/data/formats
run check "$F/pingtan2022.docx" "$F/pingtan2022.html" "$F/pingtan2022.gbk.html" "$F/pingtan2022.doc"
if [ "$rc" -eq 0 ] && [ "$(grep -c "^$F/pingtan2022\.[a-z.]*: 0 errors, 0 warnings" "$T/out")" -eq 4 ]; then
    ok "check: the same report as .docx, .html, GBK .html and .doc, all clean"
else
    notok "check: the same report as .docx, .html, GBK .html and .doc" "exit $rc: $(head -c 400 "$T/out"; errtext)"
fi

run export --format csv "$F/pingtan2022.docx"
if [ "$rc" -eq 0 ] && grep -q "^$F/pingtan2022.docx,t3.new.total,74," "$T/out"; then
    ok "export --format csv of a .docx: cells from its tables"
else
    notok "export --format csv of a .docx" "exit $rc: $(grep t3.new.total "$T/out")"
fi

run check "$F/kewei2024.docx"
if [ "$rc" -eq 1 ] && grep -q "error: T3.ROW_TOTAL" "$T/out"; then
    ok "check: a .docx with an error in a table exits 1"
else
    notok "check: a .docx with an error in a table exits 1" "exit $rc: $(head -c 300 "$T/out")"
fi

expect_io_error "check: a damaged .docx exits 2, naming it" "$F/bad/corrupt.docx" "damaged ZIP" check "$F/bad/corrupt.docx"
expect_io_error "check: a zip without word/document.xml exits 2" "$F/bad/nodoc.docx" "word/document.xml" \
    check "$F/bad/nodoc.docx"
expect_io_error "check: a zip bomb is refused, exit 2" "$F/bad/bomb.docx" "more than any report's text" \
    check "$F/bad/bomb.docx"
expect_io_error "check: malformed document.xml exits 2" "$F/bad/badxml.docx" "not well-formed" check "$F/bad/badxml.docx"
expect_io_error "check: an HTML page with no report exits 2" "$F/bad/noreport.html" "no report" \
    check "$F/bad/noreport.html"
cp "$F/bad/corrupt.docx" "$T/report.txt"
expect_io_error "check: the kind is told by the bytes, not the name" "$T/report.txt" "damaged ZIP" check "$T/report.txt"

# ---- folders of them, and where their cells stand ----

. tests/cli_formats.sh

# ---- the metrics (check --summary) and the rule settings ----

. tests/cli_rules.sh
. tests/cli_queue.sh

# ---- hostile files and faults ----

. tests/cli_safety.sh

# ---- several threads ----

. tests/cli_jobs.sh

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
