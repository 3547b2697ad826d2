/*
 * fuzz_import.c: libFuzzer harness for `lcsurvey import`, the reader that
 * takes CSV files made by other tools (issue 5): libcsv through csvio.c,
 * the header's "ID" and "ID.M" columns, every cell through the answer
 * parser, relevance and roster counts, then the store's bulk writer. The
 * questionnaire is surveys/example.yaml (every question type, a roster, a
 * design block, calculations), loaded once; each input is imported into
 * the same in-memory database.
 *
 * Beyond "no crash, no sanitizer report", import.h's promise holds: 0
 * means no error and one interview per row written; -1 means at least
 * one error, each located at a line, and nothing written.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "diag.h"
#include "import.h"
#include "questionnaire.h"
#include "store.h"

static struct questionnaire *qn;
static char *src;
static size_t srclen;
/* One in-memory store for every input (opening one per input ran ten
 * times slower); each input's import adds to it or changes nothing. */
static struct store *st;

/* Interviews in the store, of any status. */
static int
interviews(void)
{
	int counts[3];

	REQUIRE(store_count_by_status(st, 0, NULL, counts) == 0);
	return counts[STORE_PARTIAL] + counts[STORE_COMPLETE] +
	    counts[STORE_ABANDONED];
}

/* surveys/example.yaml under $TOP (the source tree; default "."). */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *top = getenv("TOP");
	char path[4096];
	struct diag d;
	char *err = NULL;
	FILE *fp;
	long n;

	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "%s/surveys/example.yaml",
	    top != NULL ? top : ".");
	if ((fp = fopen(path, "rb")) == NULL || fseek(fp, 0, SEEK_END) != 0 ||
	    (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0) {
		fprintf(stderr, "fuzz_import: cannot read %s\n", path);
		exit(1);
	}
	srclen = (size_t)n;
	src = malloc(srclen + 1);
	if (src == NULL || fread(src, 1, srclen, fp) != srclen) {
		fprintf(stderr, "fuzz_import: cannot read %s\n", path);
		exit(1);
	}
	fclose(fp);
	diag_init(&d, path);
	qn = questionnaire_load_buffer(path, (const unsigned char *)src, srclen,
	    &d);
	if (qn == NULL) {
		diag_print(&d, stderr);
		exit(1);
	}
	diag_release(&d);
	if (store_open_import(&st, ":memory:", &err) != 0) {
		fprintf(stderr, "fuzz_import: %s\n", err);
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_stats stats;
	struct import_opts o;
	struct diag d;
	int before, rc;
	size_t k;
	FILE *fp;

	/* fmemopen refuses an empty buffer; an empty file is a header-less
	 * one, which the seeds cover through the real program. */
	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	before = interviews();
	memset(&o, 0, sizeof o);
	diag_init(&d, "fuzz.csv");
	rc = import_csv(st, qn, src, srclen, fp, &o, &stats, &d);
	fclose(fp);
	if (rc == 0) {
		REQUIRE(d.nerrors == 0);
		REQUIRE(interviews() == before + stats.rows);
	} else {
		REQUIRE(rc == -1);
		REQUIRE(d.nerrors > 0);
		for (k = 0; k < d.n; k++)
			REQUIRE(d.items[k].line > 0);
		REQUIRE(interviews() == before);
	}
	diag_release(&d);
	return 0;
}
