/*
 * cmd.h: the subcommand table (after git.c's commands[] and tmux's
 * cmd_entry). --help for each command and the man page SYNOPSIS come from
 * the same usage strings.
 */
#ifndef LCSURVEY_CMD_H
#define LCSURVEY_CMD_H

struct cmd_entry {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;   /* arguments after "lcsurvey NAME" */
	const char *summary; /* one line for `lcsurvey --help` */
	const char *help;    /* options, one per line; may be "" */
};

extern const struct cmd_entry cmd_table[];

/* Prints "usage: lcsurvey NAME USAGE" and the help text, to fp. */
void cmd_print_help(const struct cmd_entry *c, void *fp);
/* The entry for name, or NULL. */
const struct cmd_entry *cmd_find(const char *name);
/* If argv[1] is -h or --help, prints the command's help and exits 0. */
void cmd_maybe_help(const char *name, int argc, char **argv);
/* Dies with the command's usage line (exit EX_USAGE). */
void cmd_usage(const char *name) __attribute__((noreturn));

/*
 * Loads the questionnaire at path and returns it (caller frees), or prints
 * every problem, located, and exits as `lcsurvey check` would (65, 66).
 */
struct questionnaire *cmd_load_survey(const char *path);
/*
 * The value of option name at argv[*i] ("--name V", moving *i past V, or
 * "--name=V"), or NULL when argv[*i] is another argument. Dies with usage
 * when the value is missing.
 */
const char *cmd_optval(const char *name, int argc, char **argv, int *i);

int cmd_check(int argc, char **argv);
int cmd_aggregate(int argc, char **argv);
int cmd_weights(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_script(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_interview(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_field_report(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_kiosk(int argc, char **argv);

#endif
