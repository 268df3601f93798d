#!/bin/sh
# bench/batch.sh — owns `make bench-batch`: the batch's speed as ratios to
# `grep -rc 总计` over the same files, each ratio the median of runs taken
# in turn (grep, nianbao, grep, nianbao …) in one run of this script, so the
# machine's drift cancels: check as text, check as JSON with the pairing of
# years, export as JSON — each with -j 1 and with every core; then the same
# folder as GB18030 and as UTF-16 against itself in UTF-8.
# Prints figures only; fails only when a command fails, never on speed.
# Env: BENCH_N files (default 2000), BENCH_RUNS (default 5).
set -eu
cd "$(dirname "$0")/.."
N=${BENCH_N:-2000}
RUNS=${BENCH_RUNS:-5}
OUT=bench/out/batch
BIN=./nianbao
die() { echo "bench: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "$BIN missing: run make first"
case $N$RUNS in *[!0-9]*) die "BENCH_N and BENCH_RUNS are whole numbers";; esac
CORES=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)

# 1. The folder: bench/make_folder.sh's reports (tests/data's, the years of
# one body among them, and the shared real reports), then the same folder
# in GB18030 and in UTF-16 (files iconv cannot convert are left out of all
# three).
if [ "$(cat $OUT/stamp 2>/dev/null)" != "$N" ]; then
	echo "bench: generating $N files in $OUT ..."
	rm -rf $OUT && mkdir -p $OUT/gb18030 $OUT/utf16
	sh bench/make_folder.sh $OUT/utf8 $N
	for f in $OUT/utf8/*; do
		name=${f##*/}
		if ! iconv -f UTF-8 -t GB18030 "$f" >$OUT/gb18030/$name 2>/dev/null ||
			! iconv -f UTF-8 -t UTF-16 "$f" >$OUT/utf16/$name 2>/dev/null; then
			rm -f "$f" $OUT/gb18030/$name $OUT/utf16/$name
		fi
	done
	echo "$N" >$OUT/stamp
fi
FILES=$(ls $OUT/utf8 | wc -l)
BYTES=$(cat $OUT/utf8/* | wc -c)

now() { perl -MTime::HiRes=clock_gettime,CLOCK_MONOTONIC -e 'printf "%.6f\n", clock_gettime(CLOCK_MONOTONIC)'; }
# secs CMD...: the seconds CMD takes, its output thrown away; exit 2 or more fails
secs() {
	t0=$(now)
	rc=0
	"$@" >/dev/null 2>$OUT/stderr.log || rc=$?
	t1=$(now)
	[ $rc -le 1 ] || { tail -3 $OUT/stderr.log >&2; die "failed ($rc): $*"; }
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
}
# ratio 'A' 'B': the median over RUNS of A's time / B's, A and B taken in turn
ratio() {
	r=
	k=0
	while [ $k -lt $RUNS ]; do
		a=$(eval "secs $1")
		b=$(eval "secs $2")
		r="$r $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')"
		k=$((k + 1))
	done
	echo $r | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
GREP="grep -rc 总计 $OUT/utf8"
echo "folder: $FILES reports, $BYTES bytes, $CORES cores; each figure the median of $RUNS ratios taken in turn"
for j in 1 $CORES; do
	echo "-j $j: check (text, years paired)            $(ratio "$BIN check -j $j $OUT/utf8" "$GREP")x grep -rc"
	echo "-j $j: check --format json (years paired)    $(ratio "$BIN check --format json -j $j $OUT/utf8" "$GREP")x grep -rc"
	echo "-j $j: export --format json                  $(ratio "$BIN export --format json -j $j $OUT/utf8" "$GREP")x grep -rc"
done
echo "all cores against -j 1, check --format json: $(ratio "$BIN check --format json -j 1 $OUT/utf8" "$BIN check --format json -j $CORES $OUT/utf8")x the throughput"
for enc in gb18030 utf16; do
	echo "$enc against UTF-8, export --format json -j 1: $(ratio "$BIN export --format json -j 1 $OUT/$enc" "$BIN export --format json -j 1 $OUT/utf8")x the time"
done
