#!/bin/sh
# bench/fixed.sh — owns `make bench-fixed`: the fixed work per report. On a folder of many ordinary
# reports (bench/make_folder.sh), the time of `check`, `check --format json` and `export --format
# json` of the whole folder as a multiple of `grep -rc 总计` over the same folder, measured in the
# same run, command and grep in turn, the median of the runs. Prints figures only; it fails only
# when nianbao or grep fails, never on speed.
# Env: FIXED_N = number of report files (default 1000), FIXED_RUNS = runs of each (default 7),
# FIXED_BIN = the nianbao to time (default ./nianbao: another build, for a figure before a change).
set -eu
cd "$(dirname "$0")/.."
N=${FIXED_N:-1000}
RUNS=${FIXED_RUNS:-7}
BIN=${FIXED_BIN:-./nianbao}
OUT=bench/out
DIR=$OUT/fixed
die() { echo "bench-fixed: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "$BIN missing: run make first"
case $RUNS in ''|*[!0-9]*|0) die "FIXED_RUNS must be a positive integer, got '$RUNS'";; esac
mkdir -p $OUT
STAMP="$N $(cat bench/make_folder.sh | cksum)"
if [ "$(cat $OUT/fixed.stamp 2>/dev/null)" != "$STAMP" ] || [ "$(ls $DIR 2>/dev/null | wc -l)" -ne "$N" ]; then
	sh bench/make_folder.sh $DIR "$N"
	echo "$STAMP" >$OUT/fixed.stamp
fi
BYTES=$(cat $DIR/* | wc -c)

# the clock: GNU date's nanoseconds (a small program: its own start is a fraction of a
# millisecond), else perl's monotonic clock
if [ "$(date +%N)" != "%N" ]; then now() { date +%s.%N; }; else
	now() { perl -MTime::HiRes=clock_gettime,CLOCK_MONOTONIC -e 'printf "%.6f\n", clock_gettime(CLOCK_MONOTONIC)'; }
fi
REP=3 # each timed stretch runs the command REP times: the clock's own cost spread over them
# run NAME MAXRC CMD...: REP runs of CMD (stdout to /dev/null), the seconds of one appended to $OUT/NAME.t
run() {
	name=$1 max=$2
	shift 2
	t0=$(now)
	k=0
	while [ $k -lt $REP ]; do
		rc=0
		"$@" >/dev/null 2>$OUT/fixed.err || rc=$?
		[ $rc -le "$max" ] || { tail -5 $OUT/fixed.err >&2; die "failed ($rc): $*"; }
		k=$((k + 1))
	done
	t1=$(now)
	awk -v a="$t0" -v b="$t1" -v r=$REP 'BEGIN { printf "%.6f\n", (b - a) / r }' >>$OUT/$name.t
}
rm -f $OUT/grep.t $OUT/check.t $OUT/json.t $OUT/export.t
# one thread: a build that reads reports on every core is given -j 1 (an older one has no -j)
JOBS=
"$BIN" --help 2>&1 | grep -q -- '-j N' && JOBS="-j 1"
i=0
while [ $i -le "$RUNS" ]; do # the first round warms the caches and is not counted
	[ $i -gt 0 ] || { grep -rc 总计 $DIR >/dev/null; "$BIN" check --no-years $DIR >/dev/null 2>&1 || true; }
	if [ $i -gt 0 ]; then
		run grep 1 grep -rc 总计 $DIR
		run check 1 "$BIN" check $JOBS --no-years $DIR
		run grep 1 grep -rc 总计 $DIR
		run json 1 "$BIN" check $JOBS --format json --no-years $DIR
		run grep 1 grep -rc 总计 $DIR
		run export 0 "$BIN" export $JOBS --format json $DIR
	fi
	i=$((i + 1))
done
median() { sort -n $OUT/$1.t | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
G=$(median grep) C=$(median check) J=$(median json) E=$(median export)
awk -v n="$N" -v by="$BYTES" -v runs="$RUNS" -v g="$G" -v c="$C" -v j="$J" -v e="$E" 'BEGIN {
	printf "folder: %d reports, %.1f MB (MB = 10^6 bytes), median of %d runs of 3, one core\n", n, by / 1e6, runs
	printf "grep -rc 总计 DIR:                   %.4f s\n", g
	printf "check --no-years DIR:               %.4f s  %5.1fx grep, %.0f us a report\n", c, c / g, c / n * 1e6
	printf "check --format json --no-years DIR: %.4f s  %5.1fx grep, %.0f us a report\n", j, j / g, j / n * 1e6
	printf "export --format json DIR:           %.4f s  %5.1fx grep, %.0f us a report\n", e, e / g, e / n * 1e6
}'
