# The escape plugin: build, demo, tests, install.  See README.md.

CC ?= gcc
CXX ?= g++
# GCC 11 and GCC 12 from one source: "make CC=gcc-11 CXX=g++-11".  The
# compiler's major version (from its name, gcc-N, while it is not installed
# yet) names the object directory, so that objects built for one GCC are
# never linked into another's plugin.  The plugin of the machine's gcc is
# plugin/escape.so, as the docs and tools say; another version's is
# build/gcc-N/escape.so (and its specs file beside it).
major = $(shell $(1) -dumpversion 2>/dev/null | cut -d. -f1)
GCC_MAJOR := $(or $(call major,$(CC)),$\
	$(patsubst gcc-%,%,$(filter gcc-%,$(notdir $(CC)))),unknown)
BUILD := build/gcc-$(GCC_MAJOR)
OUT := $(if $(filter $(GCC_MAJOR),$(call major,gcc)),plugin,$(BUILD))
# Expanded when used: after "make deps" installed the plugin headers.
GCC_PLUGIN_DIR = $(shell $(CC) -print-file-name=plugin)
PYTHON := /usr/bin/python3

# Hidden by default: the plugin exports plugin_init and
# plugin_is_GPL_compatible only (escape-plugin.cc), so that its calls of its
# own functions are direct (no PLT), and may be inlined.
CFLAGS_CORE := -std=c11 -O2 -g -fPIC -fvisibility=hidden -Wall -Wextra -Werror
CXXFLAGS_PLUGIN = -std=gnu++17 -O2 -g -fPIC -fvisibility=hidden -fno-rtti \
	-fno-exceptions -Wall -Wextra -Werror -Wno-unused-parameter \
	-I$(GCC_PLUGIN_DIR)/include -Iplugin

# The user's or the distribution's flags (dpkg-buildflags: hardening) come
# after the project's own.
CFLAGS_CORE += $(CPPFLAGS) $(CFLAGS)
CXXFLAGS_PLUGIN += $(CPPFLAGS) $(CXXFLAGS)

CORE_SRCS := plugin/escape-program.c plugin/escape-graph.c plugin/escape-propagate.c \
	plugin/escape-collapse.c plugin/escape-solve.c plugin/escape-summary.c \
	plugin/escape-provenance.c plugin/escape-paths.c \
	plugin/escape-path-search.c plugin/escape-libc.c
PLUGIN_SRCS := plugin/escape-plugin.cc plugin/escape-options.cc \
	plugin/escape-stackify.cc plugin/escape-stackify-rewrite.cc \
	plugin/escape-guard.cc plugin/escape-budget.cc plugin/escape-build.cc \
	plugin/escape-loops.cc \
	plugin/escape-allocators.cc plugin/escape-wrappers.cc plugin/escape-slots.cc \
	plugin/escape-extract.cc plugin/escape-extract-memory.cc \
	plugin/escape-extract-calls.cc \
	plugin/escape-extract-frames.cc plugin/escape-frontend.cc \
	plugin/escape-report.cc plugin/escape-layout.cc \
	plugin/escape-sarif.cc plugin/escape-sarif-rules.cc \
	plugin/escape-sarif-log.cc plugin/escape-attributes.cc \
	plugin/escape-path-events.cc
HEADERS := $(wildcard plugin/*.h)
CORE_OBJS := $(CORE_SRCS:plugin/%.c=$(BUILD)/%.o)
PLUGIN_OBJS := $(PLUGIN_SRCS:plugin/%.cc=$(BUILD)/%.o)

PLUGIN := $(OUT)/escape.so
SPECS := $(OUT)/escape.specs

.PHONY: check-packages all deps demo check check-unit check-harness check-dejagnu \
	check-pytest check-torture check-sqlite check-fuzz check-build-tools \
	check-long install install-plugin install-tools install-header clean paths \
	plugin

all: plugin

# The plugin and its specs file alone (the Debian package's build).
plugin: $(PLUGIN) $(SPECS)

# Installs whatever Debian packages are missing (see ci/install-deps.sh).
deps:
	@bash ci/install-deps.sh $(GCC_MAJOR)

# The plugin's, the specs file's and the object directory's absolute
# paths for this CC, one a line (for the pytest fixtures).
paths:
	@echo $(abspath $(PLUGIN)); echo $(abspath $(SPECS)); echo $(abspath $(BUILD))

$(BUILD)/%.o: plugin/%.c $(HEADERS) | $(BUILD)
	$(CC) $(CFLAGS_CORE) -c $< -o $@

$(BUILD)/%.o: plugin/%.cc $(HEADERS) | $(BUILD)
	$(CXX) $(CXXFLAGS_PLUGIN) -c $< -o $@

$(BUILD) build:
	mkdir -p $@

# The SARIF log's informationUri: the documentation in this tree.
$(BUILD)/escape-sarif-log.o: CXXFLAGS_PLUGIN += \
	-DESCAPE_INFORMATION_URI='"file://$(abspath docs/sarif.md)"'

# GCC loads a plugin with dlopen (RTLD_NOW): a plugin built for another
# GCC would fail there, on the first symbol that GCC lacks, before its
# version check could say what is wrong.  So every symbol the plugin takes
# from outside (GCC's, the C and C++ libraries') is a weak reference, and
# their names go into the plugin (escape_imports): after the version
# check, plugin_init refuses to run if any of them is missing.  The names
# are those a trial link leaves undefined (not the linker's own, such as
# the GOT or __dso_handle).
$(BUILD)/escape-all.o: $(CORE_OBJS) $(PLUGIN_OBJS)
	$(CXX) -r -nostdlib -o $@ $^

$(BUILD)/escape-imports.txt: $(BUILD)/escape-all.o
	$(CXX) -shared -o $(BUILD)/escape-trial.so $<
	nm -D --undefined-only --without-symbol-versions \
	  $(BUILD)/escape-trial.so | awk '$$1 == "U" { print $$2 }' \
	  | grep -vx escape_imports > $@

$(BUILD)/escape-imports.c: $(BUILD)/escape-imports.txt
	{ echo 'const char *const escape_imports[] = {'; \
	  sed 's/.*/  "&",/' $<; echo '  0'; echo '};'; } > $@

$(BUILD)/escape-imports.o: $(BUILD)/escape-imports.c
	$(CC) $(CFLAGS_CORE) -c $< -o $@

$(BUILD)/escape-weak.o: $(BUILD)/escape-all.o $(BUILD)/escape-imports.txt
	objcopy --weaken-symbols=$(BUILD)/escape-imports.txt $< $@

$(PLUGIN): $(BUILD)/escape-weak.o $(BUILD)/escape-imports.o
	# Linked beside and renamed: a compiler loading the plugin meanwhile
	# (a test suite still running) sees the old file or the new, whole.
	$(CXX) -shared $(LDFLAGS) -o $@.tmp $^
	mv -f $@.tmp $@

# The specs file makes -fescape-report a driver option; it names the
# plugin by its absolute path here, and by its installed path after
# "make install".
$(SPECS): plugin/escape.specs.in | $(OUT)
	sed 's|@PLUGIN@|$(abspath $(PLUGIN))|g' $< > $@

demo: deps all
	$(CC) -O2 -c -o /dev/null -fplugin=$(abspath $(PLUGIN)) \
	  -fplugin-arg-escape-report docs/demo.c

check: deps all check-unit check-harness check-dejagnu check-pytest

$(BUILD)/%-test: testsuite/unit/%-test.c $(CORE_SRCS) $(HEADERS) | $(BUILD)
	$(CC) -std=c11 -g -O1 -Wall -Wextra -Werror \
	  -fsanitize=address,undefined -fno-sanitize-recover=all -Iplugin \
	  $< $(CORE_SRCS) -o $@

check-unit: $(BUILD)/core-test $(BUILD)/paths-test $(BUILD)/libc-test \
	  $(BUILD)/sarif-test
	$(BUILD)/core-test
	$(BUILD)/paths-test
	$(BUILD)/libc-test
	$(BUILD)/sarif-test

# The SARIF writer alone, without GCC (testsuite/pytest/test_sarif.py also
# reads the log it writes).
$(BUILD)/sarif-test: testsuite/unit/sarif-test.cc plugin/escape-sarif.cc \
		plugin/escape-sarif-rules.cc $(HEADERS) | $(BUILD)
	$(CXX) -std=gnu++17 -g -O1 -Wall -Wextra -Werror -fno-rtti \
	  -fno-exceptions -fsanitize=address,undefined \
	  -fno-sanitize-recover=all -Iplugin $(filter %.cc,$^) -o $@

# The harness must be able to fail: its self-tests use a fake plugin.
$(BUILD)/harness/escape.so: testsuite/harness/fake-plugin.cc
	mkdir -p $(BUILD)/harness
	$(CXX) -shared -fPIC -fno-rtti -I$(GCC_PLUGIN_DIR)/include $< -o $@

check-harness: $(BUILD)/harness/escape.so
	CC='$(CC)' sh testsuite/harness-selftest.sh $(abspath $<)

check-dejagnu: all
	mkdir -p $(BUILD)/testsuite
	runtest --tool escape --srcdir testsuite --objdir $(BUILD)/testsuite \
	  --outdir $(BUILD)/testsuite PLUGIN=$(abspath $(PLUGIN)) CC='$(CC)'

# The tests' compilers are ESCAPE_CC and ESCAPE_CXX (conftest.py).
PYTEST_ENV := ESCAPE_CC='$(CC)' ESCAPE_CXX='$(CXX)'

check-pytest: all
	cd testsuite && $(PYTEST_ENV) $(PYTHON) -m pytest -q pytest

# Longer suites (the default run takes a subset of the torture files):
# every file of GCC's gcc.c-torture/compile with the plugin loaded and every
# gcc.c-torture/execute test built with stackify; the SQLite amalgamation
# built with stackify, running a workload of ours; escape-summary on its
# notes.
check-torture: deps all
	cd testsuite && ESCAPE_TORTURE=all $(PYTEST_ENV) $(PYTHON) -m pytest -q \
	  pytest/test_torture.py pytest/test_torture_execute.py

check-sqlite: deps all
	cd testsuite && ESCAPE_SLOW=1 $(PYTEST_ENV) $(PYTHON) -m pytest -q \
	  pytest/test_sqlite.py pytest/test_escape_summary.py

# Random programs (testsuite/fuzz/seeds/ first) built with and without
# stackify, plain and with ASan, must behave the same; failures are saved
# in build/fuzz/failures (testsuite/fuzz/README.md).
check-fuzz: all
	$(PYTHON) testsuite/fuzz/fuzz_stackify.py --seeds 300

# The Debian package (debian/): built from a copy of the tree, checked by
# lintian, installed, used and removed again (root; a few minutes).  It
# skips where the package is already installed.
.PHONY: check-debian
check-debian: deps
	@bash ci/install-debian-deps.sh
	cd testsuite && ESCAPE_DEBIAN=1 $(PYTHON) -m pytest -q \
	  pytest/test_debian_package.py


# The build-tool examples of docs/build-tools.md (docs/examples/), with the
# tools installed: make, CMake, ccache and -flto also run in check-pytest
# where their tools are there; Meson, autotools and distcc (a distccd on
# 127.0.0.1, started and stopped by the tests) only here.
BUILD_TOOL_PACKAGES := cmake meson ninja-build autoconf automake ccache distcc

check-build-tools: deps all
	@bash ci/install-packages.sh $(BUILD_TOOL_PACKAGES)
	cd testsuite && ESCAPE_BUILD_TOOLS=1 $(PYTEST_ENV) $(PYTHON) -m pytest -q \
	  pytest/test_build_tools.py

check-long: check-torture check-sqlite check-fuzz check-debian check-build-tools

# Debian packages (jq nasm libyaml cjson jansson bc) built the Debian way,
# plainly, with the plugin, and in report mode, their test suites run with
# heap calls counted (testsuite/packages/check_packages.py; about an hour,
# root or sudo for the build dependencies).  PACKAGES=jq,bc for a subset.
check-packages: deps all
	$(PYTHON) testsuite/packages/check_packages.py \
	  $(if $(PACKAGES),--packages $(PACKAGES))

# The plugin goes where -fplugin=escape finds it by name, the specs file
# where -specs=escape.specs does (GCC's own library directory).  DESTDIR
# stages them elsewhere (debian/rules), naming the plugin by its final path.
install: install-plugin install-tools install-header

install-plugin: plugin
	install -d $(DESTDIR)$(GCC_PLUGIN_DIR)
	install -m 644 $(PLUGIN) $(DESTDIR)$(GCC_PLUGIN_DIR)/escape.so
	sed 's|@PLUGIN@|$(GCC_PLUGIN_DIR)/escape.so|g' plugin/escape.specs.in \
	  > $(DESTDIR)$(GCC_PLUGIN_DIR)/../escape.specs

# The tools (docs/tools.md, docs/escape-prof.md): the scripts in
# $(PREFIX)/bin; the Python modules they share and escape-prof's preloaded
# library in $(PREFIX)/lib/escape, where the scripts look.
PREFIX ?= /usr/local
PROF_LIB := build/libescape-prof.so
PROF_SRCS := tools/heapprof/hooks.c tools/heapprof/profile.c
PROF_LINES := build/escape-prof-lines
TOOL_SCRIPTS := tools/escape-summary tools/escape-prof
TOOL_MODULES := tools/escape_notes.py tools/escape_source.py \
	tools/escape_html.py tools/escape_prof_sites.py \
	tools/escape_prof_report.py

install-tools: $(PROF_LIB) $(PROF_LINES)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/escape
	install -m 755 $(TOOL_SCRIPTS) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(TOOL_MODULES) $(PROF_LIB) $(DESTDIR)$(PREFIX)/lib/escape/
	install -m 755 $(PROF_LINES) $(DESTDIR)$(PREFIX)/lib/escape/
	$(PYTHON) -m compileall -q -d $(PREFIX)/lib/escape \
	  $(DESTDIR)$(PREFIX)/lib/escape

# The macros that spell the plugin's attributes, and nothing without it
# (include/escape.h, docs/notes.md "Attributes").
install-header:
	install -d $(DESTDIR)$(PREFIX)/include
	install -m 644 include/escape.h $(DESTDIR)$(PREFIX)/include/

clean:
	rm -rf build plugin/escape.so plugin/escape.specs

# escape-prof (docs/escape-prof.md): heap calls per call site joined with
# the notes.  tools/escape-prof runs a program with libescape-prof.so
# preloaded and places its calls in the source with escape-prof-lines.
# The tools' modules are byte-compiled here and when installed: compiling
# them at each run was a fifth of escape-prof's own time
# (docs/performance.md).
all: $(PROF_LIB) $(PROF_LINES) build/tools-compiled

build/tools-compiled: $(TOOL_MODULES) | build
	$(PYTHON) -m compileall -q $(TOOL_MODULES)
	touch $@

# Linked beside and renamed, as the plugin is: a program preloading it
# meanwhile sees the old file or the new, whole.
$(PROF_LIB): $(PROF_SRCS) tools/heapprof/heapprof.h | build
	$(CC) -std=gnu11 -O2 -g -fPIC -Wall -Wextra -Werror -shared \
	  -o $@.tmp $(PROF_SRCS) -ldl
	mv -f $@.tmp $@

# Our own DWARF reader, and GCC's libbacktrace (libgcc-N-dev, which gcc
# depends on) for what it leaves; -static: see tools/heapprof/lines.c.
BACKTRACE_LIB = $(shell $(CC) -print-file-name=libbacktrace.a)
PROF_LINES_SRCS := tools/heapprof/lines.c tools/heapprof/dwarf.c \
	tools/heapprof/dwarf-read.c tools/heapprof/dwarf-lines.c
$(PROF_LINES): $(PROF_LINES_SRCS) tools/heapprof/dwarf.h \
		tools/heapprof/dwarf-impl.h | build
	@test -f "$(BACKTRACE_LIB)" || { echo "error: $(CC) has no \
	  libbacktrace.a (GCC's, in libgcc-N-dev): escape-prof-lines needs \
	  it" >&2; exit 1; }
	$(CC) -std=gnu11 -O2 -g -Wall -Wextra -Werror -static -o $@.tmp \
	  $(PROF_LINES_SRCS) $(BACKTRACE_LIB)
	mv -f $@.tmp $@

# Its slow test (the SQLite workload, built twice) is part of check-long.
.PHONY: check-prof-sqlite
check-long: check-prof-sqlite
check-prof-sqlite: deps all
	cd testsuite && ESCAPE_SLOW=1 $(PYTEST_ENV) $(PYTHON) -m pytest -q \
	  pytest/test_escape_prof.py::test_sqlite_workload

# Benchmarks (bench/, results in docs/performance.md): stackify's run time
# against other allocators and compilers; the plugin's compile time and
# memory.  Each installs what it needs (bench/install-deps.sh).
.PHONY: bench bench-compile
bench:
	@bash bench/install-deps.sh
	$(MAKE) all
	$(PYTHON) bench/run.py

bench-compile:
	@bash bench/install-deps.sh compile
	$(MAKE) all
	$(PYTHON) bench/compile.py

# escape-prof's cost on the SQLite workload, plain and profiled side by
# side (bench/prof.py; results in docs/performance.md).
.PHONY: bench-prof
bench-prof:
	@bash bench/install-deps.sh compile
	$(MAKE) all
	$(PYTHON) bench/prof.py
