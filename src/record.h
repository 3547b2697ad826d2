/*
 * record.h: the answers of one interview as a flat table of values, for
 * the bulk readers and writers (aggregate, import) that handle a million
 * interviews one after another and cannot afford the interview engine's
 * navigation state or an allocation per answer.
 *
 * A record has a slot per question outside rosters and `max` slots per
 * roster question. record_reset() empties it in O(1) (a generation
 * counter), so one record serves every interview of a run. Texts are
 * copied into a pool owned by the record.
 */
#ifndef LCSURVEY_RECORD_H
#define LCSURVEY_RECORD_H

#include "buf.h"
#include "expr.h"
#include "questionnaire.h"
#include "store.h"

struct record;

/* A new, empty record for qn, which must outlive it. Never NULL. */
struct record *record_new(const struct questionnaire *qn);
/* Frees rec; NULL is a no-op. */
void record_free(struct record *rec);
/* Forgets every value, in O(1). */
void record_reset(struct record *rec);

/*
 * Sets the answer to question q for member (0 outside rosters, 1..max
 * inside), copying any text. Returns -1, changing nothing, when member
 * does not fit the question.
 */
int record_set(struct record *rec, int q, int member,
    const struct expr_value *v);
/*
 * The same from a stored value (lcsurvey-store(5) encoding). Returns -1
 * when the value does not fit the question (a hand-edited database) or the
 * member is out of range.
 */
int record_set_stored(struct record *rec, int q, int member,
    const struct store_value *sv);

/* The value of (q, member); a null value (kind EXPR_V_NULL, unanswered)
 * when not set. Text stays valid until the next record_set or reset. */
void record_get(const struct record *rec, int q, int member,
    struct expr_value *out);

/* Evaluates e at member against the record. */
void record_eval(struct record *rec, const struct expr *e, int member,
    struct expr_value *out);
/* Members of roster r (1-based id) and whether question q is asked of
 * member, by the rules the interview engine follows too
 * (questionnaire_members, questionnaire_relevant). */
int record_members(struct record *rec, int roster);
int record_relevant(struct record *rec, int q, int member);

/*
 * Engine value -> store value for question q (the encoding of
 * lcsurvey-store(5)); dates and multiple choices are formatted into b,
 * which must outlive sv.
 */
void record_to_store(const struct qn_question *q, const struct expr_value *v,
    struct store_value *sv, struct buf *b);
/* Store value -> engine value; text is borrowed from sv. -1 when the
 * stored value does not fit the question. */
int record_from_store(const struct qn_question *q,
    const struct store_value *sv, struct expr_value *v);

#endif
