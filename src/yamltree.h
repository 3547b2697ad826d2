/*
 * yamltree.h: a YAML document as a small tree of scalars, sequences and
 * mappings, with 1-based positions.
 *
 * This is the only module that includes <yaml.h>. It is deliberately
 * strict, because a questionnaire may come from anyone: anchors and aliases
 * are refused (they are how "billion laughs" documents explode), nesting
 * and scalar sizes are capped, a stream must hold exactly one document, and
 * mapping keys must be scalars.
 */
#ifndef LCSURVEY_YAMLTREE_H
#define LCSURVEY_YAMLTREE_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

#define YAMLTREE_MAX_DEPTH 64
#define YAMLTREE_MAX_SCALAR (64 * 1024)
#define YAMLTREE_MAX_NODES 1000000

enum yamltree_kind { YAMLTREE_SCALAR, YAMLTREE_SEQ, YAMLTREE_MAP };

struct yamltree {
	enum yamltree_kind kind;
	int line, col; /* 1-based start of the node */
	int plain;     /* scalar written without quotes */
	const char *str; /* scalar text, NUL-terminated (no NULs inside) */
	size_t len;
	/* SEQ: items[0..n); MAP: items[2i] key, items[2i+1] value */
	struct yamltree **items;
	size_t n;
};

/*
 * Parses data as one YAML document into a tree allocated in a. Returns the
 * root, or NULL with the problem added to d (located). An empty document
 * is an error.
 */
struct yamltree *yamltree_parse(struct arena *a, const unsigned char *data,
    size_t len, struct diag *d);

/* For a MAP: the value for key, or NULL. */
struct yamltree *yamltree_get(const struct yamltree *map, const char *key);

#endif
