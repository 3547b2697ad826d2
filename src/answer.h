/*
 * answer.h: answers as text — what a person types, and what a screen or
 * an export shows. Parsing is strict and type-aware, so that "12,5" in a
 * decimal question or "2024-02-30" in a date question is refused with a
 * message instead of being stored as something else.
 */
#ifndef LCSURVEY_ANSWER_H
#define LCSURVEY_ANSWER_H

#include <stddef.h>

#include "buf.h"
#include "expr.h"
#include "questionnaire.h"

/*
 * Parses input as an answer to q. Choice questions take codes (multiple
 * choice: codes separated by spaces or commas); yes/no takes 1/0 (and
 * y/n/yes/no); dates YYYY-MM-DD; "" is "no answer"; the words "dk" and
 * "refused" (in any case) are the missing codes. Text answers point into
 * input (v->text), which must outlive v. Returns 0, or -1 with a message
 * in err, in English: the form imports and `lcsurvey script` report.
 */
int answer_parse(const struct qn_question *q, const char *input,
    struct expr_value *v, char *err, size_t errsz);
/* The same with the message in language lang of the catalogue (words.h),
 * for the person at the screen; only the message differs. */
int answer_parse_in(const struct qn_question *q, const char *input,
    int lang, struct expr_value *v, char *err, size_t errsz);

/*
 * Appends v, as an answer to q, to b: codes as their label in language
 * lang (or as codes when lang < 0), numbers without trailing zeros, dates
 * as YYYY-MM-DD, missing codes as "don't know"/"refused" (or "dk",
 * "refused" when lang < 0: the form answer_parse reads back).
 */
void answer_format(const struct qn_question *q, const struct expr_value *v,
    int lang, struct buf *b);

#endif
