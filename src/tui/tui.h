/*
 * tui.h: the terminal interview (ncurses), as `lcsurvey interview` runs
 * it. The command opens the questionnaire and the store; this module owns
 * the terminal from tui_run() until it returns. Nothing here prints
 * outside curses or exits: every answer is in the store before the screen
 * moves on, so leaving at any point loses nothing but the half-typed
 * answer. <curses.h> is not included by this header, so the command does
 * not see it.
 */
#ifndef LCSURVEY_TUI_H
#define LCSURVEY_TUI_H

#include <stdint.h>

#include "buf.h"
#include "questionnaire.h"
#include "store.h"

/* What the first-screen benchmark measures (bench/first-screen.sh). */
enum tui_bench {
	TUI_BENCH_OFF = 0,
	TUI_BENCH_QUESTION, /* start a new interview, exit after its first paint */
	TUI_BENCH_START,    /* exit after the start screen's first paint */
};

/* Where the time to the first paint went, filled when bench is on. */
struct tui_bench_times {
	double terminal; /* newterm(): terminfo, tty modes */
	double begin;	 /* starting the interview (store writes) */
	double paint;	 /* the first screen's draw and refresh() */
	long long painted_ns; /* when refresh() returned: CLOCK_REALTIME, ns */
};

struct tui_options {
	struct store *st;		/* borrowed, open */
	const struct questionnaire *qn; /* the file the user named */
	int64_t qrow;			/* qn registered in st (session_register) */
	const char *enumerator;		/* recorded with new interviews; may be NULL */
	int lang;			/* index into qn->langs to start in */
	enum tui_bench bench;
	struct tui_bench_times *times; /* may be NULL; seconds */
	/* Called once, right after the first screen is painted and before
	 * any key is handled (so before anything is written); -1 with a
	 * message in err ends the screens. May be NULL. The interview uses
	 * it to check the database while the enumerator reads the screen. */
	int (*after_paint)(void *ctx, struct buf *err);
	void *after_ctx;
};

/*
 * Runs the screens until the user quits. stdin and stdout must be a
 * terminal. Returns 0, or -1 with a message in err when the terminal could
 * not be used (an unknown TERM); problems during the interview (a failed
 * write) are shown on screen, never returned.
 */
int tui_run(const struct tui_options *o, struct buf *err);

#endif
