/*
 * session.c: the engine's sink, writing every answer to the store the
 * moment it is given, and the translation between the engine's values and
 * the store's columns (see lcsurvey-store(5) for the encoding).
 */
#include "session.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answer.h"
#include "record.h"
#include "sec.h"
#include "words.h"
#include "xmalloc.h"

double
session_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- the sink ------------------------------------------------------------- */

static int put_value(struct session *s, const struct qn_question *q,
    int member, const struct expr_value *v, double seconds, unsigned flags);

/*
 * Makes the interview's row, then writes the calculations the engine made
 * before it existed (a count of members is 0 before any is listed): they
 * were held back so that merely opening an interview writes nothing.
 */
static int
ensure_row(struct session *s)
{
	const struct questionnaire *qn = s->qn;
	int q, m;

	if (s->has_row)
		return 0;
	if (store_interview_create(s->st, s->uuid, s->qrow, s->enumerator,
	    qn->langs[s->lang], s->mode) < 0)
		return -1;
	s->has_row = 1;
	for (q = 0; q < qn->nquestions && s->calc_pending; q++) {
		int r = qn->questions[q].roster;
		int hi = r ? interview_members(s->iv, r) : 0;

		if (qn->questions[q].type != QN_CALCULATE)
			continue;
		for (m = r ? 1 : 0; m <= hi; m++) {
			const struct expr_value *v = interview_value(s->iv, q, m);

			if (v != NULL && put_value(s, &qn->questions[q], m, v, 0,
			    0) < 0)
				return -1;
		}
	}
	s->calc_pending = 0;
	return 0;
}

/* Design questions are copied onto the interview row so that merges,
 * listings and the aggregator need not dig them out of the answers. */
static int
update_design(struct session *s)
{
	const struct qn_design *dz = &s->qn->design;
	struct buf b[3] = { BUF_INIT, BUF_INIT, BUF_INIT };
	const int fields[3] = { dz->stratum, dz->cluster, dz->household };
	const char *txt[3];
	const struct expr_value *w = NULL;
	double weight;
	int i, rc;

	for (i = 0; i < 3; i++) {
		const struct expr_value *v = fields[i] >= 0 ?
		    interview_value(s->iv, fields[i], 0) : NULL;

		txt[i] = NULL;
		if (v != NULL && v->kind != EXPR_V_NULL) {
			answer_format(&s->qn->questions[fields[i]], v, -1, &b[i]);
			txt[i] = buf_str(&b[i]);
		}
	}
	if (dz->weight >= 0)
		w = interview_value(s->iv, dz->weight, 0);
	if (w != NULL && w->kind == EXPR_V_NUMBER && w->num > 0)
		weight = w->num;
	else
		w = NULL;
	rc = ensure_row(s);
	if (rc == 0)
		rc = store_interview_set_design(s->st, s->uuid, txt[0], txt[1],
		    txt[2], w ? &weight : NULL);
	for (i = 0; i < 3; i++)
		buf_release(&b[i]);
	return rc;
}

static int
is_design(const struct session *s, int q)
{
	const struct qn_design *dz = &s->qn->design;

	return q == dz->stratum || q == dz->cluster || q == dz->household ||
	    q == dz->weight;
}

static int
sink_save(void *ctx, const struct qn_question *q, int member,
    const struct expr_value *v, double seconds, unsigned flags)
{
	struct session *s = ctx;

	if (s->restoring)
		return 0;
	if (!s->has_row && q->type == QN_CALCULATE) {
		s->calc_pending = 1; /* written by ensure_row */
		return 0;
	}
	if (ensure_row(s) < 0)
		return -1;
	return put_value(s, q, member, v, seconds, flags);
}

static int
put_value(struct session *s, const struct qn_question *q, int member,
    const struct expr_value *v, double seconds, unsigned flags)
{
	struct store_put_opts o = { (flags & INTERVIEW_CONFIRMED) != 0,
	    s->reason };
	struct store_value sv;
	struct buf b = BUF_INIT;
	int rc;

	record_to_store(q, v, &sv, &b);
	rc = store_answer_put_ex(s->st, s->uuid, member, q->id, &sv, seconds,
	    &o);
	buf_release(&b);
	return rc;
}

/* Called when a question stops applying (skip logic), never because the
 * enumerator left it empty (that is a save of an empty value). */
static int
sink_clear(void *ctx, const struct qn_question *q, int member)
{
	struct session *s = ctx;
	struct store_put_opts o = { 0, s->reason };

	if (s->restoring)
		return 0;
	if (ensure_row(s) < 0)
		return -1;
	return store_answer_clear_ex(s->st, s->uuid, member, q->id, &o);
}

static void
attach_engine(struct session *s)
{
	struct interview_sink sink = { sink_save, sink_clear, s };

	s->iv = interview_new(s->qn, &sink);
	interview_set_language(s->iv, s->lang);
	s->shown_at = session_clock();
}

/* ---- public ----------------------------------------------------------------- */

static int
read_source(const char *path, char **src, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;

	if (fp == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	*src = buf_detach(&b);
	return 0;
}

int
session_register(struct store *st, const struct questionnaire *qn,
    int64_t *qrow, struct buf *err)
{
	char *src = NULL, hash[65];
	size_t len = 0;
	int rc = -1;

	if (read_source(qn->path, &src, &len) < 0) {
		buf_addf(err, "cannot read '%s' again: %s", qn->path,
		    strerror(errno));
		return -1;
	}
	/* The file must still be what was checked, or the stored copy would
	 * not be the questionnaire the interview runs. */
	sec_sha256_hex(src, len, hash);
	if (strcmp(hash, qn->hash) != 0)
		buf_addf(err, "'%s' changed while it was being loaded; try again",
		    qn->path);
	else if (store_questionnaire(st, qn->id, qn->version, qn->hash, src, len,
	    qrow) < 0)
		buf_addf(err, "%s", store_errmsg(st));
	else
		rc = 0;
	free(src);
	return rc;
}

int
session_begin(struct session *s, struct store *st,
    const struct questionnaire *qn, const char *mode, const char *enumerator,
    int lang, struct buf *err)
{
	memset(s, 0, sizeof *s);
	s->st = st;
	s->qn = qn;
	s->lang = lang;
	snprintf(s->status, sizeof s->status, "partial");
	if (session_register(st, qn, &s->qrow, err) < 0)
		return -1;
	store_uuid_new(st, s->uuid);
	s->mode = xstrdup(mode);
	s->enumerator = enumerator ? xstrdup(enumerator) : NULL;
	attach_engine(s);
	return 0;
}

struct restore_ctx {
	struct session *s;
	int bad;
	struct buf *err;
};

static int
restore_one(void *ctx, const struct store_answer *a)
{
	struct restore_ctx *rc = ctx;
	int q = questionnaire_find(rc->s->qn, a->question);
	struct expr_value v;

	if (q < 0 || record_from_store(&rc->s->qn->questions[q], &a->value, &v) < 0 ||
	    interview_restore(rc->s->iv, a->question, a->member, &v) < 0) {
		if (rc->bad++ == 0)
			buf_addf(rc->err, "stored answer to '%s' (member %d) does "
			    "not fit the questionnaire", a->question, a->member);
	}
	return 0;
}

/* The questionnaire version the interview began with: current if it is
 * the same bytes, else the stored source, loaded afresh. */
static int
load_version(struct session *s, const struct questionnaire *current,
    int64_t qrow, struct buf *err)
{
	char *src = NULL, *hash = NULL;
	size_t len;
	struct diag d;

	if (store_questionnaire_source(s->st, qrow, &src, &len, &hash) < 0) {
		buf_addf(err, "%s", store_errmsg(s->st));
		return -1;
	}
	s->qrow = qrow;
	if (strcmp(hash, current->hash) == 0) {
		s->qn = current;
	} else {
		diag_init(&d, current->path);
		s->owned_qn = questionnaire_load_buffer(current->path,
		    (const unsigned char *)src, len, &d);
		if (s->owned_qn == NULL)
			buf_addf(err, "the stored version of the questionnaire "
			    "no longer loads: %s", diag_first(&d));
		diag_release(&d);
		s->qn = s->owned_qn;
		s->version_changed = 1;
	}
	free(src);
	free(hash);
	return s->qn != NULL ? 0 : -1;
}

int
session_resume(struct session *s, struct store *st,
    const struct questionnaire *current, const char *uuid, struct buf *err)
{
	struct store_interview si;
	struct restore_ctx rc;
	int lang;

	memset(s, 0, sizeof *s);
	memset(&si, 0, sizeof si);
	s->st = st;
	if (store_interview_get(st, uuid, &si) < 0) {
		buf_addf(err, "%s", store_errmsg(st));
		return -1;
	}
	snprintf(s->uuid, sizeof s->uuid, "%s", si.uuid);
	s->has_row = 1;
	snprintf(s->status, sizeof s->status, "%s", si.status);
	/* Reopened earlier and not yet complete: go on giving its reason. */
	if (store_interview_reopen_reason(st, uuid, &s->reason) < 0) {
		buf_addf(err, "%s", store_errmsg(st));
		store_interview_release(&si);
		return -1;
	}
	if (load_version(s, current, si.questionnaire, err) < 0) {
		store_interview_release(&si);
		return -1;
	}
	lang = si.language ? questionnaire_lang(s->qn, si.language) : 0;
	s->lang = lang < 0 ? 0 : lang;
	store_interview_release(&si);
	/*
	 * The new engine computes its calculations over no answers at all;
	 * writing those would overwrite the stored values until the answers
	 * are back, and fill the audit trail with changes nobody made. Once
	 * they are restored, interview_resume writes what really differs.
	 */
	s->restoring = 1;
	attach_engine(s);
	rc.s = s;
	rc.bad = 0;
	rc.err = err;
	if (store_answers_foreach(st, uuid, restore_one, &rc) < 0) {
		buf_addf(err, "%s", store_errmsg(st));
		return -1;
	}
	s->restoring = 0;
	if (rc.bad)
		return -1;
	interview_resume(s->iv);
	return 0;
}

int
session_set_status(struct session *s, const char *status, struct buf *err)
{
	if (strcmp(status, "complete") == 0 &&
	    !interview_is_complete(s->iv, NULL)) {
		buf_addf(err, "some required questions have no answer yet");
		return -1;
	}
	/* Leaving an interview nobody answered leaves no trace. */
	if (!s->has_row && strcmp(status, "complete") != 0)
		return 0;
	if (strcmp(status, "complete") == 0 && update_design(s) < 0) {
		buf_addf(err, "%s", store_errmsg(s->st));
		return -1;
	}
	if (store_interview_set_status_ex(s->st, s->uuid, status,
	    s->reason) < 0) {
		buf_addf(err, "%s", store_errmsg(s->st));
		return -1;
	}
	snprintf(s->status, sizeof s->status, "%s", status);
	/* The edit the reason was given for ends here. */
	if (strcmp(status, "partial") != 0) {
		free(s->reason);
		s->reason = NULL;
	}
	return 0;
}

int
session_reopen(struct session *s, const char *reason, struct buf *err)
{
	if (store_interview_reopen(s->st, s->uuid, reason) < 0) {
		buf_addf(err, "%s", store_errmsg(s->st));
		return -1;
	}
	free(s->reason);
	s->reason = xstrdup(reason);
	snprintf(s->status, sizeof s->status, "partial");
	return 0;
}

int
session_set_language(struct session *s, int lang)
{
	if (lang < 0 || lang >= s->qn->nlang)
		return -1;
	s->lang = lang;
	interview_set_language(s->iv, lang);
	if (!s->has_row)
		return 0; /* recorded when the row is made */
	return store_interview_set_language(s->st, s->uuid, s->qn->langs[lang]);
}

void
session_set_words(struct session *s, int lang)
{
	s->words = lang;
	interview_set_words(s->iv, lang);
}

/* A message for the person answering: entry w, arg in its "{1}". */
static void
say(const struct session *s, struct buf *err, enum words_id w,
    const char *arg)
{
	words_fmt(err, words_get(s->words, w), arg, NULL);
}

static void
drop_pending(struct session *s)
{
	free(s->pending_text);
	s->pending_text = NULL;
	s->has_pending = 0;
}

static int
answer(struct session *s, const struct expr_value *v, unsigned flags,
    struct buf *err)
{
	const struct qn_question *q = interview_current(s->iv, NULL);
	double now = session_clock();
	char msg[256];
	int rc;

	if (q == NULL) {
		say(s, err, WORDS_E_AT_END, NULL);
		return -1;
	}
	/* An edit after the end goes through session_reopen, so that the
	 * audit trail has the enumerator's reason for it. */
	if (strcmp(s->status, "complete") == 0 ||
	    strcmp(s->status, "abandoned") == 0) {
		say(s, err, WORDS_E_CLOSED, words_get(s->words,
		    strcmp(s->status, "complete") == 0 ? WORDS_COMPLETE :
		    WORDS_ABANDONED));
		return -1;
	}
	rc = interview_answer_flags(s->iv, v, now - s->shown_at, flags, msg,
	    sizeof msg);
	if (rc == INTERVIEW_UNSAVED) {
		/* Say why: the store knows (the file, the disk). */
		words_fmt(err, words_get(s->words, WORDS_E_IN_FILE), msg,
		    store_path(s->st));
		buf_addf(err, ": %s", store_errmsg(s->st));
		return rc;
	}
	if (rc != 0) {
		buf_adds(err, msg);
		return rc;
	}
	if (is_design(s, q->index) && update_design(s) < 0) {
		buf_addf(err, "%s", store_errmsg(s->st));
		return -1;
	}
	s->shown_at = now;
	return 0;
}

int
session_answer_value(struct session *s, const struct expr_value *v,
    struct buf *err)
{
	int rc;

	drop_pending(s);
	if ((rc = answer(s, v, 0, err)) == 1) {
		/* Keep a copy: v's text belongs to the caller. */
		s->pending = *v;
		if (v->kind == EXPR_V_TEXT) {
			s->pending_text = xstrndup(v->text, v->len);
			s->pending.text = s->pending_text;
		}
		s->has_pending = 1;
	}
	return rc;
}

int
session_confirm(struct session *s, struct buf *err)
{
	int rc;

	if (!s->has_pending) {
		say(s, err, WORDS_E_NOTHING_PENDING, NULL);
		return -1;
	}
	rc = answer(s, &s->pending, INTERVIEW_CONFIRMED, err);
	drop_pending(s);
	return rc;
}

int
session_answer_text(struct session *s, const char *input, struct buf *err)
{
	const struct qn_question *q = interview_current(s->iv, NULL);
	struct expr_value v;
	char msg[256];

	if (q == NULL) {
		say(s, err, WORDS_E_AT_END, NULL);
		return -1;
	}
	if (answer_parse_in(q, input, s->words, &v, msg, sizeof msg) < 0) {
		buf_adds(err, msg);
		return -1;
	}
	return session_answer_value(s, &v, err);
}

void
session_end(struct session *s)
{
	drop_pending(s);
	free(s->reason);
	free(s->mode);
	free(s->enumerator);
	interview_free(s->iv);
	questionnaire_free(s->owned_qn);
	memset(s, 0, sizeof *s);
}
