/*
 * tui-question.c: the question screen — the label wrapped to the window,
 * the hint, and the input the question's type calls for: a list (single,
 * multiple, yes/no, rating), a line editor (integer, decimal, text, date)
 * or nothing (a note). Every answer goes through the session, so it is
 * in the store before the screen moves on; a refused answer leaves what
 * was typed in place, with the reason under it.
 */
#include "tui/tui-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "xmalloc.h"

#define TEXT_MAX 1000	/* characters of a text answer without max_length */
#define LABEL_MAXW 100	/* columns: longer lines are hard to read */
#define CHOICE_MAX_ROWS 4	/* a choice's label, wrapped, at most */

static int
is_list(const struct qn_question *q)
{
	return q->type == QN_SINGLE || q->type == QN_MULTIPLE ||
	    q->type == QN_YESNO || q->type == QN_RATING;
}

static int
edit_max(const struct qn_question *q)
{
	switch (q->type) {
	case QN_TEXT:
		return q->max_length > 0 ? q->max_length : TEXT_MAX;
	case QN_DATE:
		return 10;
	default:
		return 24;
	}
}

/*
 * Digit keys choose by code when every code is a single digit, so that
 * 5 on a rating is its code 5 and 0 is "no", as on the paper form;
 * otherwise by position, 1 to 9. The digit is printed by each choice
 * either way.
 */
static int
digits_are_codes(const struct qn_choice_list *l)
{
	int i;

	for (i = 0; i < l->nchoices; i++)
		if (l->codes[i] < 0 || l->codes[i] > 9)
			return 0;
	return 1;
}

static int
digit_choice(const struct qn_question *q, int d)
{
	const struct qn_choice_list *l = q->choices;
	int i;

	if (digits_are_codes(l)) {
		for (i = 0; i < l->nchoices; i++)
			if (l->codes[i] == d)
				return i;
		return -1;
	}
	return d >= 1 && d <= l->nchoices ? d - 1 : -1;
}

static void
choice_key(const struct qn_question *q, int i, char *out, size_t n)
{
	if (digits_are_codes(q->choices))
		snprintf(out, n, "%ld", q->choices->codes[i]);
	else if (i < 9)
		snprintf(out, n, "%d", i + 1);
	else
		out[0] = '\0';
}

void
tui_question_sync(struct tui *t)
{
	struct interview_pos p = interview_position(t->s.iv);
	const struct qn_question *q;
	const struct expr_value *v;
	struct buf b = BUF_INIT;
	long code;
	int i;

	if (t->qpos_valid && p.q == t->qpos.q && (p.q < 0 ||
	    p.member == t->qpos.member))
		return;
	t->qpos = p;
	t->qpos_valid = 1;
	t->err[0] = '\0';
	t->warned = 0;
	t->csel = t->ctop = 0;
	t->marks = 0;
	if (p.q < 0)
		return;
	q = &tui_qn(t)->questions[p.q];
	tui_edit_init(&t->ed, edit_max(q));
	v = interview_value(t->s.iv, p.q, p.member);
	if (v == NULL || v->kind == EXPR_V_NULL)
		return;
	if (is_list(q)) {
		if (v->kind == EXPR_V_SET) {
			t->marks = v->set;
			return;
		}
		code = v->kind == EXPR_V_BOOL ? v->num != 0 : (long)v->num;
		for (i = 0; i < q->choices->nchoices; i++)
			if (q->choices->codes[i] == code)
				t->csel = i;
		return;
	}
	/* The form answer_parse reads back, so Enter keeps the answer. */
	answer_format(q, v, -1, &b);
	tui_edit_set(&t->ed, buf_str(&b));
	buf_release(&b);
}

/* ---- drawing ---------------------------------------------------------- */

static int
wrap_alloc(const char *s, int width, struct tui_line **out)
{
	int n = tui_wrap(s, width, NULL, 0);

	*out = xcalloc((size_t)n, sizeof **out);
	tui_wrap(s, width, *out, n);
	return n;
}

/* Draws the first `shown` of n wrapped lines; "…" marks a cut. */
static void
draw_lines(const struct tui *t, const char *s, const struct tui_line *l,
    int n, int shown, int y, int x, int w)
{
	int i, used;

	for (i = 0; i < shown && i < n; i++) {
		if (i == shown - 1 && shown < n) {
			used = tui_putn(y + i, x, s + l[i].off, l[i].len, w - 1);
			tui_put(y + i, x + used, tui_glyph(t, TUI_G_ELLIPSIS), 1);
		} else
			tui_putn(y + i, x, s + l[i].off, l[i].len, w);
	}
}

/* What the editor takes, beside it: the format or the range. */
static void
format_hint(const struct tui *t, const struct qn_question *q, struct buf *b)
{
	char lo[32], hi[32];
	enum words_id w;

	if (q->type == QN_DATE) {
		buf_adds(b, tui_word(t, WORDS_HINT_DATE));
		return;
	}
	if (q->type == QN_TEXT) {
		if (q->max_length > 0)
			words_fmtn(b, tui_word(t, WORDS_HINT_UP_TO),
			    q->max_length, 0);
		return;
	}
	snprintf(lo, sizeof lo, "%.10g", q->min);
	snprintf(hi, sizeof hi, "%.10g", q->max);
	if (q->has_min && q->has_max)
		w = WORDS_HINT_RANGE;
	else if (q->has_min)
		w = WORDS_HINT_AT_LEAST;
	else if (q->has_max) {
		w = WORDS_HINT_AT_MOST;
		memcpy(lo, hi, sizeof lo);
	} else
		w = q->type == QN_INTEGER ? WORDS_HINT_WHOLE :
		    WORDS_HINT_DECIMAL;
	words_fmt(b, tui_word(t, w), lo, hi);
}

static void
draw_editor(struct tui *t, const struct qn_question *q, int y, int x, int w,
    int *cy, int *cx)
{
	struct buf hint = BUF_INIT;
	int fw, col, i, acc = 0, hw;

	/* As wide as the answer can be, plus the cursor's cell. */
	fw = q->type == QN_DATE ? 12 : q->type != QN_TEXT ? 18 :
	    q->max_length > 0 ? q->max_length + 1 : w - 2;
	if (fw > w - 2)
		fw = w - 2;
	attrset(t->a.key);
	tui_put(y, x, tui_glyph(t, TUI_G_POINTER), 1);
	attrset(t->a.field);
	tui_fill(y, x + 2, fw);
	col = tui_edit_view(&t->ed, fw);
	for (i = t->ed.scroll; i < t->ed.len; i++) {
		int cw = tui_wcwidth(t->ed.s[i]);

		if (acc + cw > fw)
			break;
		acc += cw;
	}
	mvaddnwstr(y, x + 2, t->ed.s + t->ed.scroll, i - t->ed.scroll);
	attrset(A_NORMAL);
	format_hint(t, q, &hint);
	hw = tui_text_width(buf_str(&hint), hint.len);
	if (hint.len > 0 && x + 2 + fw + 2 + hw <= x + w) {
		attrset(t->a.hint);
		tui_put(y, x + 2 + fw + 2, buf_str(&hint), hw);
		attrset(A_NORMAL);
	}
	buf_release(&hint);
	*cy = y;
	*cx = x + 2 + col;
}

/* Where a choice's label starts, from the list's left edge: pointer,
 * key, and the tick box of a multiple choice. */
static int
choice_indent(const struct qn_question *q)
{
	return 6 + (q->type == QN_MULTIPLE ? 4 : 0);
}

/* Columns a choice's label may use in a list w wide: the last two are
 * the scroll arrows'. */
static int
choice_width(const struct qn_question *q, int w)
{
	int lw = w - 2 - choice_indent(q);

	return lw < 1 ? 1 : lw;
}

/* Rows choice i takes: its label wrapped, never more than max (the rest
 * is cut with "…"), so one long label cannot hide the list. */
static int
choice_rows(const struct tui *t, const struct qn_question *q, int i, int w,
    int max)
{
	int n = tui_wrap(q->choices->choices[i].label[t->lang],
	    choice_width(q, w), NULL, 0);

	return n < max ? n : max;
}

/* Rows the whole list takes at width w, labels wrapped, with a blank
 * row between choices when gap. */
static int
list_rows(const struct tui *t, const struct qn_question *q, int w, int gap)
{
	int i, n = q->choices->nchoices, sum = 0;

	for (i = 0; i < n; i++)
		sum += choice_rows(t, q, i, w, CHOICE_MAX_ROWS);
	return sum + (gap ? n - 1 : 0);
}

/* Rows from choice a to b (inclusive), gaps between them included. */
static int
span_rows(const struct tui *t, const struct qn_question *q, int a, int b,
    int w, int gap)
{
	int i, sum = 0;

	for (i = a; i <= b; i++)
		sum += choice_rows(t, q, i, w, CHOICE_MAX_ROWS) + (i > a && gap);
	return sum;
}

/* Scrolls so that the selected choice is wholly shown and the window is
 * as full as the list allows. */
static void
list_scroll(struct tui *t, const struct qn_question *q, int w, int rows,
    int gap)
{
	int n = q->choices->nchoices;

	if (t->csel >= n)
		t->csel = n - 1;
	if (t->csel < t->ctop)
		t->ctop = t->csel;
	while (t->ctop < t->csel &&
	    span_rows(t, q, t->ctop, t->csel, w, gap) > rows)
		t->ctop++;
	while (t->ctop > 0 &&
	    span_rows(t, q, t->ctop - 1, n - 1, w, gap) <= rows)
		t->ctop--;
}

/* Draws choice i's key, tick box and label lines from row yy, at most
 * rows of them; a cut label ends with "…". */
static void
draw_choice(struct tui *t, const struct qn_question *q, int i, int yy,
    int x, int w, int rows)
{
	const char *label = q->choices->choices[i].label[t->lang];
	int cx = x + 2, lw = choice_width(q, w), k, nl;
	struct tui_line *ll;
	char key[16];

	if (i == t->csel) {
		attrset(t->a.sel);
		for (k = 0; k < rows; k++)
			tui_fill(yy + k, x, w);
		tui_put(yy, x, tui_glyph(t, TUI_G_POINTER), 1);
	}
	choice_key(q, i, key, sizeof key);
	tui_put(yy, cx + 2 - (int)strlen(key), key, 2);
	cx += 4;
	if (q->type == QN_MULTIPLE) {
		tui_put(yy, cx, t->marks & (UINT64_C(1) << i) ? "[x]" :
		    "[ ]", 3);
		cx += 4;
	}
	nl = wrap_alloc(label, lw, &ll);
	draw_lines(t, label, ll, nl, rows, yy, cx, lw);
	free(ll);
	attrset(A_NORMAL);
}

static void
draw_list(struct tui *t, const struct qn_question *q, int y, int x, int w,
    int rows)
{
	int n = q->choices->nchoices, i, yy, h;
	/* Large text: a blank row between choices when the whole list
	 * fits so, which no scrolling then needs. */
	int gap = t->large && list_rows(t, q, w, 1) <= rows;

	list_scroll(t, q, w, rows, gap);
	yy = y;
	for (i = t->ctop; i < n && yy < y + rows; i++) {
		h = choice_rows(t, q, i, w, CHOICE_MAX_ROWS);
		if (h > y + rows - yy)
			h = y + rows - yy;
		draw_choice(t, q, i, yy, x, w, h);
		yy += h + gap;
	}
	/* Arrows in the last column say the list goes on. */
	if (t->ctop > 0)
		tui_put(y, x + w - 1, tui_glyph(t, TUI_G_UP), 1);
	if (span_rows(t, q, t->ctop, n - 1, w, gap) > rows)
		tui_put(y + rows - 1, x + w - 1, tui_glyph(t, TUI_G_DOWN), 1);
}

/* A word of the key help where the respondent of a kiosk is spoken to
 * otherwise than the enumerator ("OK" rather than "submit"). */
static const char *
word(const struct tui *t, enum words_id enumerator,
    enum words_id kiosk)
{
	return tui_word(t, t->kiosk ? kiosk : enumerator);
}

/* The keys that work on this question, most useful first: at 40
 * columns only the first few fit. A kiosk respondent sees only the keys
 * that answer and go back, in the interview's language. */
static void
question_keys(const struct tui *t, const struct qn_question *q, int answered,
    const char **k, char *digits, size_t dsz)
{
	const struct qn_choice_list *l = q->choices;
	long lo, hi;
	int n = 0, i;

	if (t->warned) {
		k[n++] = "Enter";
		k[n++] = tui_word(t, WORDS_KEEP);
	} else if (q->type == QN_NOTE) {
		k[n++] = "Enter";
		k[n++] = tui_word(t, WORDS_CONTINUE);
	} else if (q->type == QN_MULTIPLE) {
		k[n++] = "Space";
		k[n++] = tui_word(t, WORDS_TICK);
		k[n++] = "Enter";
		k[n++] = word(t, WORDS_CONFIRM, WORDS_K_OK);
	} else if (is_list(q)) {
		k[n++] = "Enter";
		k[n++] = word(t, WORDS_SELECT, WORDS_K_OK);
	} else {
		k[n++] = "Enter";
		k[n++] = word(t, WORDS_SUBMIT, WORDS_K_OK);
	}
	if (is_list(q)) {
		k[n++] = tui_glyph(t, TUI_G_UPDOWN);
		k[n++] = tui_word(t, WORDS_MOVE);
		if (digits_are_codes(l)) {
			lo = hi = l->codes[0];
			for (i = 1; i < l->nchoices; i++) {
				lo = l->codes[i] < lo ? l->codes[i] : lo;
				hi = l->codes[i] > hi ? l->codes[i] : hi;
			}
			snprintf(digits, dsz, "%ld-%ld", lo, hi);
		} else
			snprintf(digits, dsz, "1-%d", l->nchoices < 9 ?
			    l->nchoices : 9);
		k[n++] = digits;
		k[n++] = tui_word(t, WORDS_CHOOSE);
	}
	if (q->allow_dont_know) {
		k[n++] = "F8";
		k[n++] = word(t, WORDS_DONT_KNOW, WORDS_K_DONT_KNOW);
	}
	if (q->allow_refused) {
		k[n++] = "F9";
		k[n++] = word(t, WORDS_REFUSED, WORDS_K_REFUSED);
	}
	k[n++] = "PgUp";
	k[n++] = tui_word(t, WORDS_BACK);
	if (!t->kiosk) {
		if (answered || !q->required) {
			k[n++] = "PgDn";
			k[n++] = tui_word(t, WORDS_NEXT);
		}
		k[n++] = "F4";
		k[n++] = tui_word(t, WORDS_REVIEW);
		k[n++] = "F2";
		k[n++] = tui_word(t, WORDS_LANGUAGE);
		k[n++] = "F10";
		k[n++] = tui_word(t, WORDS_QUIT);
	}
	k[n] = k[n + 1] = NULL;
}

static void
draw_status(struct tui *t, const struct qn_question *q)
{
	const struct questionnaire *qn = tui_qn(t);
	const char *dot = tui_glyph(t, TUI_G_DOT);
	struct interview_progress p;
	struct buf b = BUF_INIT;

	interview_progress(t->s.iv, &p);
	words_fmtn(&b, word(t, WORDS_QUESTION_N, WORDS_K_QUESTION_N),
	    p.index, p.total);
	buf_addf(&b, "%s%s", dot, tui_tr(t, qn->sections[q->section].title));
	if (q->roster) {
		buf_adds(&b, dot);
		words_fmtn(&b, tui_word(t, WORDS_MEMBER_N), p.member,
		    p.nmembers);
	}
	buf_addf(&b, "%s%s", dot, qn->langs[t->lang]);
	tui_status(t, buf_str(&b));
	buf_release(&b);
}

void
tui_question_draw(struct tui *t)
{
	const struct questionnaire *qn = tui_qn(t);
	const struct qn_question *q;
	const struct expr_value *v;
	const char *keys[40], *label, *hint = NULL;
	char digits[32];
	struct tui_line *ll = NULL, *hl = NULL;
	struct buf b = BUF_INIT, lb = BUF_INIT, hb = BUF_INIT;
	int member, x, w, nk, top, bottom, avail, nl, nh = 0, in_need, in_min,
	    lab, hnt, gap, in_rows, y, cy = -1, cx = 0;

	tui_question_sync(t);
	if ((q = interview_current(t->s.iv, &member)) == NULL) {
		t->screen = TUI_REVIEW;
		tui_review_draw(t);
		return;
	}
	v = interview_value(t->s.iv, q->index, member);
	tui_bar(t, 0, t->a.title, tui_tr(t, qn->title),
	    tui_tr(t, qn->sections[q->section].title));

	x = COLS >= 60 ? 3 : 1;
	w = COLS - x - 1;
	if (w > LABEL_MAXW)
		w = LABEL_MAXW;
	if (q->roster) {
		tui_member_label(t, q->roster, member, &lb);
		words_fmt(&b, tui_word(t, WORDS_QUESTIONS_ABOUT),
		    buf_str(&lb), NULL);
		buf_reset(&lb);
		attrset(t->a.head);
		tui_put_clip(t, 1, x, buf_str(&b), w);
		attrset(A_NORMAL);
	}

	question_keys(t, q, v != NULL, keys, digits, sizeof digits);
	nk = tui_keys(t, keys, LINES >= 24 ? 3 : LINES >= 12 ? 2 : 1);
	draw_status(t, q);

	/* The body: label, hint, input, message; the label yields last. */
	top = 2 + (LINES >= 20);
	bottom = LINES - 1 - nk - (LINES >= 20);
	avail = bottom - top;
	tui_tr_pipe(t, q->label, member, &lb);
	label = buf_str(&lb);
	if (q->hint != NULL) {
		tui_tr_pipe(t, q->hint, member, &hb);
		hint = buf_str(&hb);
	}
	nl = wrap_alloc(label, w, &ll);
	if (hint != NULL)
		nh = wrap_alloc(hint, w, &hl);
	in_need = is_list(q) ? list_rows(t, q, w, t->large) : 1;
	in_min = in_need < 3 ? in_need : 3;
	lab = avail - in_min - 1;
	lab = lab < 1 ? 1 : lab > nl ? nl : lab;
	hnt = avail - lab - in_min - 1 - 1;
	hnt = hnt < 0 ? 0 : hnt > nh ? nh : hnt;
	gap = avail - lab - hnt - in_need - 1 >= 1 ? 1 : 0;
	in_rows = avail - lab - hnt - gap - 1;
	in_rows = in_rows < 1 ? 1 : in_rows > in_need ? in_need : in_rows;

	y = top;
	attrset(A_BOLD);
	draw_lines(t, label, ll, nl, lab, y, x, w);
	y += lab;
	attrset(t->a.hint);
	draw_lines(t, hint, hl, nh, hnt, y, x, w);
	attrset(A_NORMAL);
	y += hnt + gap;
	if (q->type == QN_NOTE) {
		attrset(t->a.hint);
		tui_put_clip(t, y, x, tui_word(t, WORDS_PRESS_ENTER), w);
		attrset(A_NORMAL);
	} else if (is_list(q))
		draw_list(t, q, y, x, w, in_rows);
	else
		draw_editor(t, q, y, x, w, &cy, &cx);
	y += in_rows;
	if (t->err[0] != '\0' && t->warned) {
		buf_reset(&b);
		buf_addf(&b, "%s%s%s", t->err, tui_glyph(t, TUI_G_DOT),
		    tui_word(t, WORDS_ENTER_KEEPS));
		attrset(t->a.warn);
		tui_put_clip(t, y, x, buf_str(&b), w);
	} else if (t->err[0] != '\0') {
		attrset(t->a.error);
		tui_put_clip(t, y, x, t->err, w);
	} else if (v != NULL && v->kind == EXPR_V_NULL &&
	    v->missing != EXPR_UNANSWERED) {
		struct buf ans = BUF_INIT;

		tui_format_answer(t, q, v, &ans);
		buf_reset(&b);
		words_fmt(&b, tui_word(t, WORDS_ANSWER_GIVEN), buf_str(&ans),
		    NULL);
		buf_release(&ans);
		attrset(t->a.hint);
		tui_put_clip(t, y, x, buf_str(&b), w);
	}
	attrset(A_NORMAL);
	free(ll);
	free(hl);
	buf_release(&b);
	buf_release(&lb);
	buf_release(&hb);
	/* The cursor last: the line editor's caret, else hidden. */
	if (cy >= 0 && !t->confirm_quit) {
		curs_set(1);
		move(cy, cx);
	}
}

/* ---- keys ------------------------------------------------------------- */

/* The message under the input: entry w, n in its "{1}". */
static void
set_err(struct tui *t, enum words_id w, long n)
{
	struct buf b = BUF_INIT;

	words_fmtn(&b, tui_word(t, w), n, 0);
	snprintf(t->err, sizeof t->err, "%s", buf_str(&b));
	buf_release(&b);
}

/* After an answer: on, or back to the review screen when the edit began
 * there — unless the change made a required question appear, which is
 * then asked first. */
static void
moved(struct tui *t)
{
	const struct qn_question *q;
	int m;

	if (t->from_review) {
		q = interview_current(t->s.iv, &m);
		if (q != NULL && q->type != QN_NOTE && q->required &&
		    interview_value(t->s.iv, q->index, m) == NULL)
			return;
		t->from_review = 0;
		t->screen = TUI_REVIEW;
		return;
	}
	tui_show_current(t);
}

/* What an answer call returned: 0 saved (move on), -1 refused, 1 a
 * soft check's warning, kept on screen until Enter confirms it. */
static void
answered(struct tui *t, int rc, struct buf *err)
{
	t->warned = rc == 1;
	if (rc == INTERVIEW_UNSAVED && t->kiosk)
		tui_kiosk_fault(t);
	else if (rc != 0)
		snprintf(t->err, sizeof t->err, "%s", buf_str(err));
	buf_release(err);
	if (rc == 0)
		moved(t);
}

static void
submit(struct tui *t, const char *text)
{
	struct buf err = BUF_INIT;

	answered(t, session_answer_text(&t->s, text, &err), &err);
}

static void
confirm(struct tui *t)
{
	struct buf err = BUF_INIT;

	answered(t, session_confirm(&t->s, &err), &err);
}

static void
missing(struct tui *t, const struct qn_question *q, enum expr_missing m)
{
	struct expr_value v;
	struct buf err = BUF_INIT;

	if (m == EXPR_DONT_KNOW && !q->allow_dont_know) {
		set_err(t, WORDS_NO_DONT_KNOW, 0);
		return;
	}
	if (m == EXPR_REFUSED && !q->allow_refused) {
		set_err(t, WORDS_NO_REFUSED, 0);
		return;
	}
	/* As a value, not as typed text: "dk" typed into a text question
	 * is that text. */
	memset(&v, 0, sizeof v);
	v.kind = EXPR_V_NULL;
	v.missing = m;
	answered(t, session_answer_value(&t->s, &v, &err), &err);
}

static void
submit_list(struct tui *t, const struct qn_question *q)
{
	struct buf b = BUF_INIT;
	int i;

	if (q->type == QN_MULTIPLE) {
		for (i = 0; i < q->choices->nchoices; i++)
			if (t->marks & (UINT64_C(1) << i))
				buf_addf(&b, "%s%ld", b.len ? " " : "",
				    q->choices->codes[i]);
	} else
		buf_addf(&b, "%ld", q->choices->codes[t->csel]);
	submit(t, buf_str(&b));
	buf_release(&b);
}

static void
back(struct tui *t)
{
	if (interview_back(t->s.iv) < 0)
		set_err(t, WORDS_FIRST_QUESTION, 0);
}

static void
list_key(struct tui *t, const struct qn_question *q, const struct tui_key *k)
{
	int n = q->choices->nchoices, i;

	if (tui_key_enter(k)) {
		submit_list(t, q);
		return;
	}
	if (k->fn) {
		switch (k->ch) {
		case KEY_UP:
			if (t->csel > 0)
				t->csel--;
			break;
		case KEY_DOWN:
			if (t->csel + 1 < n)
				t->csel++;
			break;
		case KEY_HOME:
			t->csel = 0;
			break;
		case KEY_END:
			t->csel = n - 1;
			break;
		case KEY_LEFT:
			back(t);
			break;
		}
		return;
	}
	if (k->ch == L'k' && t->csel > 0)
		t->csel--;
	else if (k->ch == L'j' && t->csel + 1 < n)
		t->csel++;
	else if (k->ch == L' ' && q->type == QN_MULTIPLE)
		t->marks ^= UINT64_C(1) << t->csel;
	else if (k->ch >= L'0' && k->ch <= L'9') {
		if ((i = digit_choice(q, (int)(k->ch - L'0'))) < 0) {
			set_err(t, WORDS_NO_CHOICE, (long)(k->ch - L'0'));
			return;
		}
		t->err[0] = '\0';
		t->csel = i;
		if (q->type == QN_MULTIPLE)
			t->marks ^= UINT64_C(1) << i;
		else
			submit_list(t, q);
	}
}

static void
edit_key(struct tui *t, const struct tui_key *k)
{
	char text[4 * TUI_EDIT_MAX + 1];

	if (tui_key_enter(k)) {
		tui_edit_utf8(&t->ed, text, sizeof text);
		submit(t, text);
		return;
	}
	if (k->fn) {
		switch (k->ch) {
		case KEY_LEFT:
			tui_edit_left(&t->ed);
			break;
		case KEY_RIGHT:
			tui_edit_right(&t->ed);
			break;
		case KEY_HOME:
			tui_edit_home(&t->ed);
			break;
		case KEY_END:
			tui_edit_end(&t->ed);
			break;
		case KEY_BACKSPACE:
			tui_edit_backspace(&t->ed);
			break;
		case KEY_DC:
			tui_edit_delete(&t->ed);
			break;
		}
		return;
	}
	switch (k->ch) {
	case 127:
	case TUI_CTRL('h'):
		tui_edit_backspace(&t->ed);
		return;
	case TUI_CTRL('a'):
		tui_edit_home(&t->ed);
		return;
	case TUI_CTRL('e'):
		tui_edit_end(&t->ed);
		return;
	case TUI_CTRL('u'):
		tui_edit_init(&t->ed, t->ed.max);
		return;
	}
	if (tui_edit_insert(&t->ed, (wchar_t)k->ch) < 0 &&
	    t->ed.len >= t->ed.max)
		set_err(t, WORDS_AT_MOST_CHARS, t->ed.max);
}

void
tui_question_key(struct tui *t, const struct tui_key *k)
{
	const struct qn_question *q;
	int member;

	tui_question_sync(t);
	if ((q = interview_current(t->s.iv, &member)) == NULL) {
		t->screen = TUI_REVIEW;
		return;
	}
	/* A warning stands until Enter keeps the answer or a key changes
	 * something; that key then does what it always does. */
	if (t->warned) {
		if (tui_key_enter(k)) {
			confirm(t);
			return;
		}
		t->warned = 0;
		t->err[0] = '\0';
	}
	if ((k->fn && k->ch == KEY_PPAGE) || (!k->fn && k->ch ==
	    TUI_CTRL('b'))) {
		back(t);
		return;
	}
	if ((k->fn && k->ch == KEY_NPAGE) || (!k->fn && k->ch ==
	    TUI_CTRL('f'))) {
		if (interview_next(t->s.iv) < 0)
			set_err(t, WORDS_NEEDS_ANSWER, 0);
		else
			tui_show_current(t);
		return;
	}
	if (k->fn && k->ch == KEY_F(4) && !t->kiosk) {
		t->from_review = 0;
		t->screen = TUI_REVIEW;
		return;
	}
	if ((k->fn && k->ch == KEY_F(8)) || (!k->fn && k->ch ==
	    TUI_CTRL('d'))) {
		missing(t, q, EXPR_DONT_KNOW);
		return;
	}
	if ((k->fn && k->ch == KEY_F(9)) || (!k->fn && k->ch ==
	    TUI_CTRL('r'))) {
		missing(t, q, EXPR_REFUSED);
		return;
	}
	if (q->type == QN_NOTE) {
		if (tui_key_enter(k))
			submit(t, "");
		return;
	}
	if (is_list(q))
		list_key(t, q, k);
	else
		edit_key(t, k);
}
