/*
 * cmd-simulate.c: `lcsurvey simulate` — many random but valid interviews
 * through the same engine (and, with --db, the same session and store) as
 * the screens, to test a questionnaire before fieldwork: which questions
 * are reached how often, which never are, which checks keep failing.
 *
 * Answers are drawn per type within the question's bounds; an answer that
 * a constraint refuses is drawn again (a few times), a soft check is
 * confirmed, and a question that cannot be satisfied gets "don't know",
 * "refused" or no answer when the question allows it — else the interview
 * is abandoned and counted. The generator is a seeded xorshift, so a run
 * is reproducible from its seed.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "session.h"
#include "usage.h"
#include "xmalloc.h"

#define SIM_TRIES 25

struct sim {
	const struct questionnaire *qn;
	struct store *st;	/* NULL: engine only */
	uint64_t rng;
	long *reached;		/* per question: positions shown */
	long *stuck;		/* per question: no valid answer found */
	long completed, abandoned;
};

static uint64_t
next_rand(struct sim *sm)
{
	uint64_t x = sm->rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return sm->rng = x;
}

/* Uniform in [0, n). */
static long
pick(struct sim *sm, long n)
{
	return n <= 0 ? 0 : (long)(next_rand(sm) % (uint64_t)n);
}

static double
uniform(struct sim *sm, double lo, double hi)
{
	return lo + (hi - lo) * ((double)(next_rand(sm) >> 11) / 9007199254740992.0);
}

static void
draw_number(struct sim *sm, const struct qn_question *q, struct expr_value *v)
{
	double lo = q->has_min ? q->min : 0, hi = q->has_max ? q->max :
	    lo + 100;

	v->kind = EXPR_V_NUMBER;
	if (q->type == QN_INTEGER)
		v->num = ceil(lo) + (double)pick(sm, (long)(floor(hi) -
		    ceil(lo)) + 1);
	else
		v->num = round(uniform(sm, lo, hi) * 100) / 100;
	if (v->num < lo)
		v->num = lo;
	if (v->num > hi)
		v->num = hi;
}

static void
draw(struct sim *sm, const struct qn_question *q, struct expr_value *v)
{
	static const char *const words[] = { "Amina", "Chen", "Lucía",
		"Olivier", "Wanjiru", "Ravi", "Zoë", "学习" };
	int n = q->choices ? q->choices->nchoices : 0;
	double lo, hi;

	memset(v, 0, sizeof *v);
	if (!q->required && pick(sm, 10) == 0)
		return; /* left empty */
	switch (q->type) {
	case QN_SINGLE:
	case QN_RATING:
		v->kind = EXPR_V_NUMBER;
		v->num = (double)q->choices->codes[pick(sm, n)];
		break;
	case QN_YESNO:
		v->kind = EXPR_V_BOOL;
		v->num = (double)pick(sm, 2);
		break;
	case QN_MULTIPLE:
		v->kind = EXPR_V_SET;
		while (v->set == 0)
			v->set = next_rand(sm) & (n >= 64 ? ~UINT64_C(0) :
			    (UINT64_C(1) << n) - 1);
		break;
	case QN_INTEGER:
	case QN_DECIMAL:
		draw_number(sm, q, v);
		break;
	case QN_TEXT:
		v->kind = EXPR_V_TEXT;
		v->text = words[pick(sm, sizeof words / sizeof *words)];
		v->len = strlen(v->text);
		if (q->max_length > 0 && v->len > (size_t)q->max_length)
			v->len = (size_t)q->max_length; /* ASCII names only then */
		break;
	case QN_DATE:
		lo = q->has_min ? q->min : 10957;  /* 2000-01-01 */
		hi = q->has_max ? q->max : 22280;  /* 2030-12-31 */
		v->kind = EXPR_V_DATE;
		v->date = (int32_t)(lo + (double)pick(sm, (long)(hi - lo) + 1));
		break;
	default:
		break;
	}
}

/* What to give when nothing drawn passes: a missing code, or nothing. */
static int
fallback(const struct qn_question *q, struct expr_value *v)
{
	memset(v, 0, sizeof *v);
	if (q->allow_dont_know)
		v->missing = EXPR_DONT_KNOW;
	else if (q->allow_refused)
		v->missing = EXPR_REFUSED;
	else if (q->required)
		return -1;
	return 0;
}

/* Gives v; 0 saved, 1 warned (then confirmed), -1 refused. */
static int
give(struct session *s, struct interview *iv, const struct expr_value *v)
{
	struct buf err = BUF_INIT;
	char msg[256];
	int rc;

	if (s != NULL) {
		rc = session_answer_value(s, v, &err);
		if (rc == 1)
			rc = session_confirm(s, &err);
	} else {
		rc = interview_answer(iv, v, 0, msg, sizeof msg);
		if (rc == 1)
			rc = interview_answer_flags(iv, v, 0, INTERVIEW_CONFIRMED,
			    msg, sizeof msg);
	}
	/* A write that failed is not a refused answer: stop, and say why. */
	if (rc == INTERVIEW_UNSAVED)
		die(EX_IOERR, "%s", s != NULL ? buf_str(&err) : msg);
	buf_release(&err);
	return rc;
}

/*
 * Answers the current question: random draws first; then, for choice
 * questions, every code in turn (a constraint may allow only one, such as
 * "the first member is the head of the household"); then a missing code or
 * no answer. -1 if nothing was accepted.
 */
static int
answer_one(struct sim *sm, struct session *s, struct interview *iv,
    const struct qn_question *q)
{
	struct expr_value v;
	int i;

	for (i = 0; i < SIM_TRIES; i++) {
		draw(sm, q, &v);
		if (give(s, iv, &v) == 0)
			return 0;
	}
	memset(&v, 0, sizeof v);
	v.kind = EXPR_V_NUMBER;
	if ((q->type == QN_SINGLE || q->type == QN_RATING) && q->choices)
		for (i = 0; i < q->choices->nchoices; i++) {
			v.num = (double)q->choices->codes[i];
			if (give(s, iv, &v) == 0)
				return 0;
		}
	/* A small whole-number range is tried in full, as "the line number
	 * of another member" allows one value in thirty. */
	if (q->type == QN_INTEGER && q->has_min && q->has_max &&
	    q->max - q->min <= 200)
		for (v.num = q->min; v.num <= q->max; v.num++)
			if (give(s, iv, &v) == 0)
				return 0;
	if (fallback(q, &v) < 0)
		return -1;
	return give(s, iv, &v) == 0 ? 0 : -1;
}

/* One interview to its end; returns 0 when it was completed. */
static int
run_one(struct sim *sm, struct session *s, struct interview *iv)
{
	const struct qn_question *q;
	int member;
	long steps = 0;

	while ((q = interview_current(iv, &member)) != NULL) {
		sm->reached[q->index]++;
		if (answer_one(sm, s, iv, q) < 0) {
			sm->stuck[q->index]++;
			return -1;
		}
		if (++steps > 100000)
			return -1;
	}
	return 0;
}

static int
simulate_one(struct sim *sm)
{
	struct session s;
	struct buf err = BUF_INIT;
	struct interview *iv;
	int rc;

	if (sm->st == NULL) {
		iv = interview_new(sm->qn, NULL);
		rc = run_one(sm, NULL, iv);
		interview_free(iv);
	} else {
		if (session_begin(&s, sm->st, sm->qn, "simulate", "simulate", 0,
		    &err) < 0)
			die(EX_CANTCREAT, "%s", err.s);
		rc = run_one(sm, &s, s.iv);
		if (session_set_status(&s, rc == 0 ? "complete" : "abandoned",
		    &err) < 0)
			die(EX_IOERR, "%s", err.s);
		session_end(&s);
	}
	buf_release(&err);
	if (rc == 0)
		sm->completed++;
	else
		sm->abandoned++;
	return rc;
}

static void
report(const struct sim *sm, long n)
{
	const struct questionnaire *qn = sm->qn;
	int i, never = 0;

	printf("%ld interviews: %ld completed, %ld abandoned (no valid answer "
	    "found)\n\n", n, sm->completed, sm->abandoned);
	printf("%-32s %10s %8s\n", "question", "reached", "share");
	for (i = 0; i < qn->nquestions; i++) {
		const struct qn_question *q = &qn->questions[i];

		if (q->type == QN_CALCULATE)
			continue;
		printf("%-32s %10ld %7.1f%%\n", q->id, sm->reached[i],
		    100.0 * (double)sm->reached[i] / (double)n);
	}
	for (i = 0, never = 0; i < qn->nquestions; i++)
		if (sm->stuck[i] > 0) {
			if (never++ == 0)
				printf("\nno valid answer found (interview "
				    "abandoned):\n");
			printf("  %s (line %d): %ld times\n", qn->questions[i].id,
			    qn->questions[i].line, sm->stuck[i]);
		}
	for (i = 0, never = 0; i < qn->nquestions; i++)
		if (qn->questions[i].type != QN_CALCULATE &&
		    sm->reached[i] == 0) {
			if (never++ == 0)
				printf("\nnever reached in %ld interviews:\n", n);
			printf("  %s (line %d)\n", qn->questions[i].id,
			    qn->questions[i].line);
		}
}

int
cmd_simulate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "n", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "db", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	struct sim sm;
	struct questionnaire *qn;
	const char *db = NULL;
	char *msg = NULL, *end;
	long n = 100, i;
	unsigned long long seed = 1;
	int c;

	cmd_maybe_help("simulate", argc, argv);
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'n' && (n = strtol(optarg, &end, 10)) > 0 && !*end &&
		    n <= 100000000)
			continue;
		if (c == 's' && (seed = strtoull(optarg, &end, 10), !*end))
			continue;
		if (c == 'd') {
			db = optarg;
			continue;
		}
		cmd_usage("simulate");
	}
	if (optind != argc - 1)
		cmd_usage("simulate");
	qn = cmd_load_survey(argv[optind]);
	memset(&sm, 0, sizeof sm);
	sm.qn = qn;
	sm.rng = seed * 0x9E3779B97F4A7C15ULL + 1; /* never 0 */
	sm.reached = xcalloc((size_t)qn->nquestions + 1, sizeof *sm.reached);
	sm.stuck = xcalloc((size_t)qn->nquestions + 1, sizeof *sm.stuck);
	if (db != NULL && store_open(&sm.st, db, &msg) < 0)
		die(EX_CANTCREAT, "%s", msg);
	/* One transaction per thousand interviews: the rows are the same as
	 * typed interviews', without a disk sync per answer. */
	for (i = 0; i < n; i++) {
		if (sm.st && i % 1000 == 0 && store_batch_begin(sm.st) < 0)
			die(EX_IOERR, "%s", store_errmsg(sm.st));
		simulate_one(&sm);
		if (sm.st && (i % 1000 == 999 || i == n - 1) &&
		    store_batch_commit(sm.st) < 0)
			die(EX_IOERR, "%s", store_errmsg(sm.st));
	}
	report(&sm, n);
	store_close(sm.st);
	free(sm.reached);
	free(sm.stuck);
	questionnaire_free(qn);
	return 0;
}
