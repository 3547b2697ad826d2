/*
 * arena.h: bump allocation for data that lives and dies together.
 *
 * The loaded questionnaire (model, labels, expression trees) sits in one
 * arena and is freed in one call; nothing in it is freed piecemeal.
 */
#ifndef LCSURVEY_ARENA_H
#define LCSURVEY_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used; /* bytes handed out, for tests and limits */
};

void arena_init(struct arena *a);
/* Frees every block; the arena may be reused after arena_init(). */
void arena_release(struct arena *a);
/* Zeroed memory aligned for any type; never NULL. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);

#endif
