# tests/fuzz/fuzz.mk: libFuzzer harnesses, included by the top Makefile.
# See tests/fuzz/README.
#
#   make fuzz                         build every harness, run each for
#                                     FUZZ_SECONDS; fails if any crashed
#   make fuzz FUZZ_TARGETS=expr       only some harnesses
#   make fuzz-build                   build only
#
# A harness is tests/fuzz/fuzz_NAME.c with a seed corpus in
# tests/fuzz/corpus/NAME/ and, optionally, a dictionary tests/fuzz/NAME.dict.
# It links against the library modules in FUZZ_SRC_NAME (default: every
# module but main.c and the screens), compiled with clang into build/fuzz/
# apart from the release and sanitizer builds. Inputs libFuzzer finds
# interesting go to build/fuzz/corpus/NAME/ (the seeds stay untouched),
# crashes to build/fuzz/crashes/NAME-*.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS ?=
FUZZ_DIR = build/fuzz
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
# -Werror left out: clang may warn where gcc, which gates the real build,
# does not, and a fuzz run should not depend on that.
FUZZ_CFLAGS = $(filter-out -Werror,$(BASE_CFLAGS)) -O1 $(FUZZ_SANITIZE) \
	$(PKG_CFLAGS)

FUZZ_TARGETS ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

FUZZ_EXPR_MODULES = src/expr.c src/expr-lex.c src/expr-parse.c \
	src/expr-check.c src/expr-eval.c src/expr-date.c src/arena.c \
	src/xmalloc.c
FUZZ_SRC_expr = $(FUZZ_EXPR_MODULES)
FUZZ_SRC_questionnaire = $(FUZZ_EXPR_MODULES) src/questionnaire.c \
	src/questionnaire-load.c src/yamltree.c src/strutil.c src/buf.c \
	src/diag.c src/sec.c
# import: the library without the commands (cmd-*.c need main.c).
FUZZ_SRC_import = $(filter-out src/main.c src/cmd-%.c,$(wildcard src/*.c))
FUZZ_SRC_merge = $(FUZZ_SRC_import)
# A later harness: add tests/fuzz/fuzz_NAME.c, its corpus and dictionary,
# and FUZZ_SRC_NAME here if it needs less than the whole library.
FUZZ_SRC_DEFAULT = $(filter-out src/main.c,$(wildcard src/*.c))
# Extra libFuzzer flags per harness.
FUZZ_ARGS_expr = -max_len=8192
FUZZ_ARGS_questionnaire = -max_len=16384
FUZZ_ARGS_import = -max_len=16384
# Its seeds are whole database files (56 KiB), made by merge-seeds.sh into
# the working corpus: databases are not committed.
FUZZ_ARGS_merge = -max_len=131072

fuzz_src = $(or $(FUZZ_SRC_$(1)),$(FUZZ_SRC_DEFAULT))
FUZZ_BINS = $(patsubst %,$(FUZZ_DIR)/fuzz_%,$(FUZZ_TARGETS))

.PHONY: fuzz fuzz-build

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC/FUZZ $<")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP \
		-c $< -o $@

.PRECIOUS: $(FUZZ_DIR)/obj/%.o
.SECONDEXPANSION:
$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/tests/fuzz/fuzz_%.o \
    $$(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$$(call fuzz_src,$$*))
	@$(if $(V),,echo "  LINK    $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

fuzz-build: $(FUZZ_BINS)

# Every harness runs even if an earlier one crashed; the exit status says
# whether any did. Each run's output is kept in build/fuzz/NAME.log.
fuzz: $(FUZZ_BINS) $(if $(filter merge,$(FUZZ_TARGETS)),lcsurvey)
	@mkdir -p $(FUZZ_DIR)/crashes
	$(if $(filter merge,$(FUZZ_TARGETS)),@sh tests/fuzz/merge-seeds.sh \
		$(FUZZ_DIR)/corpus/merge)
	@rc=0; $(foreach t,$(FUZZ_TARGETS),args_$(t)='$(FUZZ_ARGS_$(t))';) \
	for t in $(FUZZ_TARGETS); do \
		eval "args=\$$args_$$t"; \
		mkdir -p $(FUZZ_DIR)/corpus/$$t; \
		dict=; [ -f tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
		echo "  FUZZ    $$t for $(FUZZ_SECONDS)s (log: $(FUZZ_DIR)/$$t.log)"; \
		if $(FUZZ_DIR)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
		    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		    -artifact_prefix=$(FUZZ_DIR)/crashes/$$t- $$dict \
		    $(FUZZ_FLAGS) $$args \
		    $(FUZZ_DIR)/corpus/$$t tests/fuzz/corpus/$$t \
		    >$(FUZZ_DIR)/$$t.log 2>&1; then \
			grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|average_exec_per_sec)' \
			    $(FUZZ_DIR)/$$t.log | sed 's/^/    /'; \
		else \
			rc=1; echo "  CRASH   $$t:"; \
			grep -E -A12 '^==[0-9]+==ERROR|runtime error|broken promise|^artifact_prefix|Test unit written' \
			    $(FUZZ_DIR)/$$t.log | head -40 | sed 's/^/    /'; \
		fi; \
	done; exit $$rc
