/*
 * cmd-interview.c: `lcsurvey interview SURVEY.yaml` — the enumerator's
 * program. Opens the questionnaire and the database, registers the
 * questionnaire's exact bytes, and hands the terminal to the screens
 * (src/tui/). Everything that can go wrong before the first screen is
 * reported here, one line, with a sysexits.h code.
 */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "session.h"
#include "tui/tui.h"
#include "usage.h"

#define DEFAULT_DB "data/lcsurvey.db"

struct interview_opts {
	const char *db, *enumerator, *lang, *survey;
};

static void
parse_opts(int argc, char **argv, struct interview_opts *o)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "enumerator", required_argument, NULL, 'e' },
		{ "lang", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	o->db = DEFAULT_DB;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 'e':
			o->enumerator = optarg;
			break;
		case 'l':
			o->lang = optarg;
			break;
		default:
			cmd_usage("interview");
		}
	}
	if (optind != argc - 1)
		cmd_usage("interview");
	o->survey = argv[optind];
}

/* mkdir -p of the directory part of path. Returns 0, or -1 with errno
 * set and the directory that failed in dir. */
static int
make_parent(const char *path, struct buf *dir)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;
	size_t i;

	buf_reset(dir);
	if (slash == NULL || slash == path)
		return 0;
	buf_add(dir, path, (size_t)(slash - path));
	for (i = 1; i <= dir->len; i++) {
		if (i < dir->len && dir->s[i] != '/')
			continue;
		dir->s[i] = '\0';
		if (mkdir(dir->s, 0777) < 0 && errno != EEXIST) {
			return -1;
		}
		if (stat(dir->s, &sb) < 0)
			return -1;
		if (!S_ISDIR(sb.st_mode)) {
			errno = ENOTDIR;
			return -1;
		}
		if (i < dir->len)
			dir->s[i] = '/';
	}
	return 0;
}

/*
 * The exit code for a database that would not open: the store's message
 * says what, not which sysexits.h class, so look at the file. A new file
 * that cannot be made is 73, a busy one 75, one we may not read 66, and
 * an existing file that is not ours (or is newer) is data, 65.
 */
static int
store_exit_code(const char *path, const char *msg)
{
	if (access(path, F_OK) < 0)
		return EX_CANTCREAT;
	if (strstr(msg, "locked") != NULL || strstr(msg, "busy") != NULL)
		return EX_TEMPFAIL;
	if (access(path, R_OK | W_OK) < 0)
		return EX_NOINPUT;
	return EX_DATAERR;
}

/*
 * Wide characters need a UTF-8 LC_CTYPE. With no locale configured at
 * all ("C", as on a minimal install over ssh) the labels, which are
 * UTF-8, would show as '?', so take C.UTF-8 instead. Numbers are always
 * read with '.' whatever the locale (LC_NUMERIC stays "C").
 */
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

/* The database and whether it passed its check: a failure of the screens
 * before that is the database's, after it the terminal's. */
struct verify {
	struct store *st;
	int ok;
};

/*
 * PRAGMA quick_check takes longer as the database grows; done after the
 * first paint, it costs the enumerator nothing, and it still comes before
 * anything is written.
 */
static int
verify_store(void *ctx, struct buf *err)
{
	struct verify *v = ctx;

	if (store_verify(v->st) < 0) {
		buf_adds(err, store_errmsg(v->st));
		return -1;
	}
	v->ok = 1;
	return 0;
}

int
cmd_interview(int argc, char **argv)
{
	struct interview_opts o;
	struct tui_options to;
	struct verify vf;
	struct tui_bench_times times;
	struct questionnaire *qn;
	struct store *st;
	struct buf err = BUF_INIT, dir = BUF_INIT;
	const char *bench;
	char *msg = NULL;
	int code, lang = 0, rc;
	double t0 = session_clock(), t_load, t_open, t_reg, t_loc;

	cmd_maybe_help("interview", argc, argv);
	parse_opts(argc, argv, &o);

	qn = cmd_load_survey(o.survey);
	t_load = session_clock();
	if (o.lang != NULL && (lang = questionnaire_lang(qn, o.lang)) < 0) {
		struct buf langs = BUF_INIT;
		int i;

		for (i = 0; i < qn->nlang; i++)
			buf_addf(&langs, "%s%s", i ? ", " : "", qn->langs[i]);
		die(EX_USAGE, "'%s' has no language '%s' (it has: %s)", o.survey,
		    o.lang, buf_str(&langs));
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		die(EX_USAGE, "the interview needs a terminal (use 'lcsurvey "
		    "script' to answer from a file)");

	if (make_parent(o.db, &dir) < 0)
		die(EX_CANTCREAT, "cannot create the directory '%s' for the "
		    "database: %s", buf_str(&dir), strerror(errno));
	buf_release(&dir);
	/* The integrity check waits until the first screen is up. */
	if (store_open_unchecked(&st, o.db, &msg) < 0) {
		code = store_exit_code(o.db, msg);
		fprintf(stderr, "lcsurvey: error: %s\n", msg);
		free(msg);
		questionnaire_free(qn);
		return code;
	}

	t_open = session_clock();
	memset(&to, 0, sizeof to);
	to.st = st;
	to.qn = qn;
	to.enumerator = o.enumerator;
	to.lang = lang;
	vf.st = st;
	vf.ok = 0;
	to.after_paint = verify_store;
	to.after_ctx = &vf;
	if (session_register(st, qn, &to.qrow, &err) < 0)
		die(EX_IOERR, "cannot record the questionnaire in '%s': %s", o.db,
		    buf_str(&err));
	t_reg = session_clock();
	/*
	 * LCSURVEY_BENCH_EXIT_AFTER_PAINT (undocumented, for
	 * bench/first-screen.sh): "1" starts a new interview at once and
	 * exits right after the first question is painted (its refresh());
	 * "start" exits after the start screen is painted. Either way the
	 * times of the phases go to stderr, which the benchmark reads, so
	 * that its figures are free of the cost of exec.
	 */
	bench = getenv("LCSURVEY_BENCH_EXIT_AFTER_PAINT");
	memset(&times, 0, sizeof times);
	to.times = &times;
	if (bench != NULL && strcmp(bench, "1") == 0)
		to.bench = TUI_BENCH_QUESTION;
	else if (bench != NULL && strcmp(bench, "start") == 0)
		to.bench = TUI_BENCH_START;

	set_locale();
	t_loc = session_clock();
	rc = tui_run(&to, &err);
	store_close(st);
	questionnaire_free(qn);
	if (rc < 0)
		die(vf.ok ? EX_UNAVAILABLE : EX_DATAERR, "%s", buf_str(&err));
	/* total is to the first paint; closing the store (a checkpoint)
	 * comes after and is no wait of the enumerator's. */
	if (to.bench != TUI_BENCH_OFF)
		fprintf(stderr, "bench: load %.3f open %.3f register %.3f "
		    "locale %.3f terminal %.3f begin %.3f paint %.3f "
		    "total %.3f ms painted_ns %lld\n", (t_load - t0) * 1e3,
		    (t_open - t_load) * 1e3, (t_reg - t_open) * 1e3,
		    (t_loc - t_reg) * 1e3, times.terminal * 1e3,
		    times.begin * 1e3, times.paint * 1e3, (t_loc - t0 +
		    times.terminal + times.begin + times.paint) * 1e3,
		    times.painted_ns);
	buf_release(&err);
	return 0;
}
