/*
 * tui.c: the terminal's lifetime and the one dispatch loop. Each turn
 * paints the current screen from the state in struct tui, waits for one
 * key, and hands it to the screen; KEY_RESIZE is handled here and only
 * here, by painting again at the new size. Keys that mean the same on
 * every screen (quit, language) are handled here too.
 */
#include "tui/tui-int.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answer.h"

/* Set by SIGTERM and SIGHUP: the loop ends and restores the terminal
 * (answers are already stored, so there is nothing else to save). */
static volatile sig_atomic_t tui_signalled;

static void
on_signal(int sig)
{
	(void)sig;
	tui_signalled = 1;
}

const struct questionnaire *
tui_qn(const struct tui *t)
{
	return t->in_session ? t->s.qn : t->opt->qn;
}

const char *
tui_tr(const struct tui *t, qn_text text)
{
	const struct questionnaire *qn = tui_qn(t);

	if (text == NULL)
		return NULL;
	return text[t->lang >= 0 && t->lang < qn->nlang ? t->lang : 0];
}

int
tui_key_enter(const struct tui_key *k)
{
	if (k->fn)
		return k->ch == KEY_ENTER;
	return k->ch == L'\r' || k->ch == L'\n';
}

void
tui_tr_pipe(const struct tui *t, qn_text text, int member, struct buf *b)
{
	const char *s = tui_tr(t, text);

	if (s == NULL)
		return;
	if (t->in_session)
		interview_pipe(t->s.iv, s, member, t->lang, b);
	else
		buf_adds(b, s);
}

void
tui_set_note(struct tui *t, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->note, sizeof t->note, fmt, ap);
	va_end(ap);
	t->note_error = error;
}

const char *
tui_word(const struct tui *t, enum words_id w)
{
	return words_get(t->ui, w);
}

void
tui_note_word(struct tui *t, int error, enum words_id w, const char *arg)
{
	struct buf b = BUF_INIT;

	words_fmt(&b, tui_word(t, w), arg, NULL);
	tui_set_note(t, error, "%s", buf_str(&b));
	buf_release(&b);
}

const char *
tui_status_word(const struct tui *t, const char *status)
{
	if (strcmp(status, "partial") == 0)
		return tui_word(t, WORDS_PARTIAL);
	if (strcmp(status, "complete") == 0)
		return tui_word(t, WORDS_COMPLETE);
	if (strcmp(status, "abandoned") == 0)
		return tui_word(t, WORDS_ABANDONED);
	return status;
}

void
tui_format_answer(const struct tui *t, const struct qn_question *q,
    const struct expr_value *v, struct buf *b)
{
	if (v->kind == EXPR_V_NULL && v->missing == EXPR_DONT_KNOW)
		buf_adds(b, tui_word(t, WORDS_DONT_KNOW));
	else if (v->kind == EXPR_V_NULL && v->missing == EXPR_REFUSED)
		buf_adds(b, tui_word(t, WORDS_REFUSED));
	else
		answer_format(q, v, t->lang, b);
}

void
tui_member_label(const struct tui *t, int roster, int member, struct buf *b)
{
	const struct questionnaire *qn = tui_qn(t);
	const struct qn_roster *r = &qn->rosters[roster - 1];
	size_t start = b->len;
	int i;

	for (i = 0; i < r->nlabel; i++) {
		const struct qn_question *q = &qn->questions[r->label_questions[i]];
		const struct expr_value *v = interview_value(t->s.iv, q->index,
		    member);

		if (v == NULL || v->kind == EXPR_V_NULL)
			continue;
		if (b->len > start)
			buf_adds(b, ", ");
		tui_format_answer(t, q, v, b);
	}
	if (b->len == start)
		words_fmtn(b, tui_word(t, WORDS_MEMBER), member, 0);
}

void
tui_show_current(struct tui *t)
{
	t->screen = interview_current(t->s.iv, NULL) != NULL ? TUI_QUESTION :
	    TUI_REVIEW;
}

void
tui_close_interview(struct tui *t)
{
	const char *code;
	int lang;

	if (t->in_session) {
		/* An older questionnaire version may order its languages
		 * differently: keep the language, not its index. */
		code = t->s.qn->langs[t->lang];
		lang = questionnaire_lang(t->opt->qn, code);
		t->lang = lang >= 0 ? lang : 0;
		session_end(&t->s);
	}
	t->in_session = 0;
	t->was_complete = 0;
	t->qpos_valid = 0;
	t->from_review = 0;
	t->screen = TUI_START;
	tui_start_invalidate(t);
}

void
tui_attrs_init(struct tui *t)
{
	struct tui_attrs *a = &t->a;
	int color = has_colors() && getenv("NO_COLOR") == NULL;

	a->title = A_REVERSE | A_BOLD;
	a->status = A_REVERSE;
	a->error = A_BOLD;
	a->warn = A_BOLD | A_UNDERLINE;
	a->hint = A_NORMAL;
	a->sel = A_REVERSE;
	a->key = A_BOLD;
	a->head = A_BOLD;
	a->ok = A_BOLD;
	a->field = A_UNDERLINE;
	if (color) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		init_pair(2, COLOR_RED, -1);
		init_pair(3, COLOR_CYAN, -1);
		init_pair(4, COLOR_GREEN, -1);
		init_pair(5, COLOR_YELLOW, -1);
		a->title = COLOR_PAIR(1) | A_BOLD;
		a->error = COLOR_PAIR(2) | A_BOLD;
		a->hint = COLOR_PAIR(3);
		a->ok = COLOR_PAIR(4) | A_BOLD;
		a->warn = COLOR_PAIR(5) | A_BOLD;
	}
	if (!t->large)
		return;
	/*
	 * A terminal has no font size to raise: "large" is the most a
	 * program can do, bold everywhere (the Linux console and xterm
	 * draw it brighter) on a background of plain black or the
	 * terminal's own. Hints lose their dim colour.
	 */
	if (color) {
		init_pair(6, COLOR_WHITE, COLOR_BLACK);
		init_pair(7, COLOR_BLACK, COLOR_WHITE);
		init_pair(8, COLOR_YELLOW, COLOR_BLACK);
		init_pair(9, COLOR_RED, COLOR_WHITE);
		bkgdset(COLOR_PAIR(6) | A_BOLD | ' ');
		a->title = a->status = a->sel = COLOR_PAIR(7) | A_BOLD;
		a->hint = a->key = a->head = a->ok = COLOR_PAIR(6) | A_BOLD;
		a->field = COLOR_PAIR(6) | A_BOLD | A_UNDERLINE;
		a->warn = COLOR_PAIR(8) | A_BOLD;
		a->error = COLOR_PAIR(9) | A_BOLD;
	} else {
		bkgdset(A_BOLD | ' ');
		a->hint = A_BOLD;
		a->sel = A_REVERSE | A_BOLD;
		a->status = A_REVERSE | A_BOLD;
		a->field = A_UNDERLINE | A_BOLD;
	}
}

static void
next_language(struct tui *t)
{
	const struct questionnaire *qn = tui_qn(t);

	if (qn->nlang < 2) {
		tui_note_word(t, 0, WORDS_ONE_LANGUAGE, NULL);
		return;
	}
	t->lang = (t->lang + 1) % qn->nlang;
	if (t->in_session && session_set_language(&t->s, t->lang) < 0)
		tui_note_word(t, 1, WORDS_LANG_NOT_RECORDED,
		    store_errmsg(t->s.st));
}

static void
draw(struct tui *t)
{
	erase();
	curs_set(0);
	if (COLS < 20 || LINES < 6) {
		tui_put(0, 0, tui_word(t, WORDS_TOO_SMALL), COLS);
		return;
	}
	switch (t->screen) {
	case TUI_START:
		tui_start_draw(t);
		break;
	case TUI_QUESTION:
		tui_question_draw(t);
		break;
	case TUI_REVIEW:
		tui_review_draw(t);
		break;
	case TUI_REASON:
		tui_reason_draw(t);
		break;
	case TUI_RESULTS:
		tui_results_draw(t);
		break;
	}
}

static int
is_quit_key(const struct tui_key *k)
{
	return (k->fn && k->ch == KEY_F(10)) ||
	    (!k->fn && (k->ch == TUI_CTRL('q') || k->ch == TUI_CTRL('c')));
}

static void
handle(struct tui *t, const struct tui_key *k)
{
	if (t->confirm_quit) {
		t->confirm_quit = 0;
		if (!k->fn && (k->ch == L'y' || k->ch == L'Y'))
			t->quit = 1;
		return;
	}
	t->note[0] = '\0';
	if (is_quit_key(k)) {
		/* Outside an interview there is nothing to confirm. */
		if (t->in_session)
			t->confirm_quit = 1;
		else
			t->quit = 1;
		return;
	}
	if ((k->fn && k->ch == KEY_F(2)) || (!k->fn && k->ch ==
	    TUI_CTRL('l'))) {
		next_language(t);
		return;
	}
	switch (t->screen) {
	case TUI_START:
		tui_start_key(t, k);
		break;
	case TUI_QUESTION:
		tui_question_key(t, k);
		break;
	case TUI_REVIEW:
		tui_review_key(t, k);
		break;
	case TUI_REASON:
		tui_reason_key(t, k);
		break;
	case TUI_RESULTS:
		tui_results_key(t, k);
		break;
	}
}

static void
begin_new(struct tui *t)
{
	struct tui_key k = { 0, L'n' };

	tui_start_key(t, &k);
}

int
tui_run(const struct tui_options *o, struct buf *err)
{
	struct sigaction sa;
	struct tui t;
	struct tui_key k;
	SCREEN *scr;
	wint_t wc;
	int rc, painted = 0, failed = 0;
	double t0 = session_clock(), t1, t2;

	memset(&t, 0, sizeof t);
	t.opt = o;
	t.lang = o->lang;
	t.screen = TUI_START;
	t.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	/* The enumerator's own language, not the questionnaire's: F2
	 * switches the questions, the furniture stays readable. */
	t.ui = words_env_lang();

	/* No SA_RESTART: get_wch must return so the loop sees the flag. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		buf_addf(err, "cannot use the terminal '%s' (check TERM)",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		return -1;
	}
	/* raw rather than cbreak: Ctrl-Q and Ctrl-C reach the screens as
	 * keys, so quitting always goes through the confirmation. */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	tui_attrs_init(&t);

	t1 = session_clock();
	if (o->bench == TUI_BENCH_QUESTION)
		begin_new(&t);
	t2 = session_clock();
	while (!t.quit && !tui_signalled) {
		draw(&t);
		refresh();
		/* The benchmark stops the clock at the first paint. */
		if (o->bench != TUI_BENCH_OFF) {
			if (o->times != NULL) {
				struct timespec ts;

				/* Wall-clock, so that the benchmark can compare
				 * it with the time it started the process. */
				clock_gettime(CLOCK_REALTIME, &ts);
				o->times->painted_ns = (long long)ts.tv_sec *
				    1000000000LL + ts.tv_nsec;
				o->times->terminal = t1 - t0;
				o->times->begin = t2 - t1;
				o->times->paint = session_clock() - t2;
			}
			break;
		}
		if (o->after_paint != NULL && !painted++ &&
		    o->after_paint(o->after_ctx, err) < 0) {
			failed = 1;
			break;
		}
		rc = get_wch(&wc);
		if (rc == ERR)
			continue;
		/* A new size: the next turn paints at it. */
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE)
			continue;
		k.fn = rc == KEY_CODE_YES;
		k.ch = wc;
		handle(&t, &k);
	}
	if (t.in_session)
		session_end(&t.s);
	tui_start_release(&t);
	tui_review_release(&t);
	tui_results_release(&t);
	endwin();
	delscreen(scr);
	return failed ? -1 : 0;
}
