#!/bin/sh
# screens.sh — golden screen tests of the console, with no terminal: each
# tests/screens/NAME.keys holds "file REPORT" (several such lines, or a
# folder: the queue of reports), "size WxH", then key names or :commands,
# one a line; a line "DUMP" writes the screen, compared with
# tests/screens/NAME.K.expected (K counts the dumps); a line "ROLES" writes
# the screen's colour roles as letters (see nb_screen_roles), to test
# highlights; a line "CHINESE" dumps too, and the screen must hold no English
# word but IDs and file names. NIANBAO_GOLDEN_WRITE=1 rewrites the expected
# screens (then read the diff by eye).
NB=${1:-./nianbao}
T=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-screens.XXXXXX") || exit 1
# scripts that change a review end with :q!; whatever a failed run left in
# tests/data (a journal would make the next run ask to recover) goes first
rm -f tests/data/*.review tests/data/*.review.journal tests/data/*.review.lock
trap 'rm -rf "$T"; rm -f tests/data/*.review.journal tests/data/*.review.lock' EXIT
unset LANG LANGUAGE LC_MESSAGES NO_COLOR
NIANBAO_REVIEWER=tester # notes and decisions show who; the same on every machine
export NIANBAO_REVIEWER
LC_ALL=C.UTF-8
export LC_ALL
pass=0
fail=0
for keys in tests/screens/*.keys; do
    name=$(basename "$keys" .keys)
    files=$(sed -n 's/^file //p' "$keys") # several: the queue (paths without spaces)
    chinese=
    size=$(sed -n 's/^size //p' "$keys")
    lang=$(sed -n 's/^lang //p' "$keys")
    k=0
    : >"$T/$name.script"
    while IFS= read -r line; do
        case "$line" in
        file\ * | size\ * | lang\ *) ;;
        DUMP)
            k=$((k + 1))
            echo ":dump $T/$name.$k.txt" >>"$T/$name.script"
            ;;
        CHINESE)
            k=$((k + 1))
            chinese="$chinese $k"
            echo ":dump $T/$name.$k.txt" >>"$T/$name.script"
            ;;
        ROLES)
            k=$((k + 1))
            echo ":dumproles $T/$name.$k.txt" >>"$T/$name.script"
            ;;
        *) printf '%s\n' "$line" >>"$T/$name.script" ;;
        esac
    done <"$keys"
    if [ -n "$lang" ]; then
        LANG=$lang LC_ALL= "$NB" --size "${size:-160x48}" --script "$T/$name.script" $files 2>"$T/err"
    else
        "$NB" --size "${size:-160x48}" --script "$T/$name.script" $files 2>"$T/err"
    fi
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "not ok - $name: exit $rc: $(cat "$T/err")"
        fail=$((fail + 1))
        continue
    fi
    i=1
    while [ $i -le $k ]; do
        want="tests/screens/$name.$i.expected"
        if [ -n "$NIANBAO_GOLDEN_WRITE" ]; then
            cp "$T/$name.$i.txt" "$want"
        fi
        if cmp -s "$T/$name.$i.txt" "$want"; then
            echo "ok - $name screen $i"
            pass=$((pass + 1))
        else
            echo "not ok - $name screen $i differs from $want:"
            diff "$want" "$T/$name.$i.txt" | head -20
            fail=$((fail + 1))
        fi
        i=$((i + 1))
    done
    for i in $chinese; do
        # words of Latin letters left once IDs (t3.new.total, T3.BALANCE),
        # paths and file names, the program's name and one-letter keys are
        # taken out
        latin=$(sed -e 's#[A-Za-z0-9_./*-]*[./][A-Za-z0-9_./*-]*##g' -e 's/nianbao//g' "$T/$name.$i.txt" |
            grep -o '[A-Za-z][A-Za-z]*[A-Za-z]' | sort -u | tr '\n' ' ')
        if [ -z "$latin" ]; then
            echo "ok - $name screen $i has no English word"
            pass=$((pass + 1))
        else
            echo "not ok - $name screen $i has English words: $latin"
            fail=$((fail + 1))
        fi
    done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
