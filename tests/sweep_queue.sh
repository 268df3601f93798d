#!/bin/sh
# sweep_queue.sh — the queue of every report of the corpus (and the two
# years of tests/data/years), as a new user goes through it, at 80x24,
# 120x40 and 200x60: the queue shown, Enter on its first report, then ]
# until every finding of every report has been reached, a screen dumped at
# each step (and at 80x24 the detail view, K, of each finding). Every screen
# is valid UTF-8 with no line wider than the screen, and the findings
# reached, report after report, are exactly those `nianbao check` finds,
# rule by rule and in order.
NB=${1:-./nianbao}
corpus=${NIANBAO_SHARED_CORPUS:-../shared/corpus}
T=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-sweepq.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
LC_ALL=C.UTF-8
XDG_CONFIG_HOME=$T/xdg # no rule settings of the machine's
export LC_ALL XDG_CONFIG_HOME
if [ ! -d "$corpus" ]; then
    echo "skip - no corpus at $corpus"
    echo "0 passed, 0 failed"
    exit 0
fi
{ find "$corpus" -type f ! -name '*.json'; ls tests/data/years/*.txt; } | sort >"$T/paths"
"$NB" check --format json $(cat "$T/paths") >"$T/expected.json" 2>/dev/null
n=$(grep -o '"rule":' "$T/expected.json" | wc -l)
pass=0
fail=0
for size in 80x24 120x40 200x60; do
    w=${size%x*}
    mkdir -p "$T/$size"
    {
        echo ":dump $T/$size/queue.txt"
        echo "Enter"
        i=1
        while [ $i -le "$n" ]; do
            [ $i -gt 1 ] && echo "]"
            echo ":dump $T/$size/$(printf %05d $i).txt"
            if [ "$size" = 80x24 ]; then
                echo "K"
                echo ":dump $T/$size/$(printf %05d $i).detail.txt"
                echo "Esc"
            fi
            i=$((i + 1))
        done
    } >"$T/script"
    if ! "$NB" --size "$size" --script "$T/script" - <"$T/paths" 2>"$T/err"; then
        echo "not ok - the queue at $size: $(cat "$T/err")"; fail=$((fail + 1)); continue
    fi
    if python3 - "$T/$size" "$w" "$n" "$T/expected.json" <<'PY'; then
import json, os, re, sys, unicodedata
folder, width, n, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
bad = []
def cols(line):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in line)
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), encoding='utf-8', errors='strict') as f:
        for k, line in enumerate(f, 1):
            if cols(line.rstrip('\n')) > width:
                bad.append('%s:%d is %d wide' % (name, k, cols(line.rstrip('\n'))))
if bad:
    sys.exit('wider than the screen: ' + '; '.join(bad[:5]))
files = {}
for line in open(expected, encoding='utf-8'):
    o = json.loads(line)
    rules = [x['rule'] for x in o['findings']]
    if rules:
        files[o['file']] = rules
status = re.compile(r'^ (?:…)?(.+?)(?: \[[^]]*\])? │ (?:finding )?(\d+)/(\d+) (\S+)')
blocks, cur = [], None
for i in range(1, n + 1):
    last = open(os.path.join(folder, '%05d.txt' % i), encoding='utf-8').read().rstrip('\n').split('\n')[-1]
    m = status.match(last)
    if not m:
        sys.exit('step %d: no finding on the status line: %r' % (i, last))
    tail, k, total, rule = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    if k == 1:
        cur = [tail, total, []]
        blocks.append(cur)
    elif cur is None or k != len(cur[2]) + 1 or total != cur[1]:
        sys.exit('step %d: finding %d/%d does not follow %r' % (i, k, total, cur))
    cur[2].append(rule)
    if os.path.exists(os.path.join(folder, '%05d.detail.txt' % i)):
        detail = open(os.path.join(folder, '%05d.detail.txt' % i), encoding='utf-8').read()
        if (' %s · ' % rule) not in detail or (' %d/%d' % (k, total)) not in detail:
            sys.exit('step %d: the detail view is not of finding %d/%d %s' % (i, k, total, rule))
left = dict(files)
for tail, total, rules in blocks:
    match = [f for f, r in left.items() if os.path.basename(f).endswith(tail) and r == rules]
    if len(rules) != total or not match:
        sys.exit('report %s: findings %s are no report\'s' % (tail, ' '.join(rules[:6])))
    del left[match[0]]
if left:
    sys.exit('never reached: ' + ', '.join(sorted(left)))
print('%d reports, %d findings' % (len(blocks), n))
PY
        echo "ok - the queue at $size: every finding of every report reached with ], nothing wider than the screen"
        pass=$((pass + 1))
    else
        echo "not ok - the queue at $size"; fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
