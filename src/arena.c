/*
 * arena.c: a list of blocks handed out front to back. Large requests get a
 * block of their own so a 10 MB label does not waste a 10 MB block tail.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define ARENA_BLOCK 16384

struct arena_block {
	struct arena_block *next;
	size_t size, off;
	alignas(max_align_t) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void
arena_release(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	arena_init(a);
}

static struct arena_block *
block_new(size_t size)
{
	struct arena_block *b = xmalloc(sizeof *b + size);

	b->size = size;
	b->off = 0;
	b->next = NULL;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t al = alignof(max_align_t);
	struct arena_block *b = a->head;
	void *p;

	n = (n + al - 1) / al * al;
	if (n == 0)
		n = al;
	if (n > ARENA_BLOCK / 4) {
		/* Private block, linked behind the head so the head keeps filling. */
		b = block_new(n);
		if (a->head == NULL)
			a->head = b;
		else {
			b->next = a->head->next;
			a->head->next = b;
		}
	} else if (b == NULL || b->size - b->off < n) {
		b = block_new(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->off;
	b->off += n;
	a->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
