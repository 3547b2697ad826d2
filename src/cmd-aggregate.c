/*
 * cmd-aggregate.c: `lcsurvey aggregate` — every indicator of a
 * questionnaire estimated from the interviews in a database, as a table,
 * CSV or JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "aggregate.h"
#include "cmd.h"
#include "diag.h"
#include "export.h"
#include "progress.h"
#include "questionnaire.h"
#include "store.h"
#include "usage.h"
#include "xmalloc.h"

static void
on_progress(void *ctx, long done, long total)
{
	progress_update(ctx, (double)done, (double)total);
}

int
cmd_aggregate(int argc, char **argv)
{
	const char *db = NULL, *format = "table", *survey = NULL, *v;
	const char **bys = NULL;
	struct aggregate_opts o;
	struct aggregate_result res;
	struct questionnaire *qn;
	struct progress pr;
	struct store *st;
	struct buf err = BUF_INIT;
	int64_t qrow = 0;
	int *by = NULL, i, nby = 0, rc;
	char *emsg;

	cmd_maybe_help("aggregate", argc, argv);
	aggregate_opts_init(&o);
	bys = xcalloc((size_t)argc, sizeof *bys);
	for (i = 1; i < argc; i++) {
		if ((v = cmd_optval("--db", argc, argv, &i)) != NULL)
			db = v;
		else if ((v = cmd_optval("--format", argc, argv, &i)) != NULL)
			format = v;
		else if ((v = cmd_optval("--by", argc, argv, &i)) != NULL)
			bys[nby++] = v;
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
			    "aggregate --help')", argv[i]);
		else if (survey == NULL)
			survey = argv[i];
		else
			cmd_usage("aggregate");
	}
	if (db == NULL || survey == NULL)
		cmd_usage("aggregate");
	if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0 &&
	    strcmp(format, "json") != 0)
		die(EX_USAGE, "unknown format '%s' (table, csv or json)", format);

	qn = cmd_load_survey(survey);
	if (nby > 0) {
		by = xcalloc((size_t)nby, sizeof *by);
		o.by_set = 1;
		for (i = 0; i < nby; i++) {
			int q;

			if (strcmp(bys[i], "none") == 0)
				continue;
			q = questionnaire_find(qn, bys[i]);
			if (q < 0 || (qn->questions[q].type != QN_SINGLE &&
			    qn->questions[q].type != QN_YESNO))
				die(EX_USAGE, "cannot break down by '%s': name "
				    "a single-choice or yes/no question of '%s' "
				    "(or 'none')", bys[i], qn->id);
			by[o.nby++] = q;
		}
		o.by = by;
	}
	if (access(db, F_OK) != 0)
		die(EX_NOINPUT, "cannot open database '%s': no such file", db);
	if (store_open_scan(&st, db, &emsg) < 0)
		die(EX_NOINPUT, "%s", emsg);
	if (store_questionnaire_lookup(st, qn->hash, &qrow) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));
	if (qrow == 0)
		warning("'%s' holds no interviews of '%s' version %s as it "
		    "stands in '%s' (were they taken with another version?)",
		    db, qn->id, qn->version, survey);

	progress_init(&pr, "aggregating");
	/* Without a terminal there is no bar, and no count to size it. */
	o.progress = pr.tty ? on_progress : NULL;
	o.progress_ctx = &pr;
	rc = aggregate_run(st, qn, qrow, &o, &res, &err);
	progress_end(&pr);
	if (rc < 0)
		die(EX_IOERR, "%s", buf_str(&err));
	if (res.nunweighted > 0)
		warning("%ld interview%s without a sampling weight counted "
		    "with weight 1", res.nunweighted, res.nunweighted == 1 ?
		    "" : "s");
	if (res.nbad > 0)
		warning("%ld stored answer%s did not fit the questionnaire and "
		    "counted as unanswered", res.nbad, res.nbad == 1 ? "" : "s");
	if (strcmp(format, "csv") == 0)
		rc = export_csv_aggregate(stdout, qn, &res);
	else if (strcmp(format, "json") == 0)
		rc = export_json_aggregate(stdout, qn, &res);
	else
		rc = export_table_aggregate(stdout, qn, &res);
	if (rc < 0)
		die(EX_IOERR, "cannot write the results");
	aggregate_result_release(&res);
	store_close(st);
	questionnaire_free(qn);
	buf_release(&err);
	free(by);
	free(bys);
	return 0;
}
