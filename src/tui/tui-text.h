/*
 * tui-text.h: text layout for the screens — UTF-8 decoding, display
 * widths, word wrapping and the one-line editor's buffer. Nothing here
 * touches the terminal, so all of it is unit-tested without one.
 *
 * Widths come from wcwidth(3) and so depend on LC_CTYPE: the program calls
 * setlocale(LC_ALL, "") first, the tests a UTF-8 locale. A character of
 * width 0 (a combining accent) stays with the character before it: a line
 * never starts with one and a cut never separates one from its base.
 * Control characters and invalid bytes count as width 1 (they are shown
 * as a replacement) so that layout never goes negative.
 */
#ifndef LCSURVEY_TUI_TEXT_H
#define LCSURVEY_TUI_TEXT_H

#include <stddef.h>
#include <wchar.h>

/*
 * Decodes one UTF-8 character from s[0..len), len > 0: stores it in *wc
 * and returns the bytes used (1..4). An invalid or truncated sequence
 * gives U+FFFD and 1, so callers always make progress.
 */
size_t tui_utf8_decode(const char *s, size_t len, wchar_t *wc);
/* Encodes wc as UTF-8 into out (at least 4 bytes); returns the bytes. */
size_t tui_utf8_encode(wchar_t wc, char *out);

/* Display width of one character: 0, 1 or 2 (see the top comment). */
int tui_wcwidth(wchar_t wc);
/* Display width of s[0..len). */
int tui_text_width(const char *s, size_t len);

/*
 * How many bytes of s[0..len) fit in width columns without cutting a
 * character (or separating a combining mark from its base). *used (if
 * non-NULL) gets their display width.
 */
size_t tui_text_fit(const char *s, size_t len, int width, int *used);

/* One line of wrapped text: s[off..off+len), width columns wide. */
struct tui_line {
	size_t off, len;
	int width;
};

/*
 * Breaks the NUL-terminated s into lines at most width (>= 1) columns
 * wide: at spaces, before and after double-width (CJK) characters, and
 * at every "\n". A word wider than the line is broken between
 * characters. Spaces at a break are dropped. Fills at most max entries
 * of lines (lines may be NULL when max is 0) and returns the number of
 * lines the whole text needs, which may be more than max; "" is one
 * empty line.
 */
int tui_wrap(const char *s, int width, struct tui_line *lines, int max);

/*
 * The line editor's text: wide characters, a cursor, a limit in
 * characters. Kept by the screen state rather than in curses, so that a
 * redraw (after a resize, a language switch) loses nothing.
 */
#define TUI_EDIT_MAX 1024

struct tui_edit {
	wchar_t s[TUI_EDIT_MAX + 1]; /* NUL-terminated */
	int len, cur;		     /* in characters */
	int max;		     /* 1..TUI_EDIT_MAX */
	int scroll;		     /* first character shown */
};

/* Empties e and sets its limit (clamped to 1..TUI_EDIT_MAX). */
void tui_edit_init(struct tui_edit *e, int max);
/* Replaces the text with UTF-8 s (cut at the limit), cursor at the end. */
void tui_edit_set(struct tui_edit *e, const char *s);
/* Inserts wc at the cursor; -1 (nothing changes) when full or when wc
 * is a control character. */
int tui_edit_insert(struct tui_edit *e, wchar_t wc);
/* Deletes the character before the cursor (with its combining marks);
 * -1 at the start. */
int tui_edit_backspace(struct tui_edit *e);
/* Deletes the character under the cursor; -1 at the end. */
int tui_edit_delete(struct tui_edit *e);
/* Moves the cursor by one character (over combining marks); -1 at the
 * edge. */
int tui_edit_left(struct tui_edit *e);
int tui_edit_right(struct tui_edit *e);
void tui_edit_home(struct tui_edit *e);
void tui_edit_end(struct tui_edit *e);
/* The text as UTF-8 into out (outsz >= 4 * TUI_EDIT_MAX + 1 never cuts). */
void tui_edit_utf8(const struct tui_edit *e, char *out, size_t outsz);
/*
 * Adjusts e->scroll so that the cursor is visible in a field width
 * columns wide (keeping a column for the cursor at the end), and returns
 * the display column of the cursor inside the field.
 */
int tui_edit_view(struct tui_edit *e, int width);

#endif
