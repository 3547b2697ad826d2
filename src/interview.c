/*
 * interview.c: the interview engine (see interview.h for the contract).
 *
 * Answers live in one array of slots: one slot per question outside
 * rosters and `max` slots per roster question, one per possible member.
 * Everything else (which questions are relevant, how many members a roster
 * has, what calculations give) is derived from the answers on demand,
 * because expressions only look backwards and a questionnaire has at most
 * a few thousand positions: recomputing is cheaper than keeping caches
 * consistent.
 */
#include "interview.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "strutil.h"
#include "words.h"
#include "xmalloc.h"

struct slot {
	int set;
	struct expr_value v; /* v.text points at owned */
	char *owned;
};

struct interview {
	const struct questionnaire *qn;
	struct interview_sink sink;
	struct slot *slots;
	int *base; /* first slot of each question */
	struct interview_pos pos;
	int lang; /* for messages from the questionnaire */
	int words; /* for the engine's own (words.h) */
	/*
	 * Per roster: members as the answers stand (-1: not known; recomputed
	 * on demand, forgotten whenever an answer changes) and the highest
	 * member with any answer, so that refresh() visits only members that
	 * exist or still hold answers to clear rather than every possible one.
	 */
	int *nmem;
	int *filled;
	/*
	 * Who depends on whom: deps[q] lists the questions whose relevance or
	 * calculation uses q (directly, through their section's relevance or
	 * through their roster's count), all later than q. After a change only
	 * those are re-evaluated, and theirs if they change in turn: answering
	 * a member's name costs nothing, where walking every later question
	 * for every member would cost a pass over the whole roster.
	 */
	int **deps;
	int *ndeps;
	int *dirty;		   /* 0 clean, -1 every member, m: member m only */
	unsigned char *counts;	   /* used by a roster's count or relevance */
};

static int
roster_max(const struct questionnaire *qn, int q)
{
	int r = qn->questions[q].roster;

	return r ? qn->rosters[r - 1].max : 0;
}

static struct slot *
slot_at(const struct interview *iv, int q, int member)
{
	int r = iv->qn->questions[q].roster;

	if (r == 0)
		return &iv->slots[iv->base[q]];
	if (member < 1 || member > iv->qn->rosters[r - 1].max)
		return NULL;
	return &iv->slots[iv->base[q] + member - 1];
}

static void
forget_members(const struct interview *iv)
{
	int r;

	for (r = 0; r < iv->qn->nrosters; r++)
		iv->nmem[r] = -1;
}

/* Sets (q, member) to v, keeping the roster bookkeeping right. */
static void
put(struct interview *iv, int q, int member, const struct expr_value *v);

static void
slot_set(struct slot *s, const struct expr_value *v)
{
	free(s->owned);
	s->owned = NULL;
	s->v = *v;
	if (v->kind == EXPR_V_TEXT) {
		s->owned = xstrndup(v->text, v->len);
		s->v.text = s->owned;
	}
	s->set = 1;
}

static void
slot_clear(struct slot *s)
{
	free(s->owned);
	memset(s, 0, sizeof *s);
}

/* ---- expression environment ------------------------------------------- */

static void
env_value(void *ctx, int id, int member, struct expr_value *out)
{
	const struct interview *iv = ctx;
	const struct slot *s = slot_at(iv, id, member);

	if (s != NULL && s->set)
		*out = s->v;
	else
		memset(out, 0, sizeof *out);
}

static int
env_members(void *ctx, int roster)
{
	return interview_members(ctx, roster);
}

void
interview_eval(const struct interview *iv, const struct expr *e, int member,
    struct expr_value *out)
{
	struct expr_env env = { env_value, env_members, (void *)iv, member };

	expr_eval(e, &env, out);
}

static int
count_members(const struct interview *iv, int roster)
{
	struct expr_env env = { env_value, env_members, (void *)iv, 0 };

	return questionnaire_members(iv->qn, roster, &env);
}

int
interview_members(const struct interview *iv, int roster)
{
	/* The count only uses questions before the roster, so once known it
	 * holds until an answer changes. */
	if (iv->nmem[roster - 1] < 0)
		iv->nmem[roster - 1] = count_members(iv, roster);
	return iv->nmem[roster - 1];
}

static void
put(struct interview *iv, int q, int member, const struct expr_value *v)
{
	int r = iv->qn->questions[q].roster;

	if (v != NULL)
		slot_set(slot_at(iv, q, member), v);
	else
		slot_clear(slot_at(iv, q, member));
	if (r && v != NULL && member > iv->filled[r - 1])
		iv->filled[r - 1] = member;
	if (iv->counts[q])
		forget_members(iv);
}

/* ---- positions ----------------------------------------------------------- */

static int
relevant(const struct interview *iv, int q, int member)
{
	struct expr_env env = { env_value, env_members, (void *)iv, 0 };

	return questionnaire_relevant(iv->qn, q, member, &env);
}

/* The position after p in interview order, relevant or not; q == -1 at
 * the end. Roster sections are entered at member 1 if they have any. */
static struct interview_pos
step_forward(const struct interview *iv, struct interview_pos p)
{
	const struct questionnaire *qn = iv->qn;
	const struct qn_section *s;

	if (p.q < 0)
		return p;
	s = &qn->sections[qn->questions[p.q].section];
	if (p.q + 1 < s->first + s->count) {
		p.q++;
		return p;
	}
	if (s->roster && p.member < interview_members(iv, s->roster)) {
		p.q = s->first;
		p.member++;
		return p;
	}
	/* Next section with something to walk. */
	for (p.q = s->first + s->count; p.q < qn->nquestions; p.q += s->count) {
		s = &qn->sections[qn->questions[p.q].section];
		if (!s->roster) {
			p.member = 0;
			return p;
		}
		if (interview_members(iv, s->roster) > 0) {
			p.member = 1;
			return p;
		}
	}
	p.q = -1;
	p.member = 0;
	return p;
}

static struct interview_pos
first_pos(const struct interview *iv)
{
	struct interview_pos p = { 0, 0 };
	const struct qn_section *s;

	if (iv->qn->nquestions == 0) {
		p.q = -1;
		return p;
	}
	s = &iv->qn->sections[iv->qn->questions[0].section];
	if (!s->roster)
		return p;
	if (interview_members(iv, s->roster) > 0) {
		p.member = 1;
		return p;
	}
	/* Step from the last question of the empty roster. */
	p.q = s->first + s->count - 1;
	p.member = 0;
	return step_forward(iv, p);
}

static int
shown(const struct interview *iv, struct interview_pos p)
{
	return p.q >= 0 && iv->qn->questions[p.q].type != QN_CALCULATE &&
	    relevant(iv, p.q, p.member);
}

static struct interview_pos
next_shown(const struct interview *iv, struct interview_pos p)
{
	do
		p = step_forward(iv, p);
	while (p.q >= 0 && !shown(iv, p));
	return p;
}

static struct interview_pos
first_shown(const struct interview *iv)
{
	struct interview_pos p = first_pos(iv);

	return p.q < 0 || shown(iv, p) ? p : next_shown(iv, p);
}

static int
pos_eq(struct interview_pos a, struct interview_pos b)
{
	return a.q == b.q && (a.q < 0 || a.member == b.member);
}

/* ---- recomputation --------------------------------------------------------- */

static int
value_eq(const struct expr_value *a, const struct expr_value *b)
{
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case EXPR_V_NULL:
		return a->missing == b->missing;
	case EXPR_V_NUMBER:
	case EXPR_V_BOOL:
		return a->num == b->num;
	case EXPR_V_DATE:
		return a->date == b->date;
	case EXPR_V_SET:
		return a->set == b->set;
	case EXPR_V_TEXT:
		return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
	}
	return 0;
}

static int
sink_save(struct interview *iv, int q, int member, const struct expr_value *v,
    double seconds, unsigned flags)
{
	if (iv->sink.save == NULL)
		return 0;
	return iv->sink.save(iv->sink.ctx, &iv->qn->questions[q], member, v,
	    seconds, flags);
}

static int
sink_clear(struct interview *iv, int q, int member)
{
	if (iv->sink.clear == NULL)
		return 0;
	return iv->sink.clear(iv->sink.ctx, &iv->qn->questions[q], member);
}

/*
 * Marks what depends on (q, member) for re-evaluation. Inside one roster a
 * question only sees its own member's answers, so a change for member m
 * concerns member m only; anything else concerns every member.
 */
static void
mark_dependents(struct interview *iv, int q, int member)
{
	const struct qn_question *qs = iv->qn->questions;
	int i;

	for (i = 0; i < iv->ndeps[q]; i++) {
		int p = iv->deps[q][i];
		int want = qs[q].roster && qs[q].roster == qs[p].roster ?
		    member : -1;

		if (iv->dirty[p] == 0)
			iv->dirty[p] = want;
		else if (iv->dirty[p] != want)
			iv->dirty[p] = -1;
	}
}

/* Re-evaluates question q for member `only` (-1: every member that exists
 * or holds an answer), marking what depends on each change; -1 on a sink
 * failure. */
static int
refresh_question(struct interview *iv, int q, int only)
{
	const struct qn_question *qq = &iv->qn->questions[q];
	int m, lo = qq->roster ? 1 : 0, hi = 0;

	if (qq->roster) {
		hi = interview_members(iv, qq->roster);
		if (iv->filled[qq->roster - 1] > hi)
			hi = iv->filled[qq->roster - 1];
	}
	if (only > 0 && qq->roster)
		lo = hi = only;
	for (m = lo; m <= hi; m++) {
		struct slot *s = slot_at(iv, q, m);
		struct expr_value v;

		if (!relevant(iv, q, m)) {
			if (s->set) {
				if (sink_clear(iv, q, m) < 0)
					return -1;
				put(iv, q, m, NULL);
				mark_dependents(iv, q, m);
			}
			continue;
		}
		if (qq->type != QN_CALCULATE)
			continue;
		interview_eval(iv, qq->calculate, m, &v);
		if ((s->set && value_eq(&s->v, &v)) ||
		    (v.kind == EXPR_V_NULL && !s->set))
			continue;
		if (sink_save(iv, q, m, &v, 0, 0) < 0)
			return -1;
		put(iv, q, m, &v);
		mark_dependents(iv, q, m);
	}
	return 0;
}

/*
 * Brings derived state in line with the answers after (changed, member)
 * changed (changed -1: after anything, as when an interview is loaded):
 * answers that are no longer relevant are cleared, calculations
 * re-evaluated. One pass in questionnaire order suffices, since
 * expressions only look back. Returns -1 if the sink refused a change.
 */
static int
refresh(struct interview *iv, int changed, int member)
{
	int q, n = iv->qn->nquestions, only;

	if (changed < 0)
		for (q = 0; q < n; q++)
			iv->dirty[q] = -1;
	else
		mark_dependents(iv, changed, member);
	for (q = changed < 0 ? 0 : changed + 1; q < n; q++) {
		if ((only = iv->dirty[q]) == 0)
			continue;
		iv->dirty[q] = 0;
		if (refresh_question(iv, q, only) < 0)
			return -1;
	}
	return 0;
}

struct dep_ctx {
	struct interview *iv;
	int to;
};

static void
add_dep(void *ctx, int from)
{
	struct dep_ctx *c = ctx;
	int *d = c->iv->deps[from], n = c->iv->ndeps[from];

	if (n > 0 && d[n - 1] == c->to)
		return; /* added just now, by another reference */
	c->iv->deps[from] = xrealloc(d, (size_t)(n + 1) * sizeof *d);
	c->iv->deps[from][n] = c->to;
	c->iv->ndeps[from]++;
}

static void
mark_count(void *ctx, int q)
{
	((struct interview *)ctx)->counts[q] = 1;
}

static void
build_deps(struct interview *iv)
{
	const struct questionnaire *qn = iv->qn;
	struct dep_ctx c = { iv, 0 };
	int q;

	iv->deps = xcalloc((size_t)qn->nquestions + 1, sizeof *iv->deps);
	iv->ndeps = xcalloc((size_t)qn->nquestions + 1, sizeof *iv->ndeps);
	iv->dirty = xcalloc((size_t)qn->nquestions + 1, sizeof *iv->dirty);
	iv->counts = xcalloc((size_t)qn->nquestions + 1, 1);
	for (q = 0; q < qn->nquestions; q++) {
		const struct qn_question *qq = &qn->questions[q];
		const struct qn_section *sec = &qn->sections[qq->section];

		c.to = q;
		if (qq->relevant)
			expr_foreach_ref(qq->relevant, add_dep, &c);
		if (qq->calculate)
			expr_foreach_ref(qq->calculate, add_dep, &c);
		if (sec->relevant)
			expr_foreach_ref(sec->relevant, add_dep, &c);
		if (qq->roster && qn->rosters[qq->roster - 1].count)
			expr_foreach_ref(qn->rosters[qq->roster - 1].count,
			    add_dep, &c);
	}
	for (q = 0; q < qn->nrosters; q++) {
		const struct qn_section *sec = &qn->sections[qn->rosters[q].section];

		if (qn->rosters[q].count)
			expr_foreach_ref(qn->rosters[q].count, mark_count, iv);
		if (sec->relevant)
			expr_foreach_ref(sec->relevant, mark_count, iv);
	}
}

/* ---- public ---------------------------------------------------------------- */

struct interview *
interview_new(const struct questionnaire *qn, const struct interview_sink *sink)
{
	struct interview *iv = xcalloc(1, sizeof *iv);
	int q, n = 0;

	iv->qn = qn;
	if (sink != NULL)
		iv->sink = *sink;
	iv->base = xcalloc((size_t)qn->nquestions + 1, sizeof *iv->base);
	for (q = 0; q < qn->nquestions; q++) {
		iv->base[q] = n;
		n += qn->questions[q].roster ? roster_max(qn, q) : 1;
	}
	iv->slots = xcalloc((size_t)n + 1, sizeof *iv->slots);
	iv->base[qn->nquestions] = n;
	iv->nmem = xcalloc((size_t)qn->nrosters + 1, sizeof *iv->nmem);
	iv->filled = xcalloc((size_t)qn->nrosters + 1, sizeof *iv->filled);
	forget_members(iv);
	build_deps(iv);
	refresh(iv, -1, 0);
	iv->pos = first_shown(iv);
	return iv;
}

void
interview_free(struct interview *iv)
{
	int i;

	if (iv == NULL)
		return;
	for (i = 0; i < iv->base[iv->qn->nquestions]; i++)
		free(iv->slots[i].owned);
	free(iv->slots);
	free(iv->base);
	free(iv->nmem);
	free(iv->filled);
	for (i = 0; i < iv->qn->nquestions; i++)
		free(iv->deps[i]);
	free(iv->deps);
	free(iv->ndeps);
	free(iv->dirty);
	free(iv->counts);
	free(iv);
}

int
interview_restore(struct interview *iv, const char *question, int member,
    const struct expr_value *v)
{
	int q = questionnaire_find(iv->qn, question);
	struct slot *s;

	if (q < 0 || (iv->qn->questions[q].roster == 0) != (member == 0))
		return -1;
	if ((s = slot_at(iv, q, member)) == NULL)
		return -1;
	put(iv, q, member, v);
	return 0;
}

void
interview_resume(struct interview *iv)
{
	struct interview_pos p;

	refresh(iv, -1, 0);
	for (p = first_shown(iv); p.q >= 0; p = next_shown(iv, p)) {
		const struct qn_question *qq = &iv->qn->questions[p.q];

		if (qq->type != QN_NOTE && !slot_at(iv, p.q, p.member)->set)
			break;
	}
	iv->pos = p;
}

const struct qn_question *
interview_current(const struct interview *iv, int *member)
{
	if (member != NULL)
		*member = iv->pos.member;
	return iv->pos.q < 0 ? NULL : &iv->qn->questions[iv->pos.q];
}

struct interview_pos
interview_position(const struct interview *iv)
{
	return iv->pos;
}

const struct expr_value *
interview_value(const struct interview *iv, int q, int member)
{
	const struct slot *s;

	if (q < 0 || q >= iv->qn->nquestions)
		return NULL;
	s = slot_at(iv, q, member);
	return s != NULL && s->set ? &s->v : NULL;
}

void
interview_set_language(struct interview *iv, int lang)
{
	if (lang >= 0 && lang < iv->qn->nlang)
		iv->lang = lang;
}

void
interview_set_words(struct interview *iv, int lang)
{
	iv->words = lang;
}

/* A refusal in the engine's language: entry w with arg in its "{1}". */
static int
say(const struct interview *iv, enum words_id w, const char *arg, char *err,
    size_t errsz)
{
	words_say(err, errsz, iv->words, w, arg, NULL);
	return -1;
}

/* The questionnaire's own message t if it has one, else entry w. */
static void
say_either(const struct interview *iv, qn_text t, enum words_id w, char *err,
    size_t errsz)
{
	if (t != NULL)
		snprintf(err, errsz, "%s", t[iv->lang]);
	else
		say(iv, w, NULL, err, errsz);
}

/*
 * Whether check e holds with v as the answer to (q, member): "." is the
 * slot itself, so the value is tried in place and put back. A check that
 * evaluates to null (it uses something unanswered) holds.
 */
static int
check_holds(struct interview *iv, const struct expr *e,
    const struct qn_question *q, int member, const struct expr_value *v)
{
	struct slot *s = slot_at(iv, q->index, member), saved;
	struct expr_value r;

	if (e == NULL)
		return 1;
	saved = *s;
	s->set = 1;
	s->v = *v;
	s->owned = NULL;
	interview_eval(iv, e, member, &r);
	*s = saved;
	return expr_truth(&r) != 0;
}

static int
bound_error(const struct interview *iv, const struct expr_value *v,
    enum words_id which, double bound, char *err, size_t errsz)
{
	char b[32];

	if (v->kind == EXPR_V_DATE)
		expr_format_date((int32_t)bound, b);
	else
		snprintf(b, sizeof b, "%.10g", bound);
	return say(iv, which, b, err, errsz);
}

/* Type-independent checks; answer_parse has already checked the form. */
static int
validate(struct interview *iv, const struct qn_question *q, int member,
    const struct expr_value *v, char *err, size_t errsz)
{
	if (v->kind == EXPR_V_NULL) {
		if (v->missing == EXPR_DONT_KNOW && !q->allow_dont_know)
			return say(iv, WORDS_E_NO_DONT_KNOW, NULL, err, errsz);
		if (v->missing == EXPR_REFUSED && !q->allow_refused)
			return say(iv, WORDS_E_NO_REFUSED, NULL, err, errsz);
		if (v->missing == EXPR_UNANSWERED && q->required)
			return say(iv, WORDS_E_REQUIRED, NULL, err, errsz);
		return 0;
	}
	if (v->kind == EXPR_V_NUMBER || v->kind == EXPR_V_DATE) {
		double x = v->kind == EXPR_V_DATE ? v->date : v->num;

		if (q->has_min && x < q->min)
			return bound_error(iv, v, WORDS_E_AT_LEAST, q->min, err,
			    errsz);
		if (q->has_max && x > q->max)
			return bound_error(iv, v, WORDS_E_AT_MOST, q->max, err,
			    errsz);
	}
	if (v->kind == EXPR_V_TEXT && q->max_length > 0 &&
	    strutil_utf8_len(v->text, v->len) > (size_t)q->max_length) {
		char n[16];

		snprintf(n, sizeof n, "%d", q->max_length);
		return say(iv, WORDS_E_TOO_LONG, n, err, errsz);
	}
	if (check_holds(iv, q->constraint, q, member, v))
		return 0;
	say_either(iv, q->constraint_message, WORDS_E_INCONSISTENT, err, errsz);
	return -1;
}

int
interview_answer(struct interview *iv, const struct expr_value *v,
    double seconds, char *err, size_t errsz)
{
	return interview_answer_flags(iv, v, seconds, 0, err, errsz);
}

int
interview_answer_flags(struct interview *iv, const struct expr_value *v,
    double seconds, unsigned flags, char *err, size_t errsz)
{
	int member;
	const struct qn_question *q = interview_current(iv, &member);
	unsigned saved_flags = 0;

	if (q == NULL)
		return say(iv, WORDS_E_AT_END, NULL, err, errsz);
	if (q->type == QN_NOTE) {
		iv->pos = next_shown(iv, iv->pos);
		return 0;
	}
	if (validate(iv, q, member, v, err, errsz) < 0)
		return -1;
	if (v->kind != EXPR_V_NULL &&
	    !check_holds(iv, q->warning, q, member, v)) {
		if (!(flags & INTERVIEW_CONFIRMED)) {
			say_either(iv, q->warning_message, WORDS_E_UNUSUAL,
			    err, errsz);
			return 1;
		}
		saved_flags |= INTERVIEW_CONFIRMED;
	}
	/* An optional question left empty is saved as an empty answer, so
	 * that resuming knows it was seen and does not ask it again. */
	if (sink_save(iv, q->index, member, v, seconds, saved_flags) < 0) {
		say(iv, WORDS_E_UNSAVED, NULL, err, errsz);
		return INTERVIEW_UNSAVED;
	}
	put(iv, q->index, member, v);
	if (refresh(iv, q->index, member) < 0) {
		say(iv, WORDS_E_DEP_UNSAVED, NULL, err, errsz);
		return INTERVIEW_UNSAVED;
	}
	iv->pos = next_shown(iv, iv->pos);
	return 0;
}

int
interview_back(struct interview *iv)
{
	struct interview_pos p, prev = { -1, 0 };

	for (p = first_shown(iv); p.q >= 0 && !pos_eq(p, iv->pos);
	    p = next_shown(iv, p))
		prev = p;
	if (prev.q < 0)
		return -1;
	iv->pos = prev;
	return 0;
}

int
interview_next(struct interview *iv)
{
	const struct qn_question *q;
	int member;

	if ((q = interview_current(iv, &member)) == NULL)
		return -1;
	if (q->type != QN_NOTE && !slot_at(iv, q->index, member)->set &&
	    q->required)
		return -1;
	iv->pos = next_shown(iv, iv->pos);
	return 0;
}

int
interview_goto(struct interview *iv, int q, int member)
{
	struct interview_pos p = { q, member };

	if (q < 0 || q >= iv->qn->nquestions ||
	    (iv->qn->questions[q].roster == 0) != (member == 0) ||
	    !shown(iv, p))
		return -1;
	iv->pos = p;
	return 0;
}

int
interview_foreach(const struct interview *iv,
    int (*fn)(void *ctx, const struct qn_question *q, int member,
    const struct expr_value *v), void *ctx)
{
	struct interview_pos p;
	int rc;

	for (p = first_shown(iv); p.q >= 0; p = next_shown(iv, p))
		if ((rc = fn(ctx, &iv->qn->questions[p.q], p.member,
		    interview_value(iv, p.q, p.member))) != 0)
			return rc;
	return 0;
}

int
interview_is_complete(const struct interview *iv, struct interview_pos *missing)
{
	struct interview_pos p;

	for (p = first_shown(iv); p.q >= 0; p = next_shown(iv, p)) {
		const struct qn_question *q = &iv->qn->questions[p.q];

		if (q->type != QN_NOTE && q->required &&
		    !slot_at(iv, p.q, p.member)->set) {
			if (missing != NULL)
				*missing = p;
			return 0;
		}
	}
	return 1;
}

void
interview_progress(const struct interview *iv, struct interview_progress *pr)
{
	struct interview_pos p;

	memset(pr, 0, sizeof *pr);
	for (p = first_shown(iv); p.q >= 0; p = next_shown(iv, p)) {
		pr->total++;
		if (interview_value(iv, p.q, p.member) != NULL)
			pr->answered++;
		if (pos_eq(p, iv->pos))
			pr->index = pr->total;
	}
	if (iv->pos.q < 0) {
		pr->index = pr->total;
		return;
	}
	pr->section = iv->qn->questions[iv->pos.q].section;
	pr->member = iv->pos.member;
	if (iv->qn->questions[iv->pos.q].roster)
		pr->nmembers = interview_members(iv,
		    iv->qn->questions[iv->pos.q].roster);
}

void
interview_pipe(const struct interview *iv, const char *text, int member,
    int lang, struct buf *out)
{
	const char *p = text, *open, *close;

	while ((open = strchr(p, '{')) != NULL) {
		const struct expr_value *v;
		char id[64];
		size_t n;
		int q;

		buf_add(out, p, (size_t)(open - p));
		if (open[1] == '{') {
			buf_addc(out, '{');
			p = open + 2;
			continue;
		}
		close = strchr(open, '}');
		n = close ? (size_t)(close - open - 1) : 0;
		if (close == NULL || n == 0 || n >= sizeof id) {
			buf_addc(out, '{');
			p = open + 1;
			continue;
		}
		memcpy(id, open + 1, n);
		id[n] = '\0';
		q = questionnaire_find(iv->qn, id);
		v = q < 0 ? NULL : interview_value(iv, q,
		    iv->qn->questions[q].roster ? member : 0);
		if (v != NULL && v->kind != EXPR_V_NULL)
			answer_format(&iv->qn->questions[q], v, lang, out);
		else
			buf_adds(out, "\u2026");
		p = close + 1;
	}
	buf_adds(out, p);
}
