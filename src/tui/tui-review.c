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
		answer_format(q, v, t->lang, &b);
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

void
tui_review_draw(struct tui *t)
{
	static const char *const keys_partial[] = { "Enter", "change", "c",
		"mark complete", "p", "leave partial", NULL, "move", "F2",
		"language", "F10", "quit", NULL, NULL };
	static const char *const keys_complete[] = { "Enter", "change", "p",
		"back to the list", NULL, "move", "F2", "language", "F10",
		"quit", NULL, NULL };
	const char *k[16];
	const struct questionnaire *qn = tui_qn(t);
	struct buf b = BUF_INIT;
	int i, nk, top, rows, x, w, lw, aw, answered = 0, missing = 0, n = 0;

	build(t);
	buf_adds(&b, "Review");
	buf_adds(&b, tui_glyph(t, TUI_G_DOT));
	buf_adds(&b, tui_tr(t, qn->title));
	tui_bar(t, 0, t->a.title, buf_str(&b), t->was_complete ? "complete" :
	    "partial");

	if (t->was_complete)
		memcpy(k, keys_complete, sizeof keys_complete);
	else
		memcpy(k, keys_partial, sizeof keys_partial);
	for (i = 0; k[i] != NULL || k[i + 1] != NULL; i += 2)
		if (k[i] == NULL)
			k[i] = tui_glyph(t, TUI_G_UPDOWN);
	nk = tui_keys(t, k, LINES >= 12 ? 2 : 1);

	for (i = 0; i < t->nitems; i++) {
		if (t->items[i].heading)
			continue;
		n++;
		if (t->items[i].given)
			answered++;
		else if (t->items[i].required)
			missing++;
	}
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
			    !it->given ? "(no answer)" : tui_glyph(t, TUI_G_DASH),
			    aw);
		}
		attrset(A_NORMAL);
	}
	if (t->rtop > 0)
		tui_put(top, COLS - 1, tui_glyph(t, TUI_G_UP), 1);
	if (t->rtop + rows < t->nitems)
		tui_put(top + rows - 1, COLS - 1, tui_glyph(t, TUI_G_DOWN), 1);

	buf_reset(&b);
	buf_addf(&b, "review%s%d of %d answered", tui_glyph(t, TUI_G_DOT),
	    answered, n);
	if (missing > 0)
		buf_addf(&b, "%s%d required without an answer",
		    tui_glyph(t, TUI_G_DOT), missing);
	buf_addf(&b, "%s%s", tui_glyph(t, TUI_G_DOT), qn->langs[t->lang]);
	tui_status(t, buf_str(&b));
	buf_release(&b);
}

/* Goes to the question of the selected line, to change its answer. */
static void
change(struct tui *t)
{
	const struct tui_item *it = &t->items[t->rsel];

	if (interview_goto(t->s.iv, it->q, it->member) < 0) {
		tui_set_note(t, 1, "that question is no longer asked");
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
			snprintf(t->err, sizeof t->err, "this question needs an "
			    "answer before the interview is complete");
		}
		return;
	}
	if (session_set_status(&t->s, "complete", &err) < 0) {
		tui_set_note(t, 1, "cannot mark the interview complete: %s",
		    buf_str(&err));
		buf_release(&err);
		return;
	}
	tui_close_interview(t);
	tui_set_note(t, 0, "interview complete and saved");
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
		tui_set_note(t, 0, i ? "interview closed" :
		    "interview saved as partial");
		break;
	}
}

/* ---- the reason for changing a complete interview ----------------------- */

void
tui_reason_draw(struct tui *t)
{
	static const char *const keys[] = { "Enter", "change the answer",
		"Esc", "cancel", "F10", "quit", NULL, NULL };
	const struct tui_item *it = t->rsel < t->nitems ? &t->items[t->rsel] :
	    NULL;
	struct tui_line l[4];
	struct buf b = BUF_INIT;
	int x = COLS >= 60 ? 3 : 1, w = COLS - x - 1, nk, y = 2, fw, col, i,
	    acc = 0, n;

	tui_bar(t, 0, t->a.title, "Change a completed interview",
	    t->s.status);
	nk = tui_keys(t, keys, LINES >= 12 ? 2 : 1);
	if (it != NULL && !it->heading && LINES >= 12) {
		buf_addf(&b, "Question: %s", it->text);
		attrset(t->a.hint);
		tui_put_clip(t, y++, x, buf_str(&b), w);
		buf_reset(&b);
		buf_addf(&b, "Answer now: %s", it->answer != NULL ? it->answer :
		    tui_glyph(t, TUI_G_DASH));
		tui_put_clip(t, y++, x, buf_str(&b), w);
		attrset(A_NORMAL);
		y++;
	}
	buf_reset(&b);
	buf_addf(&b, "Why are you changing this %s interview?",
	    strcmp(t->s.status, "abandoned") == 0 ? "abandoned" : "completed");
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
		tui_put_clip(t, y + 2, x, "The reason is kept in the interview's "
		    "audit trail with every change until it is complete again.",
		    w);
		attrset(A_NORMAL);
	}
	tui_status(t, "reason for the change");
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
		tui_set_note(t, 1, "a reason is needed to change a completed "
		    "interview (Esc cancels)");
		return;
	}
	if (session_reopen(&t->s, s, &err) < 0) {
		tui_set_note(t, 1, "cannot reopen the interview: %s",
		    buf_str(&err));
		buf_release(&err);
		return;
	}
	buf_release(&err);
	t->was_complete = 0;
	t->screen = TUI_REVIEW;
	tui_set_note(t, 0, "interview reopened: mark it complete again when "
	    "done");
	change(t);
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
		tui_set_note(t, 0, "no change: the interview stays complete");
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
		tui_set_note(t, 1, "at most %d characters", t->reason.max);
}
