# tests/tmux_queue.sh — part of tests/tmux.sh, read by it (its tmux server,
# check and counters): the queue of reports on a real terminal. A folder
# opened, a finding decided and saved in two reports, the console quit and
# the folder opened again: the queue shows both reports in progress with the
# right counts. Then the paths on standard input (find … | nianbao -), the
# keys read from the terminal.
case $NB in /*) ;; *) NB=$(pwd)/$NB ;; esac
D=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-queue.XXXXXX") || exit 1
cp tests/data/seed000.txt tests/data/sumerror.txt tests/data/years/wolong-2024.txt tests/data/years/wolong-2025.txt "$D/"
printf 'root = true\n' >"$D/.nianbao" # no rule settings of the machine's
ENV="LC_ALL=C.UTF-8 TERM=xterm-256color NIANBAO_REVIEWER=tester XDG_CONFIG_HOME=$D/xdg"
# the server of the sessions before gone (waited for, so that a new session
# does not meet it exiting), then one session whose pane runs each command
tmux kill-server 2>/dev/null
i=0
while tmux ls >/dev/null 2>&1 && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
tmux new-session -d -s "$S" -x 80 -y 24 "sleep 300"
# in_pane CMD: CMD in the pane, in place of what runs there
in_pane() { tmux respawn-pane -k -t "$S" "cd $D && $1; echo EXITED-\$?; sleep 300"; }
open_folder() { in_pane "env $ENV $NB ."; }

open_folder
check "a folder opens on its queue" "a queue of 4 reports"
check "sorted by open errors: seed000 first" "▶ seed000.txt"
tmux send-keys -t "$S" Enter
check "Enter opens the report at its first open finding" "finding 1/9 STRUCT.MISSING"
tmux send-keys -t "$S" c
check "c confirms it" "confirmed"
tmux send-keys -t "$S" q
check "q with a decision unsaved asks first" "y save, n discard"
tmux send-keys -t "$S" y
check "saved, back in the queue: seed000 in progress" "seed000.txt .* in progress 1/6"
tmux send-keys -t "$S" / w o l o n g - 2 0 2 5 Enter
check "/ filters the queue by name" "1/4 shown"
tmux send-keys -t "$S" Enter
check "the report of the second of two years of one body opens" "wolong-2025.txt │ finding 1/4 YEAR.IN_FORCE"
tmux send-keys -t "$S" ']' c
check "] then c confirms T3.BALANCE" "finding 2/4 T3.BALANCE .*confirmed"
tmux send-keys -t "$S" Escape
check "Esc asks about the unsaved decision too" "y save, n discard"
tmux send-keys -t "$S" y
check "back in the queue: wolong-2025 in progress" "wolong-2025.txt .* in progress 1/3"
tmux send-keys -t "$S" q
check "q in the queue quits" "EXITED-0"
if [ -f "$D/seed000.txt.review" ] && [ -f "$D/wolong-2025.txt.review" ] && [ ! -e "$D/sumerror.txt.review" ]; then
    echo "ok - a review file beside each report decided"; pass=$((pass + 1))
else
    echo "not ok - a review file beside each report decided"; ls -a "$D" | sed 's/^/#   /'; fail=$((fail + 1))
fi

# tomorrow: the folder again; both in progress, with the right counts
open_folder
check "reopened: seed000 6 errors, 8 open, in progress 1/6" "seed000.txt .*  6  *2  *1  *8 in progress 1/6"
check "reopened: wolong-2025 3 errors, 3 open, in progress 1/3" "wolong-2025.txt .*  3  *1  *0  *3 in progress 1/3"
check "reopened: sumerror not started" "sumerror.txt .*  3  *1  *2  *6 not started"
tmux send-keys -t "$S" Enter ']' ']' ']' ']' ']' ']' ']' ']'
check "] from the last finding goes on to the next report" "next report 2/4"
tmux send-keys -t "$S" ':' 'q' Enter
check ":q in a report goes back to the queue" "a queue of 4 reports"
tmux send-keys -t "$S" q
check "and q quits" "EXITED-0"

# find … | nianbao -: the paths on standard input, the keys from the terminal
tmux resize-window -t "$S" -x 120 -y 40 2>/dev/null || tmux resize-pane -t "$S" -x 120 -y 40
in_pane "ls *.txt | env $ENV $NB -"
check "the paths of standard input make the queue" "a queue of 4 reports"
tmux send-keys -t "$S" G
check "keys come from the terminal: G selects the last report" "▶ wolong-2024.txt"
tmux send-keys -t "$S" Enter
check "Enter opens it" "wolong-2024.txt │ findings: 0"
tmux send-keys -t "$S" Escape
check "Esc comes back to the queue" "a queue of 4 reports"
tmux send-keys -t "$S" q
check "q quits and gives the terminal back" "EXITED-0"
# a review whose report was renamed (saved as a new draft): what the walk says is on the queue's screen
printf 'nianbao-review 1\nreport "draft.txt"\n' >"$D/draft.txt.review"
open_folder
check "the queue says a review whose report is not in the folder" "draft.txt.review: a review whose report draft.txt is not in this folder"
tmux send-keys -t "$S" q
check "q quits" "EXITED-0"
tmux kill-session -t "$S" 2>/dev/null
rm -rf "$D"
