/*
 * export-microdata.h: the interviews of a questionnaire as microdata for
 * analysts (lcsurvey-export(1)): a CSV in one of two layouts, a codebook,
 * and scripts that load the CSV into Stata, SPSS or R with variable and
 * value labels.
 *
 * Long layout (the analysts' file): a row per respondent, the household
 * (member 0) and each roster member (1, 2, ...) on rows of their own,
 * linked by the interview column. Columns: interview, member, status,
 * started_at, ended_at, enumerator, design_stratum, design_cluster,
 * design_household, design_weight, then a column per question in
 * questionnaire order (notes left out), holding codes for coded
 * questions; a multiple-choice question is one 0/1 column per choice,
 * ID_CODE. A household question is filled on the household row only, a
 * roster question on the member rows. "Don't know" and "refused" are an
 * empty cell plus the flag column ID_miss (1 don't know, 2 refused) for
 * every question that allows them: never a number that could be averaged.
 *
 * Wide layout: exactly what `lcsurvey import` reads, a row per interview,
 * a column per question, ID.M for member M of a roster, missing codes as
 * "dk" and "refused"; calculations are left out (import computes them).
 *
 * Every function returns 0, or -1 with a message in err (a store error or
 * a failed write).
 */
#ifndef LCSURVEY_EXPORT_MICRODATA_H
#define LCSURVEY_EXPORT_MICRODATA_H

#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "questionnaire.h"
#include "store.h"

/*
 * Checks that qn's question ids give distinct column names (a question
 * called "member" or "learned_1" beside a multiple choice "learned" would
 * not); -1 with the clash in err.
 */
int export_microdata_check(const struct questionnaire *qn, struct buf *err);
/* The long layout, interviews in UUID order; the complete ones only
 * unless all. *rows receives the number of data rows. */
int export_microdata_long(FILE *fp, struct store *st,
    const struct questionnaire *qn, int64_t qrow, int all, long *rows,
    struct buf *err);
/* The wide layout, for `lcsurvey import`; *rows as above. */
int export_microdata_wide(FILE *fp, struct store *st,
    const struct questionnaire *qn, int64_t qrow, int all, long *rows,
    struct buf *err);
/* The codebook of the long layout, as CSV: variable, question, level,
 * type, label, code, code_label; a row per variable, then a row per code. */
int export_microdata_codebook(FILE *fp, const struct questionnaire *qn,
    struct buf *err);
/* Scripts loading the long CSV, named csvname, with labels. */
int export_microdata_stata(FILE *fp, const struct questionnaire *qn,
    const char *csvname, struct buf *err);
int export_microdata_spss(FILE *fp, const struct questionnaire *qn,
    const char *csvname, struct buf *err);
int export_microdata_r(FILE *fp, const struct questionnaire *qn,
    const char *csvname, struct buf *err);

#endif
