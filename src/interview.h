/*
 * interview.h: the interview engine, a navigation state machine with no
 * terminal in it.
 *
 * It owns the answers of one interview in memory, knows where the
 * interview stands (a question and, inside a roster, a member), moves
 * forward and back over the questions that are relevant, validates answers
 * and hands every change to a sink (the SQLite store in the program, an
 * array in tests) before it moves on. Two drivers sit on it: the ncurses
 * screens and the scripted driver used by tests and `simulate`.
 *
 * Positions follow the questionnaire: sections in order; a roster section
 * is walked once per member, all its questions for member 1, then member 2.
 * Calculated questions are never shown; they are evaluated, and saved
 * through the sink, whenever an earlier answer changes.
 *
 * Changing an earlier answer: a later answer whose question stops being
 * relevant (or whose roster member no longer exists, because the count
 * went down) is cleared at once, and the clearing goes through the sink.
 * Keeping such answers "but ignored" would leave data in the store that no
 * export could explain; clearing matches what the enumerator sees.
 */
#ifndef LCSURVEY_INTERVIEW_H
#define LCSURVEY_INTERVIEW_H

#include <stddef.h>

#include "buf.h"
#include "expr.h"
#include "questionnaire.h"

/* Where persistence goes. Each function returns 0, or -1 when the change
 * could not be made durable; the engine then leaves its state unchanged
 * and reports the failure, so nothing is shown as saved that is not. */
/* interview_answer's result when the sink failed: the answer is valid
 * but could not be made durable (a full disk, a read-only file). Unlike a
 * refused answer, typing another will not help. */
#define INTERVIEW_UNSAVED (-2)

/* Flags of a saved answer. */
#define INTERVIEW_CONFIRMED 0x1 /* kept although its soft check failed */

struct interview_sink {
	int (*save)(void *ctx, const struct qn_question *q, int member,
	    const struct expr_value *v, double seconds, unsigned flags);
	int (*clear)(void *ctx, const struct qn_question *q, int member);
	void *ctx;
};

struct interview_pos {
	int q;	    /* question index, or -1 at the end */
	int member; /* 1-based inside a roster, else 0 */
};

struct interview_progress {
	int index; /* 1-based position of the current question among the relevant ones */
	int total; /* relevant, shown questions */
	int answered;
	int section;
	int member, nmembers; /* inside a roster */
};

struct interview;

/* A new interview at the first relevant question. Never NULL. The
 * questionnaire must outlive it; sink may be NULL (nothing persisted). */
struct interview *interview_new(const struct questionnaire *qn,
    const struct interview_sink *sink);
void interview_free(struct interview *iv);

/*
 * Puts a stored answer back (resuming), without calling the sink. Unknown
 * questions and members beyond the roster's maximum are refused (-1): the
 * caller decides whether that means a changed questionnaire.
 */
int interview_restore(struct interview *iv, const char *question, int member,
    const struct expr_value *v);
/* After restoring: recomputes calculations and moves to the first
 * relevant question without an answer (or the end). */
void interview_resume(struct interview *iv);

/* The current question, or NULL at the end; *member gets the member. */
const struct qn_question *interview_current(const struct interview *iv,
    int *member);
struct interview_pos interview_position(const struct interview *iv);

/*
 * Validates v as the answer to the current question (type, required,
 * min/max, length, constraint), saves it through the sink, recomputes what
 * depends on it, and moves to the next relevant question. v->kind
 * EXPR_V_NULL with EXPR_UNANSWERED means "no answer" (allowed when the
 * question is not required); EXPR_DONT_KNOW/EXPR_REFUSED are allowed when
 * the question declares them. A note takes any value (it just moves on).
 * Returns 0, or -1 with a message for the respondent in err; the position
 * does not change on failure.
 */
int interview_answer(struct interview *iv, const struct expr_value *v,
    double seconds, char *err, size_t errsz);
/*
 * The same, with flags. A question's soft check ('warning') that fails
 * makes this return 1 with the warning in err, saving nothing: the
 * enumerator may correct the answer, or confirm it by answering again
 * with INTERVIEW_CONFIRMED, and the confirmation is saved with it
 * (Blaise calls these signals). interview_answer() is this with flags 0.
 */
int interview_answer_flags(struct interview *iv, const struct expr_value *v,
    double seconds, unsigned flags, char *err, size_t errsz);
/* Moves to the previous relevant question; -1 if already at the first. */
int interview_back(struct interview *iv);
/* Moves forward without answering, if the current question already has
 * an answer (review navigation); -1 otherwise. */
int interview_next(struct interview *iv);
/* Jumps to (q, member) if it is a relevant shown position; -1 otherwise. */
int interview_goto(struct interview *iv, int q, int member);

/* The stored answer to (q, member), or NULL when unanswered. The value's
 * text is owned by the interview and valid until that answer changes. */
const struct expr_value *interview_value(const struct interview *iv, int q,
    int member);

/* 1 if every relevant required question has an answer; otherwise 0 and
 * *missing (if non-NULL) gets the first that has none. */
int interview_is_complete(const struct interview *iv,
    struct interview_pos *missing);

void interview_progress(const struct interview *iv,
    struct interview_progress *p);

/* Number of members of roster r (1-based id) as the answers stand. */
int interview_members(const struct interview *iv, int roster);

/*
 * Calls fn for every relevant shown position in interview order, with its
 * answer (or NULL): the review screen and exports walk this. Stops early
 * when fn returns non-zero, and returns that value.
 */
int interview_foreach(const struct interview *iv,
    int (*fn)(void *ctx, const struct qn_question *q, int member,
    const struct expr_value *v), void *ctx);

/* The language (index into qn->langs) of messages taken from the
 * questionnaire, such as constraint messages. */
void interview_set_language(struct interview *iv, int lang);
/* The language (of the catalogue, words.h) of the engine's own messages,
 * such as "an answer is required": English until set. */
void interview_set_words(struct interview *iv, int lang);

/*
 * Appends text to out with each "{question}" replaced by its answer for
 * member (inside a roster, the member's own), formatted in language lang
 * (a choice's label rather than its code). An unanswered question shows
 * as "…"; "{{" is a literal "{". Used for labels and hints ("How old is
 * {name}?"); the loader has already checked every reference.
 */
void interview_pipe(const struct interview *iv, const char *text, int member,
    int lang, struct buf *out);

/* Evaluates e at member as the answers stand (for labels, piping). */
void interview_eval(const struct interview *iv, const struct expr *e,
    int member, struct expr_value *out);

#endif
