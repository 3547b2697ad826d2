/*
 * tui-review.c: the review screen at the end of the questions (and for
 * complete interviews opened from the start screen): every relevant
 * question with its answer in the current language, section and member
 * headings between them. From here an answer is changed, the interview
 * marked complete, or left partial.
 */
#include "tui/tui-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "xmalloc.h"

#define REASON_MAX 200	/* characters of a reason for an edit */

struct build {
	struct tui *t;
	int section, member;
};

static struct tui_item *
add(struct tui *t)
{
	struct tui_item *it;

	xgrow((void **)&t->items, &t->items_cap, (size_t)t->nitems + 1,
	    sizeof *t->items);
	it = &t->items[t->nitems++];
	memset(it, 0, sizeof *it);
	return it;
}

/* Labels may hold line breaks; a review row is one line. */
static char *
one_line(const char *s)
{
	char *d = xstrdup(s), *p;

	for (p = d; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	return d;
}

static int
add_position(void *ctx, const struct qn_question *q, int member,
    const struct expr_value *v)
{
	struct build *bd = ctx;
	struct tui *t = bd->t;
	const struct questionnaire *qn = tui_qn(t);
	struct tui_item *it;
	struct buf b = BUF_INIT;

	if (q->type == QN_NOTE)
		return 0;
	if (q->section != bd->section || member != bd->member) {
		buf_adds(&b, tui_tr(t, qn->sections[q->section].title));
		if (member > 0) {
			buf_adds(&b, tui_glyph(t, TUI_G_DOT));
			tui_member_label(t, q->roster, member, &b);
		}
		it = add(t);
		it->heading = 1;
		it->text = one_line(buf_str(&b));
		buf_reset(&b);
		bd->section = q->section;
		bd->member = member;
	}
	it = add(t);
	it->q = q->index;
	it->member = member;
	it->required = q->required;
	tui_tr_pipe(t, q->label, member, &b);
	it->text = one_line(buf_str(&b));
	buf_reset(&b);
	it->given = v != NULL;
	/* Left empty on purpose: shown like a skipped optional question. */
	if (v != NULL && !(v->kind == EXPR_V_NULL &&
	    v->missing == EXPR_UNANSWERED)) {
		tui_format_answer(t, q, v, &b);
		it->answer = one_line(buf_str(&b));
	}
	buf_release(&b);
	return 0;
}

void
tui_review_release(struct tui *t)
{
	int i;

	for (i = 0; i < t->nitems; i++) {
		free(t->items[i].text);
		free(t->items[i].answer);
	}
	free(t->items);
	t->items = NULL;
	t->nitems = 0;
	t->items_cap = 0;
}

/* The list is rebuilt for every paint: answers, relevance and language
 * may all have changed since the last one. */
static void
build(struct tui *t)
{
	struct build bd = { t, -1, -1 };
	int i;

	for (i = 0; i < t->nitems; i++) {
		free(t->items[i].text);
		free(t->items[i].answer);
	}
	t->nitems = 0;
	interview_foreach(t->s.iv, add_position, &bd);
	if (t->rsel >= t->nitems)
		t->rsel = t->nitems - 1;
	if (t->rsel < 0)
		t->rsel = 0;
	while (t->rsel < t->nitems && t->items[t->rsel].heading)
		t->rsel++;
}

static int
step(const struct tui *t, int from, int dir)
{
	int i;

	for (i = from + dir; i >= 0 && i < t->nitems; i += dir)
		if (!t->items[i].heading)
			return i;
	return from;
}

/* The key help, for a partial or a complete interview; returns its
 * rows. */
static int
review_keys(const struct tui *t)
{
	static const struct tui_keyword partial[] = { { "Enter",
		WORDS_CHANGE }, { "c", WORDS_MARK_COMPLETE },
		{ "p", WORDS_LEAVE_PARTIAL }, { NULL, WORDS_MOVE },
		{ "F2", WORDS_LANGUAGE }, { "F10", WORDS_QUIT } };
	static const struct tui_keyword complete[] = { { "Enter",
		WORDS_CHANGE }, { "p", WORDS_BACK_TO_LIST },
		{ NULL, WORDS_MOVE }, { "F2", WORDS_LANGUAGE },
		{ "F10", WORDS_QUIT } };
	int rows = LINES >= 12 ? 2 : 1;

	if (t->was_complete)
		return tui_keys_table(t, complete, sizeof complete /
		    sizeof complete[0], rows);
	return tui_keys_table(t, partial, sizeof partial / sizeof partial[0],
	    rows);
}

/* "review · 5 of 7 answered · 1 required without an answer · en". */
static void
review_status(struct tui *t)
{
	const char *dot = tui_glyph(t, TUI_G_DOT);
	struct buf b = BUF_INIT;
	int i, answered = 0, missing = 0, n = 0;

	for (i = 0; i < t->nitems; i++) {
		if (t->items[i].heading)
			continue;
		n++;
		if (t->items[i].given)
			answered++;
		else if (t->items[i].required)
			missing++;
	}
	buf_addf(&b, "%s%s", tui_word(t, WORDS_REVIEW_STATUS), dot);
	words_fmtn(&b, tui_word(t, WORDS_N_ANSWERED), answered, n);
	if (missing > 0) {
		buf_adds(&b, dot);
		words_fmtn(&b, tui_word(t, words_plural(t->ui,
		    WORDS_N_MISSING, missing)), missing, 0);
	}
	buf_addf(&b, "%s%s", dot, tui_qn(t)->langs[t->lang]);
	tui_status(t, buf_str(&b));
	buf_release(&b);
}

void
tui_review_draw(struct tui *t)
{
	const struct questionnaire *qn = tui_qn(t);
	struct buf b = BUF_INIT;
	int i, nk, top, rows, x, w, lw, aw;

	build(t);
	buf_adds(&b, tui_word(t, WORDS_REVIEW_TITLE));
	buf_adds(&b, tui_glyph(t, TUI_G_DOT));
	buf_adds(&b, tui_tr(t, qn->title));
	tui_bar(t, 0, t->a.title, buf_str(&b), tui_word(t, t->was_complete ?
	    WORDS_COMPLETE : WORDS_PARTIAL));
	buf_release(&b);
	nk = review_keys(t);
	x = COLS >= 60 ? 2 : 1;
	w = COLS - 2 * x;
	top = 2;
	rows = LINES - 1 - nk - top;
	if (rows < 1)
		rows = 1;
	if (t->rsel < t->rtop)
		t->rtop = t->rsel;
	/* Keep the heading above the selection in view when it fits. */
	if (t->rsel > 0 && t->items[t->rsel - 1].heading &&
	    t->rsel - 1 < t->rtop)
		t->rtop = t->rsel - 1;
	if (t->rsel >= t->rtop + rows)
		t->rtop = t->rsel - rows + 1;
	if (t->rtop > t->nitems - rows)
		t->rtop = t->nitems - rows > 0 ? t->nitems - rows : 0;

	/* Labels get a bit more than half; answers the rest. */
	lw = (w - 2) * 11 / 20;
	aw = w - 2 - lw - 2;
	for (i = t->rtop; i < t->nitems && i < t->rtop + rows; i++) {
		const struct tui_item *it = &t->items[i];
		int y = top + i - t->rtop;

		if (it->heading) {
			attrset(t->a.head | A_UNDERLINE);
			tui_put_clip(t, y, x, it->text, w - 1);
			attrset(A_NORMAL);
			continue;
		}
		if (i == t->rsel) {
			attrset(t->a.sel);
			tui_fill(y, x - 1, w + 1);
		}
		tui_put_clip(t, y, x + 1, it->text, lw);
		if (it->answer != NULL)
			tui_put_clip(t, y, x + 1 + lw + 2, it->answer, aw);
		else {
			if (i != t->rsel)
				attrset(it->required && !it->given ? t->a.error :
				    t->a.hint);
			tui_put_clip(t, y, x + 1 + lw + 2, it->required &&
			    !it->given ? tui_word(t, WORDS_NO_ANSWER) :
			    tui_glyph(t, TUI_G_DASH), aw);
		}
		attrset(A_NORMAL);
	}
	if (t->rtop > 0)
		tui_put(top, COLS - 1, tui_glyph(t, TUI_G_UP), 1);
	if (t->rtop + rows < t->nitems)
		tui_put(top + rows - 1, COLS - 1, tui_glyph(t, TUI_G_DOWN), 1);

	review_status(t);
}

/* Goes to the question of the selected line, to change its answer. */
static void
change(struct tui *t)
{
	const struct tui_item *it = &t->items[t->rsel];

	if (interview_goto(t->s.iv, it->q, it->member) < 0) {
		tui_note_word(t, 1, WORDS_NO_LONGER_ASKED, NULL);
		return;
	}
	t->from_review = 1;
	t->screen = TUI_QUESTION;
}

static void
edit(struct tui *t)
{
	if (t->rsel >= t->nitems || t->items[t->rsel].heading)
		return;
	/* A complete interview is changed only for a reason, which the
	 * audit trail keeps with every change until it is complete again:
	 * ask for it first (the reason screen). */
	if (t->was_complete) {
		tui_edit_init(&t->reason, REASON_MAX);
		t->screen = TUI_REASON;
		return;
	}
	change(t);
}

static void
complete(struct tui *t)
{
	struct interview_pos miss;
	struct buf err = BUF_INIT;

	if (!interview_is_complete(t->s.iv, &miss)) {
		if (interview_goto(t->s.iv, miss.q, miss.member) == 0) {
			t->from_review = 1;
			t->screen = TUI_QUESTION;
			tui_question_sync(t);
			snprintf(t->err, sizeof t->err, "%s", tui_word(t,
			    WORDS_NEEDS_ANSWER_COMPLETE));
		}
		return;
	}
	if (session_set_status(&t->s, "complete", &err) < 0) {
		tui_note_word(t, 1, WORDS_CANNOT_COMPLETE, buf_str(&err));
		buf_release(&err);
		return;
	}
	tui_close_interview(t);
	tui_note_word(t, 0, WORDS_SAVED_COMPLETE, NULL);
}

void
tui_review_key(struct tui *t, const struct tui_key *k)
{
	int page = LINES > 8 ? LINES - 6 : 1, i;

	if (tui_key_enter(k)) {
		edit(t);
		return;
	}
	if (k->fn) {
		switch (k->ch) {
		case KEY_UP:
			t->rsel = step(t, t->rsel, -1);
			break;
		case KEY_DOWN:
			t->rsel = step(t, t->rsel, 1);
			break;
		case KEY_PPAGE:
			for (i = 0; i < page; i++)
				t->rsel = step(t, t->rsel, -1);
			break;
		case KEY_NPAGE:
			for (i = 0; i < page; i++)
				t->rsel = step(t, t->rsel, 1);
			break;
		case KEY_HOME:
			t->rsel = step(t, -1, 1);
			break;
		case KEY_END:
			t->rsel = step(t, t->nitems, -1);
			break;
		}
		return;
	}
	switch (k->ch) {
	case L'k':
		t->rsel = step(t, t->rsel, -1);
		break;
	case L'j':
		t->rsel = step(t, t->rsel, 1);
		break;
	case L'c':
	case L'C':
		if (!t->was_complete)
			complete(t);
		break;
	case L'p':
	case L'P':
		i = t->was_complete;
		tui_close_interview(t);
		tui_note_word(t, 0, i ? WORDS_CLOSED : WORDS_SAVED_PARTIAL,
		    NULL);
		break;
	}
}

/* ---- the reason for changing a complete interview ----------------------- */

void
tui_reason_draw(struct tui *t)
{
	static const struct tui_keyword keys[] = { { "Enter",
		WORDS_CHANGE_ANSWER }, { "Esc", WORDS_CANCEL },
		{ "F10", WORDS_QUIT } };
	const struct tui_item *it = t->rsel < t->nitems ? &t->items[t->rsel] :
	    NULL;
	struct tui_line l[4];
	struct buf b = BUF_INIT;
	int x = COLS >= 60 ? 3 : 1, w = COLS - x - 1, nk, y = 2, fw, col, i,
	    acc = 0, n;

	tui_bar(t, 0, t->a.title, tui_word(t, WORDS_REASON_TITLE),
	    tui_status_word(t, t->s.status));
	nk = tui_keys_table(t, keys, sizeof keys / sizeof keys[0],
	    LINES >= 12 ? 2 : 1);
	if (it != NULL && !it->heading && LINES >= 12) {
		words_fmt(&b, tui_word(t, WORDS_QUESTION_IS), it->text,
		    NULL);
		attrset(t->a.hint);
		tui_put_clip(t, y++, x, buf_str(&b), w);
		buf_reset(&b);
		words_fmt(&b, tui_word(t, WORDS_ANSWER_NOW),
		    it->answer != NULL ? it->answer : tui_glyph(t, TUI_G_DASH),
		    NULL);
		tui_put_clip(t, y++, x, buf_str(&b), w);
		attrset(A_NORMAL);
		y++;
	}
	buf_reset(&b);
	buf_adds(&b, tui_word(t, strcmp(t->s.status, "abandoned") == 0 ?
	    WORDS_WHY_ABANDONED : WORDS_WHY_COMPLETED));
	n = tui_wrap(buf_str(&b), w, l, 4);
	attrset(A_BOLD);
	for (i = 0; i < n && i < 4 && y < LINES - 2 - nk; i++)
		tui_putn(y++, x, buf_str(&b) + l[i].off, l[i].len, w);
	attrset(A_NORMAL);

	/* The editor: one line, scrolled to keep the cursor in view. */
	fw = w - 2;
	attrset(t->a.key);
	tui_put(y, x, tui_glyph(t, TUI_G_POINTER), 1);
	attrset(t->a.field);
	tui_fill(y, x + 2, fw);
	col = tui_edit_view(&t->reason, fw);
	for (i = t->reason.scroll; i < t->reason.len; i++) {
		int cw = tui_wcwidth(t->reason.s[i]);

		if (acc + cw > fw)
			break;
		acc += cw;
	}
	mvaddnwstr(y, x + 2, t->reason.s + t->reason.scroll,
	    i - t->reason.scroll);
	attrset(A_NORMAL);
	if (y + 2 < LINES - 1 - nk) {
		attrset(t->a.hint);
		tui_put_clip(t, y + 2, x, tui_word(t, WORDS_REASON_KEPT), w);
		attrset(A_NORMAL);
	}
	tui_status(t, tui_word(t, WORDS_REASON_STATUS));
	if (!t->confirm_quit) {
		curs_set(1);
		move(y, x + 2 + col);
	}
	buf_release(&b);
}

static void
give_reason(struct tui *t)
{
	char text[4 * TUI_EDIT_MAX + 1], *s, *e;
	struct buf err = BUF_INIT;

	tui_edit_utf8(&t->reason, text, sizeof text);
	for (s = text; *s == ' '; s++)
		;
	for (e = s + strlen(s); e > s && e[-1] == ' '; e--)
		;
	*e = '\0';
	if (*s == '\0') {
		tui_note_word(t, 1, WORDS_REASON_NEEDED, NULL);
		return;
	}
	if (session_reopen(&t->s, s, &err) < 0) {
		tui_note_word(t, 1, WORDS_CANNOT_REOPEN, buf_str(&err));
		buf_release(&err);
		return;
	}
	buf_release(&err);
	t->was_complete = 0;
	t->screen = TUI_REVIEW;
	tui_note_word(t, 0, WORDS_REOPENED, NULL);
	change(t);
}

static void
reason_too_long(struct tui *t)
{
	struct buf b = BUF_INIT;

	words_fmtn(&b, tui_word(t, WORDS_AT_MOST_CHARS), t->reason.max, 0);
	tui_set_note(t, 1, "%s", buf_str(&b));
	buf_release(&b);
}

void
tui_reason_key(struct tui *t, const struct tui_key *k)
{
	if (tui_key_enter(k)) {
		give_reason(t);
		return;
	}
	if (k->fn) {
		switch (k->ch) {
		case KEY_LEFT:
			tui_edit_left(&t->reason);
			break;
		case KEY_RIGHT:
			tui_edit_right(&t->reason);
			break;
		case KEY_HOME:
			tui_edit_home(&t->reason);
			break;
		case KEY_END:
			tui_edit_end(&t->reason);
			break;
		case KEY_BACKSPACE:
			tui_edit_backspace(&t->reason);
			break;
		case KEY_DC:
			tui_edit_delete(&t->reason);
			break;
		}
		return;
	}
	switch (k->ch) {
	case 27:	/* Esc: nothing changes */
		t->screen = TUI_REVIEW;
		tui_note_word(t, 0, WORDS_NO_CHANGE, NULL);
		return;
	case 127:
	case TUI_CTRL('h'):
		tui_edit_backspace(&t->reason);
		return;
	case TUI_CTRL('a'):
		tui_edit_home(&t->reason);
		return;
	case TUI_CTRL('e'):
		tui_edit_end(&t->reason);
		return;
	case TUI_CTRL('u'):
		tui_edit_init(&t->reason, t->reason.max);
		return;
	}
	if (tui_edit_insert(&t->reason, (wchar_t)k->ch) < 0 &&
	    t->reason.len >= t->reason.max)
		reason_too_long(t);
}
