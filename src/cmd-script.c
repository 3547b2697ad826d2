/*
 * cmd-script.c: `lcsurvey script` — the interview engine driven by lines of
 * text instead of keys. It is what tests, crash-injection runs and other
 * programs use to feed answers through exactly the path the screens use
 * (session -> engine -> store), without a terminal.
 *
 * Protocol (one line each, stdout flushed after every line):
 *   interview UUID             once, first
 *   note TEXT                  something the reader should know
 *   ? QUESTION MEMBER          the question now waiting for an answer
 *   ! MESSAGE                  the last answer was refused; asked again
 *   ~ MESSAGE                  its soft check failed: ":confirm" keeps it
 *   end                        no question left; "complete" marks it so
 *   complete UUID              marked complete
 *   reopened UUID              ":reopen REASON" made it partial again
 * Input lines are answers as typed (see lcsurvey-questionnaire(5)), or
 * ":back", ":dk", ":refused", ":confirm", ":lang CODE", "complete", or
 * ":reopen REASON" (edit a complete interview; the audit trail records
 * REASON with the reopening and every change until "complete").
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "buf.h"
#include "cmd.h"
#include "session.h"
#include "usage.h"

struct script_opts {
	const char *db, *resume, *lang, *enumerator;
};

static void
parse_opts(int argc, char **argv, struct script_opts *o)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "resume", required_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' },
		{ "enumerator", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	o->db = "data/lcsurvey.db";
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'r': o->resume = optarg; break;
		case 'l': o->lang = optarg; break;
		case 'e': o->enumerator = optarg; break;
		default: cmd_usage("script");
		}
	}
	if (optind != argc - 1)
		cmd_usage("script");
}

/* One protocol line, flushed at once: the reader is usually a pipe. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

static void
prompt(struct session *s)
{
	int member;
	const struct qn_question *q = interview_current(s->iv, &member);

	if (q == NULL)
		say("end");
	else
		say("? %s %d", q->id, member);
}

/* One input line; returns 1 when the script is finished, -1 when an
 * answer could not be written (no later answer would fare better). */
static int
handle(struct session *s, const char *line)
{
	struct buf err = BUF_INIT;
	struct expr_value v;
	int rc = 0, arc = 0;

	memset(&v, 0, sizeof v);
	if (strcmp(line, ":back") == 0) {
		if (interview_back(s->iv) < 0)
			buf_adds(&err, "already at the first question");
	} else if (strcmp(line, ":confirm") == 0) {
		arc = session_confirm(s, &err);
	} else if (strcmp(line, ":dk") == 0 || strcmp(line, ":refused") == 0) {
		v.missing = line[1] == 'd' ? EXPR_DONT_KNOW : EXPR_REFUSED;
		arc = session_answer_value(s, &v, &err);
	} else if (strncmp(line, ":reopen", 7) == 0 &&
	    (line[7] == ' ' || line[7] == '\0')) {
		if (session_reopen(s, line[7] == ' ' ? line + 8 : "", &err) == 0)
			say("reopened %s", s->uuid);
	} else if (strncmp(line, ":lang ", 6) == 0) {
		if (session_set_language(s, questionnaire_lang(s->qn,
		    line + 6)) < 0)
			buf_addf(&err, "no language '%s' in this questionnaire",
			    line + 6);
	} else if (strcmp(line, "complete") == 0 &&
	    interview_current(s->iv, NULL) == NULL) {
		if (session_set_status(s, "complete", &err) == 0) {
			say("complete %s", s->uuid);
			rc = 1;
		}
	} else
		arc = session_answer_text(s, line, &err);
	if (arc == INTERVIEW_UNSAVED) {
		fprintf(stderr, "lcsurvey: error: %s\n", buf_str(&err));
		rc = -1;
	} else if (err.len > 0)
		say("%c %s", arc == 1 ? '~' : '!', err.s);
	buf_release(&err);
	return rc;
}

static int
open_db(const char *path, struct store **st)
{
	char *msg = NULL;

	if (store_open(st, path, &msg) < 0) {
		fprintf(stderr, "lcsurvey: error: %s\n", msg);
		free(msg);
		return -1;
	}
	return 0;
}

int
cmd_script(int argc, char **argv)
{
	struct script_opts o;
	struct questionnaire *qn;
	struct store *st;
	struct session s;
	struct buf err = BUF_INIT;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	char uuid[37];
	int lang = 0, rc = 0;

	cmd_maybe_help("script", argc, argv);
	parse_opts(argc, argv, &o);
	qn = cmd_load_survey(argv[optind]);
	if (o.lang != NULL && (lang = questionnaire_lang(qn, o.lang)) < 0)
		die(EX_USAGE, "'%s' has no language '%s'", argv[optind], o.lang);
	if (open_db(o.db, &st) < 0) {
		questionnaire_free(qn);
		return EX_CANTCREAT;
	}
	/* --resume takes a UUID or its first or last 8+ characters, as `log`
	 * does. */
	if (o.resume != NULL && store_interview_find(st, o.resume, uuid) < 0)
		die(EX_DATAERR, "%s", store_errmsg(st));
	if ((o.resume ? session_resume(&s, st, qn, uuid, &err) :
	    session_begin(&s, st, qn, "interview", o.enumerator, lang, &err)) < 0)
		die(EX_DATAERR, "%s", err.s);
	say("interview %s", s.uuid);
	if (s.version_changed)
		say("note questionnaire changed since this interview began; it "
		    "continues with version %s it began with", s.qn->version);
	prompt(&s);
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if ((rc = handle(&s, line)) != 0)
			break;
		prompt(&s);
	}
	free(line);
	session_end(&s);
	store_close(st);
	questionnaire_free(qn);
	return rc < 0 ? EX_IOERR : 0;
}
