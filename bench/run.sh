#!/bin/sh
# bench/run.sh — owns `make bench`: the throughput of `nianbao export --format json` and `nianbao check`
# against `grep -c 总计` over the same generated corpus (bench/out/reports/); last, that of the docx
# and html readers (bench/formats.c) on the formats corpus.
# Prints figures only; it fails only when nianbao or grep fails, never on speed.
# Env: BENCH_N = number of report files (default 4000).
set -eu
cd "$(dirname "$0")/.."
N=${BENCH_N:-4000}
OUT=bench/out
DIR=$OUT/reports
BIN=./nianbao
die() { echo "bench: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "$BIN missing: run make first"
case $N in ''|*[!0-9]*|0) die "BENCH_N must be a positive integer, got '$N'";; esac

# 1. Corpus: seeds plus the shared real reports, copied round-robin under distinct
# names; each copy gets a trailing line with its number (export output unchanged)
# so no two files are byte-identical. Reused when count and sources match.
SRCS=$(ls tests/data/seed00*.txt ../shared/corpus/real/*.txt 2>/dev/null) || true
[ -n "$SRCS" ] || die "no corpus files found"
STAMP="$N $(echo "$SRCS" | cksum)"
if [ "$(cat $OUT/reports.stamp 2>/dev/null)" != "$STAMP" ] ||
   [ "$(ls $DIR 2>/dev/null | wc -l)" -ne "$N" ]; then
	echo "bench: generating $N files in $DIR ..."
	rm -rf $DIR && mkdir -p $DIR
	i=0
	while [ $i -lt $N ]; do
		for s in $SRCS; do
			[ $i -lt $N ] || break
			{ cat "$s"; printf '\n（bench copy %d）\n' $i; } > "$(printf '%s/r%05d-%s' $DIR $i "${s##*/}")"
			i=$((i + 1))
		done
	done
	echo "$STAMP" > $OUT/reports.stamp
fi
FILES=$(ls $DIR | wc -l)
BYTES=$(cat $DIR/* | wc -c)

# 2. Timing. Monotonic seconds (perl CLOCK_MONOTONIC), falling back to the wall clock.
now() { perl -MTime::HiRes=clock_gettime,CLOCK_MONOTONIC -e 'printf "%.6f\n", clock_gettime(CLOCK_MONOTONIC)' 2>/dev/null || date +%s.%N; }

# best_of3 CMD...: runs CMD 3 times over all files (find -print0 | xargs -0),
# stdout to /dev/null, stderr to $OUT/stderr.log; sets BEST; dies on failure.
best_of3() {
	BEST=
	for _ in 1 2 3; do
		t0=$(now)
		find $DIR -type f -print0 | xargs -0 "$@" >/dev/null 2>$OUT/stderr.log ||
			{ tail -5 $OUT/stderr.log >&2; die "failed: $*"; }
		t1=$(now)
		BEST=$(awk -v a="$t0" -v b="$t1" -v best="$BEST" 'BEGIN { d = b - a; if (best != "" && best < d) d = best; printf "%.4f", d }')
	done
}
# extraction alone, in-process (build/bench/extract), best of 3
T_EXT=
if [ -x build/bench/extract ]; then
	for _ in 1 2 3; do
		t=$(find $DIR -type f | build/bench/extract | awk '{ print $4 }')
		T_EXT=$(awk -v a="$t" -v best="$T_EXT" 'BEGIN { if (best != "" && best < a) a = best; printf "%.4f", a }')
	done
fi
best_of3 "$BIN" export --format json
T_EXP=$BEST
# check exits 1 when a report has errors: not a failure here (2 is).
best_of3 sh -c '"$0" check --no-years "$@"; [ $? -le 1 ]' "$BIN"
T_CHK=$BEST
# the folder as a user gives it, with the cross-year pairing pass
t0=$(now)
rc=0; "$BIN" check $DIR >/dev/null 2>$OUT/stderr.log || rc=$?
t1=$(now)
[ $rc -le 1 ] || { tail -5 $OUT/stderr.log >&2; die "failed: check $DIR"; }
T_DIR=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
# grep exits 1 when a batch has no match: not an error (2 is).
best_of3 sh -c 'grep -c 总计 "$@"; [ $? -le 1 ]' grep
T_GREP=$BEST

# 3. Report (MB = 10^6 bytes).
awk -v n="$FILES" -v by="$BYTES" -v tx="${T_EXT:-0}" -v te="$T_EXP" -v tc="$T_CHK" -v td="$T_DIR" -v tg="$T_GREP" -v src="$(echo "$SRCS" | wc -l)" -v loc="${LC_ALL:-${LANG:-C}}" 'BEGIN {
	mb = by / 1e6
	printf "corpus: %d files from %d sources, %d bytes (%.1f MB, MB = 10^6 bytes), best of 3 runs, locale %s\n", n, src, by, mb, loc
	if (tx > 0) printf "extraction alone: %d files, %.1f MB, %.3f s, %.1f MB/s\n", n, mb, tx, mb / tx
	printf "export --format json (cells and findings): %d files, %.1f MB, %.3f s, %.1f MB/s\n", n, mb, te, mb / te
	printf "check: %d files, %.1f MB, %.3f s, %.1f MB/s\n", n, mb, tc, mb / tc
	printf "check DIR (walk + cross-year pairing, one run): %.3f s, %.1f MB/s\n", td, mb / td
	printf "grep -c: %d files, %.1f MB, %.3f s, %.1f MB/s\n", n, mb, tg, mb / tg
	printf "export is %.1fx grep'"'"'s time, check %.1fx\n", te / tg, tc / tg
}'

# The console on a 10 MB report at 300x100, and on the same text as one
# line: open to first screen, and keys.
if [ -x build/bench/console ]; then
	BIG=$OUT/report-10MB.txt
	if [ ! -f "$BIG" ]; then
		src=tests/data/seed000.txt
		{ sed -n '1,6p' $src; i=0; while [ $i -lt 5800 ]; do sed -n '7,32p' $src; i=$((i + 1)); done; sed -n '33,$p' $src; } >"$BIG"
	fi
	build/bench/console "$BIG" 300x100
	# the same text as one line of 10 MB (a web page's text): keys must not cost more
	LINE=$OUT/report-10MB-one-line.txt
	[ -f "$LINE" ] || { tr -d '\n' <"$BIG"; echo; } >"$LINE"
	build/bench/console "$LINE" 300x100
fi

# The structured readers on the documents people hold (docx, html, GBK html):
# the reader alone and the whole way in, the fastest run in half a second each.
FORMATS=${NIANBAO_FORMATS:-../shared/corpus/formats}
if [ -x build/bench/formats ] && [ -d "$FORMATS" ]; then
	build/bench/formats "$FORMATS"/*.docx "$FORMATS"/*.html
fi
