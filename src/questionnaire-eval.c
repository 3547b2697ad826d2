/*
 * questionnaire-eval.c: the routing rules of a questionnaire, evaluated
 * over any store of answers. The interview engine (answers being given,
 * roster counts cached until an answer changes) and the bulk reader of
 * aggregate and export (record.c: a stored interview at a time) keep their
 * answers apart, but who is asked what must be decided in one place, or
 * the estimates could count a respondent the interview never asked.
 */
#include "questionnaire.h"

/* A condition holds only when it is true: null (an unanswered question
 * in it) is not. No condition is true. */
static int
holds(const struct expr *e, const struct expr_env *env, int member)
{
	struct expr_env at = *env;
	struct expr_value v;

	if (e == NULL)
		return 1;
	at.member = member;
	expr_eval(e, &at, &v);
	return expr_truth(&v) == 1;
}

int
questionnaire_members(const struct questionnaire *qn, int roster,
    const struct expr_env *env)
{
	const struct qn_roster *r = &qn->rosters[roster - 1];
	const struct qn_section *s = &qn->sections[r->section];
	struct expr_env at = *env;
	struct expr_value v;

	if (!holds(s->relevant, env, 0) || r->count == NULL)
		return 0;
	at.member = 0;
	expr_eval(r->count, &at, &v);
	if (v.kind != EXPR_V_NUMBER || !(v.num >= 1))
		return 0;
	return v.num > r->max ? r->max : (int)v.num;
}

int
questionnaire_relevant(const struct questionnaire *qn, int q, int member,
    const struct expr_env *env)
{
	const struct qn_question *qq = &qn->questions[q];
	const struct qn_section *s = &qn->sections[qq->section];

	if (qq->roster && (member < 1 ||
	    member > env->members(env->ctx, qq->roster)))
		return 0;
	return holds(s->relevant, env, 0) && holds(qq->relevant, env, member);
}
