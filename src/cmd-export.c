/*
 * cmd-export.c: `lcsurvey export microdata` — a database's interviews of
 * one questionnaire as files for analysts (CSV, codebook, and a Stata,
 * SPSS or R script) or for `lcsurvey import` (--layout wide).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "diag.h"
#include "export-microdata.h"
#include "questionnaire.h"
#include "store.h"
#include "usage.h"

static FILE *
create(const char *path)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL)
		die(EX_CANTCREAT, "cannot create '%s': %s", path,
		    strerror(errno));
	return fp;
}

static void
done(FILE *fp, const char *path, int rc, struct buf *err)
{
	if (fclose(fp) == EOF && rc == 0)
		die(EX_IOERR, "cannot write '%s': %s", path, strerror(errno));
	if (rc < 0)
		die(EX_IOERR, "'%s': %s", path, buf_str(err));
	printf("wrote %s\n", path);
}

/* The file name part of a path, for scripts that sit beside the CSV. */
static const char *
base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

int
cmd_export(int argc, char **argv)
{
	const char *db = NULL, *format = "csv", *layout = "long", *out = NULL;
	const char *survey = NULL, *v;
	struct questionnaire *qn;
	struct store *st;
	struct buf err = BUF_INIT, csv = BUF_INIT, path = BUF_INIT;
	int64_t qrow = 0;
	long rows = 0;
	int i, all = 0, rc;
	char *emsg;
	FILE *fp;

	cmd_maybe_help("export", argc, argv);
	if (argc < 2 || strcmp(argv[1], "microdata") != 0) {
		if (argc >= 2 && argv[1][0] != '-')
			die(EX_USAGE, "cannot export '%s': the one kind is "
			    "'microdata' (see 'lcsurvey export --help')",
			    argv[1]);
		cmd_usage("export");
	}
	for (i = 2; i < argc; i++) {
		if ((v = cmd_optval("--db", argc, argv, &i)) != NULL)
			db = v;
		else if ((v = cmd_optval("--format", argc, argv, &i)) != NULL)
			format = v;
		else if ((v = cmd_optval("--layout", argc, argv, &i)) != NULL)
			layout = v;
		else if ((v = cmd_optval("--output", argc, argv, &i)) != NULL)
			out = v;
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			die(EX_USAGE, "unknown option '%s' (see 'lcsurvey "
			    "export --help')", argv[i]);
		else if (survey == NULL)
			survey = argv[i];
		else
			cmd_usage("export");
	}
	if (db == NULL || survey == NULL)
		cmd_usage("export");
	if (strcmp(format, "csv") != 0 && strcmp(format, "stata") != 0 &&
	    strcmp(format, "spss") != 0 && strcmp(format, "r") != 0)
		die(EX_USAGE, "unknown format '%s' (csv, stata, spss or r)",
		    format);
	if (strcmp(layout, "long") != 0 && strcmp(layout, "wide") != 0)
		die(EX_USAGE, "unknown layout '%s' (long or wide)", layout);
	if (strcmp(layout, "wide") == 0 && strcmp(format, "csv") != 0)
		die(EX_USAGE, "--layout wide is the CSV 'lcsurvey import' "
		    "reads; it has no %s script (use --format csv)", format);

	qn = cmd_load_survey(survey);
	if (export_microdata_check(qn, &err) < 0)
		die(EX_DATAERR, "%s", buf_str(&err));
	if (access(db, F_OK) != 0)
		die(EX_NOINPUT, "cannot open database '%s': no such file", db);
	if (store_open(&st, db, &emsg) < 0)
		die(EX_NOINPUT, "%s", emsg);
	if (store_questionnaire_lookup(st, qn->hash, &qrow) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));
	if (qrow == 0)
		warning("'%s' holds no interviews of '%s' version %s as it "
		    "stands in '%s' (were they taken with another version?)",
		    db, qn->id, qn->version, survey);

	if (out == NULL)
		out = qn->id;
	buf_addf(&csv, "%s.csv", out);
	fp = create(csv.s);
	rc = strcmp(layout, "wide") == 0 ?
	    export_microdata_wide(fp, st, qn, qrow, all, &rows, &err) :
	    export_microdata_long(fp, st, qn, qrow, all, &rows, &err);
	done(fp, csv.s, rc, &err);
	if (strcmp(layout, "long") == 0) {
		buf_addf(&path, "%s-codebook.csv", out);
		fp = create(path.s);
		done(fp, path.s, export_microdata_codebook(fp, qn, &err), &err);
	}
	buf_reset(&path);
	if (strcmp(format, "stata") == 0) {
		buf_addf(&path, "%s.do", out);
		fp = create(path.s);
		rc = export_microdata_stata(fp, qn, base(csv.s), &err);
	} else if (strcmp(format, "spss") == 0) {
		buf_addf(&path, "%s.sps", out);
		fp = create(path.s);
		rc = export_microdata_spss(fp, qn, base(csv.s), &err);
	} else if (strcmp(format, "r") == 0) {
		buf_addf(&path, "%s.R", out);
		fp = create(path.s);
		rc = export_microdata_r(fp, qn, base(csv.s), &err);
	} else
		fp = NULL;
	if (fp != NULL)
		done(fp, path.s, rc, &err);
	printf("%ld row%s\n", rows, rows == 1 ? "" : "s");
	store_close(st);
	questionnaire_free(qn);
	buf_release(&err);
	buf_release(&csv);
	buf_release(&path);
	return 0;
}
