/*
 * questionnaire-load.c: YAML tree -> questionnaire model, with every check
 * an author needs. The loader keeps going after a problem so that one run
 * of `lcsurvey check` lists them all; it gives up on the model (returns
 * NULL) if any error was found.
 *
 * Two passes. The first walks the sections and records every question,
 * section and roster, so that names can be resolved with a helpful "defined
 * later, at line N" instead of "unknown". The second compiles expressions,
 * in questionnaire order, allowing each to see only the questions before it.
 */
#include "questionnaire.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sec.h"
#include "strutil.h"
#include "xmalloc.h"
#include "yamltree.h"

#define QN_MAX_TEXT_LENGTH 10000
#define QN_DEFAULT_TEXT_LENGTH 500
#define QN_MAX_ROSTER 99

/* What each mapping may contain; checked with a "did you mean". */
static const char *const top_keys[] = { "survey", "choices", "design",
	"sections", "indicators", NULL };
static const char *const survey_keys[] = { "id", "version", "title",
	"languages", "consent", "dont_know", "refused", NULL };
static const char *const choice_keys[] = { "code", "label", NULL };
static const char *const design_keys[] = { "stratum", "cluster", "weight",
	"household", "selection", "weighting_class", NULL };
static const char *const section_keys[] = { "id", "title", "relevant",
	"roster", "questions", NULL };
static const char *const roster_keys[] = { "count", "max", "label", NULL };
static const char *const question_keys[] = { "id", "type", "label", "hint",
	"required", "relevant", "constraint", "constraint_message", "warning",
	"warning_message", "calculate",
	"choices", "min", "max", "max_length", "dont_know", "refused", NULL };
static const char *const indicator_keys[] = { "id", "code", "name", "kind",
	"unit", "universe", "numerator", "denominator", "value", "by", NULL };


/* Built-in scales, so that every questionnaire does not repeat them. */
struct builtin_label {
	const char *lang;
	const char *text[5];
};

static const long rating_codes[] = { 5, 4, 3, 2, 1 };
static const struct builtin_label rating_labels[] = {
	{ "en", { "Excellent", "Very good", "Good", "Fair", "Poor" } },
	{ "fr", { "Excellent", "Très bien", "Bien", "Passable", "Médiocre" } },
	{ "es", { "Excelente", "Muy bueno", "Bueno", "Regular", "Malo" } },
	{ "zh", { "极好", "很好", "好", "一般", "差" } },
	{ "ar", { "ممتاز", "جيد جدا", "جيد", "مقبول", "ضعيف" } },
	{ "ru", { "Отлично", "Очень хорошо", "Хорошо", "Удовлетворительно",
	    "Плохо" } },
	{ "pt", { "Excelente", "Muito bom", "Bom", "Razoável", "Fraco" } },
	{ "de", { "Ausgezeichnet", "Sehr gut", "Gut", "Ausreichend",
	    "Schlecht" } },
};
static const long yesno_codes[] = { 1, 0 };
static const struct builtin_label yesno_labels[] = {
	{ "en", { "Yes", "No" } }, { "fr", { "Oui", "Non" } },
	{ "es", { "Sí", "No" } }, { "zh", { "是", "否" } },
	{ "ar", { "نعم", "لا" } }, { "ru", { "Да", "Нет" } },
	{ "pt", { "Sim", "Não" } }, { "de", { "Ja", "Nein" } },
};

/* Pass-one record of a question: its YAML node, kept for pass two. */
struct pending {
	const struct yamltree *node;
};

struct loader {
	struct questionnaire *qn;
	struct arena *a;   /* the questionnaire's */
	struct arena tmp;  /* the YAML tree, scratch compiles */
	struct diag *d;
	const char *src;   /* for expression positions */
	int dk_default, ref_default;

	struct qn_question *qs;
	size_t nq, capq;
	const struct yamltree **qnodes;
	size_t capqn;
	struct qn_section *secs;
	size_t nsec, capsec;
	const struct yamltree **secnodes;
	size_t capsecn;
	struct qn_roster *rosters;
	size_t nros, capros;
	struct qn_choice_list *lists;
	size_t nlists, caplists;
	int *list_used;
	struct qn_indicator *inds;
	size_t ninds, capinds;

	/* Resolver state for the expression being compiled. */
	int limit;	   /* questions [0, limit) are visible */
	int self;	   /* question "." names, or -1 */
	int seen_roster;   /* a roster referenced, for indicator levels */
	int seen_rosters;  /* how many distinct */
};

/* ---- small checks ---------------------------------------------------- */

static int
is_ident(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	if (i > 32)
		return 0;
	return strcmp(s, "and") && strcmp(s, "or") && strcmp(s, "not") &&
	    strcmp(s, "true") && strcmp(s, "false");
}

static int
is_lang(const char *s)
{
	size_t i = 0;

	while (s[i] >= 'a' && s[i] <= 'z')
		i++;
	if (i < 2 || i > 3)
		return 0;
	if (s[i] == '\0')
		return 1;
	if (s[i] != '-' || s[i + 1] == '\0')
		return 0;
	for (i++; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return i <= 16;
}

static const char *
kind_word(const struct yamltree *n)
{
	return n->kind == YAMLTREE_MAP ? "a mapping" :
	    n->kind == YAMLTREE_SEQ ? "a list" : "text";
}

static int
want_kind(struct loader *l, const struct yamltree *n, enum yamltree_kind k,
    const char *what)
{
	static const char *const words[] = { "a single value", "a list",
		"a mapping" };

	if (n->kind == k)
		return 0;
	diag_error(l->d, n->line, n->col, "%s must be %s, not %s", what,
	    words[k], kind_word(n));
	return -1;
}

/* Checks a mapping's keys against the allowed set. */
static void
check_keys(struct loader *l, const struct yamltree *map,
    const char *const *allowed, const char *where)
{
	size_t i, j, n = 0;

	while (allowed[n])
		n++;
	for (i = 0; i < map->n; i++) {
		const struct yamltree *k = map->items[2 * i];
		const char *sugg;

		for (j = 0; j < i; j++)
			if (strcmp(map->items[2 * j]->str, k->str) == 0)
				break;
		if (j < i) {
			diag_error(l->d, k->line, k->col, "'%s' appears twice in "
			    "%s (keep one)", k->str, where);
			continue;
		}
		for (j = 0; j < n; j++)
			if (strcmp(k->str, allowed[j]) == 0)
				break;
		if (j < n)
			continue;
		sugg = strutil_suggest(k->str, k->len, allowed, n);
		if (sugg != NULL)
			diag_error(l->d, k->line, k->col, "unknown key '%s' in "
			    "%s (did you mean '%s'?)", k->str, where, sugg);
		else
			diag_error(l->d, k->line, k->col, "unknown key '%s' in "
			    "%s", k->str, where);
	}
}

static const struct yamltree *
need(struct loader *l, const struct yamltree *map, const char *key,
    const char *where)
{
	const struct yamltree *v = yamltree_get(map, key);

	if (v == NULL)
		diag_error(l->d, map->line, map->col, "%s has no '%s' (add "
		    "'%s:')", where, key, key);
	return v;
}

/* A scalar's text, or NULL (with an error) for a list or mapping. */
static const char *
scalar(struct loader *l, const struct yamltree *n, const char *what)
{
	if (n == NULL || want_kind(l, n, YAMLTREE_SCALAR, what) < 0)
		return NULL;
	return n->str;
}

static int
get_bool(struct loader *l, const struct yamltree *n, const char *what,
    int *out)
{
	if (scalar(l, n, what) == NULL)
		return -1;
	if (strcmp(n->str, "true") == 0 || strcmp(n->str, "yes") == 0)
		*out = 1;
	else if (strcmp(n->str, "false") == 0 || strcmp(n->str, "no") == 0)
		*out = 0;
	else {
		diag_error(l->d, n->line, n->col, "%s must be true or false, "
		    "not '%s'", what, n->str);
		return -1;
	}
	return 0;
}

static int
get_number(struct loader *l, const struct yamltree *n, const char *what,
    double *out)
{
	if (scalar(l, n, what) == NULL)
		return -1;
	if (strutil_parse_decimal(n->str, n->len, out) < 0) {
		diag_error(l->d, n->line, n->col, "%s must be a number, not "
		    "'%s'", what, n->str);
		return -1;
	}
	return 0;
}

static int
get_long(struct loader *l, const struct yamltree *n, const char *what,
    long lo, long hi, long *out)
{
	double v;

	if (get_number(l, n, what, &v) < 0)
		return -1;
	if (v != floor(v) || v < (double)lo || v > (double)hi) {
		diag_error(l->d, n->line, n->col, "%s must be a whole number "
		    "from %ld to %ld, not '%s'", what, lo, hi, n->str);
		return -1;
	}
	*out = (long)v;
	return 0;
}

static const char *
get_ident(struct loader *l, const struct yamltree *n, const char *what)
{
	const char *s = scalar(l, n, what);

	if (s == NULL)
		return NULL;
	if (!is_ident(s)) {
		diag_error(l->d, n->line, n->col, "invalid %s '%s' (use a letter "
		    "then letters, digits or '_', at most 32, not a keyword)",
		    what, s);
		return NULL;
	}
	return arena_strdup(l->a, s);
}

/* A text in every language: a mapping lang -> text, or a plain string
 * when the questionnaire has one language. */
static qn_text
get_text(struct loader *l, const struct yamltree *n, const char *what)
{
	const struct questionnaire *qn = l->qn;
	const char **t;
	size_t i;
	int k, bad = 0;

	if (n == NULL || qn->nlang == 0)
		return NULL;
	t = arena_alloc(l->a, (size_t)qn->nlang * sizeof *t);
	if (n->kind == YAMLTREE_SCALAR && qn->nlang == 1) {
		if (n->len == 0) {
			diag_error(l->d, n->line, n->col, "%s is empty", what);
			return NULL;
		}
		t[0] = arena_strdup(l->a, n->str);
		return t;
	}
	if (n->kind != YAMLTREE_MAP) {
		diag_error(l->d, n->line, n->col, "%s must map each language to "
		    "its text, e.g. {%s: ...}", what, qn->langs[0]);
		return NULL;
	}
	for (i = 0; i < n->n; i++) {
		const struct yamltree *key = n->items[2 * i],
		    *val = n->items[2 * i + 1];

		k = questionnaire_lang(qn, key->str);
		if (k < 0) {
			diag_error(l->d, key->line, key->col, "language '%s' in %s "
			    "is not declared in survey.languages", key->str, what);
			bad = 1;
			continue;
		}
		if (scalar(l, val, what) == NULL) {
			bad = 1;
			continue;
		}
		t[k] = arena_strdup(l->a, val->str);
	}
	for (k = 0; k < qn->nlang; k++)
		if (t[k] == NULL || t[k][0] == '\0') {
			if (!bad)
				diag_error(l->d, n->line, n->col, "%s has no text "
				    "in language '%s' (add '%s: ...')", what,
				    qn->langs[k], qn->langs[k]);
			bad = 1;
		}
	return bad ? NULL : t;
}

/* ---- survey, choices ------------------------------------------------- */

static void
load_languages(struct loader *l, const struct yamltree *n)
{
	struct questionnaire *qn = l->qn;
	const char **langs;
	size_t i, j;

	if (n == NULL || want_kind(l, n, YAMLTREE_SEQ, "survey.languages") < 0)
		return;
	if (n->n == 0) {
		diag_error(l->d, n->line, n->col, "survey.languages is empty "
		    "(list at least one, e.g. [en])");
		return;
	}
	langs = arena_alloc(l->a, n->n * sizeof *langs);
	for (i = 0; i < n->n; i++) {
		const struct yamltree *it = n->items[i];

		if (scalar(l, it, "a language") == NULL)
			return;
		if (!is_lang(it->str)) {
			diag_error(l->d, it->line, it->col, "invalid language code "
			    "'%s' (use ISO 639 codes such as en, fr, zh)", it->str);
			return;
		}
		for (j = 0; j < i; j++)
			if (strcmp(langs[j], it->str) == 0) {
				diag_error(l->d, it->line, it->col, "language '%s' is "
				    "listed twice", it->str);
				return;
			}
		langs[i] = arena_strdup(l->a, it->str);
	}
	qn->langs = langs;
	qn->nlang = (int)n->n;
}

static void
load_survey(struct loader *l, const struct yamltree *s)
{
	struct questionnaire *qn = l->qn;
	const struct yamltree *v;

	if (want_kind(l, s, YAMLTREE_MAP, "'survey'") < 0)
		return;
	check_keys(l, s, survey_keys, "'survey'");
	load_languages(l, need(l, s, "languages", "'survey'"));
	if ((v = need(l, s, "id", "'survey'")) != NULL)
		qn->id = get_ident(l, v, "survey id");
	if ((v = need(l, s, "version", "'survey'")) != NULL &&
	    scalar(l, v, "survey.version") != NULL)
		qn->version = arena_strdup(l->a, v->str);
	if ((v = need(l, s, "title", "'survey'")) != NULL)
		qn->title = get_text(l, v, "survey.title");
	if ((v = yamltree_get(s, "consent")) != NULL)
		qn->consent = get_text(l, v, "survey.consent");
	if ((v = yamltree_get(s, "dont_know")) != NULL)
		get_bool(l, v, "survey.dont_know", &l->dk_default);
	if ((v = yamltree_get(s, "refused")) != NULL)
		get_bool(l, v, "survey.refused", &l->ref_default);
}

/* A list of {code, label}; id names it in messages. */
static struct qn_choice_list *
load_choice_list(struct loader *l, const char *id, const struct yamltree *n)
{
	struct qn_choice_list *cl;
	struct qn_choice *ch;
	long *codes;
	size_t i, j;

	if (want_kind(l, n, YAMLTREE_SEQ, "a choice list") < 0)
		return NULL;
	if (n->n == 0) {
		diag_error(l->d, n->line, n->col, "choice list '%s' is empty", id);
		return NULL;
	}
	cl = arena_alloc(l->a, sizeof *cl);
	ch = arena_alloc(l->a, n->n * sizeof *ch);
	codes = arena_alloc(l->a, n->n * sizeof *codes);
	cl->id = id;
	cl->line = n->line;
	cl->col = n->col;
	for (i = 0; i < n->n; i++) {
		const struct yamltree *it = n->items[i], *c;

		if (want_kind(l, it, YAMLTREE_MAP, "a choice") < 0)
			continue;
		check_keys(l, it, choice_keys, "a choice");
		if ((c = need(l, it, "code", "a choice")) != NULL &&
		    get_long(l, c, "a choice code", -999999999, 999999999,
		    &ch[i].code) == 0)
			for (j = 0; j < i; j++)
				if (codes[j] == ch[i].code) {
					diag_error(l->d, c->line, c->col, "code %ld is "
					    "used twice in choice list '%s'",
					    ch[i].code, id);
					break;
				}
		codes[i] = ch[i].code;
		if ((c = need(l, it, "label", "a choice")) != NULL)
			ch[i].label = get_text(l, c, "a choice label");
	}
	cl->choices = ch;
	cl->codes = codes;
	cl->nchoices = (int)n->n;
	return cl;
}

static void
add_list(struct loader *l, const struct qn_choice_list *cl)
{
	xgrow((void **)&l->lists, &l->caplists, l->nlists + 1, sizeof *l->lists);
	l->lists[l->nlists++] = *cl;
}

static void
load_choices(struct loader *l, const struct yamltree *n)
{
	size_t i, j;

	if (n == NULL || want_kind(l, n, YAMLTREE_MAP, "'choices'") < 0)
		return;
	for (i = 0; i < n->n; i++) {
		const struct yamltree *k = n->items[2 * i];
		const char *id = get_ident(l, k, "choice list id");
		struct qn_choice_list *cl;

		if (id == NULL)
			continue;
		for (j = 0; j < l->nlists; j++)
			if (strcmp(l->lists[j].id, id) == 0)
				diag_error(l->d, k->line, k->col, "choice list '%s' "
				    "is defined twice", id);
		if ((cl = load_choice_list(l, id, n->items[2 * i + 1])) != NULL)
			add_list(l, cl);
	}
}

/* The built-in list for rating or yes/no, in the questionnaire's
 * languages; NULL (with an error) for a language without built-in text. */
static const struct qn_choice_list *
builtin_list(struct loader *l, const struct yamltree *at, const char *id,
    const long *codes, int n, const struct builtin_label *tab, size_t ntab)
{
	struct qn_choice_list *cl = arena_alloc(l->a, sizeof *cl);
	struct qn_choice *ch = arena_alloc(l->a, (size_t)n * sizeof *ch);
	int i, k;

	for (i = 0; i < n; i++) {
		const char **t = arena_alloc(l->a, (size_t)l->qn->nlang * sizeof *t);

		for (k = 0; k < l->qn->nlang; k++) {
			size_t j;

			for (j = 0; j < ntab; j++)
				if (strcmp(tab[j].lang, l->qn->langs[k]) == 0)
					t[k] = tab[j].text[i];
			if (t[k] == NULL) {
				if (codes == yesno_codes)
					diag_error(l->d, at->line, at->col, "no "
					    "built-in yes/no labels in language "
					    "'%s' (use a single-choice question "
					    "with codes 1 and 0)", l->qn->langs[k]);
				else
					diag_error(l->d, at->line, at->col, "no "
					    "built-in %s labels in language '%s' "
					    "(give 'choices' with codes %ld to %ld)",
					    id, l->qn->langs[k], codes[0],
					    codes[n - 1]);
				return NULL;
			}
		}
		ch[i].code = codes[i];
		ch[i].label = t;
	}
	cl->id = id;
	cl->choices = ch;
	cl->codes = codes;
	cl->nchoices = n;
	return cl;
}

/* ---- pass one: sections and questions ---------------------------------- */

static int
find_question(const struct loader *l, const char *id, size_t len)
{
	size_t i;

	for (i = 0; i < l->nq; i++)
		if (strlen(l->qs[i].id) == len && memcmp(l->qs[i].id, id, len) == 0)
			return (int)i;
	return -1;
}

static const struct qn_choice_list *
question_choices(struct loader *l, struct qn_question *q,
    const struct yamltree *n)
{
	const struct qn_choice_list *cl;
	size_t i;

	if (n != NULL && n->kind == YAMLTREE_SEQ) {
		cl = load_choice_list(l, q->id, n);
		if (cl != NULL)
			((struct qn_choice_list *)cl)->line = 0; /* inline */
		return cl;
	}
	if (scalar(l, n, "'choices'") == NULL)
		return NULL;
	for (i = 0; i < l->nlists; i++)
		if (strcmp(l->lists[i].id, n->str) == 0) {
			l->list_used[i] = 1;
			return &l->lists[i];
		}
	{
		const char **names = xmalloc((l->nlists + 1) * sizeof *names);
		const char *sugg;

		for (i = 0; i < l->nlists; i++)
			names[i] = l->lists[i].id;
		sugg = strutil_suggest(n->str, n->len, names, l->nlists);
		if (sugg)
			diag_error(l->d, n->line, n->col, "unknown choice list "
			    "'%s' (did you mean '%s'?)", n->str, sugg);
		else
			diag_error(l->d, n->line, n->col, "unknown choice list "
			    "'%s' (define it under 'choices:')", n->str);
		free(names);
	}
	return NULL;
}

static int
parse_type(struct loader *l, const struct yamltree *n, enum qn_type *t)
{
	const char *type_names[QN_CALCULATE + 1];
	size_t i, nt = QN_CALCULATE + 1;
	const char *sugg;

	if (scalar(l, n, "'type'") == NULL)
		return -1;
	for (i = 0; i < nt; i++)
		type_names[i] = questionnaire_type_name((enum qn_type)i);
	for (i = 0; i < nt; i++)
		if (strcmp(n->str, type_names[i]) == 0) {
			*t = (enum qn_type)i;
			return 0;
		}
	sugg = strutil_suggest(n->str, n->len, type_names, nt);
	diag_error(l->d, n->line, n->col, "unknown question type '%s' (%s%s%s"
	    "one of single, multiple, yesno, integer, decimal, text, date, "
	    "rating, note, calculate)", n->str, sugg ? "did you mean '" : "",
	    sugg ? sugg : "", sugg ? "'? " : "");
	return -1;
}

/* A key that only some types take. */
static void
only_for(struct loader *l, const struct yamltree *qnode, const char *key,
    int ok, const char *types)
{
	const struct yamltree *v = yamltree_get(qnode, key);
	size_t i;

	if (v == NULL || ok)
		return;
	for (i = 0; i < qnode->n; i++)
		if (qnode->items[2 * i + 1] == v)
			v = qnode->items[2 * i];
	diag_error(l->d, v->line, v->col, "'%s' is only for %s", key, types);
}

static void
load_bounds(struct loader *l, struct qn_question *q, const struct yamltree *qn)
{
	const struct yamltree *mn = yamltree_get(qn, "min"),
	    *mx = yamltree_get(qn, "max");
	int numeric = q->type == QN_INTEGER || q->type == QN_DECIMAL;

	only_for(l, qn, "min", numeric || q->type == QN_DATE,
	    "integer, decimal and date questions");
	only_for(l, qn, "max", numeric || q->type == QN_DATE,
	    "integer, decimal and date questions");
	if (!numeric && q->type != QN_DATE)
		return;
	if (q->type == QN_DATE) {
		int32_t days;

		if (mn && scalar(l, mn, "'min'") &&
		    expr_parse_date(mn->str, mn->len, &days) == 0)
			q->has_min = 1, q->min = days;
		else if (mn)
			diag_error(l->d, mn->line, mn->col, "'min' of a date must "
			    "be written YYYY-MM-DD, not '%s'", mn->str);
		if (mx && scalar(l, mx, "'max'") &&
		    expr_parse_date(mx->str, mx->len, &days) == 0)
			q->has_max = 1, q->max = days;
		else if (mx)
			diag_error(l->d, mx->line, mx->col, "'max' of a date must "
			    "be written YYYY-MM-DD, not '%s'", mx->str);
	} else {
		if (mn && get_number(l, mn, "'min'", &q->min) == 0)
			q->has_min = 1;
		if (mx && get_number(l, mx, "'max'", &q->max) == 0)
			q->has_max = 1;
		if (q->type == QN_INTEGER && ((q->has_min && q->min != floor(q->min)) ||
		    (q->has_max && q->max != floor(q->max))))
			diag_error(l->d, (q->has_min && q->min != floor(q->min) ?
			    mn : mx)->line, (q->has_min && q->min != floor(q->min) ?
			    mn : mx)->col, "bounds of integer question '%s' must "
			    "be whole numbers", q->id);
	}
	if (q->has_min && q->has_max && q->min > q->max)
		diag_error(l->d, mn->line, mn->col, "'min' is greater than 'max' "
		    "in question '%s' (swap them?)", q->id);
}

static void
load_question_options(struct loader *l, struct qn_question *q,
    const struct yamltree *n)
{
	const struct yamltree *v;
	int answerable = q->type != QN_NOTE && q->type != QN_CALCULATE;
	int chooses = q->type == QN_SINGLE || q->type == QN_MULTIPLE;
	long len;

	q->required = answerable;
	q->allow_dont_know = answerable && l->dk_default;
	q->allow_refused = answerable && l->ref_default;
	only_for(l, n, "required", answerable, "answerable questions (not "
	    "note or calculate)");
	only_for(l, n, "dont_know", answerable, "answerable questions");
	only_for(l, n, "refused", answerable, "answerable questions");
	only_for(l, n, "constraint", answerable, "answerable questions");
	only_for(l, n, "constraint_message", answerable, "answerable questions");
	only_for(l, n, "warning", answerable, "answerable questions");
	only_for(l, n, "warning_message", answerable, "answerable questions");
	only_for(l, n, "max_length", q->type == QN_TEXT, "text questions");
	only_for(l, n, "calculate", q->type == QN_CALCULATE,
	    "calculate questions");
	only_for(l, n, "choices", chooses || q->type == QN_RATING,
	    "single, multiple and rating questions");
	if (answerable && (v = yamltree_get(n, "required")) != NULL)
		get_bool(l, v, "'required'", &q->required);
	if (answerable && (v = yamltree_get(n, "dont_know")) != NULL)
		get_bool(l, v, "'dont_know'", &q->allow_dont_know);
	if (answerable && (v = yamltree_get(n, "refused")) != NULL)
		get_bool(l, v, "'refused'", &q->allow_refused);
	if (q->type == QN_TEXT) {
		q->max_length = QN_DEFAULT_TEXT_LENGTH;
		if ((v = yamltree_get(n, "max_length")) != NULL &&
		    get_long(l, v, "'max_length'", 1, QN_MAX_TEXT_LENGTH, &len) == 0)
			q->max_length = (int)len;
	}
	if (q->type == QN_CALCULATE)
		need(l, n, "calculate", "a calculate question");
	load_bounds(l, q, n);
	if ((v = yamltree_get(n, "hint")) != NULL)
		q->hint = get_text(l, v, "'hint'");
	if ((v = yamltree_get(n, "constraint_message")) != NULL)
		q->constraint_message = get_text(l, v, "'constraint_message'");
	if ((v = yamltree_get(n, "warning_message")) != NULL)
		q->warning_message = get_text(l, v, "'warning_message'");
}

static void
load_question_choices(struct loader *l, struct qn_question *q,
    const struct yamltree *n)
{
	const struct yamltree *v = yamltree_get(n, "choices");

	if (q->type == QN_SINGLE || q->type == QN_MULTIPLE) {
		if (v == NULL)
			need(l, n, "choices", "a choice question");
		else
			q->choices = question_choices(l, q, v);
	} else if (q->type == QN_RATING && v != NULL) {
		q->choices = question_choices(l, q, v);
		if (q->choices != NULL) {
			int i, ok = q->choices->nchoices == 5;

			for (i = 0; ok && i < 5; i++)
				ok = q->choices->codes[i] >= 1 &&
				    q->choices->codes[i] <= 5;
			if (!ok)
				diag_error(l->d, v->line, v->col, "a rating scale "
				    "has five choices coded 1 to 5 (5 best)");
		}
	} else if (q->type == QN_RATING)
		q->choices = builtin_list(l, n, "rating", rating_codes, 5,
		    rating_labels, sizeof rating_labels / sizeof *rating_labels);
	else if (q->type == QN_YESNO)
		q->choices = builtin_list(l, n, "yes/no", yesno_codes, 2,
		    yesno_labels, sizeof yesno_labels / sizeof *yesno_labels);
	if (q->type == QN_MULTIPLE && q->choices != NULL &&
	    q->choices->nchoices > QN_MAX_MULTIPLE)
		diag_error(l->d, v->line, v->col, "a multiple-choice question "
		    "takes at most %d choices", QN_MAX_MULTIPLE);
}

static void
load_question(struct loader *l, const struct yamltree *n, int section,
    int roster)
{
	struct qn_question q;
	const struct yamltree *v;
	int dup;

	if (want_kind(l, n, YAMLTREE_MAP, "a question") < 0)
		return;
	memset(&q, 0, sizeof q);
	check_keys(l, n, question_keys, "a question");
	q.line = n->line;
	q.col = n->col;
	q.section = section;
	q.roster = roster;
	if ((v = need(l, n, "id", "a question")) == NULL ||
	    (q.id = get_ident(l, v, "question id")) == NULL)
		return;
	if ((dup = find_question(l, q.id, strlen(q.id))) >= 0) {
		diag_error(l->d, v->line, v->col, "duplicate question id '%s' "
		    "(first defined at line %d)", q.id, l->qs[dup].line);
		return;
	}
	if ((v = need(l, n, "type", "a question")) == NULL ||
	    parse_type(l, v, &q.type) < 0)
		return;
	if ((v = need(l, n, "label", "a question")) != NULL)
		q.label = get_text(l, v, "'label'");
	load_question_options(l, &q, n);
	load_question_choices(l, &q, n);
	q.index = (int)l->nq;
	xgrow((void **)&l->qs, &l->capq, l->nq + 1, sizeof *l->qs);
	xgrow((void **)&l->qnodes, &l->capqn, l->nq + 1, sizeof *l->qnodes);
	l->qnodes[l->nq] = n;
	l->qs[l->nq++] = q;
}

static void
load_section(struct loader *l, const struct yamltree *n)
{
	struct qn_section s;
	const struct yamltree *v, *qs;
	size_t i;

	if (want_kind(l, n, YAMLTREE_MAP, "a section") < 0)
		return;
	memset(&s, 0, sizeof s);
	check_keys(l, n, section_keys, "a section");
	s.line = n->line;
	s.col = n->col;
	if ((v = need(l, n, "id", "a section")) != NULL)
		s.id = get_ident(l, v, "section id");
	/* A section without a usable id is recorded all the same (the error
	 * is already reported), with id NULL. */
	for (i = 0; s.id && i < l->nsec; i++)
		if (l->secs[i].id != NULL && strcmp(l->secs[i].id, s.id) == 0)
			diag_error(l->d, v->line, v->col, "duplicate section id "
			    "'%s'", s.id);
	if ((v = need(l, n, "title", "a section")) != NULL)
		s.title = get_text(l, v, "section title");
	if ((v = yamltree_get(n, "roster")) != NULL &&
	    want_kind(l, v, YAMLTREE_MAP, "'roster'") == 0) {
		struct qn_roster r;

		memset(&r, 0, sizeof r);
		check_keys(l, v, roster_keys, "'roster'");
		need(l, v, "count", "'roster'");
		r.id = s.id ? s.id : "";
		r.section = (int)l->nsec;
		r.max = QN_MAX_ROSTER;
		xgrow((void **)&l->rosters, &l->capros, l->nros + 1,
		    sizeof *l->rosters);
		l->rosters[l->nros++] = r;
		s.roster = (int)l->nros;
	}
	s.first = (int)l->nq;
	if ((qs = need(l, n, "questions", "a section")) != NULL &&
	    want_kind(l, qs, YAMLTREE_SEQ, "'questions'") == 0) {
		if (qs->n == 0)
			diag_error(l->d, qs->line, qs->col, "section '%s' has no "
			    "questions", s.id ? s.id : "?");
		for (i = 0; i < qs->n; i++)
			load_question(l, qs->items[i], (int)l->nsec, s.roster);
	}
	s.count = (int)l->nq - s.first;
	xgrow((void **)&l->secs, &l->capsec, l->nsec + 1, sizeof *l->secs);
	xgrow((void **)&l->secnodes, &l->capsecn, l->nsec + 1,
	    sizeof *l->secnodes);
	l->secnodes[l->nsec] = n;
	l->secs[l->nsec++] = s;
}

/* ---- pass two: expressions ---------------------------------------------- */

static enum expr_type
value_type(const struct qn_question *q)
{
	switch (q->type) {
	case QN_TEXT:
		return EXPR_T_TEXT;
	case QN_YESNO:
		return EXPR_T_BOOL;
	case QN_DATE:
		return EXPR_T_DATE;
	case QN_MULTIPLE:
		return EXPR_T_SET;
	case QN_CALCULATE:
		return q->calculate ? expr_type_of(q->calculate) : EXPR_T_ANY;
	default:
		return EXPR_T_NUMBER;
	}
}

static int
resolve(void *ctx, const char *name, size_t len, struct expr_ref *out,
    char *msg, size_t msgsz)
{
	struct loader *l = ctx;
	const struct qn_question *q;
	int i;

	if (len == 1 && name[0] == '.') {
		if (l->self < 0) {
			snprintf(msg, msgsz, "'.' (this question's answer) is only "
			    "meaningful in a constraint");
			return -1;
		}
		i = l->self;
	} else if ((i = find_question(l, name, len)) < 0) {
		const char **names = xmalloc((l->nq + 1) * sizeof *names);
		const char *sugg;
		size_t k;

		for (k = 0; k < l->nq; k++)
			names[k] = l->qs[k].id;
		sugg = strutil_suggest(name, len, names, l->nq);
		if (sugg)
			snprintf(msg, msgsz, "unknown question '%.*s' (did you mean "
			    "'%s'?)", (int)len, name, sugg);
		else
			snprintf(msg, msgsz, "unknown question '%.*s'", (int)len,
			    name);
		free(names);
		return -1;
	} else if (i >= l->limit) {
		snprintf(msg, msgsz, "question '%.*s' is defined later, at line "
		    "%d (an expression can only use earlier questions)",
		    (int)len, name, l->qs[i].line);
		return -1;
	}
	q = &l->qs[i];
	if (q->type == QN_NOTE || (q->type == QN_CALCULATE && !q->calculate)) {
		snprintf(msg, msgsz, "'%s' is a %s and has no value", q->id,
		    q->type == QN_NOTE ? "note" : "calculation that did not load");
		return -1;
	}
	out->id = i;
	out->type = value_type(q);
	out->roster = q->roster;
	out->codes = q->choices ? q->choices->codes : NULL;
	out->ncodes = q->choices ? q->choices->nchoices : 0;
	if (q->roster && q->roster != l->seen_roster) {
		l->seen_rosters++;
		l->seen_roster = q->roster;
	}
	return 0;
}

/* Where offset off of a scalar's text lands in the file. */
static void
expr_pos(const struct yamltree *n, size_t off, int *line, int *col)
{
	size_t i;

	*line = n->line;
	*col = n->col + (n->plain ? 0 : 1);
	for (i = 0; i < off && i < n->len; i++) {
		if (n->str[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)n->str[i] & 0xC0) != 0x80)
			++*col;
	}
}

/* Where key stands in map, for messages about its value. */
static struct qn_pos
key_at(const struct yamltree *map, const char *key)
{
	struct qn_pos p = { 0, 0 };
	size_t i;

	for (i = 0; map != NULL && map->kind == YAMLTREE_MAP && i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0) {
			p.line = map->items[2 * i]->line;
			p.col = map->items[2 * i]->col;
		}
	return p;
}

static const struct expr *
compile_in(struct loader *l, struct arena *a, const struct yamltree *n,
    int scope, enum expr_type want, int report)
{
	struct expr_resolver r = { resolve, l };
	struct expr_error err;
	const struct expr *e;
	int line, col;

	if (n == NULL || scalar(l, n, "an expression") == NULL)
		return NULL;
	e = expr_compile(a, n->str, &r, scope, want, &err);
	if (e == NULL && report) {
		expr_pos(n, err.offset, &line, &col);
		diag_error(l->d, line, col, "%s", err.msg);
	}
	return e;
}

static const struct expr *
compile(struct loader *l, const struct yamltree *n, int scope,
    enum expr_type want)
{
	return compile_in(l, l->a, n, scope, want, 1);
}

/*
 * Checks the "{question}" references of one text (see interview_pipe):
 * each must name an earlier question with a value, outside rosters or in
 * the same roster, so that a label never shows an answer not yet given.
 */
static void
check_pipes(struct loader *l, size_t i, qn_text t, const struct yamltree *n)
{
	const struct qn_question *q = &l->qs[i];
	int k;

	for (k = 0; t != NULL && n != NULL && k < l->qn->nlang; k++) {
		const char *p = t[k], *open, *close;

		while ((open = strchr(p, '{')) != NULL) {
			int r;

			if (open[1] == '{') {
				p = open + 2;
				continue;
			}
			if ((close = strchr(open, '}')) == NULL)
				break;
			r = find_question(l, open + 1, (size_t)(close - open - 1));
			if (r < 0 || r >= (int)i || l->qs[r].type == QN_NOTE ||
			    (l->qs[r].roster && l->qs[r].roster != q->roster))
				diag_error(l->d, n->line, n->col, "'{%.*s}' in the "
				    "text of '%s' must name an earlier question "
				    "(of the same roster, if any); write '{{' for "
				    "a plain brace", (int)(close - open - 1),
				    open + 1, q->id);
			p = close + 1;
		}
	}
}

static void
compile_question(struct loader *l, size_t i)
{
	struct qn_question *q = &l->qs[i];
	const struct yamltree *n = l->qnodes[i];

	l->limit = (int)i;
	l->self = -1;
	check_pipes(l, i, q->label, yamltree_get(n, "label"));
	check_pipes(l, i, q->hint, yamltree_get(n, "hint"));
	q->relevant_at = key_at(n, "relevant");
	q->constraint_at = key_at(n, "constraint");
	q->relevant = compile(l, yamltree_get(n, "relevant"), q->roster,
	    EXPR_T_BOOL);
	if (q->type == QN_CALCULATE)
		q->calculate = compile(l, yamltree_get(n, "calculate"), q->roster,
		    EXPR_T_ANY);
	if (q->type != QN_NOTE && q->type != QN_CALCULATE) {
		l->self = (int)i;
		l->limit = (int)i + 1;
		q->constraint = compile(l, yamltree_get(n, "constraint"),
		    q->roster, EXPR_T_BOOL);
		q->warning = compile(l, yamltree_get(n, "warning"), q->roster,
		    EXPR_T_BOOL);
	}
}

static void
compile_roster(struct loader *l, struct qn_roster *r)
{
	const struct qn_section *s = &l->secs[r->section];
	const struct yamltree *rn = yamltree_get(l->secnodes[r->section],
	    "roster"), *v;
	struct yamltree one, *items[1];
	int *lab;
	size_t i;
	long max;

	l->limit = s->first;
	l->self = -1;
	r->count = compile(l, yamltree_get(rn, "count"), 0, EXPR_T_NUMBER);
	if ((v = yamltree_get(rn, "max")) != NULL &&
	    get_long(l, v, "roster 'max'", 1, QN_MAX_ROSTER, &max) == 0)
		r->max = (int)max;
	if ((v = yamltree_get(rn, "label")) == NULL)
		return;
	if (v->kind == YAMLTREE_SCALAR) {
		/* One question: treat as a list of one. */
		items[0] = (struct yamltree *)v;
		one = (struct yamltree){ .kind = YAMLTREE_SEQ, .line = v->line,
			.col = v->col, .items = items, .n = 1 };
		v = &one;
	}
	if (want_kind(l, v, YAMLTREE_SEQ, "roster 'label'") < 0)
		return;
	lab = arena_alloc(l->a, (v->n ? v->n : 1) * sizeof *lab);
	for (i = 0; i < v->n; i++) {
		const struct yamltree *it = v->items[i];
		int qi;

		if (scalar(l, it, "a roster label question") == NULL)
			return;
		qi = find_question(l, it->str, it->len);
		if (qi < s->first || qi >= s->first + s->count) {
			diag_error(l->d, it->line, it->col, "roster label '%s' "
			    "must be a question of roster '%s'", it->str, r->id);
			return;
		}
		lab[i] = qi;
	}
	r->label_questions = lab;
	r->nlabel = (int)v->n;
}

static void
compile_sections(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->nsec; i++) {
		struct qn_section *s = &l->secs[i];

		if (s->roster)
			compile_roster(l, &l->rosters[s->roster - 1]);
		l->limit = s->first;
		l->self = -1;
		s->relevant_at = key_at(l->secnodes[i], "relevant");
		s->relevant = compile(l, yamltree_get(l->secnodes[i], "relevant"),
		    0, EXPR_T_BOOL);
	}
}

/* ---- design and indicators --------------------------------------------- */

static int design_question(struct loader *, const struct yamltree *,
    const char *, int);

static int
design_field(struct loader *l, const struct yamltree *n, const char *key,
    int numeric)
{
	return design_question(l, yamltree_get(n, key), key, numeric);
}

/* The question a design key's value v names, or -1 (reported). */
static int
design_question(struct loader *l, const struct yamltree *v, const char *key,
    int numeric)
{
	const struct qn_question *q;
	int i;

	if (v == NULL || scalar(l, v, "a design field") == NULL)
		return -1;
	if ((i = find_question(l, v->str, v->len)) < 0) {
		diag_error(l->d, v->line, v->col, "design.%s names unknown "
		    "question '%s'", key, v->str);
		return -1;
	}
	q = &l->qs[i];
	if (q->roster || q->type == QN_NOTE || q->type == QN_MULTIPLE ||
	    (numeric && q->type != QN_INTEGER && q->type != QN_DECIMAL &&
	    !(q->type == QN_CALCULATE && q->calculate != NULL &&
	    expr_type_of(q->calculate) == EXPR_T_NUMBER))) {
		diag_error(l->d, v->line, v->col, "design.%s must be %s question "
		    "asked once per interview, not in a roster", key,
		    numeric ? "a numeric" : "a single-valued");
		return -1;
	}
	return i;
}

/* design.weighting_class: a question id, or a list of up to
 * QN_MAX_WCLASS of them. */
static void
load_weighting_class(struct loader *l, const struct yamltree *v)
{
	struct qn_design *dz = &l->qn->design;
	size_t i, n;
	int q;

	if (v == NULL)
		return;
	if (v->kind != YAMLTREE_SEQ) {
		if ((q = design_question(l, v, "weighting_class", 0)) >= 0)
			dz->weighting_class[dz->nweighting_class++] = q;
		return;
	}
	n = v->n;
	if (n > QN_MAX_WCLASS) {
		diag_error(l->d, v->line, v->col, "design.weighting_class "
		    "names %zu questions; at most %d (combine some into one "
		    "calculate question)", n, QN_MAX_WCLASS);
		n = QN_MAX_WCLASS;
	}
	for (i = 0; i < n; i++)
		if ((q = design_question(l, v->items[i], "weighting_class",
		    0)) >= 0)
			dz->weighting_class[dz->nweighting_class++] = q;
}

static void
load_design(struct loader *l, const struct yamltree *n)
{
	struct qn_design *dz = &l->qn->design;

	dz->stratum = dz->cluster = dz->weight = dz->household = -1;
	dz->selection = -1;
	dz->nweighting_class = 0;
	if (n == NULL || want_kind(l, n, YAMLTREE_MAP, "'design'") < 0)
		return;
	check_keys(l, n, design_keys, "'design'");
	dz->stratum = design_field(l, n, "stratum", 0);
	dz->cluster = design_field(l, n, "cluster", 0);
	dz->weight = design_field(l, n, "weight", 1);
	dz->household = design_field(l, n, "household", 0);
	dz->selection = design_field(l, n, "selection", 1);
	load_weighting_class(l, yamltree_get(n, "weighting_class"));
}

static int
parse_kind(struct loader *l, const struct yamltree *n,
    enum qn_indicator_kind *k)
{
	size_t i, nk = QN_RATING_DIST + 1;

	if (scalar(l, n, "'kind'") == NULL)
		return -1;
	for (i = 0; i < nk; i++)
		if (strcmp(n->str, questionnaire_kind_name(
		    (enum qn_indicator_kind)i)) == 0) {
			*k = (enum qn_indicator_kind)i;
			return 0;
		}
	diag_error(l->d, n->line, n->col, "unknown indicator kind '%s' (one of "
	    "proportion, mean, ratio, rating)", n->str);
	return -1;
}

/* Which keys each kind takes, and the types they must have. */
static void
indicator_exprs(struct loader *l, struct qn_indicator *ind,
    const struct yamltree *n, int scope)
{
	int prop = ind->kind == QN_PROPORTION, ratio = ind->kind == QN_RATIO;
	int valued = ind->kind == QN_MEAN || ind->kind == QN_RATING_DIST;

	only_for(l, n, "numerator", prop || ratio,
	    "proportion and ratio indicators");
	only_for(l, n, "denominator", ratio, "ratio indicators");
	only_for(l, n, "value", valued, "mean and rating indicators");
	ind->universe_at = key_at(n, "universe");
	ind->numerator_at = key_at(n, "numerator");
	ind->denominator_at = key_at(n, "denominator");
	ind->value_at = key_at(n, "value");
	ind->universe = compile(l, yamltree_get(n, "universe"), scope,
	    EXPR_T_BOOL);
	if (prop || ratio)
		ind->numerator = compile(l, need(l, n, "numerator",
		    "an indicator"), scope, prop ? EXPR_T_BOOL : EXPR_T_NUMBER);
	if (ratio)
		ind->denominator = compile(l, need(l, n, "denominator",
		    "a ratio indicator"), scope, EXPR_T_NUMBER);
	if (valued)
		ind->value = compile(l, need(l, n, "value", "an indicator"), scope,
		    EXPR_T_NUMBER);
	if (ind->kind == QN_RATING_DIST && ind->value != NULL) {
		int r = expr_single_ref(ind->value);
		const struct yamltree *v = yamltree_get(n, "value");

		if (r < 0 || l->qs[r].type != QN_RATING)
			diag_error(l->d, v->line, v->col, "the value of a rating "
			    "indicator must be a rating question");
	}
}

/* An indicator's level is the roster its expressions use: compiled once
 * into scratch to see which rosters they touch, then for real. */
static int
indicator_level(struct loader *l, const struct yamltree *n)
{
	static const char *const keys[] = { "universe", "numerator",
		"denominator", "value" };
	size_t i;

	int ok = 1;

	/* Per interview if everything compiles outside rosters (count() and
	 * sum() over a roster are fine there); else per member of the one
	 * roster the expressions use. */
	l->seen_roster = 0;
	l->seen_rosters = 0;
	for (i = 0; i < sizeof keys / sizeof *keys; i++) {
		const struct yamltree *v = yamltree_get(n, keys[i]);

		if (v != NULL && v->kind == YAMLTREE_SCALAR &&
		    compile_in(l, &l->tmp, v, 0, EXPR_T_ANY, 0) == NULL)
			ok = 0;
	}
	if (ok)
		return 0;
	if (l->seen_rosters > 1) {
		diag_error(l->d, n->line, n->col, "an indicator may use the "
		    "questions of one roster only");
		return 0;
	}
	return l->seen_roster;
}

static void
indicator_by(struct loader *l, struct qn_indicator *ind,
    const struct yamltree *n)
{
	int *by;
	size_t i;

	if (n == NULL || want_kind(l, n, YAMLTREE_SEQ, "'by'") < 0)
		return;
	by = arena_alloc(l->a, (n->n ? n->n : 1) * sizeof *by);
	for (i = 0; i < n->n; i++) {
		const struct yamltree *it = n->items[i];
		int qi;

		if (scalar(l, it, "a 'by' question") == NULL)
			return;
		if ((qi = find_question(l, it->str, it->len)) < 0) {
			diag_error(l->d, it->line, it->col, "'by' names unknown "
			    "question '%s'", it->str);
			return;
		}
		if ((l->qs[qi].type != QN_SINGLE && l->qs[qi].type != QN_YESNO) ||
		    (l->qs[qi].roster && l->qs[qi].roster != ind->roster)) {
			diag_error(l->d, it->line, it->col, "cannot break down by "
			    "'%s': use a single-choice or yes/no question at the "
			    "indicator's level", it->str);
			return;
		}
		by[i] = qi;
	}
	ind->by = by;
	ind->nby = (int)n->n;
}

static void
load_indicator(struct loader *l, const struct yamltree *n)
{
	struct qn_indicator ind;
	const struct yamltree *v;
	size_t i;
	const char *id = NULL;

	if (want_kind(l, n, YAMLTREE_MAP, "an indicator") < 0)
		return;
	memset(&ind, 0, sizeof ind);
	check_keys(l, n, indicator_keys, "an indicator");
	ind.line = n->line;
	ind.col = n->col;
	if ((v = need(l, n, "id", "an indicator")) != NULL)
		id = get_ident(l, v, "indicator id");
	/* Likewise an indicator without a usable id. */
	for (i = 0; id && i < l->ninds; i++)
		if (l->inds[i].id != NULL && strcmp(l->inds[i].id, id) == 0)
			diag_error(l->d, v->line, v->col, "duplicate indicator id "
			    "'%s'", id);
	ind.id = id;
	if ((v = need(l, n, "code", "an indicator")) != NULL &&
	    scalar(l, v, "'code'") != NULL)
		ind.code = arena_strdup(l->a, v->str);
	if ((v = need(l, n, "name", "an indicator")) != NULL)
		ind.name = get_text(l, v, "indicator name");
	if ((v = need(l, n, "kind", "an indicator")) == NULL ||
	    parse_kind(l, v, &ind.kind) < 0)
		return;
	if ((v = yamltree_get(n, "unit")) != NULL && scalar(l, v, "'unit'"))
		ind.unit = arena_strdup(l->a, v->str);
	else
		ind.unit = ind.kind == QN_PROPORTION ? "%" :
		    ind.kind == QN_RATING_DIST ? "score" : "";
	l->limit = (int)l->nq;
	l->self = -1;
	ind.roster = indicator_level(l, n);
	indicator_exprs(l, &ind, n, ind.roster);
	indicator_by(l, &ind, yamltree_get(n, "by"));
	xgrow((void **)&l->inds, &l->capinds, l->ninds + 1, sizeof *l->inds);
	l->inds[l->ninds++] = ind;
}

/* ---- the whole file ------------------------------------------------------ */

static void *
freeze(struct loader *l, const void *p, size_t n, size_t sz)
{
	void *q = arena_alloc(l->a, (n ? n : 1) * sz);

	if (n)
		memcpy(q, p, n * sz);
	return q;
}

static void
load_body(struct loader *l, const struct yamltree *root)
{
	const struct yamltree *v;
	size_t i;

	check_keys(l, root, top_keys, "the questionnaire");
	if ((v = need(l, root, "survey", "the questionnaire")) != NULL)
		load_survey(l, v);
	if (l->qn->nlang == 0)
		return; /* every label would fail: one error is enough */
	load_choices(l, yamltree_get(root, "choices"));
	l->list_used = xcalloc(l->nlists + 1, sizeof *l->list_used);
	if ((v = need(l, root, "sections", "the questionnaire")) != NULL &&
	    want_kind(l, v, YAMLTREE_SEQ, "'sections'") == 0)
		for (i = 0; i < v->n; i++)
			load_section(l, v->items[i]);
	if (v != NULL && l->nq == 0 && l->d->nerrors == 0)
		diag_error(l->d, v->line, v->col, "the questionnaire has no "
		    "questions");
	/* Pass two, in questionnaire order. */
	compile_sections(l);
	for (i = 0; i < l->nq; i++)
		compile_question(l, i);
	load_design(l, yamltree_get(root, "design"));
	if ((v = yamltree_get(root, "indicators")) != NULL &&
	    want_kind(l, v, YAMLTREE_SEQ, "'indicators'") == 0)
		for (i = 0; i < v->n; i++)
			load_indicator(l, v->items[i]);
	for (i = 0; i < l->nlists; i++)
		if (!l->list_used[i])
			diag_warning(l->d, l->lists[i].line, l->lists[i].col,
			    "choice list '%s' is never used", l->lists[i].id);
}

static void
loader_release(struct loader *l)
{
	free(l->qs);
	free(l->qnodes);
	free(l->secs);
	free(l->secnodes);
	free(l->rosters);
	free(l->lists);
	free(l->list_used);
	free(l->inds);
	arena_release(&l->tmp);
}

/*
 * Question.choices point into l->lists, which moves when frozen: re-point
 * them at the frozen copy.
 */
static void
freeze_all(struct loader *l)
{
	struct questionnaire *qn = l->qn;
	struct qn_choice_list *lists = freeze(l, l->lists, l->nlists,
	    sizeof *l->lists);
	size_t i, j;

	for (i = 0; i < l->nq; i++)
		for (j = 0; j < l->nlists; j++)
			if (l->qs[i].choices == &l->lists[j])
				l->qs[i].choices = &lists[j];
	qn->lists = lists;
	qn->nlists = (int)l->nlists;
	qn->questions = freeze(l, l->qs, l->nq, sizeof *l->qs);
	qn->nquestions = (int)l->nq;
	qn->sections = freeze(l, l->secs, l->nsec, sizeof *l->secs);
	qn->nsections = (int)l->nsec;
	qn->rosters = freeze(l, l->rosters, l->nros, sizeof *l->rosters);
	qn->nrosters = (int)l->nros;
	qn->indicators = freeze(l, l->inds, l->ninds, sizeof *l->inds);
	qn->nindicators = (int)l->ninds;
}

struct questionnaire *
questionnaire_load_buffer(const char *name, const unsigned char *data,
    size_t len, struct diag *d)
{
	struct questionnaire *qn = xcalloc(1, sizeof *qn);
	struct loader l;
	const struct yamltree *root;
	int before = d->nerrors;

	memset(&l, 0, sizeof l);
	arena_init(&qn->arena);
	arena_init(&l.tmp);
	l.qn = qn;
	l.a = &qn->arena;
	l.d = d;
	qn->path = arena_strdup(&qn->arena, name);
	qn->design.stratum = qn->design.cluster = -1;
	qn->design.weight = qn->design.household = -1;
	qn->design.selection = -1;
	/* A UTF-8 byte-order mark, as some Windows editors write: skip it
	 * (it is on line 1 and takes no column). */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		root = yamltree_parse(&l.tmp, data + 3, len - 3, d);
	else
		root = yamltree_parse(&l.tmp, data, len, d);
	if (root != NULL && want_kind(&l, root, YAMLTREE_MAP,
	    "a questionnaire") == 0)
		load_body(&l, root);
	if (d->nerrors == before) {
		freeze_all(&l);
		sec_sha256_hex(data, len, qn->hash);
	}
	loader_release(&l);
	if (d->nerrors != before) {
		questionnaire_free(qn);
		return NULL;
	}
	return qn;
}
