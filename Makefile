# nianbao — build, test and install.  `make` builds ./nianbao; `make check`
# installs what is missing, builds and runs every test (plain and ASan+UBSan).
CC      ?= cc
PKGS    := ncursesw libunistring libpcre2-8 cmocka libzip libxml-2.0 poppler-glib cairo
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat-security -Wno-unused-parameter
CFLAGS  ?= -O2 -g
CPPFLAGS+= -D_GNU_SOURCE -Icore
DEP     := -MMD -MP
PCRE_CF := $(shell pkg-config --cflags libpcre2-8 2>/dev/null)
PCRE_LD := $(shell pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
CURS_CF := $(shell pkg-config --cflags ncursesw 2>/dev/null)
CURS_LD := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
# the structured readers: docx (libzip, libxml2), html (libxml2), pdf (poppler-glib, cairo)
FMT_PKGS:= libzip libxml-2.0 poppler-glib cairo
FMT_CF  := $(shell pkg-config --cflags $(FMT_PKGS) 2>/dev/null)
# poppler-glib (and cairo under it) is loaded when the first PDF is read
# (read/pdf_lib.c: dlopen by its soname), not linked: a run that reads no
# PDF does not load its sixty libraries
POPPLER_SO := $(shell objdump -p "$$(pkg-config --variable=libdir poppler-glib 2>/dev/null)/libpoppler-glib.so" 2>/dev/null | awk '/SONAME/ { print $$2 }')
FMT_CF  += $(if $(POPPLER_SO),-DNB_POPPLER_GLIB_SO='"$(POPPLER_SO)"')
# libzip and libxml2 the same way, when the first ZIP, Word document or HTML
# page is read (read/fmt_lib.c): a run that reads only text does not load
# them and the seventeen libraries under them (ICU, libcrypto, libstdc++)
LIBZIP_SO := $(shell objdump -p "$$(pkg-config --variable=libdir libzip 2>/dev/null)/libzip.so" 2>/dev/null | awk '/SONAME/ { print $$2 }')
LIBXML2_SO := $(shell objdump -p "$$(pkg-config --variable=libdir libxml-2.0 2>/dev/null)/libxml2.so" 2>/dev/null | awk '/SONAME/ { print $$2 }')
FMT_CF  += $(if $(LIBZIP_SO),-DNB_LIBZIP_SO='"$(LIBZIP_SO)"') $(if $(LIBXML2_SO),-DNB_LIBXML2_SO='"$(LIBXML2_SO)"')
# linked only by the tests that call libzip or libxml2 themselves
FMT_LD  := $(shell pkg-config --libs libzip libxml-2.0 2>/dev/null || echo -lzip -lxml2)
CORE_LD := $(PCRE_LD) -lunistring -ldl -lm -pthread
CMOCKA_LD := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
PREFIX  ?= /usr/local
DATADIR ?= $(PREFIX)/share/nianbao

CORE_SRC := $(sort $(wildcard core/*/*.c))
# tui/genman.c is a program of the build: it writes the man page's generated parts
GEN_SRC  := tui/genman.c
TUI_SRC  := $(filter-out $(GEN_SRC),$(sort $(wildcard tui/*.c)))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
CORE_OBJ := $(CORE_SRC:%.c=build/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=build/%.o)
# the console and command-line code without curses (term.o) and the entry
# points (main.o, cmd_*.o): what tests, benches and genman link
TUI_LIB_OBJ := $(filter-out build/tui/main.o build/tui/term.o build/tui/cmd_%.o,$(TUI_OBJ))
TESTS    := $(TEST_SRC:tests/%.c=build/tests/%)
ASAN_CORE:= $(CORE_SRC:%.c=build/asan/%.o)
ASAN_TUI := $(TUI_LIB_OBJ:build/%=build/asan/%)
# the whole program built with ASan+UBSan: the CLI and console tests run it too
ASAN_BIN := build/asan/nianbao
# a sanitizer's report ends the program with status 86, which no test expects
SAN_ENV  := ASAN_OPTIONS=detect_leaks=1:exitcode=86:abort_on_error=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86
ASAN_TESTS:= $(TEST_SRC:tests/%.c=build/asan/tests/%)
SAN_CC   := $(shell command -v clang >/dev/null 2>&1 && echo clang || echo $(CC))
SAN_FLAGS:= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
# the fuzz targets (tests/fuzz): libFuzzer with ASan+UBSan, every object
# instrumented for coverage
FUZZ_CC    := clang
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_CORE  := $(CORE_SRC:%.c=build/fuzz/%.o)
FUZZ_TUI   := $(TUI_LIB_OBJ:build/%=build/fuzz/%)
FUZZ_NAMES := report docx html pdf review theme console
FUZZ_BINS  := $(FUZZ_NAMES:%=build/fuzz/fuzz_%)
FUZZ_SECONDS ?= 60
# the default theme is themes/default.theme, embedded as a C string
GEN      := build/gen/default_theme.inc
TUI_CF   = $(CURS_CF) $(PCRE_CF) -Itui -Ibuild/gen

SAMPLE  := samples/kaizha-2024.txt

.PHONY: all deps run check check-all unit asan asan-bin cli screens sweep tmux valgrind clang bench bench-batch bench-fixed bench-pdf bench-memory clean install lint-man man man-check structure fuzz fuzz-check
.SECONDARY:
all: nianbao

nianbao: $(CORE_OBJ) $(TUI_OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(CORE_LD) $(CURS_LD)

build/core/%.o: core/%.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP) $(PCRE_CF) $(FMT_CF) -c -o $@ $<

build/tui/%.o: tui/%.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP) $(TUI_CF) -DNB_DATADIR='"$(DATADIR)"' -c -o $@ $<

$(GEN): themes/default.theme
	@mkdir -p $(@D)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< >$@
build/tui/theme.o build/asan/tui/theme.o: $(GEN)

build/tests/%: tests/%.c $(CORE_OBJ) $(TUI_LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP) $(FMT_CF) -Itests -Itui -o $@ $< $(TUI_LIB_OBJ) $(CORE_OBJ) $(CORE_LD) $(TEST_LD) $(CMOCKA_LD)

# the tests that call libzip themselves link it (the others load it as nianbao does)
build/tests/test_docx_corrected build/asan/tests/test_docx_corrected: TEST_LD := $(FMT_LD)

build/asan/core/%.o: core/%.c
	@mkdir -p $(@D)
	$(SAN_CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(DEP) $(PCRE_CF) $(FMT_CF) -c -o $@ $<

build/asan/tui/%.o: tui/%.c
	@mkdir -p $(@D)
	$(SAN_CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(DEP) $(TUI_CF) -DNB_DATADIR='"$(DATADIR)"' -c -o $@ $<

build/asan/tests/%: tests/%.c $(ASAN_CORE) $(ASAN_TUI)
	@mkdir -p $(@D)
	$(SAN_CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(DEP) $(FMT_CF) -Itests -Itui -o $@ $< $(ASAN_TUI) $(ASAN_CORE) $(CORE_LD) $(TEST_LD) $(CMOCKA_LD)

build/fuzz/core/%.o: core/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) $(FUZZ_FLAGS) $(CPPFLAGS) $(DEP) $(PCRE_CF) $(FMT_CF) -c -o $@ $<

build/fuzz/tui/%.o: tui/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) $(FUZZ_FLAGS) $(CPPFLAGS) $(DEP) $(TUI_CF) -DNB_DATADIR='"x"' -c -o $@ $<
build/fuzz/tui/theme.o: $(GEN)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_CORE) $(FUZZ_TUI)
	$(FUZZ_CC) $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer $(CPPFLAGS) $(TUI_CF) -Itests/fuzz -o $@ $< $(FUZZ_TUI) $(FUZZ_CORE) $(CORE_LD)

# every fuzz target for FUZZ_SECONDS (60 by default) over its corpus, seeds and reproducers
fuzz: $(FUZZ_BINS)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# in make check: ten seconds each over the seeds and the saved reproducers
fuzz-check: $(FUZZ_BINS)
	@FUZZ_FRESH=1 sh tests/fuzz/run.sh 10

# Installs the Debian packages the build and the tests need, only when one is missing.
deps:
	@sh tests/deps.sh

# deps, then the rest in a new make: the flags pkg-config gives above are read
# when make starts, and on a fresh machine the packages come with deps
run: deps
	@$(MAKE) --no-print-directory nianbao
	./nianbao $(SAMPLE)

unit: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; ./$$t; done

asan: $(ASAN_TESTS)
	@set -e; for t in $(ASAN_TESTS); do echo "== $$t (ASan+UBSan)"; \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=tests/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1 ./$$t; done

$(ASAN_BIN): $(ASAN_CORE) $(TUI_OBJ:build/%=build/asan/%)
	$(SAN_CC) $(SAN_FLAGS) -o $@ $^ $(CORE_LD) $(CURS_LD)

# the command line and the scripted console under ASan+UBSan
asan-bin: $(ASAN_BIN)
	@$(SAN_ENV) sh tests/cli.sh $(ASAN_BIN)
	@$(SAN_ENV) sh tests/screens.sh $(ASAN_BIN)

cli: nianbao
	@sh tests/cli.sh ./nianbao

valgrind: nianbao build/tests/test_pdf
	@sh tests/valgrind.sh ./nianbao

# golden screens of the console (scripted, no terminal) and the real binary in tmux
screens: nianbao
	@sh tests/screens.sh ./nianbao

tmux: nianbao
	@sh tests/tmux.sh ./nianbao

# every report at three sizes, every finding reached with ]; the queue of the
# whole corpus the same way
sweep: nianbao
	@sh tests/sweep.sh ./nianbao
	@sh tests/sweep_queue.sh ./nianbao

# the shape of the source: file and function sizes, prototypes, link cycles, repeats
structure: $(CORE_OBJ)
	@sh tests/structure.sh

# The same sources must build warning-free with the other compiler too, an
# unused parameter among the warnings (clang -Wall -Wextra as it stands).
clang:
	@if command -v clang >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory -s CC=clang BUILD=clang build-clang; fi
build-clang: $(GEN)
	@mkdir -p build/clang
	@for f in $(CORE_SRC); do clang $(WARN) -Wunused-parameter -O2 $(CPPFLAGS) $(PCRE_CF) $(FMT_CF) -fsyntax-only $$f || exit 1; done
	@for f in $(TUI_SRC) $(GEN_SRC); do clang $(WARN) -Wunused-parameter -O2 $(CPPFLAGS) $(TUI_CF) -DNB_DATADIR='"x"' -fsyntax-only $$f || exit 1; done
	@for f in $(TEST_SRC); do clang $(WARN) -Wunused-parameter -O2 $(CPPFLAGS) $(FMT_CF) -Itests -Itui -fsyntax-only $$f || exit 1; done
	@echo "clang: core, tui and tests compile warning-free"

lint-man:
	@if command -v mandoc >/dev/null 2>&1; then mandoc -Tlint -W warning man/*.[0-9] && echo "man pages lint clean"; fi

# The man page's synopsis, option lists (tui/opts.c) and key lists
# (tui/keymap.h) are written by build/genman: `make man` writes them into
# man/nianbao.1; `make man-check` fails when the page checked in differs.
build/genman: $(GEN_SRC) $(TUI_LIB_OBJ) $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEP) -Itui -o $@ $< $(TUI_LIB_OBJ) $(CORE_OBJ) $(CORE_LD)

man: build/genman
	build/genman man/nianbao.1 >build/nianbao.1 && cp build/nianbao.1 man/nianbao.1

man-check: build/genman
	@build/genman man/nianbao.1 >build/nianbao.1 && if cmp -s build/nianbao.1 man/nianbao.1; then \
	  echo "man page: synopsis, options and keys as the option and key tables write them"; \
	else echo "man/nianbao.1 differs from the option and key tables (make man writes it):"; \
	  diff man/nianbao.1 build/nianbao.1 | head -20; exit 1; fi

check: deps
	@$(MAKE) --no-print-directory check-all

check-all: all unit asan cli screens asan-bin sweep tmux valgrind clang lint-man man-check structure fuzz-check
	@echo "make check: all tests passed"

build/bench/extract: bench/extract.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $< $(CORE_OBJ) $(CORE_LD)

build/bench/formats: bench/formats.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $< $(CORE_OBJ) $(CORE_LD)

build/bench/pdf: bench/pdf.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $< $(CORE_OBJ) $(CORE_LD)

build/bench/console: bench/console.c $(CORE_OBJ) $(TUI_LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -Itui -o $@ $< $(TUI_LIB_OBJ) $(CORE_OBJ) $(CORE_LD)

bench: nianbao build/bench/extract build/bench/console build/bench/formats
	@sh bench/run.sh

# the batch against grep -rc in one run: check, check JSON, export JSON with
# -j 1 and every core; GB18030 and UTF-16 against UTF-8 (bench/batch.sh)
bench-batch: nianbao
	@sh bench/batch.sh

# peak memory on a dense 50 MB report and one-line reports, and the one-line
# reports' time against grep's (bench/memory.sh; not part of make check)
bench-memory: nianbao
	@sh bench/memory.sh

# the fixed work per report: check, check --format json and export --format
# json of a folder of 1000 ordinary reports as multiples of grep -rc's time
bench-fixed: nianbao
	@sh bench/fixed.sh

# the PDF reader's time on the test PDFs (five pages each but the last)
bench-pdf: build/bench/pdf
	@./build/bench/pdf ../shared/corpus/formats/002.pdf ../shared/corpus/formats/008.pdf tests/data/pdf/kewei-2024.pdf tests/data/pdf/unruled.pdf

install: nianbao
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(DATADIR)/themes
	install -m 755 nianbao $(DESTDIR)$(PREFIX)/bin/
	install -d $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 man/nianbao.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/nianbao-review.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	-install -m 644 themes/*.theme $(DESTDIR)$(DATADIR)/themes/ 2>/dev/null

clean:
	rm -rf build nianbao

# header dependencies written by the compiler (-MMD)
-include $(shell find build -name '*.d' 2>/dev/null)
