/*
 * cmd-kiosk.c: `lcsurvey kiosk SURVEY.yaml` — the self-administered,
 * unattended terminal (src/tui/tui-kiosk.c) — and `lcsurvey kiosk
 * --set-pin`, which sets the staff PIN that is the only way out of it.
 * Everything that can go wrong before the first screen is reported here,
 * one line, with a sysexits.h code: once the kiosk runs, nobody at the
 * terminal could read a message anyway.
 */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <termios.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "sec.h"
#include "session.h"
#include "tui/tui-kiosk.h"
#include "usage.h"

#define DEFAULT_DB "data/lcsurvey.db"
#define DEFAULT_IDLE 120
#define DEFAULT_COUNTDOWN 20
#define PIN_MIN 4
#define PIN_MAX 12
#define KIOSK_CACHE_KIB 128	/* SQLite page cache: see store_kiosk_limit_cache */

struct kiosk_opts {
	const char *db, *lang, *survey;
	int idle, countdown, large, set_pin;
};

static int
seconds_arg(const char *opt, const char *s, int min)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > 86400)
		die(EX_USAGE, "%s: '%s' is not a number of seconds from %d to "
		    "86400", opt, s, min);
	return (int)v;
}

static void
parse_opts(int argc, char **argv, struct kiosk_opts *o)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "idle", required_argument, NULL, 'i' },
		{ "countdown", required_argument, NULL, 'c' },
		{ "large", no_argument, NULL, 'L' },
		{ "lang", required_argument, NULL, 'l' },
		{ "set-pin", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	o->db = DEFAULT_DB;
	o->idle = DEFAULT_IDLE;
	o->countdown = DEFAULT_COUNTDOWN;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 'i':
			o->idle = seconds_arg("--idle", optarg, 1);
			break;
		case 'c':
			o->countdown = seconds_arg("--countdown", optarg, 1);
			break;
		case 'L':
			o->large = 1;
			break;
		case 'l':
			o->lang = optarg;
			break;
		case 'p':
			o->set_pin = 1;
			break;
		default:
			cmd_usage("kiosk");
		}
	}
	if (o->set_pin) {
		if (optind != argc)
			cmd_usage("kiosk");
		return;
	}
	if (optind != argc - 1)
		cmd_usage("kiosk");
	o->survey = argv[optind];
}

/* Same rule as `interview`: a UTF-8 LC_CTYPE for the labels, even when
 * the system has no locale configured; numbers always read with '.'. */
static void
set_locale(void)
{
	const char *ctype;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return;
	ctype = setlocale(LC_CTYPE, NULL);
	if (ctype != NULL && (strcmp(ctype, "C") == 0 ||
	    strcmp(ctype, "POSIX") == 0))
		setlocale(LC_CTYPE, "C.UTF-8");
}

static struct store *
open_store(const char *path)
{
	struct store *st;
	const char *slash = strrchr(path, '/');
	char *msg = NULL, dir[PATH_MAX];
	int code;

	/* The usual data/ directory may not exist yet on a new terminal. */
	if (slash != NULL && slash != path && (size_t)(slash - path) <
	    sizeof dir) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
		if (mkdir(dir, 0777) < 0 && errno != EEXIST)
			die(EX_CANTCREAT, "cannot create the directory '%s' for "
			    "the database: %s", dir, strerror(errno));
	}
	if (store_open(&st, path, &msg) == 0)
		return st;
	if (access(path, F_OK) < 0)
		code = EX_CANTCREAT;
	else if (strstr(msg, "locked") != NULL || strstr(msg, "busy") != NULL)
		code = EX_TEMPFAIL;
	else if (access(path, R_OK | W_OK) < 0)
		code = EX_NOINPUT;
	else
		code = EX_DATAERR;
	fprintf(stderr, "lcsurvey: error: %s\n", msg);
	free(msg);
	exit(code);
}

/*
 * One line into pin[PIN_MAX + 2] from fp, without its newline; with echo
 * off when fp is a terminal. -1 at end of input or when the line is too
 * long (the rest is read and dropped).
 */
static int
read_pin(FILE *fp, const char *prompt, char *pin, size_t n)
{
	struct termios old, quiet;
	int tty = isatty(fileno(fp)), c, len = 0, rc = 0;

	if (tty) {
		fprintf(stderr, "%s", prompt);
		fflush(stderr);
		if (tcgetattr(fileno(fp), &old) < 0)
			return -1;
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(fileno(fp), TCSAFLUSH, &quiet);
	}
	while ((c = getc(fp)) != EOF && c != '\n') {
		if ((size_t)len + 1 < n)
			pin[len++] = (char)c;
		else
			rc = -1;
	}
	pin[len] = '\0';
	if (len > 0 && pin[len - 1] == '\r')
		pin[--len] = '\0';
	if (c == EOF && len == 0)
		rc = -1;
	if (tty)
		tcsetattr(fileno(fp), TCSAFLUSH, &old);
	return rc;
}

static int
pin_valid(const char *pin)
{
	size_t i, n = strlen(pin);

	if (n < PIN_MIN || n > PIN_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return 0;
	return 1;
}

/*
 * --set-pin: twice, without echo, at a terminal; from standard input
 * otherwise (scripts, tests), where a second line, if any, must match.
 */
static int
set_pin(const struct kiosk_opts *o)
{
	char pin[PIN_MAX + 2], again[PIN_MAX + 2], hash[SEC_PIN_HASH_MAX];
	int tty = isatty(STDIN_FILENO), rc;
	struct store *st;

	if (read_pin(stdin, "New kiosk PIN (4 to 12 digits): ", pin,
	    sizeof pin) < 0 || !pin_valid(pin)) {
		sec_wipe(pin, sizeof pin);
		die(EX_DATAERR, "the PIN must be 4 to 12 digits");
	}
	rc = read_pin(stdin, "The same PIN again: ", again, sizeof again);
	if ((tty || rc == 0) && (rc < 0 || strcmp(pin, again) != 0)) {
		sec_wipe(pin, sizeof pin);
		sec_wipe(again, sizeof again);
		die(EX_DATAERR, "the two PINs differ; nothing was changed");
	}
	sec_wipe(again, sizeof again);
	rc = sec_pin_hash(pin, hash);
	sec_wipe(pin, sizeof pin);
	if (rc < 0)
		die(EX_OSERR, "cannot hash the PIN (out of memory?)");
	st = open_store(o->db);
	if (store_kiosk_pin_set(st, hash) < 0)
		die(EX_IOERR, "cannot record the PIN in '%s': %s", o->db,
		    store_errmsg(st));
	store_close(st);
	fprintf(stderr, "kiosk PIN set in '%s'\n", o->db);
	return 0;
}

int
cmd_kiosk(int argc, char **argv)
{
	struct kiosk_opts o;
	struct tui_kiosk_options ko;
	struct questionnaire *qn;
	struct store *st;
	struct buf err = BUF_INIT;
	char *hash = NULL;
	int lang = 0, end;

	cmd_maybe_help("kiosk", argc, argv);
	parse_opts(argc, argv, &o);
	if (o.set_pin)
		return set_pin(&o);

	qn = cmd_load_survey(o.survey);
	if (o.lang != NULL && (lang = questionnaire_lang(qn, o.lang)) < 0)
		die(EX_USAGE, "'%s' has no language '%s'", o.survey, o.lang);
	st = open_store(o.db);
	if (store_kiosk_pin_get(st, &hash) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));
	if (hash == NULL)
		die(EX_CONFIG, "no kiosk PIN is set for '%s': staff could not "
		    "leave the kiosk (set one with 'lcsurvey kiosk --set-pin "
		    "--db %s')", o.db, o.db);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		die(EX_USAGE, "the kiosk needs a terminal");
	if (store_kiosk_limit_cache(st, KIOSK_CACHE_KIB) < 0)
		die(EX_IOERR, "%s", store_errmsg(st));

	memset(&ko, 0, sizeof ko);
	ko.st = st;
	ko.qn = qn;
	ko.pin_hash = hash;
	ko.lang = lang;
	ko.idle = o.idle;
	ko.countdown = o.countdown;
	ko.large = o.large;
	if (session_register(st, qn, &ko.qrow, &err) < 0)
		die(EX_IOERR, "cannot record the questionnaire in '%s': %s", o.db,
		    buf_str(&err));

	set_locale();
	end = tui_kiosk_run(&ko, &err);
	store_close(st);
	questionnaire_free(qn);
	free(hash);
	if (end < 0)
		die(EX_UNAVAILABLE, "%s", buf_str(&err));
	buf_release(&err);
	return 0;
}
