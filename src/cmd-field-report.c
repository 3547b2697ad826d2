/*
 * cmd-field-report.c: `lcsurvey field-report` — per day and enumerator,
 * what a field supervisor checks every evening, as a table or CSV.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "csvio.h"
#include "field-report.h"
#include "store.h"
#include "usage.h"

static void
field(FILE *fp, int first, const char *s)
{
	if (!first)
		fputc(',', fp);
	csvio_write_field(fp, s, strlen(s));
}

static void
print_csv(FILE *fp, const struct field_report *r)
{
	char tmp[64];
	int i, j;

	fputs("day,enumerator,complete,partial,abandoned,median_minutes,"
	    "answers,dont_know,dont_know_pct", fp);
	for (j = 1; j <= FIELD_REPORT_SLOW; j++)
		fprintf(fp, ",slow_%d,slow_%d_seconds", j, j);
	fputs("\r\n", fp);
	for (i = 0; i < r->n; i++) {
		const struct field_report_row *w = &r->rows[i];

		field(fp, 1, w->day);
		field(fp, 0, w->enumerator);
		fprintf(fp, ",%d,%d,%d,", w->complete, w->partial,
		    w->abandoned);
		if (w->median_minutes >= 0)
			fprintf(fp, "%.1f", w->median_minutes);
		fprintf(fp, ",%ld,%ld,", w->answers, w->dont_know);
		if (w->answers > 0)
			fprintf(fp, "%.1f", 100.0 * w->dont_know / w->answers);
		for (j = 0; j < FIELD_REPORT_SLOW; j++) {
			if (j < w->nslow) {
				field(fp, 0, w->slow[j].question);
				snprintf(tmp, sizeof tmp, "%.1f",
				    w->slow[j].median_seconds);
				field(fp, 0, tmp);
			} else
				fputs(",,", fp);
		}
		fputs("\r\n", fp);
	}
}

static void
print_table(FILE *fp, const struct field_report *r)
{
	struct buf slow = BUF_INIT;
	char med[16], dk[16];
	int i, j;

	fprintf(fp, "%-10s  %-12s %8s %7s %9s %7s %6s  %s\n", "day",
	    "enumerator", "complete", "partial", "abandoned", "median", "dk",
	    "slowest questions (median)");
	for (i = 0; i < r->n; i++) {
		const struct field_report_row *w = &r->rows[i];

		if (w->median_minutes >= 0)
			snprintf(med, sizeof med, "%.1fm", w->median_minutes);
		else
			snprintf(med, sizeof med, "-");
		if (w->answers > 0)
			snprintf(dk, sizeof dk, "%.1f%%",
			    100.0 * w->dont_know / w->answers);
		else
			snprintf(dk, sizeof dk, "-");
		buf_reset(&slow);
		for (j = 0; j < w->nslow; j++)
			buf_addf(&slow, "%s%s %.0fs", j ? ", " : "",
			    w->slow[j].question, w->slow[j].median_seconds);
		fprintf(fp, "%-10s  %-12s %8d %7d %9d %7s %6s  %s\n", w->day,
		    w->enumerator[0] ? w->enumerator : "(none)", w->complete,
		    w->partial, w->abandoned, med, dk, buf_str(&slow));
	}
	if (r->n == 0)
		fputs("(no interviews)\n", fp);
	buf_release(&slow);
}

int
cmd_field_report(int argc, char **argv)
{
	const char *db = "data/lcsurvey.db", *format = "table";
	struct field_report r;
	struct buf err = BUF_INIT;
	struct store *st;
	char *emsg;
	int i;

	cmd_maybe_help("field-report", argc, argv);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0)
			db = argv[i] + 5;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			format = argv[++i];
		else if (strncmp(argv[i], "--format=", 9) == 0)
			format = argv[i] + 9;
		else if (argv[i][0] == '-')
			die(EX_USAGE, "unknown option '%s' (see 'lcsurvey "
			    "field-report --help')", argv[i]);
		else
			cmd_usage("field-report");
	}
	if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0)
		die(EX_USAGE, "unknown format '%s' (table or csv)", format);
	if (access(db, F_OK) != 0)
		die(EX_NOINPUT, "cannot open database '%s': no such file", db);
	if (store_open(&st, db, &emsg) < 0)
		die(EX_NOINPUT, "%s", emsg);
	if (field_report_build(st, &r, &err) < 0)
		die(EX_IOERR, "%s", buf_str(&err));
	if (strcmp(format, "csv") == 0)
		print_csv(stdout, &r);
	else
		print_table(stdout, &r);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EX_IOERR, "cannot write the report");
	field_report_release(&r);
	store_close(st);
	buf_release(&err);
	return 0;
}
