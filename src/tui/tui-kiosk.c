/*
 * tui-kiosk.c: the unattended kiosk. A respondent goes welcome (language)
 * -> consent -> questions -> thanks, and the screen goes back to welcome,
 * wiped, for the next person; nobody can reach an earlier respondent's
 * answers or leave the program. The question screen is the enumerator's
 * (tui-question.c) with t->kiosk set, so both ask, check and store
 * answers the same way.
 *
 * One loop, no threads: get_wch() waits at most a tick, so the idle
 * timer, the "are you still there?" countdown, the thanks screen's
 * timeout and the wrong-PIN delay all advance from the same place.
 */
#include "tui/tui-kiosk.h"
#include "tui/tui-int.h"

#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>

#include "sec.h"
#include "xmalloc.h"

#define TICK_MS 250		/* how often the clocks on screen move */
#define THANKS_SECS 10		/* the thanks screen, unless a key ends it */
#define STAFF_IDLE_MIN 30	/* PIN prompt and staff menu close after
				   max(idle, this) seconds without a key */
#define CHORD_SECS 3		/* Ctrl-A, then Ctrl-K within this */
#define PIN_MIN 4
#define PIN_MAX 12
#define PIN_DELAY_MAX 30	/* seconds, the longest wrong-PIN wait */

/* SIGTERM (shutdown) and SIGHUP (the terminal went away). */
static volatile sig_atomic_t kiosk_signalled;

static void
on_signal(int sig)
{
	(void)sig;
	kiosk_signalled = 1;
}

/* ---- state ------------------------------------------------------------ */

enum kiosk_screen { K_WELCOME, K_CONSENT, K_QUESTION, K_THANKS, K_DECLINED };

struct kiosk {
	const struct tui_kiosk_options *o;
	struct tui_options topt;	/* what the question screen reads */
	struct tui t;			/* the question screen's state */
	enum kiosk_screen screen;
	int end;			/* set: leave the loop with this + 1 */
	int wipe;			/* the next paint clears the terminal */
	double now, last_key;		/* session_clock() seconds */

	int wsel;			/* welcome: the highlighted language */
	int ctop;			/* consent: first line shown */
	int cmax;			/* consent: largest useful ctop */
	double shown_at;		/* thanks: when it was shown */

	int asking;			/* "are you still there?" is up */
	double asked_at;

	int chord;			/* Ctrl-A seen at chord_at */
	double chord_at;
	int pin_open;			/* the staff PIN prompt is up */
	char pin[PIN_MAX + 1];
	int pinlen;
	int fails;			/* wrong PINs in a row */
	double locked_until;		/* no PIN is taken before this */
	int menu_open;			/* the staff menu is up */
	int counts[3], counts_ok;	/* today's interviews, when opened */
	char msg[160];			/* a line for staff on the PIN prompt */
	int staff;			/* the staff's language (words.h) */
};

/* The respondent's language is the questionnaire's they chose; what
 * the catalogue lacks of it is English. It is also the language their
 * answers are refused in. */
static void
speak_respondent(struct kiosk *k)
{
	k->t.ui = words_lang(k->o->qn->langs[k->t.lang]);
	if (k->t.in_session)
		session_set_words(&k->t.s, k->t.ui);
}

/* The kiosk's sentence w in the respondent's language. */
static const char *
kw(const struct kiosk *k, enum words_id w)
{
	return tui_word(&k->t, w);
}

/* The staff screens' sentence w: staff read the device's language. */
static const char *
sw(const struct kiosk *k, enum words_id w)
{
	return words_get(k->staff, w);
}

/* Forgets everything of the respondent: the answer being typed, the
 * messages, where the question screen was (not the language: the thanks
 * screen still speaks it). */
static void
forget_respondent(struct kiosk *k)
{
	struct tui *t = &k->t;

	sec_wipe(&t->ed, sizeof t->ed);
	tui_edit_init(&t->ed, 1);
	memset(t->err, 0, sizeof t->err);
	memset(t->note, 0, sizeof t->note);
	t->warned = 0;
	t->qpos_valid = 0;
	t->csel = t->ctop = 0;
	t->marks = 0;
	k->ctop = 0;
	k->asking = 0;
}

/* Ends the open interview, if any, as abandoned (everything answered is
 * already stored). */
static void
abandon(struct kiosk *k)
{
	struct buf err = BUF_INIT;

	if (!k->t.in_session)
		return;
	/* A failure leaves it partial, which is what it is anyway: the
	 * next respondent must not wait on it. */
	(void)session_set_status(&k->t.s, "abandoned", &err);
	buf_release(&err);
	session_end(&k->t.s);
	k->t.in_session = 0;
}

static void
to_welcome(struct kiosk *k)
{
	abandon(k);
	forget_respondent(k);
	k->t.lang = k->wsel = k->o->lang;
	speak_respondent(k);
	k->screen = K_WELCOME;
	k->wipe = 1;
}

static void
show(struct kiosk *k, enum kiosk_screen s)
{
	k->screen = s;
	k->shown_at = k->now;
	if (s == K_THANKS || s == K_DECLINED)
		k->wipe = 1;
}

static void
begin_interview(struct kiosk *k)
{
	struct tui *t = &k->t;
	struct buf err = BUF_INIT;

	if (session_begin(&t->s, k->o->st, k->o->qn, "kiosk", NULL, t->lang,
	    &err) < 0) {
		/* Shown on the welcome screen: staff will see it. */
		tui_note_word(t, 1, WORDS_CANNOT_START, buf_str(&err));
		buf_release(&err);
		k->screen = K_WELCOME;
		return;
	}
	buf_release(&err);
	t->in_session = 1;
	speak_respondent(k);
	t->qpos_valid = 0;
	t->screen = TUI_QUESTION;
	k->screen = K_QUESTION;
}

static void
choose_language(struct kiosk *k, int lang)
{
	k->t.lang = lang;
	speak_respondent(k);
	k->t.note[0] = '\0';
	k->ctop = 0;
	if (k->o->qn->consent != NULL)
		k->screen = K_CONSENT;
	else
		begin_interview(k);
}

/* After each key on the question screen: at the end of the questions
 * the interview is complete. */
static void
after_question(struct kiosk *k)
{
	struct tui *t = &k->t;
	struct interview_pos miss;
	struct buf err = BUF_INIT;

	t->screen = TUI_QUESTION;
	if (interview_current(t->s.iv, NULL) != NULL)
		return;
	if (!interview_is_complete(t->s.iv, &miss)) {
		/* Cannot happen through the keys the kiosk takes; go to
		 * the question rather than end a respondent's interview
		 * as partial. */
		interview_goto(t->s.iv, miss.q, miss.member);
		return;
	}
	if (session_set_status(&t->s, "complete", &err) < 0) {
		tui_kiosk_fault(t);
		buf_release(&err);
		interview_back(t->s.iv);
		return;
	}
	buf_release(&err);
	session_end(&t->s);
	t->in_session = 0;
	forget_respondent(k);
	show(k, K_THANKS);
}

/*
 * A respondent cannot do anything about a full disk, and should not read
 * file names and SQLite's English: they are asked, in their language, to
 * fetch staff, who find the store's own message (the file, what failed)
 * on the staff menu.
 */
void
tui_kiosk_fault(struct tui *t)
{
	snprintf(t->err, sizeof t->err, "%s", tui_word(t, WORDS_K_NOT_SAVED));
	snprintf(t->fault, sizeof t->fault, "%s", store_errmsg(t->s.st));
}

/* ---- drawing ---------------------------------------------------------- */

/* Wraps s to w columns from row y, at most rows rows (skipping the first
 * skip lines); returns the rows used. */
static int
para(const char *s, int y, int x, int w, int skip, int rows)
{
	struct tui_line *l;
	int n, i, used = 0;

	if (s == NULL || w < 1 || rows < 1)
		return 0;
	n = tui_wrap(s, w, NULL, 0);
	l = xcalloc((size_t)n, sizeof *l);
	tui_wrap(s, w, l, n);
	for (i = skip; i < n && used < rows; i++, used++)
		tui_putn(y + used, x, s + l[i].off, l[i].len, w);
	free(l);
	return used;
}

static int
para_lines(const char *s, int w)
{
	return s == NULL || w < 1 ? 0 : tui_wrap(s, w, NULL, 0);
}

static int
margin(void)
{
	return COLS >= 60 ? 3 : 1;
}

static int
text_width(void)
{
	int w = COLS - 2 * margin();

	return w > 100 ? 100 : w;
}

/* Rows the key help may take: a second one only on a tall screen. */
static int
key_rows(void)
{
	return LINES >= 24 ? 2 : 1;
}

/*
 * The terminal is wiped when a respondent's turn ends: curses forgets
 * what it believes is on screen (clearok), so the whole screen is
 * rewritten, and terminals that keep a scrollback and say how to clear it
 * (terminfo E3: xterm, the Linux console, tmux) are told to. The
 * interview screens use the alternate screen where there is one, so
 * nothing of them goes to scrollback in the first place.
 */
static void
wipe_terminal(void)
{
	const char *e3;

	clear();
	clearok(curscr, TRUE);
	refresh();
	e3 = tigetstr("E3");
	if (e3 != NULL && e3 != (const char *)-1) {
		putp(e3);
		fflush(stdout);
	}
}

static void
draw_welcome(struct kiosk *k)
{
	const struct questionnaire *qn = k->o->qn;
	struct tui *t = &k->t;
	struct buf b = BUF_INIT;
	char digits[16];
	const char *keys[8];
	int x = margin(), tw = text_width(), y, i, nk, step, bottom, top;

	t->lang = k->wsel;
	speak_respondent(k);
	tui_bar(t, 0, t->a.title, tui_tr(t, qn->title), NULL);
	/* "Welcome" in each language, so everyone finds theirs. */
	for (i = 0; i < qn->nlang; i++) {
		const char *wel = words_get(words_lang(qn->langs[i]),
		    WORDS_K_WELCOME);

		if (strstr(buf_str(&b), wel) == NULL)
			buf_addf(&b, "%s%s", b.len ? "  ·  " : "", wel);
	}
	y = 2;
	attrset(A_BOLD);
	y += para(buf_str(&b), y, x, tw, 0, 3) + 1;
	attrset(A_NORMAL);
	snprintf(digits, sizeof digits, "1-%d", qn->nlang < 9 ? qn->nlang : 9);
	keys[0] = digits;
	keys[1] = kw(k, WORDS_K_CHOOSE_LANG);
	keys[2] = tui_glyph(t, TUI_G_UPDOWN);
	keys[3] = kw(k, WORDS_MOVE);
	keys[4] = "Enter";
	keys[5] = kw(k, WORDS_K_START);
	keys[6] = keys[7] = NULL;
	nk = tui_keys(t, keys, key_rows());
	tui_status(t, "");
	attrset(t->a.head);
	y += para(kw(k, WORDS_K_CHOOSE_LANG), y, x, tw, 0, 2) + 1;
	attrset(A_NORMAL);
	bottom = LINES - 2 - nk;
	step = k->t.large && y + 2 * qn->nlang - 1 <= bottom ? 2 : 1;
	/* More languages than rows: keep the highlighted one in view. */
	top = 0;
	if ((k->wsel + 1) * step > bottom - y)
		top = k->wsel + 1 - (bottom - y) / step;
	for (i = top; i < qn->nlang && y < bottom; i++, y += step) {
		char num[8];

		if (i == k->wsel) {
			attrset(t->a.sel);
			tui_fill(y, x, tw);
			tui_put(y, x, tui_glyph(t, TUI_G_POINTER), 1);
		}
		snprintf(num, sizeof num, i < 9 ? "%d" : " ", i + 1);
		tui_put(y, x + 2, num, 2);
		tui_put_clip(t, y, x + 6, words_lang_name(qn->langs[i]),
		    tw - 6);
		attrset(A_NORMAL);
	}
	buf_release(&b);
}

static void
draw_consent(struct kiosk *k)
{
	const struct questionnaire *qn = k->o->qn;
	struct tui *t = &k->t;
	static const struct tui_keyword keys[] = { { "1", WORDS_K_AGREE },
		{ "2", WORDS_K_DECLINE }, { "PgUp", WORDS_BACK } };
	const char *text = tui_tr(t, qn->consent);
	int x = margin(), tw = text_width(), y = 2, nk, rows, n, opt;

	tui_bar(t, 0, t->a.title, tui_tr(t, qn->title), NULL);
	nk = tui_keys_table(t, keys, sizeof keys / sizeof keys[0], key_rows());
	tui_status(t, qn->langs[t->lang]);
	attrset(t->a.head);
	y += para(kw(k, WORDS_K_BEFORE), y, x, tw, 0, 2) + 1;
	attrset(A_NORMAL);
	/* The two answers keep their place at the bottom; the text above
	 * them scrolls when it is longer than the room left. */
	opt = k->t.large ? 4 : 3;
	rows = LINES - 2 - nk - opt - 1 - y;
	if (rows < 1)
		rows = 1;
	n = para_lines(text, tw);
	k->cmax = n > rows ? n - rows : 0;
	if (k->ctop > k->cmax)
		k->ctop = k->cmax;
	para(text, y, x, tw, k->ctop, rows);
	if (k->ctop > 0)
		tui_put(y, COLS - 2, tui_glyph(t, TUI_G_UP), 1);
	if (k->ctop < k->cmax)
		tui_put(y + rows - 1, COLS - 2, tui_glyph(t, TUI_G_DOWN), 1);
	y = LINES - 2 - nk - opt;
	attrset(t->a.key);
	tui_put(y, x + 2, "1", 2);
	attrset(A_BOLD);
	tui_put_clip(t, y, x + 6, kw(k, WORDS_K_AGREE), tw - 6);
	attrset(t->a.key);
	y += opt - 2;
	tui_put(y, x + 2, "2", 2);
	attrset(A_BOLD);
	tui_put_clip(t, y, x + 6, kw(k, WORDS_K_DECLINE), tw - 6);
	attrset(A_NORMAL);
}

static void
draw_message(struct kiosk *k, const char *first, const char *second)
{
	struct tui *t = &k->t;
	int x = margin(), tw = text_width(), y = LINES / 3;

	tui_bar(t, 0, t->a.title, tui_tr(t, k->o->qn->title), NULL);
	attrset(t->a.ok);
	y += para(first, y, x, tw, 0, 4) + 1;
	attrset(A_NORMAL);
	para(second, y, x, tw, 0, 4);
	tui_status(t, "");
}

static int
secs_left(double until, double now)
{
	double d = until - now;

	return d <= 0 ? 0 : (int)d + (d > (int)d);
}

static void
draw_asking(struct kiosk *k)
{
	struct tui *t = &k->t;
	struct buf b = BUF_INIT;
	int x = margin(), tw = text_width(), y = LINES / 3;

	tui_bar(t, 0, t->a.title, tui_tr(t, k->o->qn->title), NULL);
	attrset(t->a.warn);
	y += para(kw(k, WORDS_K_STILL), y, x, tw, 0, 3) + 1;
	attrset(A_NORMAL);
	words_fmtn(&b, kw(k, WORDS_K_STILL_MORE), secs_left(k->asked_at +
	    k->o->countdown, k->now), 0);
	para(buf_str(&b), y, x, tw, 0, 6);
	tui_status(t, "");
	buf_release(&b);
}

static void
draw_pin(struct kiosk *k)
{
	struct tui *t = &k->t;
	const char *label = sw(k, WORDS_S_PIN);
	char dots[PIN_MAX * 3 + 1];
	int x = margin(), y = 3, i, wait, fx;

	tui_bar(t, 0, t->a.title, sw(k, WORDS_S_STAFF_ONLY), NULL);
	wait = secs_left(k->locked_until, k->now);
	if (k->msg[0] != '\0') {
		attrset(t->a.error);
		tui_put_clip(t, y, x, k->msg, COLS - 2 * x);
		attrset(A_NORMAL);
	}
	y += 2;
	fx = x + tui_text_width(label, strlen(label)) + 2;
	if (wait > 0) {
		struct buf b = BUF_INIT;

		words_fmtn(&b, sw(k, WORDS_S_TRY_AGAIN), wait, 0);
		tui_put(y, x, buf_str(&b), COLS - 2 * x);
		buf_release(&b);
	} else {
		tui_put(y, x, label, fx - x - 1);
		/* The digits are never shown, only how many were typed. */
		dots[0] = '\0';
		for (i = 0; i < k->pinlen; i++)
			strcat(dots, "* ");
		attrset(t->a.field);
		tui_fill(y, fx, 2 * PIN_MAX);
		tui_put(y, fx, dots, 2 * PIN_MAX);
		attrset(A_NORMAL);
	}
	tui_status(t, sw(k, WORDS_S_PIN_KEYS));
	if (wait <= 0) {
		curs_set(1);
		move(y, fx + 2 * k->pinlen);
	}
}

/* Today's counts by status, their labels aligned in the staff's
 * language; returns the next row. */
static int
draw_counts(struct kiosk *k, int y, int x)
{
	static const struct {
		enum words_id label;
		int status;
	} rows[] = { { WORDS_S_COMPLETED, STORE_COMPLETE },
		{ WORDS_S_ABANDONED, STORE_ABANDONED },
		{ WORDS_S_IN_PROGRESS, STORE_PARTIAL } };
	struct buf b = BUF_INIT;
	size_t i;
	int lw = 0, w;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *s = sw(k, rows[i].label);

		if ((w = tui_text_width(s, strlen(s))) > lw)
			lw = w;
	}
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *s = sw(k, rows[i].label);

		buf_reset(&b);
		buf_addf(&b, "  %s%*s %6d", s, lw - tui_text_width(s,
		    strlen(s)), "", k->counts[rows[i].status]);
		tui_put(y++, x, buf_str(&b), COLS - 2 * x);
	}
	buf_release(&b);
	return y;
}

static void
draw_menu(struct kiosk *k)
{
	static const struct {
		const char *key;
		enum words_id what;
	} items[] = { { "1", WORDS_S_BACK }, { "2", WORDS_S_AFRESH },
		{ "9", WORDS_S_EXIT } };
	struct tui *t = &k->t;
	struct buf b = BUF_INIT;
	char day[16];
	time_t now = time(NULL);
	struct tm tm;
	size_t i;
	int x = margin(), y = 2;

	localtime_r(&now, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	tui_bar(t, 0, t->a.title, sw(k, WORDS_S_MENU), day);
	attrset(t->a.head);
	tui_put(y++, x, sw(k, WORDS_S_TODAY), COLS - 2 * x);
	attrset(A_NORMAL);
	y++;
	if (k->counts_ok)
		y = draw_counts(k, y, x);
	else {
		attrset(t->a.error);
		words_fmt(&b, sw(k, WORDS_S_CANNOT_COUNT),
		    store_errmsg(k->o->st), NULL);
		tui_put_clip(t, y++, x, buf_str(&b), COLS - 2 * x);
		attrset(A_NORMAL);
	}
	if (t->fault[0] != '\0') {
		buf_reset(&b);
		attrset(t->a.error);
		words_fmt(&b, sw(k, WORDS_S_FAULT), t->fault, NULL);
		y += 1 + para(buf_str(&b), y + 1, x, COLS - 2 * x, 0, 3);
		attrset(A_NORMAL);
	}
	y++;
	for (i = 0; i < sizeof items / sizeof items[0]; i++) {
		buf_reset(&b);
		buf_addf(&b, "%s  %s", items[i].key, sw(k, items[i].what));
		tui_put(y++, x, buf_str(&b), COLS - 2 * x);
	}
	y++;
	attrset(t->a.hint);
	y += para(sw(k, WORDS_S_EITHER), y, x, COLS - 2 * x, 0, 2);
	attrset(A_NORMAL);
	tui_status(t, sw(k, WORDS_S_CHOICES));
	buf_release(&b);
}

static void
draw(struct kiosk *k)
{
	if (k->wipe && !k->pin_open && !k->menu_open) {
		k->wipe = 0;
		wipe_terminal();
	}
	erase();
	curs_set(0);
	if (COLS < 20 || LINES < 8) {
		tui_put(0, 0, kw(k, WORDS_TOO_SMALL), COLS);
		return;
	}
	if (k->menu_open)
		draw_menu(k);
	else if (k->pin_open)
		draw_pin(k);
	else if (k->asking)
		draw_asking(k);
	else {
		switch (k->screen) {
		case K_WELCOME:
			draw_welcome(k);
			break;
		case K_CONSENT:
			draw_consent(k);
			break;
		case K_QUESTION:
			tui_question_draw(&k->t);
			break;
		case K_THANKS:
			draw_message(k, kw(k, WORDS_K_THANKS),
			    kw(k, WORDS_K_CLEARED));
			break;
		case K_DECLINED:
			draw_message(k, kw(k, WORDS_K_DECLINED),
			    kw(k, WORDS_K_CLEARED));
			break;
		}
	}
}

/* ---- time ------------------------------------------------------------- */

static double
staff_idle(const struct kiosk *k)
{
	return k->o->idle > STAFF_IDLE_MIN ? k->o->idle : STAFF_IDLE_MIN;
}

/* What the clock does between keys. */
static void
tick(struct kiosk *k)
{
	double quiet = k->now - k->last_key;

	if (k->pin_open || k->menu_open) {
		if (quiet >= staff_idle(k)) {
			k->pin_open = k->menu_open = 0;
			sec_wipe(k->pin, sizeof k->pin);
			k->pinlen = 0;
			k->last_key = k->now;
		}
		return;
	}
	switch (k->screen) {
	case K_WELCOME:
		return;
	case K_THANKS:
	case K_DECLINED:
		if (k->now - k->shown_at >= THANKS_SECS)
			to_welcome(k);
		return;
	case K_CONSENT:
	case K_QUESTION:
		break;
	}
	if (!k->asking && quiet >= k->o->idle) {
		k->asking = 1;
		k->asked_at = k->now;
	} else if (k->asking && k->now - k->asked_at >= k->o->countdown)
		to_welcome(k);
}

/* ---- keys ------------------------------------------------------------- */

/*
 * The keys a respondent may use: text, Enter, Backspace, the arrows and
 * pages, F8 and F9 (don't know, refused). Every other control character
 * (Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-D arrive as characters in raw mode)
 * and function key does nothing.
 */
static int
allowed(const struct tui_key *key)
{
	if (key->fn) {
		switch (key->ch) {
		case KEY_UP:
		case KEY_DOWN:
		case KEY_LEFT:
		case KEY_RIGHT:
		case KEY_HOME:
		case KEY_END:
		case KEY_BACKSPACE:
		case KEY_DC:
		case KEY_PPAGE:
		case KEY_NPAGE:
		case KEY_ENTER:
		case KEY_F(8):
		case KEY_F(9):
			return 1;
		}
		return 0;
	}
	if (key->ch == L'\r' || key->ch == L'\n' || key->ch == 127 ||
	    key->ch == TUI_CTRL('h'))
		return 1;
	return key->ch >= 0x20 && !(key->ch >= 0x7f && key->ch < 0xa0);
}

/* An Escape that was not part of a key curses knows: Alt with a key, or
 * a sequence this terminal's terminfo lacks. What follows it at once is
 * the rest of the sequence, and is dropped rather than typed. */
static void
swallow_escape(void)
{
	wint_t wc;

	timeout(30);
	while (get_wch(&wc) != ERR)
		;
	timeout(TICK_MS);
}

static int
is_digit(const struct tui_key *key)
{
	return !key->fn && key->ch >= L'0' && key->ch <= L'9';
}

static void
wrong_pin(struct kiosk *k)
{
	struct buf b = BUF_INIT;

	words_fmtn(&b, sw(k, WORDS_S_WRONG_PIN), k->fails, 0);
	snprintf(k->msg, sizeof k->msg, "%s", buf_str(&b));
	buf_release(&b);
}

static void
pin_key(struct kiosk *k, const struct tui_key *key)
{
	int ok;

	if (!key->fn && key->ch == 27) {
		k->pin_open = 0;
		k->msg[0] = '\0';
		sec_wipe(k->pin, sizeof k->pin);
		k->pinlen = 0;
		return;
	}
	if (k->now < k->locked_until)
		return;
	if (is_digit(key) && k->pinlen < PIN_MAX) {
		k->pin[k->pinlen++] = (char)key->ch;
		k->pin[k->pinlen] = '\0';
		return;
	}
	if ((key->fn && key->ch == KEY_BACKSPACE) || (!key->fn &&
	    (key->ch == 127 || key->ch == TUI_CTRL('h')))) {
		if (k->pinlen > 0)
			k->pin[--k->pinlen] = '\0';
		return;
	}
	if (!tui_key_enter(key))
		return;
	ok = k->pinlen >= PIN_MIN && sec_pin_verify(k->o->pin_hash,
	    k->pin) == 0;
	sec_wipe(k->pin, sizeof k->pin);
	k->pinlen = 0;
	if (!ok) {
		/* 1, 2, 4, ... 30 s: guessing 10^4 PINs takes days. Kept in
		 * memory only: restarting the program needs the PIN or the
		 * power switch, and the latter is no secret to protect. */
		k->fails++;
		k->locked_until = session_clock() + (k->fails > 5 ?
		    PIN_DELAY_MAX : 1 << (k->fails - 1));
		wrong_pin(k);
		return;
	}
	k->fails = 0;
	k->locked_until = 0;
	k->msg[0] = '\0';
	k->pin_open = 0;
	k->menu_open = 1;
	{
		char day[16];
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
		k->counts_ok = store_count_by_status(k->o->st, k->o->qrow, day,
		    k->counts) == 0;
	}
}

static void
menu_key(struct kiosk *k, const struct tui_key *key)
{
	if (key->fn)
		return;
	switch (key->ch) {
	case 27:
	case L'1':
		k->menu_open = 0;
		break;
	case L'2':
		k->menu_open = 0;
		to_welcome(k);
		break;
	case L'9':
		k->menu_open = 0;
		k->end = TUI_KIOSK_STAFF_EXIT + 1;
		break;
	}
}

static void
welcome_key(struct kiosk *k, const struct tui_key *key)
{
	int n = k->o->qn->nlang;

	if (key->fn && key->ch == KEY_UP && k->wsel > 0)
		k->wsel--;
	else if (key->fn && key->ch == KEY_DOWN && k->wsel + 1 < n)
		k->wsel++;
	else if (tui_key_enter(key))
		choose_language(k, k->wsel);
	else if (!key->fn && key->ch >= L'1' && key->ch <= L'9' &&
	    (int)(key->ch - L'1') < n)
		choose_language(k, (int)(key->ch - L'1'));
}

static void
consent_key(struct kiosk *k, const struct tui_key *key)
{
	if (key->fn) {
		if (key->ch == KEY_UP && k->ctop > 0)
			k->ctop--;
		else if (key->ch == KEY_DOWN && k->ctop < k->cmax)
			k->ctop++;
		else if (key->ch == KEY_PPAGE)
			to_welcome(k);
		return;
	}
	if (key->ch == L'1' || tui_key_enter(key))
		begin_interview(k);
	else if (key->ch == L'2')
		show(k, K_DECLINED);
}

static void
handle(struct kiosk *k, const struct tui_key *key)
{
	int esc = !key->fn && key->ch == 27;

	if (esc)
		swallow_escape();
	/* The staff chord works everywhere; its first key does nothing
	 * else, so a respondent who presses it notices nothing. */
	if (!key->fn && key->ch == TUI_CTRL('a')) {
		k->chord = 1;
		k->chord_at = k->now;
		return;
	}
	if (k->chord && !key->fn && key->ch == TUI_CTRL('k') &&
	    k->now - k->chord_at <= CHORD_SECS && !k->menu_open) {
		k->chord = 0;
		k->pin_open = 1;
		k->pinlen = 0;
		k->asking = 0;
		return;
	}
	k->chord = 0;
	if (k->menu_open) {
		menu_key(k, key);
		return;
	}
	if (k->pin_open) {
		pin_key(k, key);
		return;
	}
	/* Any key answers "are you still there?", and does nothing else. */
	if (k->asking) {
		k->asking = 0;
		return;
	}
	if (esc || !allowed(key))
		return;
	switch (k->screen) {
	case K_WELCOME:
		welcome_key(k, key);
		break;
	case K_CONSENT:
		consent_key(k, key);
		break;
	case K_QUESTION:
		tui_question_key(&k->t, key);
		after_question(k);
		break;
	case K_THANKS:
	case K_DECLINED:
		to_welcome(k);
		break;
	}
}

/* ---- the loop --------------------------------------------------------- */

static const int ignored_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
	SIGTTOU };
#define NIGNORED (sizeof ignored_signals / sizeof ignored_signals[0])

int
tui_kiosk_run(const struct tui_kiosk_options *o, struct buf *err)
{
	struct sigaction sa, old_ign[NIGNORED], old_term, old_hup;
	struct kiosk *k;
	struct tui_key key;
	SCREEN *scr;
	wint_t wc;
	size_t i;
	int rc, end, fast = 0;
	double before;

	/*
	 * Before newterm(): curses installs its own SIGINT and SIGTSTP
	 * handlers (which end or suspend the program) only for signals
	 * still at their default. raw() already turns the keys into
	 * characters; ignoring the signals covers a kill(1) from elsewhere.
	 */
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	for (i = 0; i < NIGNORED; i++)
		sigaction(ignored_signals[i], &sa, &old_ign[i]);
	/* No SA_RESTART: get_wch must return so the loop sees the flag. */
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	kiosk_signalled = 0;

	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		buf_addf(err, "cannot use the terminal '%s' (check TERM)",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		end = -1;
		goto out;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(TICK_MS);

	k = xcalloc(1, sizeof *k);
	k->o = o;
	k->topt.st = o->st;
	k->topt.qn = o->qn;
	k->topt.qrow = o->qrow;
	k->topt.lang = o->lang;
	k->t.opt = &k->topt;
	k->t.kiosk = 1;
	k->t.large = o->large;
	k->t.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	k->staff = words_env_lang();
	tui_attrs_init(&k->t);
	k->now = k->last_key = session_clock();
	to_welcome(k);

	while (!k->end) {
		if (kiosk_signalled) {
			k->end = TUI_KIOSK_SIGNAL + 1;
			break;
		}
		k->now = session_clock();
		tick(k);
		draw(k);
		refresh();
		before = session_clock();
		rc = get_wch(&wc);
		k->now = session_clock();
		/* A terminal that is gone without a SIGHUP returns at once,
		 * every time: end rather than spin. */
		if (rc == ERR && k->now - before < 0.005) {
			if (++fast > 200)
				k->end = TUI_KIOSK_SIGNAL + 1;
			continue;
		}
		fast = 0;
		if (rc == ERR || (rc == KEY_CODE_YES && wc == KEY_RESIZE))
			continue;
		k->last_key = k->now;
		key.fn = rc == KEY_CODE_YES;
		key.ch = wc;
		handle(k, &key);
	}
	end = k->end - 1;
	abandon(k);
	forget_respondent(k);
	/* Nothing of the last respondent is left on a terminal without an
	 * alternate screen (the Linux console) after the program ends. */
	wipe_terminal();
	endwin();
	delscreen(scr);
	sec_wipe(k, sizeof *k);
	free(k);
out:
	for (i = 0; i < NIGNORED; i++)
		sigaction(ignored_signals[i], &old_ign[i], NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	return end;
}
