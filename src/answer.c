/*
 * answer.c: typed text <-> answer values, shared by the screens, the
 * scripted driver and the exports so that all three read and write
 * answers the same way.
 */
#include "answer.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strutil.h"
#include "words.h"
#include "xmalloc.h"

static int
parse_number(const char *s, int integer, double *out)
{
	size_t len;

	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (strutil_parse_decimal(s, len, out) < 0)
		return -1;
	return integer && *out != floor(*out) ? -1 : 0;
}

static int
choice_index(const struct qn_question *q, long code)
{
	int i;

	for (i = 0; i < q->choices->nchoices; i++)
		if (q->choices->codes[i] == code)
			return i;
	return -1;
}

/* Where a refusal goes, and in which language of words.h. */
struct refusal {
	int lang;
	char *err;
	size_t errsz;
};

static int
refuse(const struct refusal *r, enum words_id w, const char *arg)
{
	words_say(r->err, r->errsz, r->lang, w, arg, NULL);
	return -1;
}

static int
parse_choice(const struct qn_question *q, const char *in, struct expr_value *v,
    const struct refusal *r)
{
	double d;

	if (parse_number(in, 1, &d) < 0 || choice_index(q, (long)d) < 0)
		return refuse(r, WORDS_E_NOT_A_CHOICE, in);
	v->kind = EXPR_V_NUMBER;
	v->num = d;
	return 0;
}

static int
parse_multiple(const struct qn_question *q, const char *in,
    struct expr_value *v, const struct refusal *r)
{
	char tok[32];
	const char *p = in;

	v->kind = EXPR_V_SET;
	v->set = 0;
	while (*p) {
		size_t n = strcspn(p, " ,");
		double d;
		int i;

		if (n == 0) {
			p++;
			continue;
		}
		if (n >= sizeof tok) {
			char *code = xstrndup(p, n);

			refuse(r, WORDS_E_NOT_A_CODE, code);
			free(code);
			return -1;
		}
		memcpy(tok, p, n);
		tok[n] = '\0';
		if (parse_number(tok, 1, &d) < 0 || (i = choice_index(q,
		    (long)d)) < 0)
			return refuse(r, WORDS_E_NOT_A_CHOICE, tok);
		v->set |= UINT64_C(1) << i;
		p += n;
	}
	/* Only separators: no choice given, which is no answer. */
	if (v->set == 0)
		v->kind = EXPR_V_NULL;
	return 0;
}

static int
parse_yesno(const char *in, struct expr_value *v, const struct refusal *r)
{
	static const char *const yes[] = { "1", "y", "yes", NULL };
	static const char *const no[] = { "0", "n", "no", NULL };
	int i;

	v->kind = EXPR_V_BOOL;
	for (i = 0; yes[i]; i++)
		if (strcasecmp(in, yes[i]) == 0) {
			v->num = 1;
			return 0;
		}
	for (i = 0; no[i]; i++)
		if (strcasecmp(in, no[i]) == 0) {
			v->num = 0;
			return 0;
		}
	return refuse(r, WORDS_E_YES_NO, NULL);
}

int
answer_parse(const struct qn_question *q, const char *in,
    struct expr_value *v, char *err, size_t errsz)
{
	return answer_parse_in(q, in, 0, v, err, errsz);
}

/* A number or a date, typed in the form the question's type wants. */
static int
parse_scalar(const struct qn_question *q, const char *in,
    struct expr_value *v, const struct refusal *r)
{
	int32_t days;

	if (q->type == QN_DATE) {
		if (expr_parse_date(in, strlen(in), &days) < 0)
			return refuse(r, WORDS_E_NOT_DATE, in);
		v->kind = EXPR_V_DATE;
		v->date = days;
		return 0;
	}
	if (parse_number(in, q->type == QN_INTEGER, &v->num) < 0)
		return refuse(r, q->type == QN_INTEGER ? WORDS_E_NOT_WHOLE :
		    WORDS_E_NOT_NUMBER, in);
	v->kind = EXPR_V_NUMBER;
	return 0;
}

int
answer_parse_in(const struct qn_question *q, const char *in, int lang,
    struct expr_value *v, char *err, size_t errsz)
{
	const struct refusal r = { lang, err, errsz };

	memset(v, 0, sizeof *v);
	if (q->type == QN_TEXT && in[0] != '\0') {
		size_t len = strlen(in);

		if (!strutil_utf8_valid(in, len))
			return refuse(&r, WORDS_E_NOT_UTF8, NULL);
		v->kind = EXPR_V_TEXT;
		v->text = in;
		v->len = len;
		return 0;
	}
	if (in[0] == '\0' || q->type == QN_NOTE)
		return 0; /* unanswered */
	if (strcasecmp(in, "dk") == 0) {
		v->missing = EXPR_DONT_KNOW;
		return 0;
	}
	if (strcasecmp(in, "refused") == 0) {
		v->missing = EXPR_REFUSED;
		return 0;
	}
	switch (q->type) {
	case QN_SINGLE:
	case QN_RATING:
		return parse_choice(q, in, v, &r);
	case QN_MULTIPLE:
		return parse_multiple(q, in, v, &r);
	case QN_YESNO:
		return parse_yesno(in, v, &r);
	case QN_INTEGER:
	case QN_DECIMAL:
	case QN_DATE:
		return parse_scalar(q, in, v, &r);
	default:
		return refuse(&r, WORDS_E_TAKES_NONE, NULL);
	}
}

static void
add_choice(const struct qn_question *q, long code, int lang, struct buf *b)
{
	const struct qn_choice *c = questionnaire_choice(q, code);

	if (lang >= 0 && c != NULL)
		buf_adds(b, c->label[lang]);
	else
		buf_addf(b, "%ld", code);
}

void
answer_format(const struct qn_question *q, const struct expr_value *v,
    int lang, struct buf *b)
{
	char date[16];
	int i, first = 1;

	switch (v->kind) {
	case EXPR_V_NULL:
		if (v->missing == EXPR_DONT_KNOW)
			buf_adds(b, lang >= 0 ? "don't know" : "dk");
		else if (v->missing == EXPR_REFUSED)
			buf_adds(b, "refused");
		return;
	case EXPR_V_TEXT:
		buf_add(b, v->text, v->len);
		return;
	case EXPR_V_DATE:
		expr_format_date(v->date, date);
		buf_adds(b, date);
		return;
	case EXPR_V_BOOL:
		if (q->choices != NULL && lang >= 0)
			add_choice(q, v->num != 0, lang, b);
		else
			buf_adds(b, v->num != 0 ? "1" : "0");
		return;
	case EXPR_V_SET:
		for (i = 0; q->choices && i < q->choices->nchoices; i++)
			if (v->set & (UINT64_C(1) << i)) {
				buf_adds(b, first ? "" : lang >= 0 ? ", " : " ");
				add_choice(q, q->choices->codes[i], lang, b);
				first = 0;
			}
		return;
	case EXPR_V_NUMBER:
		if ((q->type == QN_SINGLE || q->type == QN_RATING) &&
		    q->choices != NULL)
			add_choice(q, (long)v->num, lang, b);
		else
			buf_addf(b, "%.15g", v->num);
		return;
	}
}
