/*
 * cmd-import.c: `lcsurvey import` — wide CSV microdata from other tools
 * into a database, all rows or none.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "diag.h"
#include "import.h"
#include "progress.h"
#include "questionnaire.h"
#include "sec.h"
#include "store.h"
#include "usage.h"
#include "xmalloc.h"

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		xgrow((void **)&s, &cap, *len + 65536, 1);
		n = fread(s + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		free(s);
		s = NULL;
	}
	fclose(f);
	return s;
}

static void
on_progress(void *ctx, long long done, long long total)
{
	progress_update(ctx, (double)done, (double)total);
}

/* A database this command created is removed again when nothing could
 * be imported into it. */
static void
remove_db(const char *db)
{
	char *p = xmalloc(strlen(db) + 8);

	unlink(db);
	sprintf(p, "%s-wal", db);
	unlink(p);
	sprintf(p, "%s-shm", db);
	unlink(p);
	free(p);
}

int
cmd_import(int argc, char **argv)
{
	const char *db = NULL, *args[2] = { NULL, NULL };
	struct questionnaire *qn;
	struct import_opts o;
	struct import_stats stats;
	struct progress pr;
	struct store *st;
	struct diag d;
	char *src, *emsg, hash[65];
	size_t len, k;
	FILE *fp;
	int i, nargs = 0, existed, rc;

	cmd_maybe_help("import", argc, argv);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0)
			db = argv[i] + 5;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			die(EX_USAGE, "unknown option '%s' (see 'lcsurvey "
			    "import --help')", argv[i]);
		else if (nargs < 2)
			args[nargs++] = argv[i];
		else
			cmd_usage("import");
	}
	if (db == NULL || nargs != 2)
		cmd_usage("import");

	qn = cmd_load_survey(args[0]);
	/* The stored copy must be the bytes that were checked. */
	if ((src = read_all(args[0], &len)) == NULL)
		die(EX_NOINPUT, "cannot read '%s' again: %s", args[0],
		    strerror(errno));
	sec_sha256_hex(src, len, hash);
	if (strcmp(hash, qn->hash) != 0)
		die(EX_TEMPFAIL, "'%s' changed while it was being loaded; try "
		    "again", args[0]);
	if ((fp = fopen(args[1], "rb")) == NULL)
		die(EX_NOINPUT, "cannot open '%s': %s", args[1],
		    strerror(errno));

	existed = access(db, F_OK) == 0;
	if (store_open_import(&st, db, &emsg) < 0)
		die(EX_CANTCREAT, "%s", emsg);
	progress_init(&pr, "importing");
	memset(&o, 0, sizeof o);
	o.progress = on_progress;
	o.progress_ctx = &pr;
	diag_init(&d, args[1]);
	rc = import_csv(st, qn, src, len, fp, &o, &stats, &d);
	progress_end(&pr);
	fclose(fp);
	store_close(st);
	if (rc < 0) {
		int located = 0;

		for (k = 0; k < d.n; k++)
			located |= d.items[k].line > 0;
		diag_print(&d, stderr);
		diag_release(&d);
		if (!existed)
			remove_db(db);
		die(located ? EX_DATAERR : EX_IOERR, "nothing imported into "
		    "'%s'", db);
	}
	diag_release(&d);
	printf("imported %ld respondent%s (%ld answers) into '%s'\n",
	    stats.rows, stats.rows == 1 ? "" : "s", stats.answers, db);
	questionnaire_free(qn);
	free(src);
	return 0;
}
