#!/bin/sh
# valgrind.sh — the batch paths (export of every corpus file as JSON and CSV,
# check of a folder and the corpus, its metrics as a table and JSON lines, a
# batch with a missing file) and the PDF reader's tests, each in one process,
# must show no memory error and no leak under valgrind. tests/valgrind.supp
# suppresses, as still reachable only, what GLib, poppler and cairo keep for
# the life of the process.
set -u
bin=${1:-./nianbao}
corpus=${NIANBAO_CORPUS:-../shared/corpus/real}
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed (make deps)"; exit 1
fi
files=$(ls tests/data/*.txt samples/*.txt 2>/dev/null)
[ -d "$corpus" ] && files="$files $(ls "$corpus"/*.txt)"
pass=0
fail=0
# vg DESC ARGS...: run nianbao ARGS under valgrind; any report or a crash fails
vg() {
    desc=$1
    shift
    log=$(mktemp)
    valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
        --suppressions=tests/valgrind.supp --num-callers=40 \
        --error-exitcode=99 --log-file="$log" "$bin" "$@" >/dev/null 2>&1
    rc=$?
    if [ $rc -eq 99 ] || [ $rc -gt 128 ] || [ -s "$log" ]; then
        echo "not ok - valgrind $desc (exit $rc)"; cat "$log"; fail=$((fail + 1))
    else
        echo "ok - valgrind $desc: no error, no leak"; pass=$((pass + 1))
    fi
    rm -f "$log"
}
n=$(echo $files | wc -w)
# the folders walked: the text reports of tests/data (the folder itself also
# holds test documents, PDFs and damaged files, read on their own below)
txtdir=$(mktemp -d)
(cd tests/data && find . -name '*.txt' | tar -cf - -T -) | tar -C "$txtdir" -xf -
# shellcheck disable=SC2086
vg "export --format json of $n files" export --format json $files
# shellcheck disable=SC2086
vg "export --format csv of $n files" export --format csv $files
# shellcheck disable=SC2086
vg "check of a folder and $n files" check --format json "$txtdir" $files
vg "with a missing file in the batch" export /nonexistent/report.txt tests/data/seed000.txt
# a run-together row with empty tab fields, whose digits number its cells (the
# split once left cells of such a row unset)
split=$(mktemp)
sed 's/^\(一、本年新收政府信息公开申请数量\t\t\)0\t0\t0\t0\t0\t0\t0\t$/\11000\t\t1\t/' tests/data/seed001.txt >"$split"
vg "a run-together row with empty fields" export --format json "$split"
rm -f "$split"
# the structured readers on every test document: docx, html, GBK html, doc
docs=$(ls tests/data/formats/*.docx tests/data/formats/*.html tests/data/formats/*.doc 2>/dev/null)
formats=${NIANBAO_FORMATS:-../shared/corpus/formats}
[ -d "$formats" ] && docs="$docs $(ls "$formats"/*.docx "$formats"/*.html "$formats"/*.doc)"
# shellcheck disable=SC2086
vg "export --format json of $(echo $docs | wc -w) documents" export --format json $docs
for bad in tests/data/formats/bad/*; do
    vg "check of $(basename "$bad") (refused)" check "$bad"
done
# shellcheck disable=SC2086
vg "check --summary as a table of $n files, with rule settings" check --summary --format text --disable 'TEXT.*' \
    --severity-of STRUCT.MISSING=warning $files
vg "check --summary as JSON lines of a folder" check --summary --format json "$txtdir"
rm -rf "$txtdir"
# the console, scripted: findings, search, a bad pattern, goto, themes, resize
script=$(mktemp)
printf ']\n]\nF\n3\nEnter\n/供\nn\nN\n/(bad\n:goto t3.new.total\n:theme mono\n:theme tests/data/bad.theme\n:resize 80x24\nTab\nG\n?\nq\n' >"$script"
vg "console driven by a script" --script "$script" tests/data/seed000.txt
rm -f "$script"
# the review: corrections and decisions saved from the console, then the log
D=$(mktemp -d)
cp tests/data/seed002.txt "$D/r.txt"
printf ':goto t2.regulation.in_force\ne\n"0\nEnter\n]\nd\n"why\nEnter\nu\nC-r\nw\n:q\n' >"$D/s"
vg "console correcting, deciding, undoing and saving" --script "$D/s" "$D/r.txt"
# the one report's views: a one-line report walked, the help scrolled and
# searched, the tables searched, y, the list paged, marked, decided in bulk
# with a recalled reason, undone
printf ':goto t3.total.natural\nTab\nG\nj\nk\nPgUp\n:1\n?\nG\n/\n"reason\nEnter\nn\nq\n/总计\nn\ny\n' >"$D/o"
vg "console on a one-line report: rows, help, tables search, y" --script "$D/o" tests/data/oneline.txt
cp tests/data/shuyang-2023.txt "$D/b.txt"
printf 'F\nPgDn\nG\ng\nj\n*\nd\n"none\nEnter\ns\nR\nj\nSpace\nd\nUp\nEnter\nu\nu\nEsc\n:q!\n' >"$D/b"
vg "console deciding findings in bulk from the list" --script "$D/b" "$D/b.txt"
vg "export --log --format md of a reviewed report" export --log --format md "$D/r.txt"
vg "export --log --format json and csv" export --log --format json "$D/r.txt" tests/data/seed000.txt
rm -rf "$D"
# a PDF the whole way in (its grids, the extraction by labels, poppler's
# messages kept off the terminal), a damaged one refused
vg "export --format json of a corpus PDF and a test PDF" export --format json tests/data/pdf/kewei-2024.pdf \
    $([ -d "$formats" ] && echo "$formats/008.pdf")
# the queue: reports opened and left, ] across them, a decision saved on the
# way, the detail view, :e, :next, sorting and filtering; one report open at a time
D=$(mktemp -d)
cp tests/data/seed000.txt tests/data/sumerror.txt tests/data/years/wolong-2024.txt tests/data/years/wolong-2025.txt "$D/"
# the keys, one a line
printf '%s\n' Enter ']' ']' ']' ']' ']' ']' c ']' y K j Enter '[' K PgDn Esc ':next' ':e tests/data/seed002.txt' F K q q s s f / '"wolong' Enter G Enter Esc q >"$D/s"
vg "the queue of a folder driven by a script" --script "$D/s" "$D"
ls "$D"/*.txt | { vg "the queue of the paths on standard input" --script "$D/s" -; }
rm -rf "$D"
# the PDF reader: every test PDF read, refused or joined, in one process
if [ -x build/tests/test_pdf ]; then
    bin=build/tests/test_pdf
    vg "PDF reader tests"
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
