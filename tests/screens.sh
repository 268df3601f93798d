#!/bin/sh
# screens.sh — golden screen tests of the console, with no terminal: each
# tests/screens/NAME.keys holds "file REPORT", "size WxH", then key names or
# :commands, one a line; a line "DUMP" writes the screen, compared with
# tests/screens/NAME.K.expected (K counts the dumps); a line "ROLES" writes
# the screen's colour roles as letters (see nb_screen_roles), to test highlights. NIANBAO_GOLDEN_WRITE=1
# rewrites the expected screens (then read the diff by eye). Under a zh
# locale ("lang zh_CN.UTF-8"), no screen may show an English word but IDs,
# file names, key names and the report's own words.
NB=${1:-./nianbao}
T=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-screens.XXXXXX") || exit 1
# scripts that change a review end with :q!; whatever a failed run left in
# tests/data (a journal would make the next run ask to recover) goes first
rm -f tests/data/*.review tests/data/*.review.journal tests/data/*.review.lock
trap 'rm -rf "$T"; rm -f tests/data/*.review.journal tests/data/*.review.lock' EXIT
unset LANG LANGUAGE LC_MESSAGES NO_COLOR TMUX # y copies nowhere: the same message on every machine
NIANBAO_REVIEWER=tester # notes and decisions show who; the same on every machine
export NIANBAO_REVIEWER
LC_ALL=C.UTF-8
export LC_ALL
pass=0
fail=0
# zh_words SCREEN REPORT: the ASCII words of a screen under zh that are
# none of what may stay ASCII — IDs (with a dot or an underscore), file
# names and paths, key names, `:` commands and what they take, names
# (nianbao, tmux, PCRE2, OSC 52, terminfo Ms), the report's own words.
zh_words() {
    python3 - "$1" "$2" <<'PY'
import re, sys
screen = open(sys.argv[1], encoding="utf-8").read().splitlines()
report = open(sys.argv[2], encoding="utf-8", errors="replace").read()
ok = set(re.findall(r"[A-Za-z][A-Za-z0-9]*", report))
ok |= set("Up Down Left Right PgUp PgDn Home End Enter Esc Tab Backspace Space Delete".split())
ok |= set("nianbao tmux PCRE2 PCRE OSC terminfo Ms side stacked auto".split())
bad = []
for n, line in enumerate(screen, 1):
    for tok in re.findall(r"[A-Za-z0-9_.:/$?!*-]+", line):
        if re.search(r"[._/]", tok) or tok.startswith(":") or re.fullmatch(r"C-.", tok):
            continue
        bad += ["%d:%s" % (n, w) for w in re.findall(r"[A-Za-z]{2,}", tok) if w not in ok]
print(" ".join(bad))
PY
}
for keys in tests/screens/*.keys; do
    name=$(basename "$keys" .keys)
    file=$(sed -n 's/^file //p' "$keys")
    size=$(sed -n 's/^size //p' "$keys")
    lang=$(sed -n 's/^lang //p' "$keys")
    k=0
    roles=""
    : >"$T/$name.script"
    while IFS= read -r line; do
        case "$line" in
        file\ * | size\ * | lang\ *) ;;
        DUMP)
            k=$((k + 1))
            echo ":dump $T/$name.$k.txt" >>"$T/$name.script"
            ;;
        ROLES)
            k=$((k + 1))
            roles="$roles $k "
            echo ":dumproles $T/$name.$k.txt" >>"$T/$name.script"
            ;;
        *) printf '%s\n' "$line" >>"$T/$name.script" ;;
        esac
    done <"$keys"
    if [ -n "$lang" ]; then
        LANG=$lang LC_ALL= "$NB" --size "${size:-160x48}" --script "$T/$name.script" "$file" 2>"$T/err"
    else
        "$NB" --size "${size:-160x48}" --script "$T/$name.script" "$file" 2>"$T/err"
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
        case "$lang:$roles" in
        *" $i "*) ;; # colour roles, not words
        zh*)
            words=$(zh_words "$T/$name.$i.txt" "$file")
            if [ -n "$words" ]; then
                echo "not ok - $name screen $i: English words under zh: $words"
                fail=$((fail + 1))
            fi
            ;;
        esac
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
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
