/*
 * tui-results.c: the results screen — every indicator of the
 * questionnaire as a bar with its 95% confidence interval, value and n,
 * grouped by Key Feature, for the Total or one group of the indicator's
 * first disaggregation. The figures come from the report's model
 * (report.h) built on aggregate_run() each time the screen is opened, so
 * they are the numbers of `lcsurvey report` and `lcsurvey aggregate
 * --format csv`, formatted the same way.
 */
#include "tui/tui-int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "report.h"
#include "xmalloc.h"

/* One row of the scrolled list. */
enum line_kind { L_FEATURE, L_IND, L_EST, L_NONE, L_BLANK };

struct line {
	enum line_kind kind;
	const struct report_feature *f;
	const struct report_ind *ind;
	const struct report_est *e;
};

struct tui_results {
	struct report rep;
	long ninterviews;
	/* Views: 0 is the Total, i > 0 the group views[i] ("sex=Female") of
	 * some indicator's first breakdown. */
	const char **views;
	int nviews, view;
	struct line *lines;
	int nlines, top;
	size_t lines_cap;
	/* Widths of the numbers' columns for the lines of this view. */
	int ew, cw, nw, lw;
};

/* The questionnaire's indicator that report indicator ri stands for. */
static const struct qn_indicator *
qn_ind(const struct tui *t, const struct report_ind *ri)
{
	const struct questionnaire *qn = t->opt->qn;
	int i;

	for (i = 0; i < qn->nindicators; i++)
		if (strcmp(qn->indicators[i].id, ri->id) == 0)
			return &qn->indicators[i];
	return NULL;
}

/* 1 when group g ("sex=Female") is of ri's first breakdown. */
static int
first_by_group(const struct tui *t, const struct report_ind *ri,
    const char *g)
{
	const struct qn_indicator *qi = qn_ind(t, ri);
	const char *qid;
	size_t n;

	if (qi == NULL || qi->nby == 0)
		return 0;
	qid = t->opt->qn->questions[qi->by[0]].id;
	n = strlen(qid);
	return strncmp(g, qid, n) == 0 && g[n] == '=';
}

/* The question ri's first breakdown is by ("sex"), or NULL. */
static const char *
first_by(const struct tui *t, const struct report_ind *ri)
{
	const struct qn_indicator *qi = qn_ind(t, ri);

	if (qi == NULL || qi->nby == 0)
		return NULL;
	return t->opt->qn->questions[qi->by[0]].id;
}

static void
add_line(struct tui_results *r, enum line_kind kind,
    const struct report_feature *f, const struct report_ind *ind,
    const struct report_est *e)
{
	struct line *l;

	xgrow((void **)&r->lines, &r->lines_cap, (size_t)r->nlines + 1,
	    sizeof *r->lines);
	l = &r->lines[r->nlines++];
	l->kind = kind;
	l->f = f;
	l->ind = ind;
	l->e = e;
}

/* The label of an estimate's line: its group, or a rating's category,
 * in the screens' language where the report's model says it in English
 * (the Total, the rating scale); a group is a questionnaire's label. */
static const char *
est_label(const struct tui *t, const struct report_est *e)
{
	const char *c = e->category;

	if (strcmp(c, "mean") == 0)
		return tui_word(t, WORDS_MEAN_SCORE);
	if (c[0] >= '1' && c[0] <= '5' && c[1] == '\0')
		return tui_word(t, (enum words_id)(WORDS_RATING_1 +
		    (c[0] - '1')));
	if (e->cat_label[0] != '\0')
		return e->cat_label;
	return strcmp(e->group, "Total") == 0 ? tui_word(t, WORDS_TOTAL) :
	    e->label;
}

static int
width_of(const char *s)
{
	return tui_text_width(s, strlen(s));
}

static void
fmt_n(struct buf *b, const struct report_est *e)
{
	buf_addf(b, "n=%ld%s", e->n, e->small_n ? " \xe2\x80\xa0" : "");
}

/* The list for the current view, and the widths of its columns. */
static void
layout(struct tui *t)
{
	struct tui_results *r = t->results;
	const char *want = r->view > 0 ? r->views[r->view] : "Total";
	struct buf b = BUF_INIT;
	size_t p, a, f, i, j;
	int w, any;

	r->nlines = 0;
	r->ew = r->cw = r->nw = r->lw = 1;
	for (p = 0; p < r->rep.nparts; p++)
	for (a = 0; a < r->rep.parts[p].nareas; a++)
	for (f = 0; f < r->rep.parts[p].areas[a].nfeatures; f++) {
		const struct report_feature *rf =
		    &r->rep.parts[p].areas[a].features[f];

		if (r->nlines > 0)
			add_line(r, L_BLANK, NULL, NULL, NULL);
		add_line(r, L_FEATURE, rf, NULL, NULL);
		for (i = 0; i < rf->ninds; i++) {
			const struct report_ind *ri = rf->inds[i];

			add_line(r, L_IND, rf, ri, NULL);
			any = 0;
			for (j = 0; j < ri->nests; j++) {
				const struct report_est *e = &ri->ests[j];

				if (strcmp(e->group, want) != 0 ||
				    (r->view > 0 && !first_by_group(t, ri,
				    e->group)))
					continue;
				add_line(r, L_EST, rf, ri, e);
				any = 1;
				buf_reset(&b);
				report_fmt(&b, e, e->est, 1);
				if ((w = width_of(buf_str(&b))) > r->ew)
					r->ew = w;
				buf_reset(&b);
				report_fmt_ci(&b, e);
				if ((w = width_of(buf_str(&b))) > r->cw)
					r->cw = w;
				buf_reset(&b);
				fmt_n(&b, e);
				if ((w = width_of(buf_str(&b))) > r->nw)
					r->nw = w;
				if ((w = width_of(est_label(t, e))) > r->lw)
					r->lw = w;
			}
			if (!any)
				add_line(r, L_NONE, rf, ri, NULL);
		}
	}
	buf_release(&b);
}

/* The group views, in the order the indicators first give them. */
static void
find_views(struct tui *t)
{
	struct tui_results *r = t->results;
	size_t i, j;
	int v;

	r->views = xcalloc(1, sizeof *r->views);
	r->views[0] = "Total";
	r->nviews = 1;
	for (i = 0; i < r->rep.ninds; i++) {
		const struct report_ind *ri = &r->rep.inds[i];

		for (j = 0; j < ri->nests; j++) {
			if (!first_by_group(t, ri, ri->ests[j].group))
				continue;
			for (v = 1; v < r->nviews; v++)
				if (strcmp(r->views[v], ri->ests[j].group) == 0)
					break;
			if (v < r->nviews)
				continue;
			r->views = xrealloc(r->views, ((size_t)r->nviews + 1) *
			    sizeof *r->views);
			r->views[r->nviews++] = ri->ests[j].group;
		}
	}
}

void
tui_results_release(struct tui *t)
{
	struct tui_results *r = t->results;

	if (r == NULL)
		return;
	report_release(&r->rep);
	free(r->views);
	free(r->lines);
	free(r);
	t->results = NULL;
}

static void
note_bad(struct tui *t, long nbad)
{
	struct buf b = BUF_INIT;

	words_fmtn(&b, tui_word(t, words_plural(t->ui,
	    WORDS_BAD_ANSWERS, nbad)), nbad, 0);
	tui_set_note(t, 1, "%s", buf_str(&b));
	buf_release(&b);
}

/* Computes the estimates from the store, as `lcsurvey aggregate` does
 * by default: complete interviews of this questionnaire version. */
static int
compute(struct tui *t, struct tui_results *r)
{
	struct aggregate_opts o;
	struct aggregate_result res;
	struct buf err = BUF_INIT;
	int rc = 0;

	aggregate_opts_init(&o);
	report_init(&r->rep, o.small_n);
	memset(&res, 0, sizeof res);
	if (aggregate_run(t->opt->st, t->opt->qn, t->opt->qrow, &o, &res,
	    &err) < 0) {
		tui_note_word(t, 1, WORDS_CANNOT_COMPUTE, buf_str(&err));
		rc = -1;
	} else {
		report_add(&r->rep, t->opt->qn, NULL, &res);
		report_finish(&r->rep);
		r->ninterviews = res.ninterviews;
		if (res.nbad > 0)
			note_bad(t, res.nbad);
	}
	aggregate_result_release(&res);
	buf_release(&err);
	return rc;
}

void
tui_results_open(struct tui *t)
{
	struct tui_results *r;
	const char *keep = NULL;
	char *kept = NULL;
	int v;

	/* Reopened (r): the same view, if the groups still have it. */
	if (t->results != NULL && t->results->view > 0)
		keep = kept = xstrdup(t->results->views[t->results->view]);
	tui_results_release(t);
	/* The scan may take a moment on a large database: say so. */
	tui_bar(t, LINES - 1, t->a.status, tui_word(t, WORDS_COMPUTING), NULL);
	refresh();

	r = xcalloc(1, sizeof *r);
	t->results = r;
	if (compute(t, r) < 0) {
		tui_results_release(t);
		free(kept);
		return;
	}
	find_views(t);
	for (v = 1; keep != NULL && v < r->nviews; v++)
		if (strcmp(r->views[v], keep) == 0)
			r->view = v;
	free(kept);
	layout(t);
	t->screen = TUI_RESULTS;
}

/* ---- drawing ------------------------------------------------------------ */

/* A number at least as large as v, of the form 1, 2 or 5 times a power
 * of ten: the right end of a bar's scale. */
static double
nice_ceil(double v)
{
	double p;

	if (!(v > 0))
		return 1;
	p = pow(10, floor(log10(v)));
	if (v <= p)
		return p;
	if (v <= 2 * p)
		return 2 * p;
	if (v <= 5 * p)
		return 5 * p;
	return 10 * p;
}

/* The scale of ri's bars, the same for every group so that switching
 * views compares like with like. */
static void
scale_of(const struct report_ind *ri, const struct report_est *e, double *lo,
    double *hi)
{
	size_t j;

	*lo = 0;
	if (e->percent) {
		*hi = 100;
		return;
	}
	if (strcmp(e->category, "mean") == 0) {
		*hi = 5;
		return;
	}
	*hi = 0;
	for (j = 0; j < ri->nests; j++) {
		const struct report_est *x = &ri->ests[j];

		if (x->percent != e->percent)
			continue;
		if (isfinite(x->ci_high) && x->ci_high > *hi)
			*hi = x->ci_high;
		if (isfinite(x->est) && x->est > *hi)
			*hi = x->est;
		if (isfinite(x->ci_low) && x->ci_low < *lo)
			*lo = x->ci_low;
		if (isfinite(x->est) && x->est < *lo)
			*lo = x->est;
	}
	*hi = nice_ceil(*hi);
	if (*lo < 0)
		*lo = -nice_ceil(-*lo);
}

/* The cell of v on a bar of w cells over [lo, hi]. */
static int
cell_of(double v, double lo, double hi, int w)
{
	int c = (int)floor((v - lo) / (hi - lo) * w);

	return c < 0 ? 0 : c >= w ? w - 1 : c;
}

/*
 * The bar: cells from the origin to the estimate in reverse video, the
 * interval drawn over it as a whisker, |--| or ├──┤.
 */
static void
draw_bar(const struct tui *t, int y, int x, int w,
    const struct report_ind *ri, const struct report_est *e)
{
	double lo, hi;
	int c, from, to, clo, chi, whisker;
	wchar_t ch;

	if (w <= 0 || !isfinite(e->est))
		return;
	scale_of(ri, e, &lo, &hi);
	c = cell_of(e->est, lo, hi, w);
	from = cell_of(lo < 0 ? 0 : lo, lo, hi, w);
	to = c;
	if (to < from) {
		to = from;
		from = c;
	}
	/* At least one cell, so that a small estimate is still seen. */
	whisker = isfinite(e->ci_low) && isfinite(e->ci_high);
	clo = whisker ? cell_of(e->ci_low, lo, hi, w) : -1;
	chi = whisker ? cell_of(e->ci_high, lo, hi, w) : -1;
	for (c = 0; c < w; c++) {
		int filled = c >= from && c <= to;

		if (c == clo && c == chi)
			ch = t->utf8 ? L'\x2502' : L'|';
		else if (c == clo)
			ch = t->utf8 ? L'\x251c' : L'|';
		else if (c == chi)
			ch = t->utf8 ? L'\x2524' : L'|';
		else if (c > clo && c < chi)
			ch = t->utf8 ? L'\x2500' : L'-';
		else
			ch = L' ';
		attrset(filled ? t->a.hint | A_REVERSE : t->a.key);
		mvaddnwstr(y, x + c, &ch, 1);
	}
	attrset(A_NORMAL);
}

static void
draw_est(struct tui *t, int y, int x, int w, const struct line *l)
{
	struct tui_results *r = t->results;
	const struct report_est *e = l->e;
	struct buf b = BUF_INIT;
	int indent = w >= 60 ? 4 : 2, ew = r->ew, cw = r->cw, nw = r->nw,
	    lw = r->lw, bw, right, show_ci = 1, xx, used;

	/* Narrow windows lose the bar first, then the label's end, then
	 * the interval. */
	if (lw > 24)
		lw = 24;
	right = ew + 2 + cw + 2 + nw;
	bw = w - indent - lw - 2 - 2 - right;
	if (bw < 10) {
		bw = 0;
		if (w - indent - (lw < 8 ? lw : 8) - 2 - right < 0) {
			show_ci = 0;
			right = ew + 2 + nw;
		}
	}
	if (lw > w - indent - 2 - right - (bw ? bw + 2 : 0))
		lw = w - indent - 2 - right - (bw ? bw + 2 : 0);
	if (lw < 1)
		lw = 1;
	tui_put_clip(t, y, x + indent, est_label(t, e), lw);
	xx = x + indent + lw + 2;
	if (bw > 0) {
		draw_bar(t, y, xx, bw, l->ind, e);
		xx += bw + 2;
	}
	/* Numbers flush right, each in its column. */
	xx = x + w - right;
	if (xx < x + indent + lw + 2)
		xx = x + indent + lw + 2;
	report_fmt(&b, e, e->est, 1);
	used = width_of(buf_str(&b));
	attrset(A_BOLD);
	tui_put(y, xx + ew - used, buf_str(&b), used);
	attrset(A_NORMAL);
	xx += ew + 2;
	if (show_ci) {
		buf_reset(&b);
		report_fmt_ci(&b, e);
		tui_put_clip(t, y, xx, buf_str(&b), cw);
		xx += cw + 2;
	}
	buf_reset(&b);
	fmt_n(&b, e);
	if (e->small_n)
		attrset(t->a.warn);
	tui_put_clip(t, y, xx, buf_str(&b), x + w - xx);
	attrset(A_NORMAL);
	buf_release(&b);
}

static void
draw_line(struct tui *t, int y, int x, int w, const struct line *l)
{
	struct tui_results *r = t->results;
	const struct qn_indicator *qi;
	const char *by, *eq;
	struct buf b = BUF_INIT;

	switch (l->kind) {
	case L_FEATURE:
		buf_adds(&b, l->f->code[0] != '\0' ? l->f->code :
		    tui_word(t, WORDS_NO_KEY_FEATURE));
		if (l->f->title != NULL && l->f->title[0] != '\0')
			buf_addf(&b, "  %s", l->f->title);
		attrset(t->a.head | A_UNDERLINE);
		tui_put_clip(t, y, x, buf_str(&b), w);
		break;
	case L_IND:
		qi = qn_ind(t, l->ind);
		buf_adds(&b, qi != NULL ? tui_tr(t, qi->name) : l->ind->name);
		if (l->ind->kind == QN_RATING_DIST)
			buf_adds(&b, tui_word(t, WORDS_BY_RATING));
		else if (!l->ind->percent && l->ind->unit[0] != '\0')
			buf_addf(&b, " (%s)", l->ind->unit);
		attrset(A_BOLD);
		tui_put_clip(t, y, x + 2, buf_str(&b), w - 2);
		break;
	case L_EST:
		draw_est(t, y, x, w, l);
		break;
	case L_NONE:
		/* The view's group is "QUESTION=label". */
		by = first_by(t, l->ind);
		eq = strchr(r->views[r->view], '=');
		if (by == NULL)
			buf_adds(&b, tui_word(t, WORDS_TOTAL_ONLY));
		else if (eq != NULL && (strlen(by) != (size_t)(eq -
		    r->views[r->view]) || strncmp(by, r->views[r->view],
		    strlen(by)) != 0)) {
			char *q = xstrndup(r->views[r->view],
			    (size_t)(eq - r->views[r->view]));

			words_fmt(&b, tui_word(t, WORDS_NOT_BROKEN_BY), q,
			    NULL);
			free(q);
		} else
			words_fmt(&b, tui_word(t, WORDS_NO_ESTIMATE),
			    eq != NULL ? eq + 1 : r->views[r->view], NULL);
		attrset(t->a.hint);
		tui_put_clip(t, y, x + (w >= 60 ? 4 : 2), buf_str(&b),
		    w - (w >= 60 ? 4 : 2));
		break;
	case L_BLANK:
		break;
	}
	attrset(A_NORMAL);
	buf_release(&b);
}

#define TAB_MAXW 24	/* columns of a group's name on its tab */

/* The name of view v ("Female" for "sex=Female", the Total in the
 * screens' language) and its tab's width. */
static const char *
view_name(const struct tui *t, int v, int *tw)
{
	const struct tui_results *r = t->results;
	const char *s = strchr(r->views[v], '=');

	s = v == 0 ? tui_word(t, WORDS_TOTAL) : s != NULL ? s + 1 :
	    r->views[v];
	*tw = width_of(s);
	if (*tw > TAB_MAXW)
		*tw = TAB_MAXW;
	*tw += 2;
	return s;
}

/* The views as a row of tabs, the current one highlighted; the row
 * starts further on when the current one would not fit. */
static void
draw_tabs(struct tui *t, int y, int x, int w)
{
	struct tui_results *r = t->results;
	const char *s;
	int v, first = 0, xx, sum, tw;

	attrset(t->a.hint);
	xx = x + tui_put(y, x, tui_word(t, WORDS_GROUP_LABEL), w);
	attrset(A_NORMAL);
	for (;;) {
		for (sum = 0, v = first; v <= r->view; v++) {
			view_name(t, v, &tw);
			sum += 1 + tw;
		}
		if (first >= r->view || xx + (first ? 2 : 0) + sum <= x + w)
			break;
		first++;
	}
	if (first > 0) {
		xx += 1;
		xx += tui_put(y, xx, tui_glyph(t, TUI_G_ELLIPSIS), 1);
	}
	for (v = first; v < r->nviews; v++) {
		s = view_name(t, v, &tw);
		xx += 1;
		if (xx + tw > x + w) {
			if (xx < x + w)
				tui_put(y, xx, tui_glyph(t, TUI_G_ELLIPSIS), 1);
			break;
		}
		if (v == r->view)
			attrset(t->a.sel);
		tui_fill(y, xx, tw);
		tui_put_clip(t, y, xx + 1, s, tw - 2);
		attrset(A_NORMAL);
		xx += tw;
	}
}

/* "12 complete interviews · 95% confidence intervals · † fewer than 30". */
static void
results_status(struct tui *t)
{
	const struct tui_results *r = t->results;
	const char *dot = tui_glyph(t, TUI_G_DOT);
	struct buf b = BUF_INIT;

	words_fmtn(&b, tui_word(t, words_plural(t->ui,
	    WORDS_N_INTERVIEWS, r->ninterviews)), r->ninterviews, 0);
	buf_addf(&b, "%s%s", dot, tui_word(t, WORDS_CONFIDENCE));
	if (r->rep.any_small) {
		buf_adds(&b, dot);
		words_fmtn(&b, tui_word(t, WORDS_FEWER_THAN),
		    (long)r->rep.small_n, 0);
	}
	tui_status(t, buf_str(&b));
	buf_release(&b);
}

void
tui_results_draw(struct tui *t)
{
	static const struct tui_keyword keys[] = { { "Tab", WORDS_GROUP },
		{ NULL, WORDS_SCROLL }, { "r", WORDS_RECOMPUTE },
		{ "Esc", WORDS_BACK }, { "F10", WORDS_QUIT } };
	struct tui_results *r = t->results;
	const struct questionnaire *qn = t->opt->qn;
	struct buf b = BUF_INIT;
	int x, w, nk, top, rows, i;

	if (r == NULL) {
		t->screen = TUI_START;
		tui_start_draw(t);
		return;
	}
	buf_addf(&b, "%s%s%s", tui_word(t, WORDS_RESULTS_TITLE),
	    tui_glyph(t, TUI_G_DOT), tui_tr(t, qn->title));
	tui_bar(t, 0, t->a.title, buf_str(&b), r->view == 0 ?
	    tui_word(t, WORDS_TOTAL) : strchr(r->views[r->view], '=') + 1);
	nk = tui_keys_table(t, keys, sizeof keys / sizeof keys[0],
	    LINES >= 12 ? 2 : 1);

	x = COLS >= 60 ? 2 : 1;
	w = COLS - 2 * x;
	draw_tabs(t, 1, x, w);
	top = LINES >= 10 ? 3 : 2;
	rows = LINES - 1 - nk - top;
	if (rows < 1)
		rows = 1;
	if (r->top > r->nlines - rows)
		r->top = r->nlines - rows;
	if (r->top < 0)
		r->top = 0;
	for (i = r->top; i < r->nlines && i < r->top + rows; i++)
		draw_line(t, top + i - r->top, x, w - 1, &r->lines[i]);
	if (r->top > 0)
		tui_put(top, COLS - 1, tui_glyph(t, TUI_G_UP), 1);
	if (r->top + rows < r->nlines)
		tui_put(top + rows - 1, COLS - 1, tui_glyph(t, TUI_G_DOWN), 1);

	buf_release(&b);
	results_status(t);
}

static void
switch_view(struct tui *t, int dir)
{
	struct tui_results *r = t->results;

	if (r->nviews < 2) {
		tui_note_word(t, 0, WORDS_NO_BREAKDOWN, NULL);
		return;
	}
	r->view = (r->view + dir + r->nviews) % r->nviews;
	layout(t);
}

void
tui_results_key(struct tui *t, const struct tui_key *k)
{
	struct tui_results *r = t->results;
	int page = LINES > 8 ? LINES - 6 : 1;

	if (r == NULL) {
		t->screen = TUI_START;
		return;
	}
	if (k->fn) {
		switch (k->ch) {
		case KEY_UP:
			r->top--;
			break;
		case KEY_DOWN:
			r->top++;
			break;
		case KEY_PPAGE:
			r->top -= page;
			break;
		case KEY_NPAGE:
			r->top += page;
			break;
		case KEY_HOME:
			r->top = 0;
			break;
		case KEY_END:
			r->top = r->nlines;
			break;
		case KEY_RIGHT:
			switch_view(t, 1);
			break;
		case KEY_LEFT:
		case KEY_BTAB:
			switch_view(t, -1);
			break;
		case KEY_BACKSPACE:
			t->screen = TUI_START;
			break;
		}
		/* Drawing clamps r->top to the window. */
		if (r->top < 0)
			r->top = 0;
		if (r->top > r->nlines)
			r->top = r->nlines;
		return;
	}
	switch (k->ch) {
	case L'\t':
	case L'g':
		switch_view(t, 1);
		break;
	case L'k':
		if (r->top > 0)
			r->top--;
		break;
	case L'j':
		if (r->top < r->nlines)
			r->top++;
		break;
	case L'r':
	case L'R':
		tui_results_open(t);
		break;
	case 27:	/* Esc */
	case L'q':
	case 127:
		t->screen = TUI_START;
		break;
	}
}
