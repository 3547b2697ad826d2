/*
 * progress.c: the progress bar of progress.h, redrawn at most once per
 * permille so that it costs nothing next to the work it reports.
 */
#include "progress.h"

#include <stdio.h>
#include <unistd.h>

void
progress_init(struct progress *p, const char *what)
{
	p->what = what;
	p->tty = isatty(2);
	p->shown = 0;
	p->last = -1;
}

void
progress_update(struct progress *p, double done, double total)
{
	char bar[41];
	int permille, i, fill;

	if (!p->tty || total <= 0)
		return;
	permille = done >= total ? 1000 : (int)(1000 * done / total);
	if (permille == p->last)
		return;
	p->last = permille;
	fill = permille * 40 / 1000;
	for (i = 0; i < 40; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[40] = '\0';
	fprintf(stderr, "\r%s [%s] %3d%%", p->what, bar, permille / 10);
	fflush(stderr);
	p->shown = 1;
}

void
progress_end(struct progress *p)
{
	if (p->shown)
		fputs("\r\033[K", stderr);
	p->shown = 0;
}
