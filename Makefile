# lcsurvey: see README.md. `make run` and `make check` are the two commands.
#
# Two builds live side by side: build/rel (the program) and build/asan (the
# same sources under AddressSanitizer + UndefinedBehaviorSanitizer). `make
# check` runs every test against both.

CC ?= cc
PKGS = ncursesw yaml-0.1 sqlite3 jansson libsodium
VERSION = 0.1.0

WARN = -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wwrite-strings \
	-Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith -Wundef
BASE_CFLAGS = -std=c11 -g $(WARN) -D_POSIX_C_SOURCE=200809L \
	-D_XOPEN_SOURCE_EXTENDED \
	-DLCSURVEY_VERSION='"$(VERSION)"' -Isrc

ifeq ($(filter clean,$(MAKECMDGOALS)),)
include build/config.mk
endif

REL_CFLAGS = $(BASE_CFLAGS) -O2 $(PKG_CFLAGS) $(CFLAGS)
ASAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
ASAN_CFLAGS = $(BASE_CFLAGS) -O1 $(ASAN_FLAGS) $(PKG_CFLAGS) $(CFLAGS)
LIBS = $(PKG_LIBS) -lcsv -lm

SRC = $(sort $(wildcard src/*.c src/tui/*.c))
LIB_SRC = $(filter-out src/main.c,$(SRC))
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_NAMES = $(patsubst tests/unit/%.c,%,$(UNIT_SRC))

REL_LIB = $(patsubst %.c,build/rel/%.o,$(LIB_SRC))
ASAN_LIB = $(patsubst %.c,build/asan/%.o,$(LIB_SRC))

.PHONY: all run check check-rel check-asan unit cli bench clean deps fuzz
.DEFAULT_GOAL := all

all: lcsurvey

# Regenerated when the dependency script changes; make then re-reads it.
build/config.mk: .ci/install-deps
	@./.ci/install-deps
	@mkdir -p build
	@{ echo "PKG_CFLAGS = $$(pkg-config --cflags $(PKGS))"; \
	   echo "PKG_LIBS = $$(pkg-config --libs $(PKGS))"; } > $@.tmp
	@mv $@.tmp $@

# What only the tests need (cmocka, tmux, sqlite3, xmllint, chromium).
build/test-deps.stamp: .ci/install-deps
	@./.ci/install-deps --test
	@touch $@

# Evaluated when a test is built, after build/test-deps.stamp.
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

deps: build/config.mk build/test-deps.stamp

# `make V=1` shows the full compiler command lines.
Q = $(if $(V),,@)

build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(REL_CFLAGS) -MMD -MP -c $< -o $@

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC/ASAN $<")
	$(Q)$(CC) $(ASAN_CFLAGS) -MMD -MP -c $< -o $@

build/rel/liblcsurvey.a: $(REL_LIB)
	$(Q)rm -f $@ && ar rcs $@ $^

build/asan/liblcsurvey.a: $(ASAN_LIB)
	$(Q)rm -f $@ && ar rcs $@ $^

lcsurvey: build/rel/src/main.o build/rel/liblcsurvey.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(REL_CFLAGS) -o $@ $^ $(LIBS)

build/asan/lcsurvey: build/asan/src/main.o build/asan/liblcsurvey.a
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(CC) $(ASAN_CFLAGS) -o $@ $^ $(LIBS)

build/rel/tests/unit/%: tests/unit/%.c build/rel/liblcsurvey.a $(wildcard tests/unit/*.h) build/test-deps.stamp
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TEST    $@")
	$(Q)$(CC) $(REL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< \
		build/rel/liblcsurvey.a $(LIBS) $(CMOCKA_LIBS)

build/asan/tests/unit/%: tests/unit/%.c build/asan/liblcsurvey.a $(wildcard tests/unit/*.h) build/test-deps.stamp
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TEST    $@")
	$(Q)$(CC) $(ASAN_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< \
		build/asan/liblcsurvey.a $(LIBS) $(CMOCKA_LIBS)

DB ?= data/lcsurvey.db
RUN_SURVEY = $(firstword $(wildcard surveys/gnlc-household.yaml) surveys/example.yaml)
run: lcsurvey
	./lcsurvey interview $(RUN_SURVEY) --db $(DB)

# ASan's leak checker needs ptrace, which some sandboxes deny; keep the rest.
export ASAN_OPTIONS ?= abort_on_error=0:detect_leaks=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1

# The last line is the sanitizer run's "asan: N passed, N failed".
check: check-rel check-asan

check-rel: lcsurvey $(addprefix build/rel/tests/unit/,$(UNIT_NAMES))
	@sh tests/run-all.sh rel ./lcsurvey build/rel/tests/unit

check-asan: build/asan/lcsurvey $(addprefix build/asan/tests/unit/,$(UNIT_NAMES))
	@sh tests/run-all.sh asan build/asan/lcsurvey build/asan/tests/unit

bench: lcsurvey
	@sh bench/run.sh

clean:
	rm -rf build lcsurvey

# `make fuzz`: libFuzzer harnesses (clang), see tests/fuzz/README.
-include tests/fuzz/fuzz.mk

-include $(shell find build -name '*.d' 2>/dev/null)
