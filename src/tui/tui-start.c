/*
 * tui-start.c: the start screen — a new interview, or one of the
 * interviews of this survey already on the device (any questionnaire
 * version), newest first: partial ones to continue, complete ones to
 * review.
 */
#include "tui/tui-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xmalloc.h"

struct collect {
	struct tui *t;
	const char *survey;
};

/* "2024-05-01T12:34:56.789Z" (UTC) as local "2024-05-01 12:34". */
static void
local_time(const char *utc, char out[17])
{
	struct tm tm;
	time_t when;

	memset(&tm, 0, sizeof tm);
	if (sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, 17, "%.16s", utc);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	when = timegm(&tm);
	if (localtime_r(&when, &tm) == NULL ||
	    strftime(out, 17, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, 17, "%.16s", utc);
}

static int
collect_row(void *ctx, const struct store_interview *iv)
{
	struct collect *c = ctx;
	struct tui *t = c->t;
	struct tui_row *r;

	if (iv->survey_id == NULL || strcmp(iv->survey_id, c->survey) != 0)
		return 0;
	xgrow((void **)&t->rows, &t->rows_cap, (size_t)t->nrows + 1,
	    sizeof *t->rows);
	r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	snprintf(r->uuid, sizeof r->uuid, "%s", iv->uuid);
	r->household = iv->household ? xstrdup(iv->household) : NULL;
	r->cluster = iv->cluster ? xstrdup(iv->cluster) : NULL;
	local_time(iv->started_at, r->started);
	snprintf(r->status, sizeof r->status, "%s", iv->status);
	r->nanswers = iv->nanswers;
	return 0;
}

void
tui_start_release(struct tui *t)
{
	int i;

	for (i = 0; i < t->nrows; i++) {
		free(t->rows[i].household);
		free(t->rows[i].cluster);
	}
	free(t->rows);
	t->rows = NULL;
	t->nrows = t->rows_cap = 0;
	t->rows_loaded = 0;
}

void
tui_start_invalidate(struct tui *t)
{
	t->rows_loaded = 0;
}

static void
load(struct tui *t)
{
	struct collect c = { t, t->opt->qn->id };

	tui_start_release(t);
	t->rows_loaded = 1;
	if (store_interviews_list(t->opt->st, 0, collect_row, &c) < 0)
		tui_set_note(t, 1, "cannot list the interviews: %s",
		    store_errmsg(t->opt->st));
	if (t->ssel > t->nrows)
		t->ssel = t->nrows;
}

/* Columns of the list, in display order; prio decides which survive a
 * narrow window (lower goes first). */
struct column {
	const char *name;
	int width, prio, right;
};

static const struct column columns[] = {
	{ "Household", 9, 0, 0 },
	{ "Cluster", 7, 4, 0 },
	{ "Started", 16, 2, 0 },
	{ "Status", 9, 1, 0 },
	{ "Answers", 7, 3, 1 },
};
#define NCOLUMNS ((int)(sizeof columns / sizeof *columns))

/* Which columns fit in width: shown[i] is 1 for the kept ones. */
static void
fit_columns(int width, int shown[NCOLUMNS])
{
	int used = 0, prio, i;

	memset(shown, 0, NCOLUMNS * sizeof *shown);
	for (prio = 0; prio < NCOLUMNS; prio++)
		for (i = 0; i < NCOLUMNS; i++)
			if (columns[i].prio == prio && used + columns[i].width +
			    (used ? 2 : 0) <= width) {
				used += columns[i].width + (used ? 2 : 0);
				shown[i] = 1;
			}
}

static void
cell_text(const struct tui *t, const struct tui_row *r, int col, char *out,
    size_t outsz)
{
	const char *dash = tui_glyph(t, TUI_G_DASH);

	switch (col) {
	case 0:
		snprintf(out, outsz, "%s", r->household ? r->household : dash);
		break;
	case 1:
		snprintf(out, outsz, "%s", r->cluster ? r->cluster : dash);
		break;
	case 2:
		snprintf(out, outsz, "%s", r->started);
		break;
	case 3:
		snprintf(out, outsz, "%s", r->status);
		break;
	default:
		snprintf(out, outsz, "%d", r->nanswers);
		break;
	}
}

/* One line of columns at y; texts NULL for the header. */
static void
draw_columns(const struct tui *t, int y, int x, const struct tui_row *r,
    const int shown[NCOLUMNS])
{
	char cell[64];
	int i, w;

	for (i = 0; i < NCOLUMNS; i++) {
		if (!shown[i])
			continue;
		if (r != NULL)
			cell_text(t, r, i, cell, sizeof cell);
		else
			snprintf(cell, sizeof cell, "%s", columns[i].name);
		w = tui_text_width(cell, strlen(cell));
		if (columns[i].right && w < columns[i].width)
			tui_put_clip(t, y, x + columns[i].width - w, cell, w);
		else
			tui_put_clip(t, y, x, cell, columns[i].width);
		x += columns[i].width + 2;
	}
}

void
tui_start_draw(struct tui *t)
{
	static const char *const keys[] = { "Enter", "open", "n",
		"new interview", "r", "results", NULL, "move", "F2", "language",
		"F10", "quit", NULL, NULL };
	const char *k[sizeof keys / sizeof *keys];
	const struct questionnaire *qn = t->opt->qn;
	int shown[NCOLUMNS], i, y, x = 2, nk, top, rows, npartial = 0,
	    ncomplete = 0;
	char right[128];
	struct buf b = BUF_INIT;

	if (!t->rows_loaded)
		load(t);
	snprintf(right, sizeof right, "%s %s", qn->id, qn->version);
	tui_bar(t, 0, t->a.title, tui_tr(t, qn->title), right);

	memcpy(k, keys, sizeof keys);
	k[6] = tui_glyph(t, TUI_G_UPDOWN);
	nk = tui_keys(t, k, LINES >= 12 ? 2 : 1);

	if (t->ssel == 0)
		attrset(t->a.sel);
	tui_fill(2, x - 1, COLS - 2 * (x - 1));
	tui_put(2, x, "+ New interview", COLS - 2 * x);
	attrset(A_NORMAL);

	for (i = 0; i < t->nrows; i++) {
		if (strcmp(t->rows[i].status, "partial") == 0)
			npartial++;
		else if (strcmp(t->rows[i].status, "complete") == 0)
			ncomplete++;
	}
	attrset(t->a.head);
	buf_addf(&b, "Interviews on this device (%d)", t->nrows);
	tui_put_clip(t, 4, x, buf_str(&b), COLS - 2 * x);
	attrset(A_NORMAL);
	fit_columns(COLS - 2 * x, shown);
	top = 6;
	rows = LINES - 1 - nk - top;
	if (t->nrows == 0) {
		attrset(t->a.hint);
		tui_put_clip(t, 5, x, "None yet: press n to begin one.",
		    COLS - 2 * x);
		attrset(A_NORMAL);
	} else if (rows > 0) {
		attrset(t->a.hint | A_UNDERLINE);
		draw_columns(t, 5, x, NULL, shown);
		attrset(A_NORMAL);
		/* Rows are items 1..nrows; keep the selected one in view. */
		if (t->ssel > 0 && t->ssel - 1 < t->stop)
			t->stop = t->ssel - 1;
		if (t->ssel > 0 && t->ssel - 1 >= t->stop + rows)
			t->stop = t->ssel - rows;
		if (t->stop > t->nrows - rows)
			t->stop = t->nrows - rows > 0 ? t->nrows - rows : 0;
		for (i = t->stop; i < t->nrows && i < t->stop + rows; i++) {
			y = top + i - t->stop;
			if (t->ssel == i + 1) {
				attrset(t->a.sel);
				tui_fill(y, x - 1, COLS - 2 * (x - 1));
			}
			draw_columns(t, y, x, &t->rows[i], shown);
			attrset(A_NORMAL);
		}
		if (t->stop > 0)
			tui_put(top, COLS - 2, tui_glyph(t, TUI_G_UP), 1);
		if (t->stop + rows < t->nrows)
			tui_put(top + rows - 1, COLS - 2,
			    tui_glyph(t, TUI_G_DOWN), 1);
	}

	buf_reset(&b);
	buf_addf(&b, "%d partial%s%d complete%s%s", npartial,
	    tui_glyph(t, TUI_G_DOT), ncomplete, tui_glyph(t, TUI_G_DOT),
	    qn->langs[t->lang]);
	if (t->opt->enumerator != NULL)
		buf_addf(&b, "%senumerator %s", tui_glyph(t, TUI_G_DOT),
		    t->opt->enumerator);
	tui_status(t, buf_str(&b));
	buf_release(&b);
}

static void
begin(struct tui *t)
{
	struct buf err = BUF_INIT;

	if (session_begin(&t->s, t->opt->st, t->opt->qn, "interview",
	    t->opt->enumerator, t->lang, &err) < 0) {
		tui_set_note(t, 1, "cannot start an interview: %s",
		    buf_str(&err));
		session_end(&t->s);
		buf_release(&err);
		return;
	}
	t->in_session = 1;
	t->was_complete = 0;
	t->qpos_valid = 0;
	t->from_review = 0;
	tui_show_current(t);
}

static void
open_row(struct tui *t, const struct tui_row *r)
{
	struct buf err = BUF_INIT;

	if (session_resume(&t->s, t->opt->st, t->opt->qn, r->uuid, &err) < 0) {
		tui_set_note(t, 1, "cannot open the interview: %s",
		    buf_str(&err));
		session_end(&t->s);
		buf_release(&err);
		return;
	}
	t->in_session = 1;
	t->lang = t->s.lang;
	t->qpos_valid = 0;
	t->from_review = 0;
	t->rsel = t->rtop = 0;
	if (t->s.version_changed)
		tui_set_note(t, 0, "this interview keeps the questionnaire "
		    "version it began with");
	if (strcmp(r->status, "partial") == 0) {
		t->was_complete = 0;
		tui_show_current(t);
	} else {
		/* Complete (or abandoned): review first; editing reopens. */
		t->was_complete = 1;
		t->screen = TUI_REVIEW;
	}
}

void
tui_start_key(struct tui *t, const struct tui_key *k)
{
	int n = t->nrows + 1;

	if (tui_key_enter(k)) {
		if (t->ssel == 0)
			begin(t);
		else
			open_row(t, &t->rows[t->ssel - 1]);
		return;
	}
	if (k->fn) {
		switch (k->ch) {
		case KEY_UP:
			if (t->ssel > 0)
				t->ssel--;
			return;
		case KEY_DOWN:
			if (t->ssel + 1 < n)
				t->ssel++;
			return;
		case KEY_HOME:
			t->ssel = 0;
			return;
		case KEY_END:
			t->ssel = n - 1;
			return;
		case KEY_PPAGE:
			t->ssel = t->ssel > 10 ? t->ssel - 10 : 0;
			return;
		case KEY_NPAGE:
			t->ssel = t->ssel + 10 < n ? t->ssel + 10 : n - 1;
			return;
		}
		return;
	}
	switch (k->ch) {
	case L'k':
		if (t->ssel > 0)
			t->ssel--;
		return;
	case L'j':
		if (t->ssel + 1 < n)
			t->ssel++;
		return;
	case L'n':
	case L'N':
		begin(t);
		return;
	case L'r':
	case L'R':
		if (!t->kiosk)
			tui_results_open(t);
		return;
	}
}
