/*
 * tui-text.c: widths, wrapping and the line editor's buffer (see
 * tui-text.h). Decoding is done here rather than with mbrtowc(3) so that
 * a label is read the same way whatever the locale's codeset; only the
 * widths come from the C library.
 */
#include "tui/tui-text.h"

#include <string.h>
#include <wchar.h>

size_t
tui_utf8_decode(const char *str, size_t len, wchar_t *wc)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned long c, min;
	size_t n, i;

	if (s[0] < 0x80) {
		*wc = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2, c = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3, c = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4, c = s[0] & 0x07, min = 0x10000;
	} else
		goto bad;
	if (n > len)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past Unicode are not text. */
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*wc = (wchar_t)c;
	return n;
bad:
	*wc = 0xfffd;
	return 1;
}

size_t
tui_utf8_encode(wchar_t wc, char *out)
{
	unsigned long c = (unsigned long)wc;

	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

int
tui_wcwidth(wchar_t wc)
{
	int w;

	if (wc < 0x20 || (wc >= 0x7f && wc < 0xa0))
		return 1;
	w = wcwidth(wc);
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

/* One character and the zero-width characters that follow it: the unit
 * that is never split. Returns its length in bytes; *w its width. */
static size_t
cluster(const char *s, size_t len, wchar_t *first, int *w)
{
	size_t n, k;
	wchar_t wc;

	n = tui_utf8_decode(s, len, first);
	*w = tui_wcwidth(*first);
	/* A line break and a space each stand alone. */
	if (*first == L'\n' || *first == L' ')
		return n;
	while (n < len) {
		k = tui_utf8_decode(s + n, len - n, &wc);
		if (wc == L'\n' || tui_wcwidth(wc) != 0)
			break;
		n += k;
	}
	return n;
}

int
tui_text_width(const char *s, size_t len)
{
	size_t p = 0;
	int total = 0, w;
	wchar_t wc;

	while (p < len) {
		p += cluster(s + p, len - p, &wc, &w);
		total += w;
	}
	return total;
}

size_t
tui_text_fit(const char *s, size_t len, int width, int *used)
{
	size_t p = 0, k;
	int total = 0, w;
	wchar_t wc;

	while (p < len) {
		k = cluster(s + p, len - p, &wc, &w);
		if (total + w > width)
			break;
		total += w;
		p += k;
	}
	if (used != NULL)
		*used = total;
	return p;
}

static void
emit(const char *s, size_t start, size_t end, struct tui_line *lines,
    int max, int *n)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	if (*n < max) {
		lines[*n].off = start;
		lines[*n].len = end - start;
		lines[*n].width = tui_text_width(s + start, end - start);
	}
	(*n)++;
}

int
tui_wrap(const char *s, int width, struct tui_line *lines, int max)
{
	size_t len = strlen(s), p = 0, start = 0, brk_end = 0, brk_next = 0, k;
	int n = 0, col = 0, have_brk = 0, w;
	wchar_t wc;

	if (width < 1)
		width = 1;
	while (p < len) {
		k = cluster(s + p, len - p, &wc, &w);
		if (wc == L'\n') {
			emit(s, start, p, lines, max, &n);
			p += k;
			start = p;
			col = 0;
			have_brk = 0;
			continue;
		}
		if (wc == L' ') {
			/* Spaces at the start of a line are dropped; at its
			 * end they may overflow, since emit() trims them. */
			if (p == start) {
				p += k;
				start = p;
				continue;
			}
			have_brk = 1;
			brk_end = p;
			brk_next = p + k;
			col += w;
			p += k;
			continue;
		}
		if (w == 2 && p > start) {
			have_brk = 1;
			brk_end = brk_next = p;
		}
		while (col + w > width && p > start) {
			if (have_brk) {
				emit(s, start, brk_end, lines, max, &n);
				start = brk_next;
				while (start < p && s[start] == ' ')
					start++;
			} else {
				/* A word longer than the line. */
				emit(s, start, p, lines, max, &n);
				start = p;
			}
			have_brk = 0;
			col = tui_text_width(s + start, p - start);
		}
		col += w;
		p += k;
		if (w == 2) {
			have_brk = 1;
			brk_end = brk_next = p;
		}
	}
	if (start < len || n == 0)
		emit(s, start, len, lines, max, &n);
	return n;
}

/* ---- line editor -------------------------------------------------------- */

void
tui_edit_init(struct tui_edit *e, int max)
{
	memset(e, 0, sizeof *e);
	e->max = max < 1 ? 1 : max > TUI_EDIT_MAX ? TUI_EDIT_MAX : max;
}

void
tui_edit_set(struct tui_edit *e, const char *s)
{
	size_t len = strlen(s), p = 0;
	wchar_t wc;

	e->len = e->cur = e->scroll = 0;
	e->s[0] = L'\0';
	while (p < len && e->len < e->max) {
		p += tui_utf8_decode(s + p, len - p, &wc);
		e->s[e->len++] = wc;
	}
	e->s[e->len] = L'\0';
	e->cur = e->len;
}

int
tui_edit_insert(struct tui_edit *e, wchar_t wc)
{
	if (e->len >= e->max || wc < 0x20 || (wc >= 0x7f && wc < 0xa0))
		return -1;
	memmove(e->s + e->cur + 1, e->s + e->cur,
	    (size_t)(e->len - e->cur + 1) * sizeof *e->s);
	e->s[e->cur++] = wc;
	e->len++;
	return 0;
}

/* Start of the character (with its combining marks) that ends at i. */
static int
prev_char(const struct tui_edit *e, int i)
{
	if (i <= 0)
		return 0;
	i--;
	while (i > 0 && tui_wcwidth(e->s[i]) == 0)
		i--;
	return i;
}

static int
next_char(const struct tui_edit *e, int i)
{
	if (i >= e->len)
		return e->len;
	i++;
	while (i < e->len && tui_wcwidth(e->s[i]) == 0)
		i++;
	return i;
}

static void
cut(struct tui_edit *e, int from, int to)
{
	memmove(e->s + from, e->s + to,
	    (size_t)(e->len - to + 1) * sizeof *e->s);
	e->len -= to - from;
	e->cur = from;
}

int
tui_edit_backspace(struct tui_edit *e)
{
	if (e->cur == 0)
		return -1;
	cut(e, prev_char(e, e->cur), e->cur);
	return 0;
}

int
tui_edit_delete(struct tui_edit *e)
{
	if (e->cur >= e->len)
		return -1;
	cut(e, e->cur, next_char(e, e->cur));
	return 0;
}

int
tui_edit_left(struct tui_edit *e)
{
	if (e->cur == 0)
		return -1;
	e->cur = prev_char(e, e->cur);
	return 0;
}

int
tui_edit_right(struct tui_edit *e)
{
	if (e->cur >= e->len)
		return -1;
	e->cur = next_char(e, e->cur);
	return 0;
}

void
tui_edit_home(struct tui_edit *e)
{
	e->cur = 0;
}

void
tui_edit_end(struct tui_edit *e)
{
	e->cur = e->len;
}

void
tui_edit_utf8(const struct tui_edit *e, char *out, size_t outsz)
{
	size_t n = 0, k;
	char tmp[4];
	int i;

	if (outsz == 0)
		return;
	for (i = 0; i < e->len; i++) {
		k = tui_utf8_encode(e->s[i], tmp);
		if (n + k >= outsz)
			break;
		memcpy(out + n, tmp, k);
		n += k;
	}
	out[n] = '\0';
}

static int
wide_width(const wchar_t *s, int n)
{
	int i, w = 0;

	for (i = 0; i < n; i++)
		w += tui_wcwidth(s[i]);
	return w;
}

int
tui_edit_view(struct tui_edit *e, int width)
{
	if (width < 2)
		width = 2;
	if (e->scroll > e->cur)
		e->scroll = e->cur;
	/* The cursor needs a cell of its own after the text before it. */
	while (e->scroll < e->cur &&
	    wide_width(e->s + e->scroll, e->cur - e->scroll) + 1 > width)
		e->scroll = next_char(e, e->scroll);
	/* Show as much as fits when the text got shorter. */
	while (e->scroll > 0) {
		int s = prev_char(e, e->scroll);

		if (wide_width(e->s + s, e->len - s) + 1 > width)
			break;
		e->scroll = s;
	}
	return wide_width(e->s + e->scroll, e->cur - e->scroll);
}
