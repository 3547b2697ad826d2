/*
 * tui-draw.c: painting text by display width. Every string on screen goes
 * through tui_putn, which measures with tui-text.c and never lets curses
 * cut a double-width character or a combining accent in half.
 */
#include "tui/tui-int.h"

#include <string.h>

#define WBUF 1024

int
tui_putn(int y, int x, const char *s, size_t len, int width)
{
	wchar_t w[WBUF + 1];
	size_t fit, p = 0;
	int used, n = 0;

	if (width <= 0 || len == 0)
		return 0;
	fit = tui_text_fit(s, len, width, &used);
	while (p < fit && n < WBUF) {
		wchar_t wc;

		p += tui_utf8_decode(s + p, fit - p, &wc);
		/* Control characters (a tab in a label) would move the
		 * cursor: they were measured as one column, so take one. */
		if (wc < 0x20 || (wc >= 0x7f && wc < 0xa0))
			wc = L'?';
		w[n++] = wc;
	}
	w[n] = L'\0';
	mvaddnwstr(y, x, w, n);
	return used;
}

int
tui_put(int y, int x, const char *s, int width)
{
	return tui_putn(y, x, s, strlen(s), width);
}

int
tui_put_clip(const struct tui *t, int y, int x, const char *s, int width)
{
	size_t len = strlen(s);
	int used;

	if (width <= 0)
		return 0;
	if (tui_text_width(s, len) <= width)
		return tui_putn(y, x, s, len, width);
	used = tui_putn(y, x, s, len, width - 1);
	return used + tui_put(y, x + used, tui_glyph(t, TUI_G_ELLIPSIS), 1);
}

void
tui_fill(int y, int x, int width)
{
	move(y, x);
	for (; width > 0; width--)
		addch(' ');
}

void
tui_bar(const struct tui *t, int y, attr_t attr, const char *left,
    const char *right)
{
	int used = 0, rw;

	attrset(attr);
	tui_fill(y, 0, COLS);
	if (left != NULL)
		used = 1 + tui_put_clip(t, y, 1, left, COLS - 2);
	if (right != NULL && right[0] != '\0') {
		rw = tui_text_width(right, strlen(right));
		if (used + 2 + rw <= COLS - 1)
			tui_put(y, COLS - 1 - rw, right, rw);
	}
	attrset(A_NORMAL);
}

int
tui_keys(const struct tui *t, const char *const *pairs, int maxrows)
{
	int row[32], col[32], n, i, r = 0, x = 1, top;

	if (maxrows < 1)
		return 0;
	/* Lay out first, to know how many rows to take from the bottom. */
	for (n = 0; pairs[2 * n] != NULL && n < 32; n++) {
		int w = tui_text_width(pairs[2 * n], strlen(pairs[2 * n])) + 1 +
		    tui_text_width(pairs[2 * n + 1], strlen(pairs[2 * n + 1]));

		if (x > 1 && x + w > COLS - 1) {
			if (r + 1 >= maxrows)
				break;
			r++;
			x = 1;
		}
		if (x + w > COLS - 1 && x == 1 && w > COLS - 2)
			w = COLS - 2;
		row[n] = r;
		col[n] = x;
		x += w + 2;
	}
	top = LINES - 2 - r;
	for (i = 0; i < n; i++) {
		int y = top + row[i], kx = col[i], kw;

		attrset(t->a.key);
		kw = tui_put(y, kx, pairs[2 * i], COLS - 1 - kx);
		attrset(t->a.hint);
		tui_put_clip(t, y, kx + kw + 1, pairs[2 * i + 1],
		    COLS - 1 - (kx + kw + 1));
	}
	attrset(A_NORMAL);
	return r + 1;
}

int
tui_keys_table(const struct tui *t, const struct tui_keyword *kw, size_t n,
    int maxrows)
{
	const char *pairs[2 * 16 + 2];
	size_t i;

	if (n > 16)
		n = 16;
	for (i = 0; i < n; i++) {
		pairs[2 * i] = kw[i].key != NULL ? kw[i].key :
		    tui_glyph(t, TUI_G_UPDOWN);
		pairs[2 * i + 1] = tui_word(t, kw[i].what);
	}
	pairs[2 * n] = pairs[2 * n + 1] = NULL;
	return tui_keys(t, pairs, maxrows);
}

void
tui_status(struct tui *t, const char *text)
{
	if (t->confirm_quit) {
		tui_bar(t, LINES - 1, t->a.error | A_REVERSE,
		    tui_word(t, WORDS_QUIT_CONFIRM), NULL);
		return;
	}
	if (t->note[0] != '\0') {
		tui_bar(t, LINES - 1, (t->note_error ? t->a.error : t->a.ok) |
		    A_REVERSE, t->note, NULL);
		return;
	}
	tui_bar(t, LINES - 1, t->a.status, text, NULL);
}

const char *
tui_glyph(const struct tui *t, int which)
{
	static const char *const utf8[] = { "\xe2\x86\x91\xe2\x86\x93",
		"\xe2\x80\xa6", "\xe2\x96\xb2", "\xe2\x96\xbc", " \xc2\xb7 ",
		"\xe2\x80\xba", "\xe2\x80\x94" };
	static const char *const ascii[] = { "Up/Dn", ".", "^", "v", " - ",
		">", "-" };

	return t->utf8 ? utf8[which] : ascii[which];
}
