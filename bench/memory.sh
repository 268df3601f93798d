#!/bin/sh
# bench/memory.sh — owns `make bench-memory`: what large reports cost.
#  1. peak resident memory (RSS) of `export --format json` and
#     `check --format json` on a dense 50 MB report (bench/gen_dense.sh: its
#     tables block repeated and filled), the same with 50 MB of short rows,
#     and the one-line reports, each as a multiple of the file's size;
#  2. the time of both on one-line reports of 1, 3 and 10 MB (the report's
#     text joined into one line and repeated), each as a multiple of
#     `grep -c 总计` on the same file in the same run, and how the time grows
#     from 1 MB to 10 MB (linear: about 10x).
# Prints figures only; it fails when nianbao crashes or a tool is missing,
# never on a figure. Env: MEM_MB = the dense reports' size in MB (default 50).
set -eu
cd "$(dirname "$0")/.."
BIN=./nianbao
OUT=bench/out/memory
MB=${MEM_MB:-50}
die() { echo "bench-memory: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "$BIN missing: run make first"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is needed for the peak RSS"
case $MB in ''|*[!0-9]*|0) die "MEM_MB must be a positive integer, got '$MB'";; esac
sh bench/gen_dense.sh $OUT $MB 1 3 10

# peak FILE CMD...: runs CMD on FILE, sets KB to its peak RSS in KiB; status 2
# or a crash is a failure (1: the report has errors, as check says)
peak() {
	f=$1; shift
	rc=0; /usr/bin/time -f %M -o $OUT/time.txt "$BIN" "$@" "$f" >/dev/null 2>$OUT/stderr.log || rc=$?
	[ $rc -le 1 ] || { tail -3 $OUT/stderr.log >&2; die "failed ($rc): $* $f"; }
	KB=$(tail -1 $OUT/time.txt)
}
echo "peak RSS (MB = 10^6 bytes; x = a multiple of the file's size):"
for name in dense-${MB}MB dense-small-${MB}MB oneline-10MB oneline-3MB oneline-1MB; do
	f=$OUT/$name.txt
	size=$(wc -c <"$f")
	peak "$f" export --format json
	e=$KB
	peak "$f" check --format json
	awk -v n="$name" -v s="$size" -v e="$e" -v c="$KB" 'BEGIN {
		printf "  %-18s %6.1f MB: export --format json %6.1f MB (%.2fx), check --format json %6.1f MB (%.2fx)\n",
			n, s / 1e6, e * 1024 / 1e6, e * 1024 / s, c * 1024 / 1e6, c * 1024 / s }'
done

# best CMD...: the fastest of 5 runs of CMD (output dropped) in BEST, in
# seconds, timed inside one perl process by the monotonic clock
best() {
	BEST=$(LOG=$OUT/stderr.log perl -MTime::HiRes=clock_gettime,CLOCK_MONOTONIC -e '
		open(my $res, ">&", \*STDOUT) or die; open(STDOUT, ">", "/dev/null") or die;
		open(STDERR, ">", $ENV{LOG}) or die; my $best;
		for (1 .. 5) {
			my $t = clock_gettime(CLOCK_MONOTONIC);
			my $rc = system(@ARGV);
			die "failed ($rc): @ARGV\n" if $rc == -1 || $rc & 127 || ($rc >> 8) > 1;
			my $d = clock_gettime(CLOCK_MONOTONIC) - $t;
			$best = $d if !defined $best || $d < $best;
		}
		printf $res "%.6f\n", $best' "$@") || { tail -3 $OUT/stderr.log >&2; die "failed: $*"; }
}
echo "one-line reports (best of 5 runs; x grep = a multiple of grep -c 总计 on the same file):"
for k in 1 3 10; do
	f=$OUT/oneline-${k}MB.txt
	best grep -c 总计 "$f"
	g=$BEST
	best "$BIN" export --format json "$f"
	e=$BEST
	best "$BIN" check --format json "$f"
	c=$BEST
	awk -v k=$k -v g="$g" -v e="$e" -v c="$c" 'BEGIN {
		printf "  %2d MB: grep %.4f s, export --format json %.4f s (%.1fx grep), check --format json %.4f s (%.1fx grep)\n",
			k, g, e, e / g, c, c / g }'
	eval "E$k=$e C$k=$c"
done
awk -v e1="$E1" -v e10="$E10" -v c1="$C1" -v c10="$C10" 'BEGIN {
	printf "  10 MB against 1 MB: export %.1fx the time, check %.1fx (linear: 10x)\n", e10 / e1, c10 / c1 }'
