# The escape plugin: build, demo, tests, install.  See README.md.

CC ?= gcc
CXX ?= g++
GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin)
PYTHON := /usr/bin/python3

CFLAGS_CORE := -std=c11 -O2 -g -fPIC -Wall -Wextra -Werror
CXXFLAGS_PLUGIN := -std=gnu++17 -O2 -g -fPIC -fno-rtti -fno-exceptions \
	-Wall -Wextra -Werror -Wno-unused-parameter \
	-I$(GCC_PLUGIN_DIR)/include -Iplugin

CORE_SRCS := plugin/escape-program.c plugin/escape-graph.c plugin/escape-propagate.c \
	plugin/escape-collapse.c plugin/escape-solve.c plugin/escape-summary.c \
	plugin/escape-provenance.c plugin/escape-libc.c
PLUGIN_SRCS := plugin/escape-plugin.cc plugin/escape-options.cc \
	plugin/escape-stackify.cc plugin/escape-guard.cc plugin/escape-loops.cc \
	plugin/escape-allocators.cc plugin/escape-wrappers.cc plugin/escape-slots.cc \
	plugin/escape-extract.cc plugin/escape-frontend.cc \
	plugin/escape-report.cc plugin/escape-layout.cc \
	plugin/escape-sarif.cc plugin/escape-sarif-rules.cc \
	plugin/escape-sarif-log.cc
HEADERS := $(wildcard plugin/*.h)
CORE_OBJS := $(CORE_SRCS:plugin/%.c=build/%.o)
PLUGIN_OBJS := $(PLUGIN_SRCS:plugin/%.cc=build/%.o)

PLUGIN := plugin/escape.so
SPECS := plugin/escape.specs

.PHONY: check-packages all deps demo check check-unit check-harness check-dejagnu \
	check-pytest check-torture check-sqlite check-fuzz check-long install \
	clean

all: $(PLUGIN) $(SPECS)

# Installs whatever Debian packages are missing (see ci/install-deps.sh).
deps:
	@bash ci/install-deps.sh

build/%.o: plugin/%.c $(HEADERS) | build
	$(CC) $(CFLAGS_CORE) -c $< -o $@

build/%.o: plugin/%.cc $(HEADERS) | build
	$(CXX) $(CXXFLAGS_PLUGIN) -c $< -o $@

build:
	mkdir -p build

# The SARIF log's informationUri: the documentation in this tree.
build/escape-sarif-log.o: CXXFLAGS_PLUGIN += \
	-DESCAPE_INFORMATION_URI='"file://$(abspath docs/sarif.md)"'

$(PLUGIN): $(CORE_OBJS) $(PLUGIN_OBJS)
	# Linked beside and renamed: a compiler loading the plugin meanwhile
	# (a test suite still running) sees the old file or the new, whole.
	$(CXX) -shared -o $@.tmp $^
	mv -f $@.tmp $@

# The specs file makes -fescape-report a driver option; it names the
# plugin by its absolute path here, and by its installed path after
# "make install".
$(SPECS): plugin/escape.specs.in
	sed 's|@PLUGIN@|$(abspath $(PLUGIN))|g' $< > $@

demo: deps all
	$(CC) -O2 -c -o /dev/null -fplugin=$(abspath $(PLUGIN)) \
	  -fplugin-arg-escape-report docs/demo.c

check: deps all check-unit check-harness check-dejagnu check-pytest

build/%-test: testsuite/unit/%-test.c $(CORE_SRCS) $(HEADERS) | build
	$(CC) -std=c11 -g -O1 -Wall -Wextra -Werror \
	  -fsanitize=address,undefined -fno-sanitize-recover=all -Iplugin \
	  $< $(CORE_SRCS) -o $@

check-unit: build/core-test build/libc-test build/sarif-test
	build/core-test
	build/libc-test
	build/sarif-test

# The SARIF writer alone, without GCC (testsuite/pytest/test_sarif.py also
# reads the log it writes).
build/sarif-test: testsuite/unit/sarif-test.cc plugin/escape-sarif.cc \
		plugin/escape-sarif-rules.cc $(HEADERS) | build
	$(CXX) -std=gnu++17 -g -O1 -Wall -Wextra -Werror -fno-rtti \
	  -fno-exceptions -fsanitize=address,undefined \
	  -fno-sanitize-recover=all -Iplugin $(filter %.cc,$^) -o $@

# The harness must be able to fail: its self-tests use a fake plugin.
build/harness/escape.so: testsuite/harness/fake-plugin.cc
	mkdir -p build/harness
	$(CXX) -shared -fPIC -fno-rtti -I$(GCC_PLUGIN_DIR)/include $< -o $@

check-harness: build/harness/escape.so
	sh testsuite/harness-selftest.sh $(abspath build/harness/escape.so)

check-dejagnu: all
	mkdir -p build/testsuite
	runtest --tool escape --srcdir testsuite --objdir build/testsuite \
	  --outdir build/testsuite PLUGIN=$(abspath $(PLUGIN)) CC=$(CC)

check-pytest: all
	cd testsuite && $(PYTHON) -m pytest -q pytest

# Longer suites (the default run takes a subset of the torture files):
# every file of GCC's gcc.c-torture/compile with the plugin loaded and every
# gcc.c-torture/execute test built with stackify; the SQLite amalgamation
# built with stackify, running a workload of ours.
check-torture: deps all
	cd testsuite && ESCAPE_TORTURE=all $(PYTHON) -m pytest -q \
	  pytest/test_torture.py pytest/test_torture_execute.py

check-sqlite: deps all
	cd testsuite && ESCAPE_SLOW=1 $(PYTHON) -m pytest -q pytest/test_sqlite.py

# Random programs (testsuite/fuzz/seeds/ first) built with and without
# stackify, plain and with ASan, must behave the same; failures are saved
# in build/fuzz/failures (testsuite/fuzz/README.md).
check-fuzz: all
	$(PYTHON) testsuite/fuzz/fuzz_stackify.py --seeds 300

check-long: check-torture check-sqlite check-fuzz

# Debian packages (jq nasm libyaml cjson jansson bc) built the Debian way,
# plainly, with the plugin, and in report mode, their test suites run with
# heap calls counted (testsuite/packages/check_packages.py; about an hour,
# root or sudo for the build dependencies).  PACKAGES=jq,bc for a subset.
check-packages: deps all
	$(PYTHON) testsuite/packages/check_packages.py \
	  $(if $(PACKAGES),--packages $(PACKAGES))

# The plugin goes where -fplugin=escape finds it by name, the specs file
# where -specs=escape.specs does (GCC's own library directory).
install: all
	install -m 644 $(PLUGIN) $(GCC_PLUGIN_DIR)/escape.so
	sed 's|@PLUGIN@|$(GCC_PLUGIN_DIR)/escape.so|g' plugin/escape.specs.in \
	  > $(GCC_PLUGIN_DIR)/../escape.specs

clean:
	rm -rf build $(PLUGIN) $(SPECS)

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
