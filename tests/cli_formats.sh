# tests/cli_formats.sh — part of tests/cli.sh, read by it (its helpers, $NB
# and $T are cli.sh's): folders of the files people hold (txt, docx, html,
# doc, pdf) checked as a user gives them, and where a structured document's
# cells and findings stand in the JSON export (a PDF's page, a table's
# grid position).

F=tests/data/formats
mkdir -p "$T/mixed/sub"
cp tests/data/seed001.txt "$F/pingtan2022.docx" "$F/pingtan2022.html" tests/data/pdf/kewei-2024.pdf "$T/mixed/"
cp "$F/pingtan2022.doc" "$T/mixed/sub/"
printf 'not a report\n' >"$T/mixed/notes.json"
run check "$T/mixed"
n=$(grep -c "^$T/mixed/[a-z0-9/-]*\.[a-z]*: [0-9]* errors\{0,1\}, " "$T/out")
if [ "$rc" -eq 1 ] && [ "$n" -eq 5 ] && grep -q "^checked 5 reports" "$T/out" &&
    grep -q "^$T/mixed/kewei-2024.pdf: 2 errors" "$T/out" && grep -q "^$T/mixed/sub/pingtan2022.doc: 0 errors" "$T/out" &&
    ! grep -q notes.json "$T/out" "$T/err"; then
    ok "check DIR: a folder of txt, docx, html, pdf and doc (and a subfolder) read, each report summed up"
else
    notok "check DIR: a folder mixing txt, docx, html, pdf and doc" "exit $rc, $n summaries: $(tail -c 400 "$T/out") $(errtext)"
fi

cp "$F/bad/corrupt.docx" "$T/mixed/"
run check "$T/mixed"
if [ "$rc" -eq 2 ] && grep -q "corrupt.docx: a damaged ZIP" "$T/err" && grep -q "^checked 5 reports" "$T/out"; then
    ok "check DIR: a damaged .docx in the folder is named (exit 2), the others still checked"
else
    notok "check DIR with a damaged .docx" "exit $rc: $(tail -c 300 "$T/out") $(errtext)"
fi

run export --format json tests/data/pdf/kewei-2024.pdf "$F/pingtan2022.docx"
if [ -n "$PY" ] && [ "$rc" -eq 0 ]; then
    if $PY - "$T/out" >"$T/pyerr" 2>&1 <<'EOF'
import json, sys
pdf, docx = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
c = pdf["cells"]["t3.new.natural"]
assert c["page"] == 3 and "grid" not in c, c
assert all("page" in f for f in pdf["findings"] if f["line"] is not None), pdf["findings"]
c = docx["cells"]["t3.new.natural"]
assert c["grid"] == {"table": 2, "row": 4, "col": 4} and "page" not in c, c
assert c["raw"] == "71" and c["value"] == 71, c
b = docx["cells"]["t2.fees.amount"]
assert b["grid"]["table"] == 1 and b["grid"]["row"] == 14 and b["grid"]["col"] == 2, b
EOF
    then
        ok "export --format json: a PDF's cells and findings with their page, a .docx's cells with their grid position"
    else
        notok "export --format json: page and grid" "$(head -c 400 "$T/pyerr")"
    fi
elif [ "$rc" -ne 0 ]; then
    notok "export --format json of a PDF and a .docx" "exit $rc: $(errtext)"
else
    skip "export --format json: page and grid (no python3)"
fi
