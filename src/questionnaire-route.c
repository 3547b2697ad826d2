/*
 * questionnaire-route.c: route analysis of a loaded questionnaire for
 * `lcsurvey check`. With the domains the questions declare (bounds, choice
 * codes, yes/no) and their relevance, expr-route.c tells which sections and
 * questions can never be asked, which indicators count nobody, and where a
 * question that may have been skipped is used as if it had an answer. Only
 * warnings: such a questionnaire still runs, it just does not do what its
 * author meant.
 *
 * "May be skipped" is deliberately narrow, to stay quiet on sound
 * instruments. A question may be skipped when its own or its section's
 * relevant can be false; "don't know", refused and optional answers are
 * not counted, because null already has a meaning everywhere (not asked,
 * passed, left out of the rate) and the GNLC instruments rely on it. A use
 * is reported when, where the use decides the result (see
 * expr_route_uses: and/or/if narrow it; answered(), dont_know(),
 * refused(), coalesce()'s first argument, if()'s condition and roster
 * count()/sum() are not uses), one of those conditions can still be false,
 * given what the expression's context guarantees: for a relevant, its
 * section's relevant; for a constraint, both relevants and the answer; for
 * an indicator, the universe (and, per member, the roster's section). In a
 * relevant or a universe, where null reads as "no", only uses under 'not'
 * or '!=' are reported. A calculation is no place to report: its inputs'
 * conditions pass to the calculated question, reported where it is used.
 */
#include "questionnaire.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Conditions kept per question for "may be skipped": its section's, its
 * own, and those of the questions a calculation uses. */
#define MAX_SKIPS 8

/* A condition that must hold for a question to have a value. */
struct skip {
	const struct expr *cond;
	int owner;   /* the question (or section's first question) it guards */
	int section; /* 1: the relevant of owner's section */
	int via;     /* -1, or the calculation that inherited it */
};

struct route {
	const struct questionnaire *qn;
	struct diag *d;
	struct expr_model m;
	struct expr_domain *dom; /* domains, filled in order */
	unsigned char *full;	 /* dom[i] is the domain before assumptions */
	unsigned char *sec_dead;
	struct skip (*skips)[MAX_SKIPS];
	int *nskips;
	unsigned char *warned; /* per use, within one expression */
	/* The expression whose uses are being checked. */
	struct qn_pos at;
	int negative_only;
	int collect; /* >= 0: gather skips for this calculation instead */
	int checks;  /* conditions tested for this expression, capped */
};

/* Bounds the work on a hostile expression with hundreds of uses; past it,
 * no more warnings for that expression. */
#define MAX_CHECKS 32

/* ---- the model, as expr-route.c asks for it ------------------------------ */

static int
model_domain(void *ctx, int id, struct expr_domain *out)
{
	const struct route *rt = ctx;

	*out = rt->dom[id];
	return rt->full[id];
}

static int
model_given(void *ctx, int id, const struct expr **out, int max)
{
	const struct route *rt = ctx;
	const struct qn_question *q = &rt->qn->questions[id];
	const struct qn_section *s = &rt->qn->sections[q->section];
	int n = 0;

	if (s->relevant != NULL && n < max)
		out[n++] = s->relevant;
	if (q->relevant != NULL && n < max)
		out[n++] = q->relevant;
	return n;
}

static const struct expr *
model_definition(void *ctx, int id)
{
	const struct route *rt = ctx;
	const struct qn_question *q = &rt->qn->questions[id];

	return q->type == QN_CALCULATE ? q->calculate : NULL;
}

static const char *
model_name(void *ctx, int id)
{
	const struct route *rt = ctx;

	return rt->qn->questions[id].id;
}

/* What an answer to q can be once q is asked. */
static void
answer_domain(const struct qn_question *q, struct expr_domain *d)
{
	memset(d, 0, sizeof *d);
	d->value = 1;
	d->null = !q->required || q->allow_dont_know || q->allow_refused;
	d->lo = -INFINITY;
	d->hi = INFINITY;
	d->may = ~(uint64_t)0;
	d->t = d->f = 1;
	switch (q->type) {
	case QN_SINGLE:
	case QN_RATING:
	case QN_MULTIPLE:
		d->type = q->type == QN_MULTIPLE ? EXPR_T_SET : EXPR_T_NUMBER;
		d->whole = 1;
		if (q->choices != NULL) {
			d->codes = q->choices->codes;
			d->ncodes = q->choices->nchoices;
		}
		break;
	case QN_YESNO:
		d->type = EXPR_T_BOOL;
		break;
	case QN_INTEGER:
	case QN_DECIMAL:
	case QN_DATE:
		d->type = q->type == QN_DATE ? EXPR_T_DATE : EXPR_T_NUMBER;
		d->whole = q->type != QN_DECIMAL;
		if (q->has_min)
			d->lo = q->min;
		if (q->has_max)
			d->hi = q->max;
		break;
	case QN_TEXT:
		d->type = EXPR_T_TEXT;
		break;
	case QN_CALCULATE:
		/* Its definition decides, under each set of assumptions. */
		d->type = q->calculate != NULL ? expr_type_of(q->calculate) :
		    EXPR_T_ANY;
		d->null = 0;
		break;
	default:
		d->type = EXPR_T_ANY;
		d->value = 0;
		break;
	}
}

/* ---- messages -------------------------------------------------------------- */

/* At the key when the loader recorded it, else at the mapping. */
static void
warn_at(struct route *rt, struct qn_pos at, int line, int col,
    const char *msg)
{
	if (at.line == 0) {
		at.line = line;
		at.col = col;
	}
	diag_warning(rt->d, at.line, at.col, "%s", msg);
}

/* "(it is asked only when 'internet')" and its variants. */
static void
skip_reason(struct route *rt, const struct skip *k, char *out, size_t sz)
{
	const struct qn_question *o = &rt->qn->questions[k->owner];
	char cond[160];

	expr_route_format(k->cond, &rt->m, cond, sizeof cond);
	if (k->via >= 0 && k->section)
		snprintf(out, sz, "it is calculated from '%s', whose section "
		    "'%s' is shown only when '%s'", o->id,
		    rt->qn->sections[o->section].id, cond);
	else if (k->via >= 0)
		snprintf(out, sz, "it is calculated from '%s', which is asked "
		    "only when '%s'", o->id, cond);
	else if (k->section)
		snprintf(out, sz, "its section '%s' is shown only when '%s'",
		    rt->qn->sections[o->section].id, cond);
	else
		snprintf(out, sz, "it is asked only when '%s'", cond);
}

static void
add_skip(struct route *rt, int q, const struct skip *k)
{
	int i;

	for (i = 0; i < rt->nskips[q]; i++)
		if (rt->skips[q][i].cond == k->cond)
			return;
	if (rt->nskips[q] < MAX_SKIPS)
		rt->skips[q][rt->nskips[q]++] = *k;
}

/*
 * A use of question id where its value decides the result: if one of the
 * conditions for id to have a value can be false there, say so (or, for a
 * calculation, pass the condition on to the calculated question).
 */
static void
on_use(void *ctx, int id, int negative, const struct expr_route *at)
{
	struct route *rt = ctx;
	const struct qn_question *q = &rt->qn->questions[id];
	char why[400], hint[200], msg[800];
	struct skip k;
	int i;

	if ((rt->negative_only && !negative) || rt->warned[id])
		return;
	for (i = 0; i < rt->nskips[id]; i++) {
		k = rt->skips[id][i];
		if (++rt->checks > MAX_CHECKS ||
		    !(expr_route_outcomes(at, k.cond) & EXPR_CAN_FALSE))
			continue;
		if (rt->collect >= 0) {
			if (k.via < 0)
				k.via = id;
			add_skip(rt, rt->collect, &k);
			continue;
		}
		rt->warned[id] = 1;
		skip_reason(rt, &k, why, sizeof why);
		if (rt->dom[id].type == EXPR_T_NUMBER && q->choices == NULL)
			snprintf(hint, sizeof hint, "coalesce(%s, 0) or "
			    "answered(%s) and ...", q->id, q->id);
		else if (rt->dom[id].type == EXPR_T_BOOL)
			snprintf(hint, sizeof hint, "coalesce(%s, false) or "
			    "answered(%s) and ...", q->id, q->id);
		else
			snprintf(hint, sizeof hint, "answered(%s) and ...",
			    q->id);
		snprintf(msg, sizeof msg, "'%s' may be skipped (%s); say what "
		    "happens then, e.g. %s", q->id, why, hint);
		warn_at(rt, rt->at, q->line, q->col, msg);
		return;
	}
}

static void
check_uses(struct route *rt, const struct expr_route *r, const struct expr *e,
    struct qn_pos at, int negative_only)
{
	if (e == NULL || r->impossible)
		return;
	memset(rt->warned, 0, (size_t)rt->qn->nquestions);
	rt->checks = 0;
	rt->at = at;
	rt->negative_only = negative_only;
	expr_route_uses(r, e, on_use, rt);
}

/* ---- the passes ------------------------------------------------------------ */

static void
check_section(struct route *rt, int si)
{
	const struct qn_section *s = &rt->qn->sections[si];
	struct expr_route r;
	char why[400], msg[600];

	if (s->relevant == NULL)
		return;
	expr_route_init(&r, &rt->m);
	if (!(expr_route_outcomes(&r, s->relevant) & EXPR_CAN_TRUE)) {
		expr_route_explain(&r, s->relevant, why, sizeof why);
		snprintf(msg, sizeof msg, "section '%s' can never be shown: %s",
		    s->id, why);
		warn_at(rt, s->relevant_at, s->line, s->col, msg);
		rt->sec_dead[si] = 1;
		return;
	}
	check_uses(rt, &r, s->relevant, s->relevant_at, 1);
}

/* The route inside q's section: its relevant held. */
static void
in_section(struct route *rt, const struct qn_question *q,
    struct expr_route *r)
{
	expr_route_init(r, &rt->m);
	expr_route_assume(r, rt->qn->sections[q->section].relevant,
	    EXPR_CAN_TRUE);
}

static int
question_reachable(struct route *rt, int i)
{
	const struct qn_question *q = &rt->qn->questions[i];
	const struct qn_section *s = &rt->qn->sections[q->section];
	struct expr_route r, bare;
	char why[400], where[160] = "", msg[700];

	if (rt->sec_dead[q->section])
		return 0;
	if (q->relevant == NULL)
		return 1;
	in_section(rt, q, &r);
	if (expr_route_outcomes(&r, q->relevant) & EXPR_CAN_TRUE)
		return 1;
	expr_route_init(&bare, &rt->m);
	if (s->relevant != NULL &&
	    (expr_route_outcomes(&bare, q->relevant) & EXPR_CAN_TRUE))
		snprintf(where, sizeof where, " in section '%s'", s->id);
	expr_route_explain(&r, q->relevant, why, sizeof why);
	snprintf(msg, sizeof msg, "question '%s' can never be asked%s: %s",
	    q->id, where, why);
	warn_at(rt, q->relevant_at, q->line, q->col, msg);
	return 0;
}

static void
check_question(struct route *rt, int i)
{
	const struct qn_question *q = &rt->qn->questions[i];
	const struct qn_section *s = &rt->qn->sections[q->section];
	struct expr_route r;
	struct expr_domain full;
	struct skip k = { NULL, i, 0, -1 };

	answer_domain(q, &rt->dom[i]);
	if (s->relevant != NULL) {
		k.cond = s->relevant;
		k.section = 1;
		add_skip(rt, i, &k);
	}
	if (q->relevant != NULL) {
		k.cond = q->relevant;
		k.section = 0;
		add_skip(rt, i, &k);
	}
	if (!question_reachable(rt, i)) {
		rt->dom[i].value = 0;
		rt->dom[i].null = 1;
		rt->full[i] = 1;
		return;
	}
	/* Once, so that later questions need not re-derive it. */
	expr_route_init(&r, &rt->m);
	expr_route_domain(&r, i, &full);
	rt->dom[i] = full;
	rt->full[i] = 1;
	in_section(rt, q, &r);
	check_uses(rt, &r, q->relevant, q->relevant_at, 1);
	expr_route_assume(&r, q->relevant, EXPR_CAN_TRUE);
	if (q->type == QN_CALCULATE && q->calculate != NULL) {
		/* Not a place where null means anything yet: whoever uses
		 * the calculation answers for it. */
		rt->collect = i;
		check_uses(rt, &r, q->calculate, q->relevant_at, 0);
		rt->collect = -1;
	}
	if (q->constraint != NULL) {
		expr_route_answered(&r, i);
		check_uses(rt, &r, q->constraint, q->constraint_at, 0);
	}
}

static void
check_indicator(struct route *rt, const struct qn_indicator *ind)
{
	const struct questionnaire *qn = rt->qn;
	struct expr_route r;
	char why[400], msg[600];

	expr_route_init(&r, &rt->m);
	/* A roster-level indicator counts members, who only exist when
	 * their section is shown. */
	if (ind->roster > 0 && ind->roster <= qn->nrosters)
		expr_route_assume(&r, qn->sections[qn->rosters[ind->roster -
		    1].section].relevant, EXPR_CAN_TRUE);
	if (ind->universe != NULL) {
		if (!(expr_route_outcomes(&r, ind->universe) &
		    EXPR_CAN_TRUE)) {
			expr_route_explain(&r, ind->universe, why, sizeof why);
			snprintf(msg, sizeof msg, "indicator '%s' counts "
			    "nobody: its universe %s", ind->id, why);
			warn_at(rt, ind->universe_at, ind->line, ind->col,
			    msg);
			return;
		}
		check_uses(rt, &r, ind->universe, ind->universe_at, 1);
		expr_route_assume(&r, ind->universe, EXPR_CAN_TRUE);
	}
	check_uses(rt, &r, ind->numerator, ind->numerator_at, 0);
	check_uses(rt, &r, ind->denominator, ind->denominator_at, 0);
	check_uses(rt, &r, ind->value, ind->value_at, 0);
}

void
questionnaire_route_check(const struct questionnaire *qn, struct diag *d)
{
	struct route rt;
	size_t n;
	int i;

	if (qn == NULL || qn->nquestions == 0)
		return;
	n = (size_t)qn->nquestions;
	memset(&rt, 0, sizeof rt);
	rt.qn = qn;
	rt.d = d;
	rt.collect = -1;
	rt.m = (struct expr_model){ model_domain, model_given,
		model_definition, model_name, &rt };
	rt.dom = xcalloc(n, sizeof *rt.dom);
	rt.full = xcalloc(n, 1);
	rt.sec_dead = xcalloc((size_t)qn->nsections + 1, 1);
	rt.skips = xcalloc(n, sizeof *rt.skips);
	rt.nskips = xcalloc(n, sizeof *rt.nskips);
	rt.warned = xcalloc(n, 1);
	/* In questionnaire order: an expression only uses earlier
	 * questions, whose domains are known by then. */
	for (i = 0; i < qn->nquestions; i++) {
		const struct qn_question *q = &qn->questions[i];

		if (i == qn->sections[q->section].first)
			check_section(&rt, q->section);
		check_question(&rt, i);
	}
	for (i = 0; i < qn->nindicators; i++)
		check_indicator(&rt, &qn->indicators[i]);
	free(rt.dom);
	free(rt.full);
	free(rt.sec_dead);
	free(rt.skips);
	free(rt.nskips);
	free(rt.warned);
}
