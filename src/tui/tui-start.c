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
		tui_note_word(t, 1, WORDS_CANNOT_LIST, store_errmsg(t->opt->st));
	if (t->ssel > t->nrows)
		t->ssel = t->nrows;
}

/* Columns of the list, in display order; prio decides which survive a
 * narrow window (lower goes first). width is the least: a heading or a
 * status wider in the screens' language widens its column. */
struct column {
	enum words_id name;
	int width, prio, right;
};

static const struct column columns[] = {
	{ WORDS_COL_HOUSEHOLD, 9, 0, 0 },
	{ WORDS_COL_CLUSTER, 7, 4, 0 },
	{ WORDS_COL_STARTED, 16, 2, 0 },
	{ WORDS_COL_STATUS, 9, 1, 0 },
	{ WORDS_COL_ANSWERS, 7, 3, 1 },
};
#define NCOLUMNS ((int)(sizeof columns / sizeof *columns))
#define COL_STATUS 3

static int
word_width(const struct tui *t, enum words_id w)
{
	const char *s = tui_word(t, w);

	return tui_text_width(s, strlen(s));
}

static int
max_int(int a, int b)
{
	return a > b ? a : b;
}

/* The columns' widths in the screens' language. */
static void
column_widths(const struct tui *t, int widths[NCOLUMNS])
{
	int i;

	for (i = 0; i < NCOLUMNS; i++)
		widths[i] = max_int(columns[i].width,
		    word_width(t, columns[i].name));
	widths[COL_STATUS] = max_int(widths[COL_STATUS],
	    max_int(word_width(t, WORDS_PARTIAL), max_int(word_width(t,
	    WORDS_COMPLETE), word_width(t, WORDS_ABANDONED))));
}

/* Which columns fit in width: shown[i] is 1 for the kept ones. */
static void
fit_columns(int width, const int widths[NCOLUMNS], int shown[NCOLUMNS])
{
	int used = 0, prio, i;

	memset(shown, 0, NCOLUMNS * sizeof *shown);
	for (prio = 0; prio < NCOLUMNS; prio++)
		for (i = 0; i < NCOLUMNS; i++)
			if (columns[i].prio == prio && used + widths[i] +
			    (used ? 2 : 0) <= width) {
				used += widths[i] + (used ? 2 : 0);
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
	case COL_STATUS:
		snprintf(out, outsz, "%s", tui_status_word(t, r->status));
		break;
	default:
		snprintf(out, outsz, "%d", r->nanswers);
		break;
	}
}

/* One line of columns at y; r NULL for the headings. */
static void
draw_columns(const struct tui *t, int y, int x, const struct tui_row *r,
    const int widths[NCOLUMNS], const int shown[NCOLUMNS])
{
	char cell[64];
	int i, w;

	for (i = 0; i < NCOLUMNS; i++) {
		if (!shown[i])
			continue;
		if (r != NULL)
			cell_text(t, r, i, cell, sizeof cell);
		else
			snprintf(cell, sizeof cell, "%s",
			    tui_word(t, columns[i].name));
		w = tui_text_width(cell, strlen(cell));
		if (columns[i].right && w < widths[i])
			tui_put_clip(t, y, x + widths[i] - w, cell, w);
		else
			tui_put_clip(t, y, x, cell, widths[i]);
		x += widths[i] + 2;
	}
}

/* The interviews under their headings, from row 5; rows left for them
 * below the headings. */
static void
draw_list(struct tui *t, int x, int rows)
{
	int widths[NCOLUMNS], shown[NCOLUMNS], top = 6, i, y;

	column_widths(t, widths);
	fit_columns(COLS - 2 * x, widths, shown);
	if (t->nrows == 0) {
		attrset(t->a.hint);
		tui_put_clip(t, 5, x, tui_word(t, WORDS_NONE_YET), COLS - 2 * x);
		attrset(A_NORMAL);
		return;
	}
	if (rows <= 0)
		return;
	attrset(t->a.hint | A_UNDERLINE);
	draw_columns(t, 5, x, NULL, widths, shown);
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
		draw_columns(t, y, x, &t->rows[i], widths, shown);
		attrset(A_NORMAL);
	}
	if (t->stop > 0)
		tui_put(top, COLS - 2, tui_glyph(t, TUI_G_UP), 1);
	if (t->stop + rows < t->nrows)
		tui_put(top + rows - 1, COLS - 2, tui_glyph(t, TUI_G_DOWN), 1);
}

/* "2 partial · 5 complete · en · enumerator E07". */
static void
draw_start_status(struct tui *t)
{
	const char *dot = tui_glyph(t, TUI_G_DOT);
	struct buf b = BUF_INIT;
	int i, npartial = 0, ncomplete = 0;

	for (i = 0; i < t->nrows; i++) {
		if (strcmp(t->rows[i].status, "partial") == 0)
			npartial++;
		else if (strcmp(t->rows[i].status, "complete") == 0)
			ncomplete++;
	}
	words_fmtn(&b, tui_word(t, words_plural(t->ui,
	    WORDS_N_PARTIAL, npartial)), npartial, 0);
	buf_adds(&b, dot);
	words_fmtn(&b, tui_word(t, words_plural(t->ui,
	    WORDS_N_COMPLETE, ncomplete)), ncomplete, 0);
	buf_addf(&b, "%s%s", dot, t->opt->qn->langs[t->lang]);
	if (t->opt->enumerator != NULL) {
		buf_adds(&b, dot);
		words_fmt(&b, tui_word(t, WORDS_ENUMERATOR),
		    t->opt->enumerator, NULL);
	}
	tui_status(t, buf_str(&b));
	buf_release(&b);
}

void
tui_start_draw(struct tui *t)
{
	static const struct tui_keyword keys[] = { { "Enter", WORDS_OPEN },
		{ "n", WORDS_NEW }, { "r", WORDS_RESULTS },
		{ NULL, WORDS_MOVE }, { "F2", WORDS_LANGUAGE },
		{ "F10", WORDS_QUIT } };
	const struct questionnaire *qn = t->opt->qn;
	int x = 2, nk;
	char right[128];
	struct buf b = BUF_INIT;

	if (!t->rows_loaded)
		load(t);
	snprintf(right, sizeof right, "%s %s", qn->id, qn->version);
	tui_bar(t, 0, t->a.title, tui_tr(t, qn->title), right);

	nk = tui_keys_table(t, keys, sizeof keys / sizeof keys[0],
	    LINES >= 12 ? 2 : 1);

	if (t->ssel == 0)
		attrset(t->a.sel);
	tui_fill(2, x - 1, COLS - 2 * (x - 1));
	tui_put(2, x, tui_word(t, WORDS_NEW_INTERVIEW), COLS - 2 * x);
	attrset(A_NORMAL);

	attrset(t->a.head);
	words_fmtn(&b, tui_word(t, WORDS_ON_DEVICE), t->nrows, 0);
	tui_put_clip(t, 4, x, buf_str(&b), COLS - 2 * x);
	attrset(A_NORMAL);
	buf_release(&b);
	draw_list(t, x, LINES - 1 - nk - 6);
	draw_start_status(t);
}

static void
begin(struct tui *t)
{
	struct buf err = BUF_INIT;

	if (session_begin(&t->s, t->opt->st, t->opt->qn, "interview",
	    t->opt->enumerator, t->lang, &err) < 0) {
		tui_note_word(t, 1, WORDS_CANNOT_START, buf_str(&err));
		session_end(&t->s);
		buf_release(&err);
		return;
	}
	session_set_words(&t->s, t->ui);
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
		tui_note_word(t, 1, WORDS_CANNOT_OPEN, buf_str(&err));
		session_end(&t->s);
		buf_release(&err);
		return;
	}
	session_set_words(&t->s, t->ui);
	t->in_session = 1;
	t->lang = t->s.lang;
	t->qpos_valid = 0;
	t->from_review = 0;
	t->rsel = t->rtop = 0;
	if (t->s.version_changed)
		tui_note_word(t, 0, WORDS_KEEPS_VERSION, NULL);
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
