/*
 * fuzz_questionnaire.c: libFuzzer harness for the questionnaire loader, the
 * one parser that takes an untrusted file on every `lcsurvey check` and
 * every interview: YAML (yamltree.c), the model (questionnaire-load.c) and
 * every expression in it (expr*.c).
 *
 * The input goes to questionnaire_load_buffer() as it is, NUL bytes
 * included. questionnaire_load() refuses a file with a NUL before calling
 * it, but the buffer variant is public and libyaml's reader rejects control
 * characters itself, and yamltree.c checks scalars for "\0" escapes, so the
 * buffer variant must be safe with them too; fuzzing them costs nothing.
 *
 * Beyond "no crash, no sanitizer report", a loaded questionnaire is held to
 * the promises of questionnaire.h (every text present in every language,
 * indices in range) and each of its expressions is evaluated against a
 * fake interview, whose result must have the expression's static type.
 * A broken promise aborts, which libFuzzer reports as a crash.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "diag.h"
#include "expr.h"
#include "questionnaire.h"

#define MAX_MEMBERS 4

static FILE *devnull;

/* The fake interview: answers derived from a seed, one per question and
 * member, of the kind the question's type calls for (or null). */
struct fake {
	const struct questionnaire *qn;
	uint64_t seed;
	int members;
};

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static enum expr_type
question_type(const struct qn_question *q)
{
	switch (q->type) {
	case QN_TEXT:
		return EXPR_T_TEXT;
	case QN_YESNO:
		return EXPR_T_BOOL;
	case QN_DATE:
		return EXPR_T_DATE;
	case QN_MULTIPLE:
		return EXPR_T_SET;
	case QN_CALCULATE:
		return q->calculate ? expr_type_of(q->calculate) : EXPR_T_ANY;
	case QN_NOTE:
		return EXPR_T_ANY;
	default:
		return EXPR_T_NUMBER;
	}
}

static void
fake_value(void *ctx, int id, int member, struct expr_value *out)
{
	static const char text[] = "Amina\xc3\xa9 30";
	const struct fake *f = ctx;
	const struct qn_question *q;
	uint64_t r;

	REQUIRE(id >= 0 && id < f->qn->nquestions);
	REQUIRE(member >= 0 && member <= f->members);
	q = &f->qn->questions[id];
	r = mix(f->seed ^ ((uint64_t)id << 8) ^ (uint64_t)member);
	memset(out, 0, sizeof *out);
	if (r % 5 == 0) {
		out->kind = EXPR_V_NULL;
		out->missing = (enum expr_missing)(r >> 8) % 3;
		return;
	}
	r >>= 8;
	switch (question_type(q)) {
	case EXPR_T_NUMBER:
		out->kind = EXPR_V_NUMBER;
		if (q->choices != NULL && q->choices->nchoices > 0)
			out->num = (double)q->choices->codes[r %
			    (uint64_t)q->choices->nchoices];
		else
			out->num = (double)(int32_t)r / 8;
		break;
	case EXPR_T_TEXT:
		out->kind = EXPR_V_TEXT;
		out->text = text;
		out->len = r % sizeof text;
		break;
	case EXPR_T_BOOL:
		out->kind = EXPR_V_BOOL;
		out->num = r & 1;
		break;
	case EXPR_T_DATE:
		out->kind = EXPR_V_DATE;
		out->date = (int32_t)(r % 60000) - 20000;
		break;
	case EXPR_T_SET:
		out->kind = EXPR_V_SET;
		out->set = r;
		break;
	default:
		out->kind = EXPR_V_NULL;
		break;
	}
}

static int
fake_members(void *ctx, int roster)
{
	const struct fake *f = ctx;

	REQUIRE(roster >= 1 && roster <= f->qn->nrosters);
	return f->members;
}

/* Evaluates e in and out of its roster; the result has e's type or none. */
static void
eval_one(const struct expr *e, struct fake *f, int roster)
{
	struct expr_env env = { fake_value, fake_members, f, 0 };
	struct expr_value v;
	enum expr_type t;
	int m;

	if (e == NULL)
		return;
	t = expr_type_of(e);
	for (m = roster ? 1 : 0; m <= (roster ? f->members : 0); m++) {
		env.member = m;
		expr_eval(e, &env, &v);
		switch (v.kind) {
		case EXPR_V_NULL:
			break;
		case EXPR_V_NUMBER:
			REQUIRE(t == EXPR_T_NUMBER && isfinite(v.num));
			break;
		case EXPR_V_BOOL:
			REQUIRE(t == EXPR_T_BOOL && (v.num == 0 || v.num == 1));
			break;
		case EXPR_V_TEXT:
			REQUIRE(t == EXPR_T_TEXT);
			REQUIRE(v.len == 0 || v.text != NULL);
			break;
		case EXPR_V_DATE:
			REQUIRE(t == EXPR_T_DATE);
			break;
		case EXPR_V_SET:
			REQUIRE(t == EXPR_T_SET);
			break;
		default:
			REQUIRE(!"unknown value kind");
		}
		(void)expr_truth(&v);
	}
}

static void
check_ref(void *ctx, int id)
{
	const struct questionnaire *qn = ctx;

	REQUIRE(id >= 0 && id < qn->nquestions);
}

static void
check_text(const struct questionnaire *qn, qn_text t, int optional)
{
	int k;

	if (t == NULL) {
		REQUIRE(optional);
		return;
	}
	for (k = 0; k < qn->nlang; k++)
		REQUIRE(t[k] != NULL);
}

static void
check_expr(const struct questionnaire *qn, const struct expr *e, int roster,
    struct fake *f)
{
	if (e == NULL)
		return;
	expr_foreach_ref(e, check_ref, (void *)qn);
	REQUIRE(expr_single_ref(e) < qn->nquestions);
	eval_one(e, f, roster);
}

/* What questionnaire.h promises of a loaded questionnaire. */
static void
check_model(const struct questionnaire *qn, uint64_t seed)
{
	struct fake f = { qn, seed, (int)(seed % (MAX_MEMBERS + 1)) };
	int i, j;

	REQUIRE(qn->id != NULL && qn->nlang > 0 && qn->langs != NULL);
	REQUIRE(strlen(qn->hash) == 64);
	check_text(qn, qn->title, 0);
	check_text(qn, qn->consent, 1);
	for (i = 0; i < qn->nlang; i++)
		REQUIRE(questionnaire_lang(qn, qn->langs[i]) >= 0);
	for (i = 0; i < qn->nlists; i++) {
		const struct qn_choice_list *cl = &qn->lists[i];

		for (j = 0; j < cl->nchoices; j++) {
			REQUIRE(cl->codes[j] == cl->choices[j].code);
			check_text(qn, cl->choices[j].label, 0);
		}
	}
	for (i = 0; i < qn->nquestions; i++) {
		const struct qn_question *q = &qn->questions[i];

		REQUIRE(q->index == i && q->id != NULL);
		REQUIRE(questionnaire_find(qn, q->id) == i);
		REQUIRE(q->section >= 0 && q->section < qn->nsections);
		REQUIRE(q->roster >= 0 && q->roster <= qn->nrosters);
		REQUIRE(questionnaire_type_name(q->type) != NULL);
		check_text(qn, q->label, 0);
		check_text(qn, q->hint, 1);
		check_text(qn, q->constraint_message, 1);
		if (q->type == QN_MULTIPLE)
			REQUIRE(q->choices != NULL &&
			    q->choices->nchoices <= QN_MAX_MULTIPLE);
		if (q->type == QN_SINGLE)
			REQUIRE(q->choices != NULL);
		if (q->choices != NULL)
			for (j = 0; j < q->choices->nchoices; j++)
				REQUIRE(questionnaire_choice(q,
				    q->choices->codes[j]) != NULL);
		if (q->type == QN_CALCULATE)
			REQUIRE(q->calculate != NULL);
		check_expr(qn, q->relevant, q->roster, &f);
		check_expr(qn, q->constraint, q->roster, &f);
		check_expr(qn, q->calculate, q->roster, &f);
	}
	for (i = 0; i < qn->nsections; i++) {
		const struct qn_section *s = &qn->sections[i];

		REQUIRE(s->first >= 0 && s->count >= 0 &&
		    s->first + s->count <= qn->nquestions);
		REQUIRE(s->roster >= 0 && s->roster <= qn->nrosters);
		check_text(qn, s->title, 0);
		check_expr(qn, s->relevant, 0, &f);
	}
	for (i = 0; i < qn->nrosters; i++) {
		const struct qn_roster *r = &qn->rosters[i];

		REQUIRE(r->section >= 0 && r->section < qn->nsections);
		REQUIRE(r->count != NULL);
		check_expr(qn, r->count, 0, &f);
		for (j = 0; j < r->nlabel; j++)
			REQUIRE(r->label_questions[j] >= 0 &&
			    r->label_questions[j] < qn->nquestions);
	}
	REQUIRE(qn->design.stratum < qn->nquestions &&
	    qn->design.cluster < qn->nquestions &&
	    qn->design.weight < qn->nquestions &&
	    qn->design.household < qn->nquestions);
	for (i = 0; i < qn->nindicators; i++) {
		const struct qn_indicator *ind = &qn->indicators[i];

		REQUIRE(ind->id != NULL);
		REQUIRE(questionnaire_kind_name(ind->kind) != NULL);
		check_text(qn, ind->name, 0);
		REQUIRE(ind->roster >= 0 && ind->roster <= qn->nrosters);
		for (j = 0; j < ind->nby; j++)
			REQUIRE(ind->by[j] >= 0 && ind->by[j] < qn->nquestions);
		check_expr(qn, ind->universe, ind->roster, &f);
		check_expr(qn, ind->numerator, ind->roster, &f);
		check_expr(qn, ind->denominator, ind->roster, &f);
		check_expr(qn, ind->value, ind->roster, &f);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct questionnaire *qn;
	struct diag d;
	uint64_t seed = size;
	size_t i;

	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	diag_init(&d, "fuzz.yaml");
	qn = questionnaire_load_buffer("fuzz.yaml", data, size, &d);
	/* Exactly one outcome: a model, or at least one error. */
	REQUIRE((qn != NULL) == (d.nerrors == 0));
	if (qn != NULL) {
		for (i = 0; i < size && i < 64; i++)
			seed = mix(seed ^ data[i]);
		check_model(qn, seed);
	}
	diag_print(&d, devnull);
	(void)diag_first(&d);
	questionnaire_free(qn);
	diag_release(&d);
	return 0;
}
