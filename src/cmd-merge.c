/*
 * cmd-merge.c: `lcsurvey merge` — the interviews of many field laptops'
 * databases brought into one, one input at a time, each all or nothing,
 * with a line per input saying what happened to its interviews.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "store.h"
#include "usage.h"
#include "xmalloc.h"

static void
on_conflict(void *ctx, const char *uuid, const char *copy)
{
	const char *path = ctx;

	printf("%s: conflict: interview %s differs from the target's; both "
	    "kept, this file's version as %s\n", path, uuid, copy);
}

int
cmd_merge(int argc, char **argv)
{
	struct store_merge_stats s, total;
	struct store *st;
	const char *into = NULL, **files;
	char *emsg;
	int i, nfiles = 0, refused = 0;

	cmd_maybe_help("merge", argc, argv);
	files = xcalloc((size_t)argc, sizeof *files);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--into") == 0 && i + 1 < argc)
			into = argv[++i];
		else if (strncmp(argv[i], "--into=", 7) == 0)
			into = argv[i] + 7;
		else if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				files[nfiles++] = argv[i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			die(EX_USAGE, "unknown option '%s' (see 'lcsurvey "
			    "merge --help')", argv[i]);
		else
			files[nfiles++] = argv[i];
	}
	if (into == NULL || nfiles == 0)
		cmd_usage("merge");

	if (store_open(&st, into, &emsg) < 0)
		die(EX_CANTCREAT, "%s", emsg);
	memset(&total, 0, sizeof total);
	for (i = 0; i < nfiles; i++) {
		if (store_merge(st, files[i], &s, on_conflict,
		    (void *)files[i]) < 0) {
			/* One line, and on to the next file: the target has
			 * not changed. */
			printf("%s: refused\n", files[i]);
			fflush(stdout);
			fprintf(stderr, "lcsurvey: error: %s; nothing merged "
			    "from it\n", store_errmsg(st));
			refused++;
			continue;
		}
		printf("%s: %ld new, %ld unchanged, %ld updated, %ld "
		    "conflict%s\n", files[i], s.added, s.unchanged, s.updated,
		    s.conflicts, s.conflicts == 1 ? "" : "s");
		fflush(stdout);
		total.added += s.added;
		total.unchanged += s.unchanged;
		total.updated += s.updated;
		total.conflicts += s.conflicts;
	}
	if (nfiles > 1)
		printf("total: %d file%s, %d refused: %ld new, %ld unchanged, "
		    "%ld updated, %ld conflict%s\n", nfiles, nfiles == 1 ? "" :
		    "s", refused, total.added, total.unchanged, total.updated,
		    total.conflicts, total.conflicts == 1 ? "" : "s");
	store_close(st);
	free(files);
	return refused > 0 ? EX_DATAERR : 0;
}
