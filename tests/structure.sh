#!/bin/sh
# structure.sh — the shape of the source, checked: no file in core/ or tui/
# over 700 lines, no function over 120; no .c file declaring a function of
# another file; no cycle in the link graph of the core objects (nm over
# build/core/**/*.o, cycles found by tsort) and core's folders called only in
# their order (base text model extract read check review out batch); no
# block of six lines repeated between source files; core's out-of-memory
# errors bilingual. Run after the build
# (make structure).
set -u
fail=0
pass=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }

srcs=$(find core tui -name '*.[ch]' | sort)

# files of at most 700 lines
big=$(for f in $srcs; do n=$(wc -l <"$f"); [ "$n" -gt 700 ] && echo "$f ($n)"; done)
[ -z "$big" ] && ok "no source file over 700 lines" || bad "files over 700 lines: $(echo $big)"

# functions of at most 120 lines: from the line before "{" at column 0 to "}" at column 0
long=$(for f in $srcs; do
    awk -v f="$f" '
        /^\{$/ { start = NR - 1; name = prev; next }
        /^\}$/ { if (start && NR - start + 1 > 120) printf "%s:%d %s (%d lines)\n", f, start, name, NR - start + 1; start = 0 }
        { prev = $0 }' "$f"
done)
[ -z "$long" ] && ok "no function over 120 lines" || { bad "functions over 120 lines:"; echo "$long" | sed 's/^/#   /'; }

# no prototypes of other files' functions inside .c files (a non-static
# declaration at file scope ending in ");")
protos=$(grep -nE '^(extern +)?[A-Za-z_][A-Za-z0-9_ ]*[ *]+[a-z_][a-z0-9_]*\([^;{]*\);$' $(find core tui -name '*.c') | grep -v ':static ')
[ -z "$protos" ] && ok "no .c file declares another file's function" || { bad "prototypes inside .c files:"; echo "$protos" | sed 's/^/#   /'; }

# the link graph of core objects has no cycle
objs=$(find build/core -name '*.o' 2>/dev/null | sort)
if [ -z "$objs" ]; then
    bad "no core objects under build/core (build first)"
else
    defs=$(mktemp) edges=$(mktemp)
    for o in $objs; do nm --defined-only -g "$o" | awk -v o="$o" 'NF == 3 { print $3, o }'; done | sort >"$defs"
    for o in $objs; do
        nm -u "$o" | awk '{ print $NF }' | sort -u | join - "$defs" | awk -v o="$o" '$2 != o { print o, $2 }'
    done | sort -u >"$edges"
    # folders in their order: a folder calls only folders before it
    order="base text model extract read check review out batch"
    back=$(awk -v order="$order" 'BEGIN { n = split(order, o, " "); for (i = 1; i <= n; i++) rank[o[i]] = i }
        { split($1, a, "/"); split($2, b, "/"); if (rank[a[3]] < rank[b[3]]) print a[3] "/" a[4] " -> " b[3] "/" b[4] }' "$edges" | sort -u)
    [ -z "$back" ] && ok "core folders call only folders before them ($order)" || { bad "calls against the folder order ($order):"; echo "$back" | sed 's/^/#   /'; }
    if tsort "$edges" >/dev/null 2>"$edges.err"; then
        ok "the link graph of $(echo "$objs" | wc -w) core objects has no cycle ($(wc -l <"$edges") edges)"
    else
        bad "cycles in the link graph of core objects:"
        sed 's/^/#   /' "$edges.err"
    fi
    rm -f "$defs" "$edges" "$edges.err"
fi

# an out-of-memory error of core is said in the language of the rest
# (nb_tr(lang, "out of memory", "内存不足")), in every file
oom=$(grep -rn '"[^"]*out of memory[^"]*"' core --include='*.c' | grep -v '内存不足' | grep -v 'static const char \*const en' |
    cut -d: -f1,2)
[ -z "$oom" ] && ok "out-of-memory errors of core are bilingual" ||
    { bad "out-of-memory errors in English only:"; echo "$oom" | sed 's/^/#   /'; }

# no block of six lines repeated between files (lines compared without
# white space; a block needs three lines of more than a brace or a keyword)
dups=$(python3 - $srcs <<'PY'
import sys, re
seen = {}
out = []
trivial = re.compile(r'^(\}|\{|\};|\}\)|break;|return;|return 0;|return -1;|continue;|else|else \{|\} else \{|default:|#endif|)$')
for path in sys.argv[1:]:
    lines = [re.sub(r'\s+', '', l) for l in open(path, encoding='utf-8', errors='replace')]
    for i in range(len(lines) - 5):
        win = lines[i:i + 6]
        if sum(1 for l in win if not trivial.match(l) and not l.startswith('//') and not l.startswith('#include') and not l.startswith('/*') and not l.startswith('*')) < 4:
            continue
        key = '\n'.join(win)
        if key in seen and seen[key][0] != path:
            out.append('%s:%d and %s:%d' % (seen[key][0], seen[key][1], path, i + 1))
        seen.setdefault(key, (path, i + 1))
reported = set()
for o in out:
    a = o.split(' and ')
    k = (a[0].rsplit(':', 1)[0], a[1].rsplit(':', 1)[0])
    if k in reported:
        continue
    reported.add(k)
    print(o)
PY
)
[ -z "$dups" ] && ok "no block of six lines repeated between source files" || { bad "blocks of six lines repeated:"; echo "$dups" | sed 's/^/#   /'; }

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
