/*
 * cmd-report.c: `lcsurvey report` — the Key Features report for a city:
 * every indicator of one or more questionnaires, estimated from one
 * database, laid out as the seed's table in HTML or Markdown.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "aggregate.h"
#include "cmd.h"
#include "diag.h"
#include "progress.h"
#include "questionnaire.h"
#include "report.h"
#include "store.h"
#include "usage.h"
#include "xmalloc.h"

static void
on_progress(void *ctx, long done, long total)
{
	progress_update(ctx, (double)done, (double)total);
}

/* Aggregates one questionnaire on st and adds it to rep. */
static void
add_survey(struct report *rep, struct store *st, const char *db,
    const char *path, const struct aggregate_opts *o0)
{
	struct aggregate_opts o = *o0;
	struct aggregate_result res;
	struct report_survey sv;
	struct questionnaire *qn;
	struct progress pr;
	struct buf err = BUF_INIT;
	int64_t qrow = 0;

	qn = cmd_load_survey(path);
	if (store_questionnaire_lookup(st, qn->hash, &qrow) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));
	if (qrow == 0)
		warning("'%s' holds no interviews of '%s' version %s as it "
		    "stands in '%s' (were they taken with another version?)",
		    db, qn->id, qn->version, path);
	memset(&sv, 0, sizeof sv);
	if (report_fieldwork(st, qrow, o.include_partial, &sv) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));

	progress_init(&pr, "aggregating");
	o.progress = on_progress;
	o.progress_ctx = &pr;
	if (aggregate_run(st, qn, qrow, &o, &res, &err) < 0) {
		progress_end(&pr);
		die(EX_IOERR, "%s", buf_str(&err));
	}
	progress_end(&pr);
	if (res.nbad > 0)
		warning("%s: %ld stored answer%s did not fit the questionnaire "
		    "and counted as unanswered", qn->id, res.nbad,
		    res.nbad == 1 ? "" : "s");
	report_add(rep, qn, &sv, &res);
	aggregate_result_release(&res);
	questionnaire_free(qn);
	buf_release(&err);
}

int
cmd_report(int argc, char **argv)
{
	const char *db = NULL, *format = "md", *out = NULL, *v;
	const char **surveys;
	struct aggregate_opts o;
	struct report rep;
	struct store *st;
	char *emsg, *tmp = NULL;
	FILE *fp = stdout;
	int i, nsurveys = 0, rc;

	cmd_maybe_help("report", argc, argv);
	aggregate_opts_init(&o);
	surveys = xcalloc((size_t)argc, sizeof *surveys);
	for (i = 1; i < argc; i++) {
		if ((v = cmd_optval("--db", argc, argv, &i)) != NULL)
			db = v;
		else if ((v = cmd_optval("--format", argc, argv, &i)) != NULL)
			format = v;
		else if ((v = cmd_optval("--output", argc, argv, &i)) != NULL ||
		    (v = cmd_optval("-o", argc, argv, &i)) != NULL)
			out = v;
		else if ((v = cmd_optval("--small-n", argc, argv, &i)) != NULL) {
			char *end;

			o.small_n = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || o.small_n < 0)
				die(EX_USAGE, "--small-n takes a whole number "
				    "(not '%s')", v);
		} else if (strcmp(argv[i], "--include-partial") == 0)
			o.include_partial = 1;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			die(EX_USAGE, "unknown option '%s' (see 'lcsurvey "
			    "report --help')", argv[i]);
		else
			surveys[nsurveys++] = argv[i];
	}
	if (db == NULL || nsurveys == 0)
		cmd_usage("report");
	if (strcmp(format, "html") != 0 && strcmp(format, "md") != 0)
		die(EX_USAGE, "unknown format '%s' (html or md)", format);
	if (access(db, F_OK) != 0)
		die(EX_NOINPUT, "cannot open database '%s': no such file", db);
	if (store_open_scan(&st, db, &emsg) < 0)
		die(EX_NOINPUT, "%s", emsg);

	report_init(&rep, o.small_n);
	for (i = 0; i < nsurveys; i++)
		add_survey(&rep, st, db, surveys[i], &o);
	store_close(st);
	report_finish(&rep);

	/* Written beside the target and renamed over it, so that a failed
	 * run never leaves half a report where the last good one was. */
	if (out != NULL && strcmp(out, "-") != 0) {
		size_t n = strlen(out) + 8;

		tmp = xmalloc(n);
		snprintf(tmp, n, "%s.tmp~", out);
		if ((fp = fopen(tmp, "w")) == NULL)
			die(EX_CANTCREAT, "cannot create '%s': %s", tmp,
			    strerror(errno));
	}
	rc = strcmp(format, "html") == 0 ? report_html_write(fp, &rep) :
	    report_md_write(fp, &rep);
	if (tmp != NULL) {
		if (fclose(fp) != 0)
			rc = -1;
		if (rc < 0) {
			unlink(tmp);
			die(EX_IOERR, "cannot write '%s'", out);
		}
		if (rename(tmp, out) < 0) {
			unlink(tmp);
			die(EX_CANTCREAT, "cannot create '%s': %s", out,
			    strerror(errno));
		}
	} else if (rc < 0)
		die(EX_IOERR, "cannot write the report");
	report_release(&rep);
	free(tmp);
	free(surveys);
	return 0;
}
