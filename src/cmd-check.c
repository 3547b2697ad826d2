/*
 * cmd-check.c: `lcsurvey check FILE...` — loads each questionnaire and
 * either summarizes it or lists every problem, located, for its author.
 */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "diag.h"
#include "questionnaire.h"
#include "usage.h"

static void
summarize(const struct questionnaire *qn)
{
	int i;

	printf("%s: ok: '%s' version %s: %d section%s, %d question%s, "
	    "%d roster%s, %d indicator%s, languages ", qn->path, qn->id,
	    qn->version, qn->nsections, qn->nsections == 1 ? "" : "s",
	    qn->nquestions, qn->nquestions == 1 ? "" : "s", qn->nrosters,
	    qn->nrosters == 1 ? "" : "s", qn->nindicators,
	    qn->nindicators == 1 ? "" : "s");
	for (i = 0; i < qn->nlang; i++)
		printf("%s%s", i ? ", " : "", qn->langs[i]);
	putchar('\n');
}

int
cmd_check(int argc, char **argv)
{
	int i, rc = 0, quiet = 0, first = 1;

	cmd_maybe_help("check", argc, argv);
	if (argc > 1 && (strcmp(argv[1], "-q") == 0 ||
	    strcmp(argv[1], "--quiet") == 0)) {
		quiet = 1;
		first = 2;
	}
	if (argc <= first)
		cmd_usage("check");
	for (i = first; i < argc; i++) {
		struct diag d;
		struct questionnaire *qn;
		int code;

		diag_init(&d, argv[i]);
		qn = questionnaire_load(argv[i], &d, &code);
		/* Warnings only: a questionnaire that loads still passes. */
		if (qn != NULL)
			questionnaire_route_check(qn, &d);
		diag_print(&d, stderr);
		if (qn != NULL && !quiet)
			summarize(qn);
		/* A file that cannot be read outranks one that is wrong. */
		if (qn == NULL && (rc == 0 || code == EX_NOINPUT))
			rc = code;
		questionnaire_free(qn);
		diag_release(&d);
	}
	return rc;
}
