/*
 * questionnaire.c: reading a questionnaire file safely, and lookups on the
 * loaded model. The file is read whole (capped) because libyaml's marks and
 * the source hash both want the exact bytes.
 */
#include "questionnaire.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "xmalloc.h"

#define QN_MAX_FILE (16 * 1024 * 1024)

static const char *const type_names[] = { "single", "multiple", "yesno",
	"integer", "decimal", "text", "date", "rating", "note", "calculate" };
static const char *const kind_names[] = { "proportion", "mean", "ratio",
	"rating" };

/* Reads path whole; -1 with a diagnostic and *code set on failure. */
static int
read_file(const char *path, struct diag *d, unsigned char **out, size_t *len,
    int *code)
{
	struct stat st;
	unsigned char *data;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		*code = EX_NOINPUT;
		diag_error(d, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		*code = EX_DATAERR;
		diag_error(d, 0, 0, "not a regular file (give the path of a .yaml "
		    "questionnaire)");
		close(fd);
		return -1;
	}
	if (st.st_size > QN_MAX_FILE) {
		*code = EX_DATAERR;
		diag_error(d, 0, 0, "file is %lld bytes, more than the %d MiB a "
		    "questionnaire may have", (long long)st.st_size,
		    QN_MAX_FILE >> 20);
		close(fd);
		return -1;
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, data + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != (size_t)st.st_size) {
		*code = EX_IOERR;
		diag_error(d, 0, 0, "read error: %s", strerror(errno));
		free(data);
		return -1;
	}
	*out = data;
	*len = got;
	return 0;
}

/* NUL bytes would silently cut strings short later: refuse them here,
 * where the position can still be told. */
static int
check_nul(const unsigned char *data, size_t len, struct diag *d)
{
	const unsigned char *z = memchr(data, '\0', len);
	const unsigned char *p;
	int line = 1, col = 1;

	if (z == NULL)
		return 0;
	for (p = data; p < z; p++) {
		if (*p == '\n')
			line++, col = 1;
		else if ((*p & 0xC0) != 0x80)
			col++;
	}
	diag_error(d, line, col, "the file contains a NUL byte (is it a binary "
	    "file, or saved as UTF-16?)");
	return -1;
}

struct questionnaire *
questionnaire_load(const char *path, struct diag *d, int *exit_code)
{
	struct questionnaire *qn = NULL;
	unsigned char *data = NULL;
	size_t len = 0;
	int code = EX_DATAERR;

	if (read_file(path, d, &data, &len, &code) == 0 &&
	    check_nul(data, len, d) == 0)
		qn = questionnaire_load_buffer(path, data, len, d);
	free(data);
	if (exit_code)
		*exit_code = qn ? 0 : code;
	return qn;
}

void
questionnaire_free(struct questionnaire *qn)
{
	if (qn == NULL)
		return;
	arena_release(&qn->arena);
	free(qn);
}

int
questionnaire_find(const struct questionnaire *qn, const char *id)
{
	int i;

	for (i = 0; i < qn->nquestions; i++)
		if (strcmp(qn->questions[i].id, id) == 0)
			return i;
	return -1;
}

int
questionnaire_lang(const struct questionnaire *qn, const char *code)
{
	int i;

	for (i = 0; i < qn->nlang; i++)
		if (strcmp(qn->langs[i], code) == 0)
			return i;
	return -1;
}

const struct qn_choice *
questionnaire_choice(const struct qn_question *q, long code)
{
	int i;

	if (q->choices == NULL)
		return NULL;
	for (i = 0; i < q->choices->nchoices; i++)
		if (q->choices->choices[i].code == code)
			return &q->choices->choices[i];
	return NULL;
}

const char *
questionnaire_type_name(enum qn_type t)
{
	return type_names[t];
}

const char *
questionnaire_kind_name(enum qn_indicator_kind k)
{
	return kind_names[k];
}
