/*
 * fuzz.h: what every harness shares. A broken promise aborts with a
 * message libFuzzer shows above the stack trace, and is reported as a
 * crash like any sanitizer finding.
 */
#ifndef LCSURVEY_FUZZ_H
#define LCSURVEY_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define REQUIRE(c)                                                        \
	do {                                                              \
		if (!(c)) {                                               \
			fprintf(stderr, "%s:%d: broken promise: %s\n",    \
			    __FILE__, __LINE__, #c);                      \
			abort();                                          \
		}                                                         \
	} while (0)

/* libFuzzer's entry points, declared for -Wmissing-prototypes. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
