/*
 * report-md.c: the Key Features report as Markdown (CommonMark with
 * GitHub's pipe tables): the survey and design table, then one table per
 * part of the framework with the seed's columns and a row per estimate.
 * Plain enough to read as text and to paste into a city's own document.
 */
#include "report.h"

#include <string.h>

/*
 * A label in a table cell: every character Markdown or an HTML-minded
 * renderer could read as markup is backslash-escaped, and line breaks
 * and control characters, which would end the row, become spaces.
 */
static void
esc(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f)
			fputc(' ', fp);
		else if (strchr("\\`*_[]<>|#!~&", c) != NULL) {
			fputc('\\', fp);
			fputc(c, fp);
		} else
			fputc(c, fp);
	}
}

/* Ids are identifiers, shown as code; anything else is escaped. */
static void
survey_id(FILE *fp, const char *id)
{
	if (id[strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_-.")] == '\0' && id[0] != '\0')
		fprintf(fp, "`%s`", id);
	else
		esc(fp, id);
}

/* With several surveys, which one a figure comes from. */
static void
source(FILE *fp, const struct report *rep, const struct report_ind *ind)
{
	fputs("Survey results", fp);
	if (rep->nsurveys > 1) {
		fputs(" (", fp);
		survey_id(fp, ind->survey);
		fputc(')', fp);
	}
}

static void
surveys(FILE *fp, const struct report *rep)
{
	struct buf b = BUF_INIT;
	size_t i;

	fputs("| Survey | Version | Interviews | Fieldwork (UTC) | "
	    "Sample design |\n|---|---|--:|---|---|\n", fp);
	for (i = 0; i < rep->nsurveys; i++) {
		const struct report_survey *s = &rep->surveys[i];

		fputs("| ", fp);
		esc(fp, s->title);
		fputs(" (", fp);
		survey_id(fp, s->id);
		fputs(") | ", fp);
		esc(fp, s->version);
		fprintf(fp, " | %ld%s | ", s->ninterviews,
		    s->include_partial ? " (partial ones included)" : "");
		if (s->first[0] == '\0')
			fputs("–", fp);
		else if (strcmp(s->first, s->last) == 0)
			fputs(s->first, fp);
		else
			fprintf(fp, "%s to %s", s->first, s->last);
		fputs(" | ", fp);
		buf_reset(&b);
		report_design_text(&b, s);
		if (s->nunweighted > 0)
			buf_addf(&b, "; %ld interview%s without a weight "
			    "counted with weight 1", s->nunweighted,
			    s->nunweighted == 1 ? "" : "s");
		esc(fp, buf_str(&b));
		fputs(" |\n", fp);
	}
	buf_release(&b);
}

/* The measurement cell: the indicator's own name and unit, then the
 * seed's wording of what it measures when one matches. */
static void
measurement(FILE *fp, const struct report_ind *ind)
{
	struct report_measure_parts p;

	report_measure_parts(ind, &p);
	fputs("**", fp);
	esc(fp, p.name);
	fputs("**", fp);
	esc(fp, buf_str(&p.suffix));
	if (p.seed_text != NULL) {
		fputs(" — ", fp);
		if (p.seed_title != NULL) {
			fputs("*", fp);
			esc(fp, p.seed_title);
			fputs(":* ", fp);
		}
		esc(fp, p.seed_text);
	}
	buf_release(&p.suffix);
}

static void
part(FILE *fp, const struct report *rep, const struct report_part *p)
{
	struct buf b = BUF_INIT;
	size_t a, f, i, k;

	if (p->code[0] != '\0')
		fprintf(fp, "\n## %s. ", p->code);
	else
		fputs("\n## ", fp);
	esc(fp, p->title);
	fputs("\n\n| Area of focus | Key features | Possible measurements | "
	    "Source of data | Group | Result | 95% CI | n |\n"
	    "|---|---|---|---|---|--:|--:|--:|\n", fp);
	for (a = 0; a < p->nareas; a++) {
		const struct report_area *ar = &p->areas[a];

		for (f = 0; f < ar->nfeatures; f++) {
			const struct report_feature *ft = &ar->features[f];

			for (i = 0; i < ft->ninds; i++) {
				const struct report_ind *ind = ft->inds[i];

				for (k = 0; k < ind->nests; k++) {
					const struct report_est *e =
					    &ind->ests[k];

					fputs("| ", fp);
					if (f == 0 && i == 0 && k == 0) {
						if (ar->code[0] != '\0')
							fprintf(fp, "%s ",
							    ar->code);
						esc(fp, ar->title);
					}
					fputs(" | ", fp);
					if (i == 0 && k == 0) {
						esc(fp, ft->code[0] ?
						    ft->code : "(no code)");
						if (ft->title[0] != '\0')
							fputc(' ', fp);
						esc(fp, ft->title);
					}
					fputs(" | ", fp);
					if (k == 0)
						measurement(fp, ind);
					fputs(" | ", fp);
					if (k == 0)
						source(fp, rep, ind);
					fputs(" | ", fp);
					esc(fp, e->label);
					if (e->category[0] != '\0' &&
					    strcmp(e->category, "mean") != 0) {
						fputs(": ", fp);
						esc(fp, e->cat_label);
					}
					buf_reset(&b);
					report_fmt(&b, e, e->est, 1);
					buf_adds(&b, " | ");
					report_fmt_ci(&b, e);
					fprintf(fp, " | %s | %ld%s |\n",
					    buf_str(&b), e->n,
					    e->small_n ? " †" : "");
				}
			}
		}
	}
	buf_release(&b);
}

int
report_md_write(FILE *fp, const struct report *rep)
{
	size_t i;

	fputs("# Key Features of Learning Cities: survey results\n\n", fp);
	surveys(fp, rep);
	fputs("\nEvery figure is an estimate for the whole city from the survey "
	    "named, weighted where the survey has sampling weights. "
	    "The 95% confidence interval (CI) takes the sample design into "
	    "account: the true city-wide value lies within it with 95% "
	    "confidence. *n* is the number of respondents the estimate rests "
	    "on; answers of \"don't know\", refusals and unanswered questions "
	    "are left out of it. Areas of focus, Key Features and the wording "
	    "of the possible measurements are those of the UNESCO Key "
	    "Features of Learning Cities; only the measurements these surveys "
	    "cover are shown.\n", fp);
	if (rep->nparts == 0)
		fputs("\nThe surveys define no indicators.\n", fp);
	for (i = 0; i < rep->nparts; i++)
		part(fp, rep, &rep->parts[i]);
	if (rep->any_missing || rep->any_small)
		fputs("\n", fp);
	if (rep->any_missing)
		fprintf(fp, "– No respondents for this estimate.%s",
		    rep->any_small ? "  \n" : "\n");
	if (rep->any_small)
		fprintf(fp, "† Fewer than %lld respondents: too few for "
		    "a precise estimate; read it as indicative only.\n",
		    (long long)rep->small_n);
	return fflush(fp) == EOF || ferror(fp) ? -1 : 0;
}
