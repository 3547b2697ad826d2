/*
 * cmd-log.c: `lcsurvey log` — an interview's audit trail, as a table for a
 * supervisor to read or CSV for a program: every change to its answers
 * and status, in the order the device made them (lcsurvey-store(5)).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "buf.h"
#include "cmd.h"
#include "csvio.h"
#include "store.h"
#include "strutil.h"
#include "usage.h"
#include "xmalloc.h"

enum { F_TABLE, F_CSV };

/* The table's columns, in order. */
enum { C_SEQ, C_TIME, C_DEVICE, C_MEMBER, C_QUESTION, C_EVENT, C_CHANGE,
	C_NOTE, C__N };

static const char *const heads[C__N] = {
	"SEQ", "TIME (UTC)", "DEVICE", "MEMBER", "QUESTION", "EVENT",
	"OLD -> NEW", "NOTE",
};

/* The table is printed once every row is known, to size its columns. */
struct table {
	char *(*rows)[C__N];
	size_t n, cap;
	FILE *fp;
};

/* A decimal as the shortest text that reads back as the same double. */
static void
add_real(struct buf *b, double r)
{
	char tmp[40];

	snprintf(tmp, sizeof tmp, "%.15g", r);
	if (strtod(tmp, NULL) != r)
		snprintf(tmp, sizeof tmp, "%.17g", r);
	buf_adds(b, tmp);
}

/* A value as stored; for the table, control characters are escaped so
 * that each event stays on its line. */
static void
add_value(struct buf *b, const struct store_value *v, int present, int table)
{
	size_t i;

	if (!present) {
		if (table)
			buf_adds(b, "(none)");
		return;
	}
	switch (v->type) {
	case STORE_INT:
		buf_addf(b, "%lld", (long long)v->i);
		return;
	case STORE_REAL:
		add_real(b, v->r);
		return;
	case STORE_TEXT:
		for (i = 0; i < v->len; i++) {
			unsigned char c = (unsigned char)v->text[i];

			if (table && (c < 0x20 || c == 0x7f))
				buf_addf(b, "\\x%02x", c);
			else
				buf_addc(b, (char)c);
		}
		return;
	case STORE_NULL:
		break;
	}
	if (table)
		buf_adds(b, v->missing != NULL ? v->missing : "(empty)");
}

static void
table_add(struct table *t, const struct store_log_entry *e)
{
	struct buf b = BUF_INIT;
	char **row;

	xgrow((void **)&t->rows, &t->cap, t->n + 1, sizeof *t->rows);
	row = t->rows[t->n++];
	buf_addf(&b, "%lld", (long long)e->seq);
	row[C_SEQ] = buf_detach(&b);
	row[C_TIME] = xstrdup(e->at);
	row[C_DEVICE] = xstrndup(e->device, 8);
	if (e->member >= 0)
		buf_addf(&b, "%d", e->member);
	else
		buf_adds(&b, "-");
	row[C_MEMBER] = buf_detach(&b);
	row[C_QUESTION] = xstrdup(e->question != NULL ? e->question : "-");
	row[C_EVENT] = xstrdup(e->event);
	add_value(&b, &e->old_value, e->has_old, 1);
	buf_adds(&b, " -> ");
	add_value(&b, &e->new_value, e->has_new, 1);
	if (e->confirmed)
		buf_adds(&b, " (confirmed)");
	row[C_CHANGE] = buf_detach(&b);
	if (e->clock_backwards)
		buf_adds(&b, "clock went backwards");
	if (e->reason != NULL)
		buf_addf(&b, "%sreason: %s", b.len > 0 ? "; " : "", e->reason);
	row[C_NOTE] = buf_detach(&b);
}

/* Width on a terminal, counting a code point as one column. */
static size_t
width(const char *s)
{
	return strutil_utf8_len(s, strlen(s));
}

static void
pad(FILE *fp, const char *s, size_t w, int right)
{
	size_t n = width(s);

	if (right)
		fprintf(fp, "%*s%s", (int)(w > n ? w - n : 0), "", s);
	else
		fprintf(fp, "%s%*s", s, (int)(w > n ? w - n : 0), "");
}

static void
table_print(struct table *t)
{
	size_t w[C__N], i;
	int c;

	for (c = 0; c < C__N; c++)
		w[c] = width(heads[c]);
	for (i = 0; i < t->n; i++)
		for (c = 0; c < C__N; c++)
			if (width(t->rows[i][c]) > w[c])
				w[c] = width(t->rows[i][c]);
	for (i = 0; i <= t->n; i++) {
		const char *const *row = i == 0 ? heads :
		    (const char *const *)t->rows[i - 1];

		for (c = 0; c < C__N; c++) {
			/* The last column is not padded, nor one before an
			 * empty last column: no trailing spaces. */
			if (c == C__N - 1 || (c == C__N - 2 &&
			    row[C__N - 1][0] == '\0')) {
				fputs(row[c], t->fp);
				break;
			} else {
				pad(t->fp, row[c], w[c], c == C_SEQ ||
				    c == C_MEMBER);
				fputs("  ", t->fp);
			}
		}
		fputc('\n', t->fp);
	}
}

static void
table_free(struct table *t)
{
	size_t i;
	int c;

	for (i = 0; i < t->n; i++)
		for (c = 0; c < C__N; c++)
			free(t->rows[i][c]);
	free(t->rows);
}

static int
on_table(void *ctx, const struct store_log_entry *e)
{
	table_add(ctx, e);
	return 0;
}

static void
csv_field(FILE *fp, const char *s, int last)
{
	csvio_write_field(fp, s, strlen(s));
	fputc(last ? '\n' : ',', fp);
}

/* CSV: one field per column of answer_log, values as stored, NULL empty. */
static int
on_csv(void *ctx, const struct store_log_entry *e)
{
	FILE *fp = ctx;
	struct buf b = BUF_INIT;

	buf_addf(&b, "%lld", (long long)e->seq);
	csv_field(fp, buf_str(&b), 0);
	csv_field(fp, e->at, 0);
	csv_field(fp, e->device, 0);
	csv_field(fp, e->interview, 0);
	buf_reset(&b);
	if (e->member >= 0)
		buf_addf(&b, "%d", e->member);
	csv_field(fp, buf_str(&b), 0);
	csv_field(fp, e->question != NULL ? e->question : "", 0);
	csv_field(fp, e->event, 0);
	buf_reset(&b);
	add_value(&b, &e->old_value, e->has_old, 0);
	csv_field(fp, buf_str(&b), 0);
	csv_field(fp, e->old_value.missing ? e->old_value.missing : "", 0);
	buf_reset(&b);
	add_value(&b, &e->new_value, e->has_new, 0);
	csv_field(fp, buf_str(&b), 0);
	csv_field(fp, e->new_value.missing ? e->new_value.missing : "", 0);
	csv_field(fp, e->confirmed ? "1" : "0", 0);
	csv_field(fp, e->reason != NULL ? e->reason : "", 0);
	csv_field(fp, e->clock_backwards ? "1" : "0", 1);
	buf_release(&b);
	return 0;
}

int
cmd_log(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = "data/lcsurvey.db";
	struct store_interview iv;
	struct table t;
	struct store *st;
	struct stat sb;
	char uuid[37], *emsg = NULL;
	int c, format = F_TABLE, rc;

	cmd_maybe_help("log", argc, argv);
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "table") == 0)
				format = F_TABLE;
			else if (strcmp(optarg, "csv") == 0)
				format = F_CSV;
			else
				die(EX_USAGE, "unknown format '%s' (table or "
				    "csv)", optarg);
			break;
		default:
			cmd_usage("log");
		}
	}
	if (optind != argc - 1)
		cmd_usage("log");
	/* Reading must not leave an empty database behind a typo. */
	if (stat(db, &sb) == -1)
		die(EX_NOINPUT, "no database '%s'", db);
	if (store_open(&st, db, &emsg) < 0)
		die(EX_DATAERR, "%s", emsg);
	if (store_interview_find(st, argv[optind], uuid) < 0)
		die(EX_DATAERR, "%s", store_errmsg(st));

	memset(&t, 0, sizeof t);
	t.fp = stdout;
	if (format == F_CSV) {
		fputs("seq,at,device,interview,member,question,event,"
		    "old_value,old_missing,new_value,new_missing,confirmed,"
		    "reason,clock_backwards\n", stdout);
		rc = store_log_foreach(st, uuid, on_csv, stdout);
	} else {
		if (store_interview_get(st, uuid, &iv) < 0)
			die(EX_DATAERR, "%s", store_errmsg(st));
		printf("interview %s (%s, device %.8s)\n", uuid, iv.status,
		    iv.device);
		store_interview_release(&iv);
		rc = store_log_foreach(st, uuid, on_table, &t);
		if (rc == 0 && t.n == 0)
			printf("no events recorded (an imported interview, or "
			    "one taken before lcsurvey kept an audit trail)\n");
		else if (rc == 0)
			table_print(&t);
		table_free(&t);
	}
	if (rc < 0)
		die(EX_SOFTWARE, "%s", store_errmsg(st));
	store_close(st);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(EX_IOERR, "cannot write the log");
	return 0;
}
