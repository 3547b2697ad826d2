/*
 * tui-int.h: what the screens share — the state of the whole terminal
 * interview (one struct, passed everywhere), the draw/key pair of each
 * screen and the drawing helpers. Only src/tui/ includes this header,
 * and with it <curses.h>.
 *
 * Every screen draws from this state alone: a redraw after a resize or a
 * language switch is the same call as the first draw, and nothing the
 * user typed lives only in curses.
 */
#ifndef LCSURVEY_TUI_INT_H
#define LCSURVEY_TUI_INT_H

#include <curses.h>
#include <stdint.h>

#include "session.h"
#include "tui/tui-text.h"
#include "words.h"
#include "tui/tui.h"

enum tui_screen { TUI_START, TUI_QUESTION, TUI_REVIEW, TUI_REASON,
	TUI_RESULTS };

/* A key as get_wch(3) returns it: fn is set when ch is a KEY_* code. */
struct tui_key {
	int fn;
	wint_t ch;
};

#define TUI_CTRL(c) ((wint_t)((c) & 0x1f))

/* One interview on the start screen (strings owned, NULL when unknown). */
struct tui_row {
	char uuid[37];
	char *household, *cluster;
	char started[17]; /* "YYYY-MM-DD HH:MM" */
	char status[12];
	int nanswers;
};

/* One line of the review screen: a heading or a question. */
struct tui_item {
	int heading; /* 1: section (and member) title, not selectable */
	int q, member;
	char *text;   /* heading, or the question's label: owned */
	char *answer; /* formatted in the current language, NULL: none */
	int given;    /* visited: an answer, or left empty on purpose */
	int required;
};

/* The results screen's state (tui-results.c). */
struct tui_results;

/* Attributes, chosen once for colour or monochrome terminals. */
struct tui_attrs {
	attr_t title, status, error, warn, hint, sel, key, head, ok, field;
};

struct tui {
	const struct tui_options *opt;
	struct tui_attrs a;
	int utf8;			/* the locale is UTF-8: use ↑↓… glyphs */
	/* Kiosk mode (tui-kiosk.c): the question screen shows the few keys
	 * a respondent needs and takes no review, language or quit keys.
	 * large: bold text, high contrast, a blank row between choices when
	 * the screen has room. */
	int kiosk, large;
	/* The language of the screens' own text (words.h): the device
	 * user's, or in the kiosk the respondent's. */
	int ui;
	enum tui_screen screen;
	int lang;
	int quit;			/* leave the dispatch loop */
	int confirm_quit;		/* "quit? y/n" is on the bottom line */
	char note[256];			/* one message for the screen shown next */
	int note_error;

	/* The interview being taken, when in_session. */
	struct session s;
	int in_session;
	int was_complete;		/* opened complete: editing reopens it */

	/* Start screen. */
	struct tui_row *rows;
	int nrows, rows_loaded;
	size_t rows_cap;
	int ssel, stop;			/* 0 is "new interview", i + 1 is rows[i] */

	/* Question screen: reloaded whenever the position changes. */
	struct interview_pos qpos;
	int qpos_valid;
	struct tui_edit ed;
	int csel, ctop;			/* choice list cursor and first row shown */
	uint64_t marks;			/* multiple choice: positions ticked */
	char err[256];			/* under the input, until the next move */
	char fault[256];		/* kiosk: why a save failed, for staff */
	int warned;			/* err is a soft check's warning: Enter
					   keeps the answer, any edit drops it */
	int from_review;		/* an edit started on the review screen */

	/* Review screen. */
	struct tui_item *items;
	int nitems;
	size_t items_cap;
	int rsel, rtop;

	/* Reason screen: why a complete interview is being changed. */
	struct tui_edit reason;

	/* Results screen (tui-results.c), NULL until it is opened. */
	struct tui_results *results;
};

/* Screens: draw paints the whole screen from t; key acts on one key. */
void tui_start_draw(struct tui *t);
void tui_start_key(struct tui *t, const struct tui_key *k);
void tui_question_draw(struct tui *t);
void tui_question_key(struct tui *t, const struct tui_key *k);
void tui_review_draw(struct tui *t);
void tui_review_key(struct tui *t, const struct tui_key *k);
void tui_reason_draw(struct tui *t);
void tui_reason_key(struct tui *t, const struct tui_key *k);
void tui_results_draw(struct tui *t);
void tui_results_key(struct tui *t, const struct tui_key *k);
/* Computes the results from the store and shows them; on failure a note
 * says why and the screen stays. */
void tui_results_open(struct tui *t);
void tui_results_release(struct tui *t);

/* Frees what the start and review screens keep. */
void tui_start_release(struct tui *t);
void tui_review_release(struct tui *t);
/* Forgets the start screen's list so that it is read again. */
void tui_start_invalidate(struct tui *t);
/* Reloads the question screen's input state if the engine has moved. */
void tui_question_sync(struct tui *t);
/* Kiosk: a save failed; the respondent is asked to fetch staff, who see
 * the store's message on the staff menu. */
void tui_kiosk_fault(struct tui *t);

/* Shared actions (tui.c). */
/* Chooses t->a for the terminal: colour unless NO_COLOR is set or the
 * terminal has none; t->large makes everything bold, high contrast. */
void tui_attrs_init(struct tui *t);
/* 1 for Enter, whichever way the terminal sends it. */
int tui_key_enter(const struct tui_key *k);
const struct questionnaire *tui_qn(const struct tui *t);
void tui_set_note(struct tui *t, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Closes the open interview (everything is already stored) and shows the
 * start screen. */
void tui_close_interview(struct tui *t);
/* Shows the question screen, or the review screen at the end. */
void tui_show_current(struct tui *t);
/* "Amina, 34": the roster member's label from its label questions. */
void tui_member_label(const struct tui *t, int roster, int member,
    struct buf *b);
/* Entry w of the catalogue in the screens' language. */
const char *tui_word(const struct tui *t, enum words_id w);
/* A note made of entry w with arg in its "{1}" (arg may be NULL). */
void tui_note_word(struct tui *t, int error, enum words_id w,
    const char *arg);
/* A stored status ("partial", "complete", "abandoned") as the screens
 * say it; another status as it is stored. */
const char *tui_status_word(const struct tui *t, const char *status);
/* answer_format for the screens: "don't know" and "refused" in the
 * screens' language, values in the questionnaire's (t->lang). */
void tui_format_answer(const struct tui *t, const struct qn_question *q,
    const struct expr_value *v, struct buf *b);
/* qn_text in the current language. */
const char *tui_tr(const struct tui *t, qn_text text);
/* The same with "{question}" references replaced by the answers for
 * member, appended to b (labels and hints); text may be NULL. */
void tui_tr_pipe(const struct tui *t, qn_text text, int member,
    struct buf *b);

/* Drawing helpers (tui-draw.c). All take display columns, never bytes. */
/* Draws s (UTF-8) at y, x in at most width columns; returns the columns
 * used. Characters that do not fit whole are left out. */
int tui_put(int y, int x, const char *s, int width);
int tui_putn(int y, int x, const char *s, size_t len, int width);
/* The same, ending in "…" when s is cut. */
int tui_put_clip(const struct tui *t, int y, int x, const char *s, int width);
/* Paints width blank cells from y, x in the current attribute. */
void tui_fill(int y, int x, int width);
/* Fills row y with attr and puts left and (if room remains) right. */
void tui_bar(const struct tui *t, int y, attr_t attr, const char *left,
    const char *right);
/* Key help at the bottom: pairs of key and meaning, NULL-terminated,
 * laid out in up to maxrows rows ending just above the status line;
 * returns the rows used. */
int tui_keys(const struct tui *t, const char *const *pairs, int maxrows);
/* A key and what it does, as the catalogue says it; key NULL is the
 * up/down glyph. */
struct tui_keyword {
	const char *key;
	enum words_id what;
};
/* tui_keys for the n pairs of kw (at most 16) in the screens' language. */
int tui_keys_table(const struct tui *t, const struct tui_keyword *kw,
    size_t n, int maxrows);
/* The status line (last row) and, above it, t->note or the quit prompt. */
void tui_status(struct tui *t, const char *text);
/* Glyphs that fall back to ASCII outside UTF-8 locales. */
const char *tui_glyph(const struct tui *t, int which);
enum { TUI_G_UPDOWN, TUI_G_ELLIPSIS, TUI_G_UP, TUI_G_DOWN, TUI_G_DOT,
	TUI_G_POINTER, TUI_G_DASH };

#endif
