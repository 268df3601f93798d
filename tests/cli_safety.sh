# tests/cli_safety.sh — part of tests/cli.sh, read by it (its helpers, $NB
# and $T are cli.sh's): nianbao under hostile files and faults — an output
# that is an input is refused before anything is written, -o never goes
# through a symlink and is replaced only at the end, CSV fields that would
# run as formulas are defused, a file name that is not UTF-8 stays valid
# JSON, folder walks end on loops of links and pass over nianbao's own
# files and files that are no report, text from reports is escaped on a
# terminal, --corrected names what it cannot place and exits 1.

# ---- no output is an input ----

S="$T/safe"
mkdir -p "$S"
cp tests/data/seed001.txt "$S/in.txt"
cp tests/data/seed002.txt "$S/two.txt"
ln "$S/in.txt" "$S/hard.txt"
ln -s "$S/two.txt" "$S/soft.txt"
sum_in=$(sha256sum <"$S/in.txt")
sum_two=$(sha256sum <"$S/two.txt")
bad_out=
for form in "--format json" "--format csv" "--log --format md" "--log --format csv"; do
    for out in "$S/in.txt" "$S/hard.txt" "$S/soft.txt" "$S/./two.txt"; do
        # shellcheck disable=SC2086
        run export $form -o "$out" "$S/in.txt" "$S/two.txt"
        if [ "$rc" -ne 2 ] || ! grep -q "is the same file as the input" "$T/err" || [ -s "$T/out" ] ||
            [ "$(sha256sum <"$S/in.txt")" != "$sum_in" ] || [ "$(sha256sum <"$S/two.txt")" != "$sum_two" ]; then
            bad_out="$form -o $out: exit $rc: $(errtext)"
            cp tests/data/seed001.txt "$S/in.txt"
            cp tests/data/seed002.txt "$S/two.txt"
        fi
    done
done
[ -z "$bad_out" ] && ok "export -o an input (the file, a hard link, a symlink, another path; json, csv, log) is refused, the reports intact" ||
    notok "export -o an input" "$bad_out"
printf 'nianbao-review 1\n' >"$S/in.txt.review"
run export -o "$S/in.txt.review" "$S/in.txt"
[ "$rc" -eq 2 ] && grep -q "same file as the input" "$T/err" && grep -q '^nianbao-review 1$' "$S/in.txt.review" &&
    ok "export -o the report's review is refused" || notok "export -o the review" "exit $rc: $(errtext)"
run export --corrected "$S/in.txt.review" "$S/in.txt"
[ "$rc" -eq 2 ] && grep -q '^nianbao-review 1$' "$S/in.txt.review" &&
    ok "export --corrected over the review is refused" || notok "export --corrected over the review" "exit $rc: $(errtext)"
rm -f "$S/in.txt.review"

# ---- -o: replaced at the end, never through a symlink ----

printf 'precious\n' >"$S/target"
ln -s "$S/target" "$S/link.json"
run export -o "$S/link.json" "$S/in.txt"
[ "$rc" -eq 2 ] && grep -q "is a symbolic link (to $S/target)" "$T/err" && [ "$(cat "$S/target")" = precious ] &&
    ok "export -o a symlink to a file is refused, naming its target" || notok "export -o a symlink" "exit $rc: $(errtext)"
printf 'old\n' >"$S/out.json"
chmod 640 "$S/out.json"
run export -o "$S/out.json" "$S/in.txt" /nonexistent.txt
if [ "$rc" -eq 2 ] && grep -q '"file":"'"$S"'/in.txt"' "$S/out.json" && [ "$(stat -c %a "$S/out.json")" = 640 ] &&
    [ -z "$(ls "$S" | grep '\.tmp\.')" ]; then
    ok "export -o: the file replaced whole at the end (its mode kept), no temporary file left"
else
    notok "export -o replaces the file" "exit $rc: $(ls "$S") $(head -c 200 "$S/out.json")"
fi
run export -o /dev/null "$S/in.txt"
[ "$rc" -eq 0 ] && ok "export -o /dev/null (a device) still works" || notok "export -o /dev/null" "exit $rc: $(errtext)"

# ---- CSV that a spreadsheet would run ----

sed 's/^规章\t0\t0\t0$/规章\t-\t0\t0/' tests/data/seed001.txt >"$S/=cmd.txt"
nb_abs=$(cd "$(dirname "$NB")" && pwd)/$(basename "$NB")
(cd "$S" && "$nb_abs" export --format csv "=cmd.txt" >"$T/out" 2>"$T/err")
if grep -q "^'=cmd.txt,t2.regulation.issued,,'-,placeholder," "$T/out" &&
    grep -q "^'=cmd.txt,t2.regulation.repealed,0,0,number," "$T/out"; then
    ok "CSV: fields starting with = or - are prefixed with ', numbers are not"
else
    notok "CSV formula fields" "$(grep -m2 regulation "$T/out")"
fi

# ---- a file name that is not UTF-8 ----

bad=$(printf '%s/r\377\376.txt' "$S")
cp tests/data/seed001.txt "$bad"
run export --format json "$bad"
if [ "$rc" -eq 0 ] && grep -q '"file":"[^"]*/r\\\\xff\\\\xfe.txt"' "$T/out" &&
    { [ -z "$PY" ] || $PY -c 'import json,sys; json.loads(open(sys.argv[1], encoding="utf-8", errors="strict").read())' "$T/out"; }; then
    ok "a file name that is not UTF-8: its bytes escaped, the JSON valid UTF-8"
else
    notok "a file name that is not UTF-8" "exit $rc: $(head -c 200 "$T/out")"
fi
rm -f "$bad"

# ---- folder walks: loops of links, our own files, files that are no report ----

W="$T/walk"
mkdir -p "$W/sub"
cp tests/data/seed001.txt "$W/a.txt"
cp tests/data/seed002.txt "$W/sub/b.txt"
ln -s "$W" "$W/loop"
ln -s "$W" "$W/sub/up"
"$NB" export --log --format md -o "$W/log.md" "$W/a.txt" 2>/dev/null
"$NB" export --format csv -o "$W/cells.txt" "$W/a.txt" 2>/dev/null
"$NB" export --corrected "$W/fixed.txt" "$W/a.txt" 2>/dev/null
printf '# notes\n\nshopping list\n' >"$W/README.md"
run check "$W"
if [ "$rc" -le 1 ] && grep -q "checked 2 reports" "$T/out" && grep -q "$W/log.md: skipped: a review log written by nianbao" "$T/err" &&
    grep -q "$W/cells.txt: skipped: an export written by nianbao" "$T/err" &&
    grep -q "$W/fixed.txt: skipped: a corrected copy written by nianbao" "$T/err" &&
    grep -q "$W/README.md: skipped: not a report (--all checks it)" "$T/err"; then
    ok "check DIR: two loops of links walked once; nianbao's own files and a file that is no report skipped, one line each"
else
    notok "check DIR with loops and our files" "exit $rc: $(tail -1 "$T/out") $(errtext)"
fi
run check --all "$W"
grep -q "checked 6 reports" "$T/out" && ! grep -q skipped "$T/err" && ok "check --all reads them all" ||
    notok "check --all" "$(tail -1 "$T/out") $(errtext)"
O="$T/ours"
mkdir -p "$O"
cp "$W/log.md" "$W/cells.txt" "$O/"
"$NB" export --format json -o "$O/cells.json.txt" "$W/a.txt" 2>/dev/null
run check "$O"
if [ "$rc" -eq 0 ] && grep -q "checked 0 reports" "$T/out" && [ "$(grep -c "skipped: .* written by nianbao" "$T/err")" -eq 3 ] &&
    grep -q "$O/cells.json.txt: skipped: an export written by nianbao" "$T/err"; then
    ok "check DIR of nianbao's own files alone: each passed over with a note as it is read, nothing checked"
else
    notok "check DIR of our own files" "exit $rc: $(head -c 300 "$T/out") $(errtext)"
fi

# ---- a terminal sees no escape sequence of a report ----

if command -v script >/dev/null 2>&1; then
    esc=$(printf '\033')
    evil="$S/$(printf 'e\033]0;pwned\007.txt')"
    cp tests/data/seed000.txt "$evil"
    fp=$("$NB" check --format json "$evil" | grep -o '"fingerprint":"[0-9a-f]*"' | head -1 | cut -d'"' -f4)
    printf 'nianbao-review 1\ndecide finding=%s state=dismissed by="\\x1b]0;pwned\\x07" at=2026-01-01T00:00:00+08:00 reason="\\x1b[2J\\x1b[31mgone\\xc2\\x9b\\xe2\\x80\\xae"\n' "$fp" >"$evil.review"
    script -qec "NO_COLOR=1 $NB check '$evil'; true" /dev/null >"$T/tty" 2>&1 </dev/null
    if grep -q 'e\\x1b\]0;pwned\\x07.txt' "$T/tty" && grep -q 'dismissed by \\x1b\]0;pwned\\x07: \\x1b\[2J\\x1b\[31mgone\\u009b\\u202e\]' "$T/tty" &&
        ! grep -q "$esc" "$T/tty"; then
        ok "check on a terminal: a file name's, a reviewer's and a reason's escape sequences shown escaped, none sent"
    else
        notok "check on a terminal escapes" "$(grep -a -c "$esc" "$T/tty") lines with raw escapes: $(grep -a dismissed "$T/tty" | head -c 300)"
    fi
    "$NB" check "$evil" >"$T/out" 2>&1
    grep -q "$esc\[2J" "$T/out" && ok "into a file, the text as it is" || notok "into a file, the text as it is"
    script -qec "NO_COLOR=1 $NB check /nonexistent/'$(printf 'x\033[2Jy')'.txt; true" /dev/null >"$T/tty" 2>&1 </dev/null
    grep -q 'x\\x1b\[2Jy.txt: no such file' "$T/tty" && ! grep -q "$esc" "$T/tty" &&
        ok "a message on standard error, on a terminal: the file name escaped" || notok "stderr on a terminal" "$(cat -v "$T/tty")"
else
    skip "script(1) not installed: the terminal tests"
fi

# ---- export --corrected: what it cannot place is named, exit 1 ----

cp tests/data/seed000.txt "$S/m.txt"
printf 'nianbao-review 1\ncorrect cell=t2.licensing.decisions value="3" missing=yes by="a" at=2026-01-01T00:00:00+08:00\n' >"$S/m.txt.review"
run export --corrected "$S/m.fixed" "$S/m.txt"
[ "$rc" -eq 1 ] && grep -q "the correction of t2.licensing.decisions has no place in the text (its row is missing); not written" "$T/err" &&
    cmp -s "$S/m.txt" "$S/m.fixed" && ok "export --corrected: a correction with no place is named, exit 1" ||
    notok "export --corrected with no place" "exit $rc: $(errtext)"

# ---- the console: a journal that cannot be written, a malformed review ----

cp tests/data/review.txt "$S/j.txt"
mkdir "$S/j.txt.review.journal" # the journal cannot be written there (as on a full disk)
printf ':goto t2.regulation.in_force\ne\n"7\nEnter\n:dump %s\nj\nk\n:dump %s\n:w %s\n:dump %s\n:q\n' \
    "$T/jf1.dump" "$T/jf2.dump" "$S/j.saved" "$T/jf3.dump" >"$T/jf.script"
"$NB" --script "$T/jf.script" "$S/j.txt" >/dev/null 2>&1
if grep -q "j.txt.review.journal: not a regular file; not written .* the work is kept in memory; :w FILE saves it elsewhere" "$T/jf1.dump" &&
    grep -q "the work is kept in memory" "$T/jf2.dump" && grep -q "saved $S/j.saved" "$T/jf3.dump" &&
    grep -q 'correct cell=t2.regulation.in_force value="7"' "$S/j.saved"; then
    ok "a journal that cannot be written: said at once, still said after other keys; the work kept, :w FILE saves it"
else
    notok "a journal that cannot be written" "$(tail -1 "$T/jf1.dump") / $(tail -1 "$T/jf2.dump") / $(tail -1 "$T/jf3.dump")"
fi
rmdir "$S/j.txt.review.journal"
printf 'not a review\n' >"$S/j.txt.review"
printf ':goto t2.regulation.in_force\ne\n"8\nEnter\n:dump %s\nw\n:dump %s\n:w %s\n:q\n' "$T/mr1.dump" "$T/mr2.dump" "$S/j.mine" >"$T/mr.script"
"$NB" --script "$T/mr.script" "$S/j.txt" >/dev/null 2>&1
if grep -q "malformed; not overwritten: :w FILE saves the work elsewhere" "$T/mr2.dump" &&
    [ "$(cat "$S/j.txt.review")" = "not a review" ] && grep -q 'value="8"' "$S/j.mine" && [ ! -e "$S/j.txt.review.journal" ]; then
    ok "a malformed review: the work journaled, w refused, :w FILE saves it and the journal goes"
else
    notok "a malformed review and :w FILE" "$(tail -1 "$T/mr2.dump") $(ls "$S" | grep '^j')"
fi
rm -f "$S/j.txt.review" "$S/j.mine"

# ---- the console: only y or n answers the recovery question ----

printf ':goto t2.regulation.in_force\ne\n"9\nEnter\n' >"$T/rq1.script"
"$NB" --script "$T/rq1.script" "$S/j.txt" >/dev/null 2>&1 # ends unsaved
printf 'q\nEsc\nx\n:dump %s\nn\n:dump %s\n:q\n' "$T/rq1.dump" "$T/rq2.dump" >"$T/rq2.script"
"$NB" --script "$T/rq2.script" "$S/j.txt" >/dev/null 2>&1
if grep -q "y recovers, n discards: unsaved work in $S/j.txt.review.journal: 1 correction, 0 notes, 0 decisions from 20" "$T/rq1.dump" &&
    grep -q "the unsaved work was discarded" "$T/rq2.dump" && [ ! -e "$S/j.txt.review.journal" ]; then
    ok "the recovery question names the journal and what it holds; q, Esc and x ask again, n discards"
else
    notok "the recovery question" "$(tail -1 "$T/rq1.dump") / $(tail -1 "$T/rq2.dump")"
fi
# at the console's narrowest the answers stay whole on the status line, the
# journal and what it holds above them (a path too long for one line)
"$NB" --script "$T/rq1.script" "$S/j.txt" >/dev/null 2>&1 # ends unsaved
printf ':dump %s\n:q\n' "$T/rq3.dump" >"$T/rq3.script"
printf ':dump %s\nn\n:q\n' "$T/rq4.dump" >"$T/rq4.script"
"$NB" --size 60x20 --script "$T/rq3.script" "$S/j.txt" >/dev/null 2>&1
LANG=zh_CN.UTF-8 LC_ALL= "$NB" --size 60x20 --script "$T/rq4.script" "$S/j.txt" >/dev/null 2>&1
if [ "$(tail -1 "$T/rq3.dump")" = " y recovers, n discards" ] && [ "$(tail -1 "$T/rq4.dump")" = " y 恢复，n 丢弃" ] &&
    tail -5 "$T/rq3.dump" | tr -d '\n' | grep -q "journal: 1 *correction, 0 *notes, 0 *decisions from 20" &&
    tail -5 "$T/rq4.dump" | tr -d '\n' | grep -q "1 处更正、0 条批注、0 项决定，写于 20"; then
    ok "at 60 columns the recovery question's answers are whole on the status line, the journal above"
else
    notok "the recovery question at 60 columns" "$(tail -3 "$T/rq3.dump") / $(tail -3 "$T/rq4.dump")"
fi
rm -f "$S/j.txt.review.journal"

# ---- the console: a value the cell cannot hold stays in the editor, said why ----

printf ':goto t3.new.natural\ne\nC-u\n"-1\nEnter\n:dump %s\nEsc\nx\n:dump %s\n:q!\n' "$T/ed1.dump" "$T/ed2.dump" >"$T/ed.script"
"$NB" --script "$T/ed.script" "$S/j.txt" >/dev/null 2>&1
if grep -q 'value of t3.new.natural ("-1": a count is never negative; nothing changed): -1' "$T/ed1.dump" &&
    grep -q "the cell is not corrected; nothing to clear" "$T/ed2.dump"; then
    ok "the editor refuses a negative count, saying why, the text left to mend; x on a cell not corrected says so"
else
    notok "the editor's refusal" "$(tail -2 "$T/ed1.dump" | tr '\n' '|') $(tail -1 "$T/ed2.dump")"
fi
