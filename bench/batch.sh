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

# ratio 'A' 'B': the median over RUNS of A's time / B's, A and B taken in
# turn and timed by bench/pair.pl (no clock program's start in any figure)
ratio() {
	perl bench/pair.pl "$RUNS" $OUT/stderr.log $1 -- $2 >$OUT/pair.out ||
		{ tail -3 $OUT/stderr.log >&2; die "failed: $1 / $2"; }
	cut -d' ' -f1 $OUT/pair.out
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
