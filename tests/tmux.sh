#!/bin/sh
# tmux.sh — the real binary on a real terminal: tmux runs the console,
# send-keys types, capture-pane reads the screen; the terminal is given back
# when it quits. Skipped (with a line saying so) only where tmux is missing.
NB=${1:-./nianbao}
if ! command -v tmux >/dev/null 2>&1; then
    echo "skip - tmux not installed"
    echo "0 passed, 0 failed"
    exit 0
fi
S=nianbao-test-$$
# a tmux server of this run alone: other runs (and their kill-session) never touch it
tmux() { command tmux -L "$S" "$@"; }
pass=0
fail=0
check() { # check DESC PATTERN: the pane shows PATTERN (waits for it, up to 30 s on a loaded machine)
    i=0
    while [ $i -lt 300 ]; do
        if tmux capture-pane -p -t "$S" 2>/dev/null | grep -q -- "$2"; then
            echo "ok - $1"; pass=$((pass + 1)); return 0
        fi
        sleep 0.1; i=$((i + 1))
    done
    echo "not ok - $1 (no \"$2\" on screen)"; tmux capture-pane -p -t "$S" 2>/dev/null | sed 's/^/#   /' | head -12
    fail=$((fail + 1))
}
trap 'tmux kill-session -t "$S" 2>/dev/null' EXIT
# start ARGS: a new session; the server of the session just killed may be
# exiting still ("server exited unexpectedly"): tried again until one starts
start() {
    i=0
    until tmux new-session "$@" 2>/dev/null || [ $i -ge 50 ]; do sleep 0.1; i=$((i + 1)); done
}
# gone PID: wait until the process has ended (and been reaped)
gone() { i=0; while [ $i -lt 300 ] && kill -0 "$1" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done; }
start -d -s "$S" -x 160 -y 48 "LC_ALL=C.UTF-8 TERM=xterm-256color $NB tests/data/seed000.txt; echo EXITED-\$?; sleep 30"
check "the console opens on the report" "文水县开栅镇"
check "the tables are beside the text" "T3  requests received and handled"
tmux send-keys -t "$S" ']' ']'
check "] steps to the second finding" "finding 2/9 PERIOD.INCOMPLETE"
tmux send-keys -t "$S" '?'
check "? shows the help from the request table" "next finding (wraps)"
tmux send-keys -t "$S" 'x'
tmux send-keys -t "$S" ':' 'goto t3.total.total' Enter
check ":goto selects a cell" "t3.total.total = 0 (number)"
tmux send-keys -t "$S" 'y'
check "y copies the selected cell inside tmux" "copied to the tmux buffer"
if [ "$(tmux show-buffer 2>/dev/null)" = "0" ]; then
    echo "ok - the tmux buffer holds the cell's value"; pass=$((pass + 1))
else
    echo "not ok - the tmux buffer holds \"$(tmux show-buffer 2>&1)\", not the cell's value 0"; fail=$((fail + 1))
fi
tmux resize-window -t "$S" -x 80 -y 24 2>/dev/null || tmux resize-pane -t "$S" -x 80 -y 24
check "a resize to 80x24 stacks the panes" "─────"
tmux send-keys -t "$S" 'q'
check "q quits and gives the terminal back" "EXITED-0"
tmux kill-session -t "$S" 2>/dev/null

# No colours (NO_COLOR, an 8-colour terminal): findings stay visible by markers.
start -d -s "$S" -x 160 -y 48 "LC_ALL=C.UTF-8 TERM=xterm NO_COLOR=1 $NB tests/data/seed000.txt; sleep 30"
check "NO_COLOR on an 8-colour terminal: missing rows marked" "行政许可 *—!"
check "NO_COLOR: the deviating header's cells marked" "0\\*"
tmux send-keys -t "$S" 'q'
tmux kill-session -t "$S" 2>/dev/null

# Ctrl-Z suspends to the shell, fg resumes; SIGTERM gives the terminal back.
start -d -s "$S" -x 120 -y 40 "env -i PATH=\"$PATH\" HOME=\"$HOME\" TERM=xterm-256color LC_ALL=C.UTF-8 PS1='sh\$ ' sh -i"
tmux send-keys -t "$S" "$NB tests/data/review.txt" Enter
check "the console runs under a shell" "T3  requests received and handled"
tmux send-keys -t "$S" C-z
check "Ctrl-Z suspends to the shell" "Stopped"
tmux send-keys -t "$S" "fg" Enter
check "fg resumes the console" "T3  requests received and handled"
tmux send-keys -t "$S" "]"
check "keys work after resuming" "finding 1/3"
pid=$(pgrep -n -f "$NB tests/data/review.txt")
[ -n "$pid" ] && kill -TERM "$pid" && gone "$pid" # keys typed before it is gone would go to it
tmux send-keys -t "$S" "echo BACK-\$?" Enter
check "SIGTERM restores the terminal and exits with 128 + 15" "BACK-143"

# A dropped ssh connection (SIGHUP to the console) loses no work: reopened,
# the console offers the journal, y brings the correction back.
tmux kill-session -t "$S" 2>/dev/null
D=$(mktemp -d)
cp tests/data/seed002.txt "$D/h.txt"
# settle: no console is left on the copy (one ended by a signal or kill-session
# may still be giving its lock back), so that the next one is its only console
settle() { i=0; while [ $i -lt 300 ] && pgrep -f "$NB $D/h.txt" >/dev/null; do sleep 0.1; i=$((i + 1)); done; }
open_copy() { settle; start -d -s "$S" -x 160 -y 48 "LC_ALL=C.UTF-8 TERM=xterm-256color $NB $D/h.txt; echo EXITED-\$?; sleep 30"; }
# gone PID: wait until the process has ended (and been reaped)
gone() { i=0; while [ $i -lt 300 ] && kill -0 "$1" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done; }
# crash SIGNAL STATUS DESC: the console dies by SIGNAL, its exit status
# STATUS; reopened, it must offer the journal, saying what it holds
crash() {
    pid=$(pgrep -n -f "^$NB $D/h.txt")
    [ -n "$pid" ] && kill "-$1" "$pid" && gone "$pid"
    check "SIG$1: exit status $2" "EXITED-$2"
    tmux kill-session -t "$S" 2>/dev/null
    open_copy
    check "$3" "unsaved work in $D/h.txt.review.journal: $4 correction"
    check "only y or n answers it" "y recovers, n discards"
}
open_copy
check "the console opens a copy of a report" "T3  requests received and handled"
tmux send-keys -t "$S" ':' 'goto t2.regulation.in_force' Enter 'e' '4' '2' Enter
check "a cell is corrected" "t2.regulation.in_force = 42"
crash HUP 129 "after the hang-up, reopening offers the unsaved work, saying what it holds" 1
tmux send-keys -t "$S" 'x' 'q' Enter
check "any other key asks again" "y recovers, n discards"
tmux send-keys -t "$S" 'y' ':' 'goto t2.regulation.in_force' Enter
check "y recovers the correction" "t2.regulation.in_force = 42"
tmux send-keys -t "$S" 'q'
check "the recovered work counts as unsaved: q asks" "save them? y save"
tmux send-keys -t "$S" 'y'
check "saved and quit" "EXITED-0"
if grep -q 'value="42"' "$D/h.txt.review" 2>/dev/null && [ ! -e "$D/h.txt.review.journal" ]; then
    echo "ok - saved after recovery; the journal is gone"; pass=$((pass + 1))
else
    echo "not ok - saved after recovery"; ls "$D" | sed 's/^/#   /'; fail=$((fail + 1))
fi
tmux kill-session -t "$S" 2>/dev/null

# kill -9 in the middle of editing: the journal holds every change made.
open_copy
check "reopened after the save" "T3  requests received and handled"
tmux send-keys -t "$S" ':' 'goto t2.normative.in_force' Enter 'e' '7' Enter 'e' C-u '3' '1'
check "a second correction made, a third being typed" "value of t2.normative.in_force: 31"
crash KILL 137 "after kill -9, reopening offers the work since the save: one correction (the saved one not counted)" 1
tmux send-keys -t "$S" 'y' ':' 'goto t2.normative.in_force' Enter
check "y recovers the committed correction (the one being typed was never made)" "t2.normative.in_force = 7"
tmux send-keys -t "$S" ':' 'q!' Enter
check ":q! quits" "EXITED-0"
tmux kill-session -t "$S" 2>/dev/null

# Ctrl-C cancels an open editor first, then quits as q does: asking when
# there is unsaved work (under an interactive shell, as a terminal has it:
# Ctrl-C goes to the console's process group alone).
settle
start -d -s "$S" -x 160 -y 48 "env -i PATH=\"$PATH\" HOME=\"$HOME\" TERM=xterm-256color LC_ALL=C.UTF-8 PS1='sh\$ ' sh -i"
tmux send-keys -t "$S" "$NB $D/h.txt; echo EXITED-\$?" Enter
check "opened again" "T3  requests received and handled"
tmux send-keys -t "$S" ':' 'goto t2.regulation.in_force' Enter 'e' C-u '5'
check "the editor is open" "value of t2.regulation.in_force: 5"
tmux send-keys -t "$S" C-c
check "Ctrl-C closes the editor, the console stays" "t2.regulation.in_force = 42 (number)"
tmux send-keys -t "$S" 'e' C-u '6' Enter
check "corrected" "t2.regulation.in_force = 6"
tmux send-keys -t "$S" C-c
check "Ctrl-C with unsaved work asks, as q does" "save them? y save"
tmux send-keys -t "$S" 'z'
check "any other key cancels" "t2.regulation.in_force = 6"
tmux send-keys -t "$S" C-c
check "Ctrl-C asks again" "save them? y save"
tmux send-keys -t "$S" 'n'
check "n discards and quits" "EXITED-0"
tmux kill-session -t "$S" 2>/dev/null

# Two consoles on one report: the second is read-only and says whose lock it is.
open_copy
check "the first console" "T3  requests received and handled"
first=$(pgrep -n -f "^$NB $D/h.txt")
S1=$S
S=$S-second
start -d -s "$S" -x 160 -y 48 "LC_ALL=C.UTF-8 TERM=xterm-256color $NB $D/h.txt; echo EXITED-\$?; sleep 30"
check "the second console is read-only" "\[read-only\]"
check "it says whose lock it is" "another nianbao has this report open (pid $first"
tmux send-keys -t "$S" ']' 'c'
check "a decision is refused there" "read-only: another nianbao"
tmux kill-session -t "$S" 2>/dev/null
S=$S1
# the report edited on disk while the console has it open: said within a second
printf '\n（另一人修改）\n' >>"$D/h.txt"
check "the console notices the report changed on disk" "the report changed on disk since it was opened"
tmux send-keys -t "$S" ']' ']'
check "the title keeps saying so after other keys" "\[report changed on disk\]"
before=$(tmux capture-pane -p -t "$S" | grep -o "finding [0-9]*/[0-9]* [A-Z0-9_.]*")
# :e alone reads the report open again: the mark goes, the finding stays
tmux send-keys -t "$S" ':e' Enter
check ":e alone reads the report again" "read again: "
if tmux capture-pane -p -t "$S" | grep -q "report changed on disk"; then
    echo "not ok - the changed-on-disk mark went with :e"; fail=$((fail + 1))
else
    echo "ok - the changed-on-disk mark went with :e"; pass=$((pass + 1))
fi
if [ -n "$before" ]; then
    check "the finding it was on is still the current one ($before)" "$before"
else
    echo "not ok - no current finding on the status line before :e"; fail=$((fail + 1))
fi
tmux send-keys -t "$S" 'q'
tmux kill-session -t "$S" 2>/dev/null
rm -rf "$D"

# A folder with a link to a file that is gone: the walk's problem, said on
# standard error before the console opens, is said on its first screen too.
D=$(mktemp -d)
cp tests/data/seed000.txt tests/data/seed001.txt "$D"
ln -s "$D/gone.txt" "$D/moved.txt"
start -d -s "$S" -x 160 -y 48 "LC_ALL=C.UTF-8 TERM=xterm-256color $NB $D; echo EXITED-\$?; sleep 30"
check "the queue opens on the folder" "a queue of 2 reports"
check "the walk's problem is on the first screen" "moved.txt: a link to a file that does not exist"
tmux send-keys -t "$S" 'q'
check "q quits the queue" "EXITED-"
tmux kill-session -t "$S" 2>/dev/null
rm -rf "$D"

# a review made on another version of the report (a draft revised since): said on opening
D=$(mktemp -d)
cp tests/data/seed000.txt "$D/v.txt"
printf 'nianbao-review 1\nreport "v.txt"\nsha256 %s\nnote cell=t3.new.total by="a" at=2026-01-01T00:00:00+08:00 text="x"\n' \
    "$(sha256sum tests/data/seed000.txt | cut -c1-64)" >"$D/v.txt.review"
printf '\n（修订）\n' >>"$D/v.txt"
settle
start -d -s "$S" -x 160 -y 48 "LC_ALL=C.UTF-8 TERM=xterm-256color $NB $D/v.txt; echo EXITED-\$?; sleep 30"
check "a review made on another version of the report is said on opening" "the review was made on another version of this report"
tmux send-keys -t "$S" 'q'
tmux kill-session -t "$S" 2>/dev/null
# the report renamed unchanged: its review under the old name is pointed at on opening
cp tests/data/seed000.txt "$D/w-v2.txt"
sed 's/^sha256 .*/sha256 '"$(sha256sum tests/data/seed000.txt | cut -c1-64)"'/; s/^report .*/report "w.txt"/' "$D/v.txt.review" >"$D/w.txt.review"
start -d -s "$S" -x 160 -y 48 "LC_ALL=C.UTF-8 TERM=xterm-256color $NB $D/w-v2.txt; echo EXITED-\$?; sleep 30"
check "a report renamed unchanged: its review under the old name is said on opening" "w.txt.review: the review of this very report under an old name"
tmux send-keys -t "$S" 'q'
tmux kill-session -t "$S" 2>/dev/null
rm -rf "$D"

# check on a terminal: escape sequences of a report, a review and a file
# name are shown escaped; the terminal's title, colours and screen untouched.
D=$(mktemp -d)
evil="$D/$(printf 'r\033]0;pwned\007.txt')"
cp tests/data/seed000.txt "$evil"
fp=$("$NB" check --format json "$evil" | grep -o '"fingerprint":"[0-9a-f]*"' | head -1 | cut -d'"' -f4)
printf 'nianbao-review 1\ndecide finding=%s state=dismissed by="\\x1b]2;owned\\x07" at=2026-01-01T00:00:00+08:00 reason="\\x1b[2J\\x1b[41;31mred\\x07\\xe2\\x80\\xae"\n' "$fp" >"$evil.review"
start -d -s "$S" -x 200 -y 50 "env -i PATH=\"$PATH\" TERM=xterm-256color LC_ALL=C.UTF-8 NO_COLOR=1 PS1='sh\$ ' sh -i"
tmux send-keys -t "$S" "echo BEFORE-CHECK; $NB check $D/r*.txt; echo AFTER-CHECK" Enter
check "check ran in the terminal" "AFTER-CHECK"
check "the text before it is still on the screen (no clear)" "BEFORE-CHECK"
check "the escapes shown as text" 'x1b\[41;31mred\\x07'
title=$(tmux display-message -p -t "$S" '#{pane_title}')
colours=$(tmux capture-pane -p -e -t "$S" | grep -c "$(printf '\033')\[[0-9;]*4[1-7]m")
bell=$(tmux display-message -p -t "$S" '#{window_bell_flag}')
if [ "$title" != "pwned" ] && [ "$title" != "owned" ] && [ "$colours" -eq 0 ] && [ "$bell" != 1 ]; then
    echo "ok - no title, colour or bell took effect"; pass=$((pass + 1))
else
    echo "not ok - the terminal was changed: title \"$title\", $colours coloured lines, bell $bell"; fail=$((fail + 1))
fi
tmux kill-session -t "$S" 2>/dev/null
rm -rf "$D"

# The documents people hold: a .docx, and a PDF whose embedded fonts are
# damaged (poppler then prints on its own, which must not reach the screen).
D=$(mktemp -d)
python3 - tests/data/pdf/kewei-2024.pdf "$D/kewei.pdf" <<'EOF'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
at = b.find(b"/Length1 ")
while at >= 0:
    s = b.find(b"stream\n", at) + 7 + 200
    b[s:s + 1000] = bytes(x ^ 0x5A for x in b[s:s + 1000])
    at = b.find(b"/Length1 ", at + 1)
open(sys.argv[2], "wb").write(b)
EOF
start -d -s "$S" -x 160 -y 48 "LC_ALL=C.UTF-8 TERM=xterm-256color $NB $D/kewei.pdf; echo EXITED-\$?; sleep 30"
check "a PDF with damaged fonts opens, its tables read" "行政许可  *97$"
tmux send-keys -t "$S" ':' 'goto t3.new.total' Enter
check ":goto in a PDF" "t3.new.total = 34 (number)"
tmux send-keys -t "$S" 'q'
check "q quits the PDF" "EXITED-0"
if tmux capture-pane -p -S - -t "$S" | grep -q "font thing"; then # the terminal as the console left it
    echo "not ok - poppler's own messages kept off the terminal"; fail=$((fail + 1))
else
    echo "ok - poppler's own messages kept off the terminal"; pass=$((pass + 1))
fi
tmux kill-session -t "$S" 2>/dev/null
start -d -s "$S" -x 80 -y 24 "LC_ALL=C.UTF-8 TERM=xterm-256color $NB tests/data/formats/pingtan2022.docx; sleep 30"
check "a .docx opens at 80x24" "平潭综合实验区"
tmux send-keys -t "$S" ']'
check "] reaches its first finding" "finding 1/3 PERIOD.INCOMPLETE"
tmux kill-session -t "$S" 2>/dev/null
rm -rf "$D"
# A locale without wide characters — none set, or over ssh one the client
# names that this machine lacks (zh_CN.UTF-8 here): the report's Chinese is
# still drawn, and zh_* still picks Chinese messages.
for L in C zh_CN.UTF-8; do
    start -d -s "$S" -x 160 -y 48 "env -i PATH=\"$PATH\" TERM=xterm-256color LANG=$L $NB tests/data/seed000.txt; echo EXITED-\$?; sleep 30"
    check "LANG=$L: the report's Chinese is drawn" "2024 年政府信息公开工作年度报告"
    tmux send-keys -t "$S" 'q'
    check "LANG=$L: q quits" "EXITED-0"
    tmux kill-session -t "$S" 2>/dev/null
done

# the queue of reports
. tests/tmux_queue.sh

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
