/*
 * questionnaire.h: the loaded questionnaire, immutable once loaded.
 *
 * Everything here lives in the questionnaire's arena and is freed by one
 * questionnaire_free(). Labels are arrays indexed by language position
 * (qn->langs order), every entry non-NULL after a successful load except
 * optional texts (hints), which are NULL when absent.
 *
 * Questions are numbered 0..nquestions-1 in the order they appear; that
 * order is the interview order and the only order in which a question may
 * refer to another (a reference to a later question is a load error).
 */
#ifndef LCSURVEY_QUESTIONNAIRE_H
#define LCSURVEY_QUESTIONNAIRE_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "expr.h"

#define QN_MAX_MULTIPLE 64 /* choices of a multiple-choice question: a bit mask */

enum qn_type {
	QN_SINGLE,
	QN_MULTIPLE,
	QN_YESNO,
	QN_INTEGER,
	QN_DECIMAL,
	QN_TEXT,
	QN_DATE,
	QN_RATING,
	QN_NOTE,
	QN_CALCULATE,
};

enum qn_indicator_kind {
	QN_PROPORTION,
	QN_MEAN,
	QN_RATIO,
	QN_RATING_DIST,
};

/* Where a key stands in the file, 1-based; 0:0 when it is absent. */
struct qn_pos {
	int line, col;
};

/* A text in every language of the questionnaire: t[lang]. */
typedef const char *const *qn_text;

struct qn_choice {
	long code;
	qn_text label;
};

struct qn_choice_list {
	const char *id;
	const struct qn_choice *choices;
	int nchoices;
	const long *codes; /* the codes again, in order, for expr_ref */
	int line, col;
};

struct qn_question {
	const char *id;
	int index; /* position in qn->questions */
	enum qn_type type;
	qn_text label;
	qn_text hint; /* NULL when absent */
	int required;
	const struct qn_choice_list *choices; /* single, multiple; built in for rating, yesno */
	const struct expr *relevant;	     /* NULL: always */
	const struct expr *constraint;	     /* NULL: none */
	qn_text constraint_message;	     /* NULL: a generic message */
	const struct expr *warning;	     /* soft check; NULL: none */
	qn_text warning_message;	     /* NULL: a generic message */
	const struct expr *calculate;	     /* QN_CALCULATE only */
	int has_min, has_max;
	double min, max;  /* integer/decimal values; date as days since 1970 */
	int max_length;	  /* text, in characters; 0: the default */
	int allow_dont_know, allow_refused;
	int section;	 /* index into qn->sections */
	int roster;	 /* 0, or 1 + index into qn->rosters */
	int line, col;	 /* where the question's mapping starts */
	struct qn_pos relevant_at, constraint_at; /* their keys */
};

struct qn_section {
	const char *id;
	qn_text title;
	const struct expr *relevant; /* NULL: always */
	int first, count;	     /* questions [first, first + count) */
	int roster;		     /* 0, or 1 + index into qn->rosters */
	int line, col;
	struct qn_pos relevant_at;   /* its key */
};

/*
 * A roster repeats its section once per member; `count` (evaluated outside
 * the roster) says how many, capped at max. `member_label` names a member
 * on screen ("Questions about: Amina, 34").
 */
struct qn_roster {
	const char *id;
	int section;
	const struct expr *count;
	int max;
	const int *label_questions; /* questions of the roster that name a member */
	int nlabel;
};

/* Weighting classes a questionnaire may name (design.weighting_class). */
#define QN_MAX_WCLASS 4

/* Sample design: question indices, -1 when not captured. */
struct qn_design {
	int stratum, cluster, weight, household;
	/*
	 * For `lcsurvey weights` (issue 11): the number of eligible adults
	 * when one adult is selected per household, and the questions whose
	 * answers form the non-response weighting classes.
	 */
	int selection;
	int weighting_class[QN_MAX_WCLASS];
	int nweighting_class;
};

struct qn_indicator {
	const char *id;	  /* unique in the questionnaire */
	const char *code; /* Key Feature code, e.g. "2.1.3" */
	qn_text name;
	enum qn_indicator_kind kind;
	const char *unit; /* "%", "hours", "years", "score", ... */
	const struct expr *universe;	/* bool; NULL: everyone at that level */
	const struct expr *numerator;	/* proportion: bool; ratio: number */
	const struct expr *denominator; /* ratio: number */
	const struct expr *value;	/* mean: number; rating: the question */
	const int *by;			/* disaggregation questions */
	int nby;
	int roster; /* 0: one row per interview; else per member of roster */
	int line, col;
	/* Where the keys of the expressions are. */
	struct qn_pos universe_at, numerator_at, denominator_at, value_at;
};

struct questionnaire {
	struct arena arena;
	const char *path;
	const char *id;
	const char *version;
	qn_text title;
	const char *const *langs;
	int nlang;
	const struct qn_choice_list *lists;
	int nlists;
	const struct qn_question *questions;
	int nquestions;
	const struct qn_section *sections;
	int nsections;
	const struct qn_roster *rosters;
	int nrosters;
	const struct qn_indicator *indicators;
	int nindicators;
	struct qn_design design;
	qn_text consent; /* NULL: none; shown by kiosk mode */
	char hash[65];	 /* SHA-256 of the source bytes, lowercase hex */
};

/*
 * Loads and checks the questionnaire at path. Returns it (caller frees with
 * questionnaire_free) or NULL with every problem found added to d, located
 * file:line:col. *exit_code (if non-NULL) is set to EX_NOINPUT for a file
 * that cannot be read and EX_DATAERR for one that is not a valid
 * questionnaire.
 */
struct questionnaire *questionnaire_load(const char *path, struct diag *d,
    int *exit_code);
/* The same, from a buffer; name is used for messages. */
struct questionnaire *questionnaire_load_buffer(const char *name,
    const unsigned char *data, size_t len, struct diag *d);
void questionnaire_free(struct questionnaire *qn);

/* Index of the question with this id, or -1. */
int questionnaire_find(const struct questionnaire *qn, const char *id);
/* Index of a language code in qn->langs, or -1. */
int questionnaire_lang(const struct questionnaire *qn, const char *code);
/* The choice with this code in q's list, or NULL. */
const struct qn_choice *questionnaire_choice(const struct qn_question *q,
    long code);
/* Name of a question type as written in YAML ("single", ...). */
const char *questionnaire_type_name(enum qn_type t);
const char *questionnaire_kind_name(enum qn_indicator_kind k);

/*
 * questionnaire-route.c: route analysis for `lcsurvey check`. Adds to d a
 * warning, located at the key of the expression, for each question or
 * section that can never be asked, each indicator whose universe is never
 * true, and each use of a question that may have been skipped where that
 * changes a result nobody decided. Never adds errors; never fails.
 */
void questionnaire_route_check(const struct questionnaire *qn,
    struct diag *d);

/*
 * questionnaire-eval.c: who is asked what, over answers that env's
 * value() gives and roster counts that its members() gives (env->member
 * is ignored: each call sets its own). The number of members of roster
 * (1-based): 0 when its section is not relevant or its count is not a
 * number of at least 1, at most the roster's max. Whether question q is
 * asked of member (0 outside rosters): a member its roster has, and its
 * section's and its own relevant true (null is not true).
 */
int questionnaire_members(const struct questionnaire *qn, int roster,
    const struct expr_env *env);
int questionnaire_relevant(const struct questionnaire *qn, int q, int member,
    const struct expr_env *env);

#endif
