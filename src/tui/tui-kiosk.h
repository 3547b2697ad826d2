/*
 * tui-kiosk.h: the self-administered terminal (`lcsurvey kiosk`): citizens
 * answer alone, one after another, on an unattended terminal. Welcome
 * (language), consent, the questions one at a time (the interview's
 * question screen in kiosk mode), thanks, and back to welcome with the
 * screen wiped. Keys that would end or suspend a program do nothing; the
 * way out is a staff menu behind a PIN. Like tui.h, this header does not
 * include <curses.h>.
 */
#ifndef LCSURVEY_TUI_KIOSK_H
#define LCSURVEY_TUI_KIOSK_H

#include <stdint.h>

#include "buf.h"
#include "questionnaire.h"
#include "store.h"

struct tui_kiosk_options {
	struct store *st;		/* borrowed, open */
	const struct questionnaire *qn;
	int64_t qrow;			/* qn registered in st */
	const char *pin_hash;		/* borrowed: sec_pin_hash's string */
	int lang;			/* highlighted first on the welcome screen */
	int idle;			/* seconds without a key before the
					   "are you still there?" question */
	int countdown;			/* seconds that question waits */
	int large;			/* bold, high contrast, more spacing */
};

/* Why tui_kiosk_run returned. */
enum tui_kiosk_end {
	TUI_KIOSK_STAFF_EXIT,	/* chosen in the staff menu */
	TUI_KIOSK_SIGNAL,	/* SIGTERM or SIGHUP */
};

/*
 * Runs the kiosk until staff leave it through the PIN-protected menu or
 * the process gets SIGTERM or SIGHUP; an interview open at that moment is
 * stored as abandoned. stdin and stdout must be a terminal. While it runs,
 * SIGINT, SIGQUIT, SIGTSTP, SIGTTIN and SIGTTOU are ignored (the previous
 * dispositions are restored on return). Returns the reason it ended, or
 * -1 with a message in err when the terminal cannot be used.
 */
int tui_kiosk_run(const struct tui_kiosk_options *o, struct buf *err);

#endif
