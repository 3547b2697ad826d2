/*
 * cmd-util.c: what every subcommand does the same way — load the
 * questionnaire it is given (printing every problem, located, and exiting
 * with check's codes when it does not load) and read "--name VALUE"
 * options — so that all commands fail alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "diag.h"
#include "questionnaire.h"
#include "usage.h"

struct questionnaire *
cmd_load_survey(const char *path)
{
	struct questionnaire *qn;
	struct diag d;
	int code;

	diag_init(&d, path);
	qn = questionnaire_load(path, &d, &code);
	diag_print(&d, stderr);
	diag_release(&d);
	if (qn == NULL)
		exit(code);
	return qn;
}

const char *
cmd_optval(const char *name, int argc, char **argv, int *i)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc)
		die(EX_USAGE, "option '%s' needs a value", name);
	return argv[++*i];
}
