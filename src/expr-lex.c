/*
 * expr-lex.c: splits an expression into tokens on demand, one at a time,
 * never reading past the length the compiler measured, and names the usual
 * operator slips of other languages.
 */
#include "expr-int.h"

#include <stdio.h>
#include <string.h>

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_name(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    is_digit(c);
}

static int
token(struct expr_parser *p, enum tok t, size_t off, size_t len)
{
	p->t = t;
	p->off = off;
	p->len = len;
	p->pos = off + len;
	return 0;
}

/* Offset of the first byte that is not valid UTF-8, or (size_t)-1. */
static size_t
utf8_invalid(const unsigned char *s, size_t n)
{
	size_t i = 0, k, need;
	uint32_t cp, min;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			need = 1, cp = s[i] & 0x1f, min = 0x80;
		else if (s[i] >= 0xe0 && s[i] <= 0xef)
			need = 2, cp = s[i] & 0x0f, min = 0x800;
		else if (s[i] >= 0xf0 && s[i] <= 0xf4)
			need = 3, cp = s[i] & 0x07, min = 0x10000;
		else
			return i;
		if (n - i <= need)
			return i;
		for (k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += need + 1;
	}
	return (size_t)-1;
}

static int
lex_number(struct expr_parser *p, size_t i)
{
	const char *s = p->src;
	size_t j = i, k;

	while (j < p->n && is_digit(s[j]))
		j++;
	if (j + 1 < p->n && s[j] == '.' && is_digit(s[j + 1]))
		for (j++; j < p->n && is_digit(s[j]); j++)
			;
	if (j < p->n && (is_name(s[j]) || s[j] == '.')) {
		for (k = j; k < p->n && (is_name(s[k]) || s[k] == '.'); k++)
			;
		expr_fail(p, i,
		    "malformed number '%.*s' (write numbers like 12 or 3.5)",
		    expr_clip(k - i), s + i);
		return -1;
	}
	return token(p, T_NUM, i, j - i);
}

static int
lex_string(struct expr_parser *p, size_t i)
{
	const char *s = p->src;
	char q = s[i];
	size_t j = i + 1, bad;

	for (;;) {
		if (j >= p->n) {
			expr_fail(p, i,
			    "unterminated string (missing closing %c)", q);
			return -1;
		}
		if (s[j] == q) {
			if (j + 1 < p->n && s[j + 1] == q) {
				j += 2;
				continue;
			}
			break;
		}
		j++;
	}
	bad = utf8_invalid((const unsigned char *)s + i + 1, j - i - 1);
	if (bad != (size_t)-1) {
		expr_fail(p, i + 1 + bad, "invalid UTF-8 in string");
		return -1;
	}
	return token(p, T_STR, i, j + 1 - i);
}

static int
lex_name(struct expr_parser *p, size_t i)
{
	static const struct {
		const char *word;
		enum tok t;
	} kw[] = { { "and", T_AND }, { "or", T_OR }, { "not", T_NOT },
		{ "true", T_TRUE }, { "false", T_FALSE } };
	size_t j, k;

	for (j = i; j < p->n && is_name(p->src[j]); j++)
		;
	for (k = 0; k < sizeof kw / sizeof kw[0]; k++)
		if (strlen(kw[k].word) == j - i &&
		    memcmp(kw[k].word, p->src + i, j - i) == 0)
			return token(p, kw[k].t, i, j - i);
	return token(p, T_NAME, i, j - i);
}

/* Operators from other languages: say which one this language uses. */
static int
hint(struct expr_parser *p, size_t i, const char *op, const char *fix)
{
	expr_fail(p, i, "'%s' is not an operator; %s", op, fix);
	return -1;
}

static int
lex_punct(struct expr_parser *p, size_t i)
{
	const char *s = p->src;
	char d = i + 1 < p->n ? s[i + 1] : '\0';
	size_t j;

	switch (s[i]) {
	case '(':
		return token(p, T_LP, i, 1);
	case ')':
		return token(p, T_RP, i, 1);
	case ',':
		return token(p, T_COMMA, i, 1);
	case '+':
		return token(p, T_PLUS, i, 1);
	case '-':
		return token(p, T_MINUS, i, 1);
	case '*':
		return token(p, T_STAR, i, 1);
	case '/':
		return token(p, T_SLASH, i, 1);
	case '.':
		if (!is_digit(d))
			return token(p, T_DOT, i, 1);
		for (j = i + 1; j < p->n && is_digit(s[j]); j++)
			;
		expr_fail(p, i, "'%.*s' is not a number (write 0%.*s)",
		    expr_clip(j - i), s + i, expr_clip(j - i), s + i);
		return -1;
	case '=':
		if (d == '=')
			return hint(p, i, "==", "use '=' to compare");
		if (d == '<')
			return hint(p, i, "=<", "use '<='");
		if (d == '>')
			return hint(p, i, "=>", "use '>='");
		return token(p, T_EQ, i, 1);
	case '!':
		if (d == '=')
			return token(p, T_NE, i, 2);
		return hint(p, i, "!", "use 'not'");
	case '<':
		if (d == '=')
			return token(p, T_LE, i, 2);
		if (d == '>')
			return hint(p, i, "<>", "use '!=' for 'not equal'");
		return token(p, T_LT, i, 1);
	case '>':
		if (d == '=')
			return token(p, T_GE, i, 2);
		return token(p, T_GT, i, 1);
	case '&':
		return hint(p, i, d == '&' ? "&&" : "&", "use 'and'");
	case '|':
		return hint(p, i, d == '|' ? "||" : "|", "use 'or'");
	}
	if (s[i] > ' ' && s[i] < 0x7f)
		expr_fail(p, i, "unexpected character '%c'", s[i]);
	else
		expr_fail(p, i,
		    "unexpected byte 0x%02x (text other than names and "
		    "operators goes in quotes)",
		    (unsigned char)s[i]);
	return -1;
}

int
expr_lex(struct expr_parser *p)
{
	const char *s = p->src;
	size_t i = p->pos;

	while (i < p->n &&
	    (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i >= p->n)
		return token(p, T_END, p->n, 0);
	if (is_digit(s[i]))
		return lex_number(p, i);
	if (s[i] == '\'' || s[i] == '"')
		return lex_string(p, i);
	if (is_name(s[i]))
		return lex_name(p, i);
	return lex_punct(p, i);
}
