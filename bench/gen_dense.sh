#!/bin/sh
# bench/gen_dense.sh — owns the large reports of `make bench-memory`: a real
# report (tests/data/clean.txt) grown to a given size in three shapes, each
# the same bytes on every run (no randomness, no clock):
#   dense-NMB.txt        the report with its tables block (二、 to the T4 row)
#                        repeated, every count filled with a number, until the
#                        text is N MB of table rows;
#   dense-small-NMB.txt  the report with N MB of short number rows ("3\t14")
#                        after T3's last row (many lines of a few bytes);
#   oneline-KMB.txt      the report's whole text joined into one line (its
#                        line ends dropped) and repeated, K MB for each K.
# Usage: gen_dense.sh OUTDIR [N [K...]]   (N default 50; K default 1 3 10;
# MB = 10^6 bytes). A file already there at the right size is kept.
set -eu
cd "$(dirname "$0")/.."
OUT=${1:?usage: gen_dense.sh OUTDIR [N [K...]]}
N=${2:-50}
if [ $# -gt 2 ]; then shift 2; KS=$*; else KS="1 3 10"; fi
SRC=tests/data/clean.txt
mkdir -p "$OUT"

# the line numbers in SRC where the tables block starts (二、主动公开) and
# ends (the T4 values' row, before 五、)
first=$(grep -n '二、主动公开政府信息情况' $SRC | head -1 | cut -d: -f1)
five=$(grep -n '五、存在的主要问题' $SRC | head -1 | cut -d: -f1)
t3end=$(grep -n '四、结转下年度继续办理' $SRC | head -1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$five" ] && [ -n "$t3end" ] || { echo "gen_dense: $SRC has no tables block" >&2; exit 1; }

# fresh FILE BYTES: FILE is missing or not within 1% of BYTES
fresh() { [ ! -f "$1" ] || [ "$(wc -c <"$1")" -lt $(($2 * 99 / 100)) ] || [ "$(wc -c <"$1")" -gt $(($2 * 101 / 100)) ]; }

bytes=$((N * 1000000))
f=$OUT/dense-${N}MB.txt
if fresh "$f" $bytes; then
	LC_ALL=C awk -v first=$first -v five=$five -v want=$bytes '
	NR < first { head = head $0 "\n"; next }
	NR < five { block[nb++] = $0; next }
	{ tail = tail $0 "\n" }
	END {
		printf "%s", head; size = length(head) + length(tail); k = 0
		# every field that is a count of the block gets a number of its own
		while (size < want) {
			for (i = 0; i < nb; i++) {
				nf = split(block[i], f, "\t"); line = ""
				for (j = 1; j <= nf; j++) {
					if (f[j] == "0") f[j] = (k * 7 + i * 13 + j * 3) % 1000
					line = line (j > 1 ? "\t" : "") f[j]
				}
				print line; size += length(line) + 1
			}
			k++
		}
		printf "%s", tail
	}' $SRC >"$f"
fi

f=$OUT/dense-small-${N}MB.txt
if fresh "$f" $bytes; then
	LC_ALL=C awk -v t3end=$t3end -v want=$bytes '
	{ print; size += length($0) + 1 }
	NR == t3end {
		rest = want - 3000; k = 0
		while (size < rest) { line = (k % 10) "\t" (k * 7 % 100); print line; size += length(line) + 1; k++ }
	}' $SRC >"$f"
fi

for k in $KS; do
	f=$OUT/oneline-${k}MB.txt
	bytes=$((k * 1000000))
	if fresh "$f" $bytes; then
		one=$(tr -d '\n' <$SRC)
		LC_ALL=C awk -v s="$one" -v want=$bytes 'BEGIN { n = 0; while (n + length(s) <= want) { printf "%s", s; n += length(s) } printf "\n" }' >"$f"
	fi
done
