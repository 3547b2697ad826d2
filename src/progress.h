/*
 * progress.h: a one-line progress bar on stderr for long commands
 * (aggregate, import), drawn only when stderr is a terminal so that logs
 * and pipes stay clean. A terminal module: only commands use it.
 */
#ifndef LCSURVEY_PROGRESS_H
#define LCSURVEY_PROGRESS_H

struct progress {
	const char *what;	/* "reading", "importing" */
	int tty;		/* stderr is a terminal */
	int shown;		/* something drawn that progress_end erases */
	int last;		/* last permille drawn */
};

/* Starts a bar labelled what (borrowed). */
void progress_init(struct progress *p, const char *what);
/* Draws done out of total (total <= 0: unknown, nothing drawn). */
void progress_update(struct progress *p, double done, double total);
/* Erases the bar. */
void progress_end(struct progress *p);

#endif
