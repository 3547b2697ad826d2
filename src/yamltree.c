/*
 * yamltree.c: libyaml's event stream folded into a yamltree. Built from
 * events rather than libyaml's document API so that aliases are refused
 * before anything is expanded and depth is checked as it grows, with an
 * explicit stack rather than recursion.
 */
#include "yamltree.h"

#include <string.h>
#include <yaml.h>

#include "xmalloc.h"

struct builder {
	struct arena *a;
	struct diag *d;
	struct yamltree *stack[YAMLTREE_MAX_DEPTH + 1];
	/* Children are gathered here per open level, then copied into the
	 * arena when the level closes: one exact-size array per node. */
	struct yamltree **kids[YAMLTREE_MAX_DEPTH + 1];
	size_t nkids[YAMLTREE_MAX_DEPTH + 1], capkids[YAMLTREE_MAX_DEPTH + 1];
	int depth;
	size_t nodes;
	struct yamltree *root;
};

static struct yamltree *
node_new(struct builder *b, enum yamltree_kind kind, yaml_mark_t m)
{
	struct yamltree *n = arena_alloc(b->a, sizeof *n);

	n->kind = kind;
	n->line = (int)m.line + 1; /* libyaml's marks are 0-based */
	n->col = (int)m.column + 1;
	return n;
}

static void
attach(struct builder *b, struct yamltree *n)
{
	int lv = b->depth;

	if (lv == 0) {
		b->root = n;
		return;
	}
	xgrow((void **)&b->kids[lv], &b->capkids[lv], b->nkids[lv] + 1,
	    sizeof *b->kids[lv]);
	b->kids[lv][b->nkids[lv]++] = n;
}

static int
open_level(struct builder *b, struct yamltree *n)
{
	if (b->depth >= YAMLTREE_MAX_DEPTH) {
		diag_error(b->d, n->line, n->col,
		    "nesting deeper than %d levels (a questionnaire never needs "
		    "this; check the indentation)", YAMLTREE_MAX_DEPTH);
		return -1;
	}
	attach(b, n);
	b->depth++;
	b->stack[b->depth] = n;
	b->nkids[b->depth] = 0;
	return 0;
}

static int
close_level(struct builder *b)
{
	int lv = b->depth;
	struct yamltree *n = b->stack[lv];
	size_t i;

	n->n = b->nkids[lv];
	n->items = arena_alloc(b->a, (n->n ? n->n : 1) * sizeof *n->items);
	/* kids[lv] is still NULL if nothing was ever gathered at this depth
	 * ("[]"), and memcpy from NULL is undefined even for 0 bytes. */
	if (n->n > 0)
		memcpy(n->items, b->kids[lv], n->n * sizeof *n->items);
	if (n->kind == YAMLTREE_MAP)
		for (i = 0; i < n->n; i += 2)
			if (n->items[i]->kind != YAMLTREE_SCALAR) {
				diag_error(b->d, n->items[i]->line,
				    n->items[i]->col, "mapping keys must be "
				    "plain names, not lists or mappings");
				return -1;
			}
	if (n->kind == YAMLTREE_MAP)
		n->n /= 2; /* pairs */
	b->depth--;
	return 0;
}

static int
scalar(struct builder *b, const yaml_event_t *ev)
{
	struct yamltree *n = node_new(b, YAMLTREE_SCALAR, ev->start_mark);
	size_t len = ev->data.scalar.length;

	if (len > YAMLTREE_MAX_SCALAR) {
		diag_error(b->d, n->line, n->col, "text of %zu bytes is longer "
		    "than the %d allowed (shorten it)", len, YAMLTREE_MAX_SCALAR);
		return -1;
	}
	if (memchr(ev->data.scalar.value, '\0', len) != NULL) {
		diag_error(b->d, n->line, n->col, "text contains a NUL byte");
		return -1;
	}
	n->str = arena_strndup(b->a, (const char *)ev->data.scalar.value, len);
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	attach(b, n);
	return 0;
}

static int
has_anchor(struct builder *b, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL;

	if (ev->type == YAML_SCALAR_EVENT)
		anchor = ev->data.scalar.anchor;
	else if (ev->type == YAML_SEQUENCE_START_EVENT)
		anchor = ev->data.sequence_start.anchor;
	else if (ev->type == YAML_MAPPING_START_EVENT)
		anchor = ev->data.mapping_start.anchor;
	if (ev->type != YAML_ALIAS_EVENT && anchor == NULL)
		return 0;
	diag_error(b->d, (int)ev->start_mark.line + 1,
	    (int)ev->start_mark.column + 1, "YAML anchors and aliases "
	    "('&name', '*name') are not supported (write the text out, or use "
	    "a choice list)");
	return 1;
}

/* One event; returns 1 at the end of the stream, 0 to go on, -1 on error. */
static int
event(struct builder *b, const yaml_event_t *ev, int *docs)
{
	if (has_anchor(b, ev))
		return -1;
	if (++b->nodes > YAMLTREE_MAX_NODES) {
		diag_error(b->d, (int)ev->start_mark.line + 1,
		    (int)ev->start_mark.column + 1,
		    "more than %d YAML nodes (is this a questionnaire?)",
		    YAMLTREE_MAX_NODES);
		return -1;
	}
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1) {
			diag_error(b->d, (int)ev->start_mark.line + 1,
			    (int)ev->start_mark.column + 1, "a second YAML "
			    "document ('---'); put one questionnaire per file");
			return -1;
		}
		return 0;
	case YAML_SCALAR_EVENT:
		return scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return open_level(b, node_new(b, YAMLTREE_SEQ, ev->start_mark));
	case YAML_MAPPING_START_EVENT:
		return open_level(b, node_new(b, YAMLTREE_MAP, ev->start_mark));
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_level(b);
	default:
		return 0;
	}
}

/* The reader reports a byte offset, not a line: count it out. */
static void
offset_to_pos(const unsigned char *data, size_t len, size_t off, int *line,
    int *col)
{
	size_t i;

	/* Point at the start of a broken sequence, not at the byte after it
	 * where the reader noticed. */
	for (i = 0; i < 3 && off > 0 && off <= len && data[off - 1] >= 0x80; i++)
		if (data[--off] >= 0xC0)
			break;
	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (data[i] == '\n') {
			++*line;
			*col = 1;
		} else if ((data[i] & 0xC0) != 0x80)
			++*col;
	}
}

static void
parse_error(struct builder *b, const yaml_parser_t *p,
    const unsigned char *data, size_t len)
{
	const yaml_mark_t *m = p->problem_mark.line || p->problem_mark.column ||
	    p->context == NULL ? &p->problem_mark : &p->context_mark;
	const char *what = p->problem ? p->problem : "malformed YAML";

	if (p->error == YAML_READER_ERROR) {
		int line, col;

		offset_to_pos(data, len, p->problem_offset, &line, &col);
		diag_error(b->d, line, col, "invalid text: %s (save the file as "
		    "UTF-8 text)", what);
		return;
	}
	if (p->context != NULL)
		diag_error(b->d, (int)m->line + 1, (int)m->column + 1,
		    "YAML syntax: %s %s", p->context, what);
	else
		diag_error(b->d, (int)m->line + 1, (int)m->column + 1,
		    "YAML syntax: %s", what);
}

static void
builder_release(struct builder *b)
{
	int i;

	for (i = 0; i <= YAMLTREE_MAX_DEPTH; i++)
		free(b->kids[i]);
}

struct yamltree *
yamltree_parse(struct arena *a, const unsigned char *data, size_t len,
    struct diag *d)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct builder b;
	int rc = 0, docs = 0;

	memset(&b, 0, sizeof b);
	b.a = a;
	b.d = d;
	if (!yaml_parser_initialize(&p)) {
		diag_error(d, 0, 0, "cannot start the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&p, data, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (rc == 0) {
		if (!yaml_parser_parse(&p, &ev)) {
			parse_error(&b, &p, data, len);
			rc = -1;
			break;
		}
		rc = event(&b, &ev, &docs);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	builder_release(&b);
	if (rc < 0)
		return NULL;
	if (b.root == NULL ||
	    (b.root->kind == YAMLTREE_SCALAR && b.root->plain && b.root->len == 0)) {
		diag_error(d, 0, 0, "the file is empty (a questionnaire starts "
		    "with a 'survey:' block)");
		return NULL;
	}
	return b.root;
}

struct yamltree *
yamltree_get(const struct yamltree *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != YAMLTREE_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0)
			return map->items[2 * i + 1];
	return NULL;
}
