/*
 * main.c: dispatch to the subcommands. Everything a command does lives in
 * its cmd-*.c file; this file owns only the table and global options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "sec.h"
#include "usage.h"

const struct cmd_entry cmd_table[] = {
	{ "check", cmd_check, "[-q] FILE...",
	    "check questionnaires and summarize them",
	    "  -q, --quiet   print only problems\n"
	    "Exit status: 0 when every file is valid, 65 when one is not,\n"
	    "66 when one cannot be read.\n" },
	{ "script", cmd_script,
	    "[--db PATH] [--resume UUID] [--lang CODE] [--enumerator ID] SURVEY",
	    "take an interview from answers on standard input, one per line",
	    "  --db PATH        database (default data/lcsurvey.db)\n"
	    "  --resume UUID    continue that interview (or the one whose UUID\n"
	    "                   begins or ends with these 8 or more characters;\n"
	    "                   the first 8 name the device)\n"
	    "  --lang CODE      language of messages (default: the first)\n"
	    "  --enumerator ID  recorded with the interview\n"
	    "Prints '? QUESTION MEMBER' before each answer it reads, '! MESSAGE'\n"
	    "when an answer is refused, and 'end' after the last question; the\n"
	    "line 'complete' then marks the interview complete. '~ MESSAGE'\n"
	    "means a soft check failed: ':confirm' keeps the answer anyway.\n"
	    "Lines ':back', ':dk', ':refused' and ':lang CODE' do what they say.\n"
	    "':reopen REASON' reopens a complete interview (with --resume) for\n"
	    "editing; the reason is kept in its audit trail (lcsurvey log).\n" },
	{ "interview", cmd_interview,
	    "SURVEY.yaml [--db PATH] [--enumerator ID] [--lang CODE]",
	    "take interviews in the terminal",
	    "  --db PATH          database (default data/lcsurvey.db; its\n"
	    "                     directory is created if missing)\n"
	    "  --enumerator ID    recorded with each new interview\n"
	    "  --lang CODE        language to begin in (default: the first)\n"
	    "Every screen shows its keys; F2 switches language, F10 quits.\n"
	    "Exit status: 0, 64 usage or no terminal, 65 invalid questionnaire\n"
	    "or database, 66 unreadable, 73 cannot create, 75 database busy.\n" },
	{ "aggregate", cmd_aggregate,
	    "--db DB [--format table|csv|json] [--by QUESTION]... "
	    "[--include-partial] [--small-n N] SURVEY.yaml",
	    "estimate every indicator, with standard errors and confidence "
	    "intervals",
	    "  --db DB             the interview database\n"
	    "  --format FORMAT     table (default), csv or json\n"
	    "  --by QUESTION       break down by this single-choice or yes/no\n"
	    "                      question instead of each indicator's 'by'\n"
	    "                      (repeatable; 'none': the total only)\n"
	    "  --include-partial   count partial interviews too\n"
	    "  --small-n N         flag estimates on fewer than N respondents\n"
	    "                      (default 30)\n"
	    "CSV and JSON columns: indicator, code, name, group, category, n,\n"
	    "estimate, se, ci_low, ci_high, deff, flag; proportions in percent.\n"
	    "See lcsurvey-aggregate(1) for the estimation methods.\n" },
	{ "weights", cmd_weights,
	    "--db DB [--frame FRAME.csv] [--poststratify TOTALS.csv | "
	    "--rake MARGIN.csv...] [--empty stop|collapse] [--trim LOW,HIGH "
	    "[--strict-trim]] [--tol X] [--maxit N] SURVEY.yaml",
	    "weight the interviews to the city: frame, non-response, "
	    "selection, post-stratification or raking",
	    "  --db DB               the interview database\n"
	    "  --frame FRAME.csv     base weights per cluster: columns stratum,\n"
	    "                        cluster and prob (or weight)\n"
	    "  --poststratify FILE   population per cell: the cell's question\n"
	    "                        ids (choice codes), then 'total'\n"
	    "  --rake FILE           one margin, same format (repeatable)\n"
	    "  --empty stop|collapse a cell with population but no respondents:\n"
	    "                        an error (default) or merged with the next\n"
	    "  --trim LOW,HIGH       bound the weights, sharing what is cut\n"
	    "  --strict-trim         repeat the trimming until all are inside\n"
	    "  --tol X, --maxit N    raking stops when no weight moves by more\n"
	    "                        than X (default 1e-10) or after N sweeps\n"
	    "                        (default 1000)\n"
	    "Non-response classes and the selection factor come from the\n"
	    "questionnaire's design block (weighting_class, selection). The\n"
	    "weights are stored as a run that 'aggregate' then uses, with\n"
	    "calibration-aware standard errors. See lcsurvey-weights(1).\n"
	    "Exit status: 0, 64 usage, 65 invalid input (FILE:LINE:COL; the\n"
	    "database is unchanged), 66 unreadable file.\n" },
	{ "import", cmd_import, "--db DB SURVEY.yaml DATA.csv",
	    "load wide CSV microdata (a row per respondent) into a database",
	    "  --db DB   the database (created if missing)\n"
	    "Columns: question ids, ID.M for member M of a roster. Every value\n"
	    "is checked; any error is reported as DATA.csv:LINE:COLUMN and\n"
	    "nothing is written. Exit status 65 for invalid data.\n" },
	{ "merge", cmd_merge, "--into CENTRAL.db FILE.db...",
	    "bring the interviews of many databases into one",
	    "  --into DB   the database merged into (created if missing)\n"
	    "Each FILE is checked as untrusted and merged in one transaction,\n"
	    "or refused and left out with a message. An interview on both\n"
	    "sides is unchanged when equal, updated when this file's version\n"
	    "is complete and has every answer of the target's; otherwise both\n"
	    "are kept (a conflict, printed with both UUIDs). Merging a file\n"
	    "again changes nothing. Prints a line per file: new, unchanged,\n"
	    "updated, conflicts, or refused. See lcsurvey-store(5), MERGING.\n"
	    "Exit status: 0, 65 when a file was refused, 73 when the target\n"
	    "cannot be opened.\n" },
	{ "simulate", cmd_simulate, "[--n N] [--seed S] [--db PATH] SURVEY",
	    "run random valid interviews and report how often each question is reached",
	    "  --n N        number of interviews (default 100)\n"
	    "  --seed S     random seed (default 1); the same seed, the same run\n"
	    "  --db PATH    also store them (mode 'simulate'), as typed ones are\n"
	    "Lists the questions never reached. Without --db nothing is written.\n" },
	{ "log", cmd_log, "[--db PATH] [--format table|csv] UUID",
	    "show the audit trail of an interview: every change, in order",
	    "  --db PATH       database (default data/lcsurvey.db)\n"
	    "  --format FMT    table (default) or csv\n"
	    "UUID may be the first or last 8 or more characters of the\n"
	    "interview's (the first 8 name the device).\n"
	    "Each change to an answer (answer, change, confirm, clear) and of\n"
	    "the status (complete, abandon, reopen) is shown with its sequence\n"
	    "number, time, device, old and new values and reason, and flagged\n"
	    "when the device's clock went backwards. See lcsurvey-store(5).\n"
	    "Exit status: 0, 65 no such interview or an invalid database, 66 no\n"
	    "such database.\n" },
	{ "export", cmd_export,
	    "microdata --db DB [--format csv|stata|spss|r] [--layout long|wide] "
	    "[--output PREFIX] [--all] SURVEY.yaml",
	    "export the interviews as microdata for analysis",
	    "  --db DB          the interview database\n"
	    "  --format F       csv (default), or stata, spss, r: also the\n"
	    "                   script loading the CSV with labels (.do, .sps, .R)\n"
	    "  --layout long    (default) a row per respondent: the household\n"
	    "                   (member 0) and each roster member; columns\n"
	    "                   interview, member, status, started_at, ended_at,\n"
	    "                   enumerator, design_*, then one per question\n"
	    "                   (ID_CODE 0/1 per choice of a multiple choice);\n"
	    "                   with PREFIX-codebook.csv\n"
	    "  --layout wide    a row per interview, ID.M for roster members:\n"
	    "                   the CSV 'lcsurvey import' reads\n"
	    "  --output PREFIX  file names (default: the survey id)\n"
	    "  --all            partial and abandoned interviews too\n"
	    "Don't know and refused: an empty cell and 1 or 2 in ID_miss.\n"
	    "Only interviews of SURVEY.yaml's exact version are exported.\n" },
	{ "field-report", cmd_field_report, "[--db DB] [--format table|csv]",
	    "per enumerator and day: interviews, durations, slow questions",
	    "  --db DB        the interview database (default data/lcsurvey.db)\n"
	    "  --format F     table (default) or csv\n"
	    "Per day (local date an interview started) and enumerator:\n"
	    "interviews complete, partial and abandoned; the median duration\n"
	    "of the complete ones; the three questions with the longest median\n"
	    "time; the share of answers that are \"don't know\".\n" },
	{ "report", cmd_report,
	    "--db DB [--format md|html] [-o FILE] [--include-partial] "
	    "[--small-n N] SURVEY.yaml...",
	    "the Key Features report: every indicator with its confidence "
	    "interval, by area of focus",
	    "  --db DB             the interview database\n"
	    "  --format FORMAT     md (Markdown, the default) or html (one\n"
	    "                      self-contained file with charts, for\n"
	    "                      screen and print)\n"
	    "  -o, --output FILE   write to FILE instead of standard output\n"
	    "  --include-partial   count partial interviews too\n"
	    "  --small-n N         flag estimates on fewer than N respondents\n"
	    "                      (default 30)\n"
	    "Each SURVEY (household, educator, enterprise...) is aggregated on\n"
	    "the same database; the figures are those of 'lcsurvey aggregate\n"
	    "--format csv', rounded, under the seed's areas of focus and Key\n"
	    "Features. See lcsurvey-report(1).\n" },
	{ "kiosk", cmd_kiosk,
	    "SURVEY.yaml [--db PATH] [--idle SECONDS] [--countdown SECONDS] "
	    "[--large] [--lang CODE] | --set-pin [--db PATH]",
	    "let citizens answer alone on an unattended terminal",
	    "  --db PATH            database (default data/lcsurvey.db)\n"
	    "  --idle SECONDS       quiet time before \"are you still there?\"\n"
	    "                       (default 120)\n"
	    "  --countdown SECONDS  how long that question waits before the\n"
	    "                       interview is saved as abandoned and the\n"
	    "                       screen cleared (default 20)\n"
	    "  --large              bold, high-contrast text, more spacing\n"
	    "  --lang CODE          language highlighted first (default: the\n"
	    "                       questionnaire's first)\n"
	    "  --set-pin            set the staff PIN (4 to 12 digits), read\n"
	    "                       twice without echo, or from standard input\n"
	    "                       when it is not a terminal\n"
	    "The kiosk will not start without a PIN. Staff: see\n"
	    "lcsurvey-kiosk(1) for the way to the staff menu.\n"
	    "Exit status: 0, 64 usage or no terminal, 65 invalid questionnaire\n"
	    "or PIN, 66 unreadable, 73 cannot create, 78 no PIN set.\n" },
	{ NULL, NULL, NULL, NULL, NULL },
};

void
cmd_print_help(const struct cmd_entry *c, void *fp)
{
	fprintf(fp, "usage: lcsurvey %s %s\n\n%s.\n", c->name, c->usage,
	    c->summary);
	if (c->help[0] != '\0')
		fprintf(fp, "\n%s", c->help);
}

const struct cmd_entry *
cmd_find(const char *name)
{
	const struct cmd_entry *c;

	for (c = cmd_table; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

void
cmd_maybe_help(const char *name, int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		cmd_print_help(cmd_find(name), stdout);
		exit(0);
	}
}

void
cmd_usage(const char *name)
{
	const struct cmd_entry *c = cmd_find(name);

	fprintf(stderr, "usage: lcsurvey %s %s\n", c->name, c->usage);
	fprintf(stderr, "(see 'lcsurvey %s --help')\n", c->name);
	exit(EX_USAGE);
}

static void
print_help(FILE *fp)
{
	const struct cmd_entry *c;

	fputs("usage: lcsurvey [--version] [--help] COMMAND [ARGS]\n\n"
	    "An offline terminal survey instrument for the UNESCO Global "
	    "Network\nof Learning Cities.\n\nCommands:\n", fp);
	for (c = cmd_table; c->name != NULL; c++)
		fprintf(fp, "  %-12s %s\n", c->name, c->summary);
	fputs("\nSee 'lcsurvey COMMAND --help' and lcsurvey(1).\n", fp);
}

int
main(int argc, char **argv)
{
	const struct cmd_entry *c;

	if (argc < 2) {
		print_help(stderr);
		return EX_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && (c = cmd_find(argv[2])) != NULL)
			cmd_print_help(c, stdout);
		else
			print_help(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("lcsurvey %s\n", LCSURVEY_VERSION);
		return 0;
	}
	if ((c = cmd_find(argv[1])) == NULL) {
		fprintf(stderr, "lcsurvey: error: '%s' is not a command (see "
		    "'lcsurvey --help')\n", argv[1]);
		return EX_USAGE;
	}
	if (sec_init() < 0)
		die(EX_OSERR, "cannot initialize the random number generator");
	return c->fn(argc - 1, argv + 1);
}
