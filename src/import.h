/*
 * import.h: loading wide microdata (one CSV row per respondent, one column
 * per question) into the store, so that data collected with other tools
 * can be aggregated like interviews taken with lcsurvey.
 *
 * The format (documented in lcsurvey-aggregate(1)): a header row naming
 * the columns; a question outside rosters is the column with its id, the
 * answer for member M of a roster the column "ID.M" (age.1, age.2, ...).
 * Columns may come in any order and may be left out (unanswered); the
 * design questions (stratum, cluster, weight, household) are ordinary
 * columns. Values are written as `lcsurvey interview` accepts them typed
 * (answer_parse): choice codes, 1/0 for yes/no, YYYY-MM-DD, "dk" and
 * "refused", empty for no answer. Calculated questions are computed, not
 * read.
 */
#ifndef LCSURVEY_IMPORT_H
#define LCSURVEY_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "questionnaire.h"
#include "store.h"

struct import_opts {
	/* Bytes read so far and in total (0: unknown); may be NULL. */
	void (*progress)(void *ctx, long long done, long long total);
	void *progress_ctx;
};

struct import_stats {
	long rows;	/* respondents imported */
	long answers;	/* answers written, calculations included */
};

/*
 * Validates every row of the CSV in fp against qn and, if all are valid,
 * writes them as complete interviews in one transaction, registering qn
 * (whose exact source bytes are src[0..len)) if the store lacks it.
 * Returns 0 with *stats filled, or -1 with every problem found added to
 * d (whose file name should be the CSV's) at line:column, where column is
 * the 1-based field number; nothing is then written.
 */
int import_csv(struct store *st, const struct questionnaire *qn,
    const void *src, size_t len, FILE *fp, const struct import_opts *o,
    struct import_stats *stats, struct diag *d);

#endif
