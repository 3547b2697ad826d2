/*
 * record.c: one interview's answers as a flat value table with an
 * expression environment (see record.h), and the translation between
 * stored values and engine values that session.c also performs.
 */
#include "record.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "xmalloc.h"

struct slot {
	uint32_t gen;	/* valid when equal to the record's */
	struct expr_value v;
	size_t off;	/* text: offset into pool (v.text is set on read) */
};

struct record {
	const struct questionnaire *qn;
	struct slot *slots;
	int *base;	/* first slot of each question */
	uint32_t gen;
	struct buf pool;
};

struct record *
record_new(const struct questionnaire *qn)
{
	struct record *rec = xcalloc(1, sizeof *rec);
	int q, n = 0;

	rec->qn = qn;
	rec->base = xcalloc((size_t)qn->nquestions + 1, sizeof *rec->base);
	for (q = 0; q < qn->nquestions; q++) {
		int r = qn->questions[q].roster;

		rec->base[q] = n;
		n += r ? qn->rosters[r - 1].max : 1;
	}
	rec->base[qn->nquestions] = n;
	rec->slots = xcalloc((size_t)n + 1, sizeof *rec->slots);
	rec->gen = 1;
	buf_init(&rec->pool);
	return rec;
}

void
record_free(struct record *rec)
{
	if (rec == NULL)
		return;
	free(rec->slots);
	free(rec->base);
	buf_release(&rec->pool);
	free(rec);
}

void
record_reset(struct record *rec)
{
	/* On wrap-around, stale slots could look current: clear them once. */
	if (++rec->gen == 0) {
		memset(rec->slots, 0, (size_t)rec->base[rec->qn->nquestions] *
		    sizeof *rec->slots);
		rec->gen = 1;
	}
	buf_reset(&rec->pool);
}

static struct slot *
slot_at(const struct record *rec, int q, int member)
{
	int r = rec->qn->questions[q].roster;

	if (r == 0)
		return member == 0 ? &rec->slots[rec->base[q]] : NULL;
	if (member < 1 || member > rec->qn->rosters[r - 1].max)
		return NULL;
	return &rec->slots[rec->base[q] + member - 1];
}

int
record_set(struct record *rec, int q, int member, const struct expr_value *v)
{
	struct slot *s;

	if (q < 0 || q >= rec->qn->nquestions ||
	    (s = slot_at(rec, q, member)) == NULL)
		return -1;
	s->gen = rec->gen;
	s->v = *v;
	if (v->kind == EXPR_V_TEXT) {
		s->off = rec->pool.len;
		buf_add(&rec->pool, v->text, v->len);
		buf_addc(&rec->pool, '\0');
		s->v.text = NULL;
	}
	return 0;
}

int
record_set_stored(struct record *rec, int q, int member,
    const struct store_value *sv)
{
	struct expr_value v;

	if (record_from_store(&rec->qn->questions[q], sv, &v) < 0)
		return -1;
	return record_set(rec, q, member, &v);
}

void
record_get(const struct record *rec, int q, int member, struct expr_value *out)
{
	const struct slot *s = slot_at(rec, q, member);

	if (s == NULL || s->gen != rec->gen) {
		memset(out, 0, sizeof *out);
		return;
	}
	*out = s->v;
	if (s->v.kind == EXPR_V_TEXT)
		out->text = rec->pool.s + s->off;
}

static void
env_value(void *ctx, int id, int member, struct expr_value *out)
{
	record_get(ctx, id, member, out);
}

static int
env_members(void *ctx, int roster)
{
	return record_members(ctx, roster);
}

void
record_eval(struct record *rec, const struct expr *e, int member,
    struct expr_value *out)
{
	struct expr_env env = { env_value, env_members, rec, member };

	expr_eval(e, &env, out);
}

int
record_members(struct record *rec, int roster)
{
	struct expr_env env = { env_value, env_members, rec, 0 };

	return questionnaire_members(rec->qn, roster, &env);
}

int
record_relevant(struct record *rec, int q, int member)
{
	struct expr_env env = { env_value, env_members, rec, 0 };

	return questionnaire_relevant(rec->qn, q, member, &env);
}

/* ---- value encoding (lcsurvey-store(5)) ------------------------------- */

static const char *
missing_code(enum expr_missing m)
{
	return m == EXPR_DONT_KNOW ? "dont_know" : m == EXPR_REFUSED ?
	    "refused" : NULL;
}

void
record_to_store(const struct qn_question *q, const struct expr_value *v,
    struct store_value *sv, struct buf *b)
{
	memset(sv, 0, sizeof *sv);
	switch (v->kind) {
	case EXPR_V_NULL:
		sv->type = STORE_NULL;
		sv->missing = missing_code(v->missing);
		return;
	case EXPR_V_BOOL:
		sv->type = STORE_INT;
		sv->i = v->num != 0;
		return;
	case EXPR_V_NUMBER:
		if (q->type == QN_DECIMAL || (q->type == QN_CALCULATE &&
		    v->num != (double)(int64_t)v->num)) {
			sv->type = STORE_REAL;
			sv->r = v->num;
		} else {
			sv->type = STORE_INT;
			sv->i = (int64_t)v->num;
		}
		return;
	case EXPR_V_TEXT:
		sv->type = STORE_TEXT;
		sv->text = v->text;
		sv->len = v->len;
		return;
	case EXPR_V_DATE:
	case EXPR_V_SET:
		answer_format(q, v, -1, b);
		sv->type = STORE_TEXT;
		sv->text = buf_str(b);
		sv->len = b->len;
		return;
	}
}

int
record_from_store(const struct qn_question *q, const struct store_value *sv,
    struct expr_value *v)
{
	char err[128], tmp[64];

	memset(v, 0, sizeof *v);
	if (sv->type == STORE_NULL) {
		v->missing = sv->missing == NULL ? EXPR_UNANSWERED :
		    strcmp(sv->missing, "refused") == 0 ? EXPR_REFUSED :
		    EXPR_DONT_KNOW;
		return 0;
	}
	switch (q->type) {
	case QN_YESNO:
		v->kind = EXPR_V_BOOL;
		v->num = sv->type == STORE_INT ? (sv->i != 0) : 0;
		return sv->type == STORE_INT ? 0 : -1;
	case QN_TEXT:
		v->kind = EXPR_V_TEXT;
		v->text = sv->text;
		v->len = sv->len;
		return sv->type == STORE_TEXT ? 0 : -1;
	case QN_CALCULATE:
		if (sv->type == STORE_TEXT) {
			v->kind = EXPR_V_TEXT;
			v->text = sv->text;
			v->len = sv->len;
			return 0;
		}
		break;
	case QN_DATE:
	case QN_MULTIPLE:
		/* A multiple choice of 64 codes fits in 64 bytes only when they
		 * are short; longer stored lists are read through a buffer. */
		if (sv->type != STORE_TEXT)
			return -1;
		if (sv->len < sizeof tmp) {
			memcpy(tmp, sv->text, sv->len);
			tmp[sv->len] = '\0';
			return answer_parse(q, tmp, v, err, sizeof err);
		} else {
			char *big = xstrndup(sv->text, sv->len);
			int rc = answer_parse(q, big, v, err, sizeof err);

			free(big);
			return rc;
		}
	default:
		break;
	}
	if (sv->type == STORE_TEXT)
		return -1;
	v->kind = q->type == QN_CALCULATE && expr_type_of(q->calculate) ==
	    EXPR_T_BOOL ? EXPR_V_BOOL : EXPR_V_NUMBER;
	v->num = sv->type == STORE_INT ? (double)sv->i : sv->r;
	return 0;
}
