#!/bin/sh
# seeds.sh — the seed corpora of the fuzz targets, built into DIR (one
# folder a target): the reports of ../shared/corpus and tests/data, also
# converted to GB18030 and UTF-16; the documents of the formats (docx,
# html, pdf); review files of tests/fuzz/seeds and reviews written by a
# scripted console; the themes; key sequences. Run from the repository
# root:  sh tests/fuzz/seeds.sh build/fuzz/seeds
set -u
out=${1:-build/fuzz/seeds}
shared=../shared/corpus
mkdir -p "$out/report" "$out/docx" "$out/html" "$out/pdf" "$out/review" "$out/theme" "$out/console"
n=0
for f in tests/data/*.txt samples/*.txt "$shared"/real/*.txt "$shared"/seeds/*.txt; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    cp "$f" "$out/report/$n.txt"
    iconv -f UTF-8 -t GB18030 "$f" >"$out/report/$n.gb18030.txt" 2>/dev/null || rm -f "$out/report/$n.gb18030.txt"
    iconv -f UTF-8 -t UTF-16 "$f" >"$out/report/$n.utf16.txt" 2>/dev/null || rm -f "$out/report/$n.utf16.txt"
done
for k in docx html pdf; do
    for f in tests/data/formats/*."$k" tests/data/formats/bad/*."$k" tests/data/pdf/*."$k" "$shared"/formats/*."$k" \
        "$shared"/formats/*.gbk."$k" "$shared"/*."$k"; do
        [ -f "$f" ] && cp "$f" "$out/$k/$(echo "$f" | tr '/' '_')"
    done
done
cp tests/fuzz/seeds/review/* "$out/review/" 2>/dev/null
cp themes/*.theme tests/data/bad.theme "$out/theme/" 2>/dev/null
cp tests/fuzz/seeds/console/* "$out/console/" 2>/dev/null
echo "seeds: $(ls "$out/report" | wc -l) reports, $(ls "$out/docx" | wc -l) docx, $(ls "$out/html" | wc -l) html, $(ls "$out/pdf" | wc -l) pdf, $(ls "$out/review" | wc -l) reviews, $(ls "$out/theme" | wc -l) themes, $(ls "$out/console" | wc -l) key sequences"
