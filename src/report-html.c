/*
 * report-html.c: the Key Features report as one self-contained HTML5 file
 * — inline CSS (with a print layout) and inline SVG charts, no scripts,
 * no fonts or images fetched — so that a city office can open it offline,
 * mail it and print it. Per part of the framework: a bar chart with 95%
 * confidence whiskers for each area of focus, then the seed's table.
 *
 * The output is well-formed XML as well as HTML (every element closed,
 * every attribute quoted), so that xmllint can check it. Every label is
 * escaped: questionnaires may come from anyone.
 */
#include "report.h"

#include <math.h>
#include <string.h>

/* Chart geometry, in SVG user units (about CSS pixels on screen). */
#define CH_W		760	/* whole chart */
#define CH_LABEL	238	/* right edge of the group labels */
#define CH_X0		248	/* plot area */
#define CH_PW		360
#define CH_ROW		22	/* one bar */
#define CH_HEAD		22	/* an indicator's name */
#define CH_AXIS		26	/* an indicator's axis and tick labels */
#define CH_LABEL_MAX	30	/* characters of a group label in a chart */
#define CH_NAME_MAX	100	/* characters of an indicator name */

static const char *const colours[] = { "#1b4f72", "#2e86c1", "#d35400",
	"#239b56", "#7d3c98", "#7f8c8d" };
#define NCOLOURS (sizeof colours / sizeof *colours)

/*
 * Text or an attribute value: the five XML specials as entities; control
 * characters, which XML 1.0 does not allow, as spaces. At most max code
 * points (0: no limit), ending in "…" when cut.
 */
static void
esc_n(FILE *fp, const char *s, size_t max)
{
	size_t cps = 0, total = 0;
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			total++;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c & 0xc0) != 0x80 && max > 0 && total > max &&
		    ++cps > max - 1) {
			fputs("…", fp);
			return;
		}
		switch (c) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			fputc(c < 0x20 || c == 0x7f ? ' ' : c, fp);
			break;
		}
	}
}

static void
esc(FILE *fp, const char *s)
{
	esc_n(fp, s, 0);
}

/*
 * A group label short enough for a chart: "School, university or other
 * formal education ..." is "School" there (the table has it whole).
 */
static void
short_label(FILE *fp, const char *s)
{
	size_t n = 0, cut;
	const char *p;
	char tmp[256];

	for (p = s; *p != '\0'; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			n++;
	if (n > CH_LABEL_MAX) {
		cut = strcspn(s, ",(");
		while (cut > 0 && s[cut - 1] == ' ')
			cut--;
		if (cut >= 3 && cut < sizeof tmp && s[cut] != '\0') {
			memcpy(tmp, s, cut);
			tmp[cut] = '\0';
			esc_n(fp, tmp, CH_LABEL_MAX);
			return;
		}
	}
	esc_n(fp, s, CH_LABEL_MAX);
}

static const char css[] =
    ":root{--ink:#1c2833;--muted:#566573;--rule:#d0d7de;--accent:#1b4f72;"
    "--band:#eaf1f8}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{margin:0 auto;max-width:1120px;padding:28px 36px 40px;"
    "font:14px/1.45 \"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,"
    "\"Noto Sans\",\"DejaVu Sans\",sans-serif;color:var(--ink);"
    "background:#fff}\n"
    "header{border-bottom:4px solid var(--accent);padding-bottom:12px;"
    "margin-bottom:18px}\n"
    "header .kicker{text-transform:uppercase;letter-spacing:.08em;"
    "font-size:12px;color:var(--muted);margin:0}\n"
    "h1{font-size:28px;line-height:1.2;color:var(--accent);margin:4px 0 0}\n"
    "h2{font-size:19px;color:#fff;background:var(--accent);"
    "padding:7px 12px;margin:34px 0 14px;border-radius:3px}\n"
    "h3{font-size:15.5px;color:var(--accent);margin:20px 0 4px}\n"
    "p{margin:6px 0 10px}\n"
    ".note{color:var(--muted);font-size:13px}\n"
    "table{border-collapse:collapse;width:100%;font-size:12.5px;"
    "margin:8px 0 14px}\n"
    "th,td{border:1px solid var(--rule);padding:5px 7px;text-align:left;"
    "vertical-align:top}\n"
    "thead th{background:var(--band);font-weight:600}\n"
    "td.num{text-align:right;white-space:nowrap;"
    "font-variant-numeric:tabular-nums}\n"
    "td.area,td.feature{background:#f7f9fb}\n"
    "td.code{white-space:nowrap;font-weight:600}\n"
    "tr.cat td.grp{white-space:nowrap}\n"
    "tr.total td.grp,tr.total td.num{font-weight:600}\n"
    "tr.cat td.grp{padding-left:18px;color:var(--muted)}\n"
    ".mtitle{font-weight:600}\n"
    ".seed{display:block;color:var(--muted);margin-top:3px}\n"
    ".flag{color:#b03a2e;font-weight:700}\n"
    "figure{margin:6px 0 16px;break-inside:avoid;page-break-inside:avoid}\n"
    "figcaption{font-size:12.5px;color:var(--muted);margin-top:2px}\n"
    "svg{display:block;width:100%;max-width:760px;height:auto}\n"
    "svg text{font-family:inherit;fill:var(--ink)}\n"
    "svg .ind{font-size:13px;font-weight:600}\n"
    "svg .grp{font-size:12px}\n"
    "svg .val{font-size:12px;font-variant-numeric:tabular-nums}\n"
    "svg .tick{font-size:10px;fill:var(--muted)}\n"
    "svg .axis{stroke:#9aa5b1;stroke-width:1}\n"
    "svg .grid{stroke:#e5e8eb;stroke-width:1}\n"
    "svg .ci{stroke:#17202a;stroke-width:1.6}\n"
    "footer{margin-top:28px;border-top:1px solid var(--rule);"
    "padding-top:10px;font-size:12.5px;color:var(--muted)}\n"
    "@page{size:A4;margin:14mm 12mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:11px}"
    "h1{font-size:22px}h2{font-size:15px;margin-top:18px;"
    "break-after:avoid;page-break-after:avoid}"
    "h3{break-after:avoid;page-break-after:avoid}"
    "table{font-size:9.5px}thead{display:table-header-group}"
    "tr{break-inside:avoid;page-break-inside:avoid}"
    "svg{max-width:100%}}\n";

/* The estimates a chart shows: the headline of each group (a rating's
 * mean score), not a rating's categories. */
static int
headline(const struct report_est *e)
{
	return e->category[0] == '\0' || strcmp(e->category, "mean") == 0;
}

/* A round axis maximum at or above m: 1, 2, 2.5 or 5 times a power of
 * ten. */
static double
nice_max(double m)
{
	static const double steps[] = { 1, 2, 2.5, 5, 10 };
	double p;
	size_t i;

	if (!(m > 0))
		return 1;
	p = pow(10, floor(log10(m)));
	for (i = 0; i < sizeof steps / sizeof *steps; i++)
		if (steps[i] * p >= m * (1 - 1e-12))
			return steps[i] * p;
	return 10 * p;
}

static void
tick(FILE *fp, double v, double max, int y0, int y1)
{
	double x = CH_X0 + CH_PW * v / max;

	fprintf(fp, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
	    "y2=\"%d\"/>\n", x, y0, x, y1);
	fprintf(fp, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" "
	    "text-anchor=\"middle\">%g</text>\n", x, y1 + 12, v);
}

/* One area's chart: per indicator its name, a bar per group with the
 * confidence interval as a whisker, its value and n, and its own axis. */
static void
chart(FILE *fp, const struct report_area *ar, int fig, size_t nsurveys)
{
	struct buf b = BUF_INIT;
	size_t f, i, k;
	int h = 8, y;

	for (f = 0; f < ar->nfeatures; f++)
		for (i = 0; i < ar->features[f].ninds; i++) {
			const struct report_ind *ind = ar->features[f].inds[i];

			h += CH_HEAD + CH_AXIS;
			for (k = 0; k < ind->nests; k++)
				if (headline(&ind->ests[k]))
					h += CH_ROW;
		}
	fprintf(fp, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
	    "aria-labelledby=\"fig%d\">\n", CH_W, h, CH_W, h, fig);
	y = 8;
	for (f = 0; f < ar->nfeatures; f++) {
		for (i = 0; i < ar->features[f].ninds; i++) {
			const struct report_ind *ind = ar->features[f].inds[i];
			double max = 0;
			size_t g = 0;
			int y0, rows;

			for (k = 0; k < ind->nests; k++) {
				const struct report_est *e = &ind->ests[k];

				if (!headline(e))
					continue;
				if (isfinite(e->ci_high) && e->ci_high > max)
					max = e->ci_high;
				if (isfinite(e->est) && e->est > max)
					max = e->est;
			}
			max = ind->percent ? 100 : ind->kind == QN_RATING_DIST ?
			    5 : nice_max(max);
			fprintf(fp, "<text class=\"ind\" x=\"4\" y=\"%d\">",
			    y + 15);
			esc(fp, ind->code);
			fputs("  ", fp);
			esc_n(fp, ind->name, CH_NAME_MAX);
			if (!ind->percent && ind->unit[0] != '\0') {
				fputs(" (", fp);
				esc(fp, ind->unit);
				fputc(')', fp);
			}
			if (nsurveys > 1) {
				fputs(" [", fp);
				esc(fp, ind->survey);
				fputc(']', fp);
			}
			fputs("</text>\n", fp);
			y += CH_HEAD;
			y0 = y;
			/* Grid first, so that the bars are drawn over it. */
			for (k = 0, rows = 0; k < ind->nests; k++)
				rows += headline(&ind->ests[k]);
			fprintf(fp, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" "
			    "x2=\"%d\" y2=\"%d\"/>\n", CH_X0, y0, CH_X0,
			    y0 + rows * CH_ROW);
			tick(fp, 0, max, y0, y0 + rows * CH_ROW);
			tick(fp, max / 2, max, y0, y0 + rows * CH_ROW);
			tick(fp, max, max, y0, y0 + rows * CH_ROW);
			for (k = 0; k < ind->nests; k++) {
				const struct report_est *e = &ind->ests[k];
				double x, lo, hi;
				int cy = y + CH_ROW / 2;

				if (!headline(e))
					continue;
				fprintf(fp, "<g><title>");
				esc(fp, e->label);
				fprintf(fp, "</title>\n<text class=\"grp\" "
				    "x=\"%d\" y=\"%d\" text-anchor=\"end\">",
				    CH_LABEL, cy + 4);
				short_label(fp, e->label);
				fputs("</text>\n", fp);
				if (isfinite(e->est)) {
					x = fmax(0, fmin(e->est, max));
					fprintf(fp, "<rect x=\"%d\" y=\"%d\" "
					    "width=\"%.1f\" height=\"14\" "
					    "fill=\"%s\"%s/>\n", CH_X0, cy - 7,
					    CH_PW * x / max,
					    colours[g % NCOLOURS], e->small_n ?
					    " fill-opacity=\"0.45\"" : "");
				}
				if (isfinite(e->ci_low) &&
				    isfinite(e->ci_high)) {
					lo = CH_X0 + CH_PW *
					    fmax(0, fmin(e->ci_low, max)) / max;
					hi = CH_X0 + CH_PW *
					    fmax(0, fmin(e->ci_high, max)) /
					    max;
					fprintf(fp, "<path class=\"ci\" "
					    "d=\"M%.1f %dH%.1fM%.1f %dV%dM%.1f "
					    "%dV%d\"/>\n", lo, cy, hi, lo,
					    cy - 5, cy + 5, hi, cy - 5, cy + 5);
				}
				buf_reset(&b);
				report_fmt(&b, e, e->est, 1);
				fprintf(fp, "<text class=\"val\" x=\"%d\" "
				    "y=\"%d\">%s  (n = %ld)%s</text>\n</g>\n",
				    CH_X0 + CH_PW + 10, cy + 4, buf_str(&b),
				    e->n, e->small_n ? " †" : "");
				y += CH_ROW;
				g++;
			}
			y += CH_AXIS;
		}
	}
	fprintf(fp, "</svg>\n<figcaption id=\"fig%d\">Figure %s. ", fig,
	    ar->code[0] ? ar->code : "–");
	esc(fp, ar->title);
	fputs(": estimates with their 95% confidence intervals (whiskers). "
	    "Percentages on a 0–100 scale; other units on their own "
	    "scale.</figcaption>\n</figure>\n", fp);
	buf_release(&b);
}

static size_t
ind_rows(const struct report_ind *ind)
{
	return ind->nests > 0 ? ind->nests : 1;
}

static void
measurement(FILE *fp, const struct report_ind *ind)
{
	struct report_measure_parts p;

	report_measure_parts(ind, &p);
	fputs("<span class=\"mtitle\">", fp);
	esc(fp, p.name);
	fputs("</span>", fp);
	esc(fp, buf_str(&p.suffix));
	if (p.seed_text != NULL) {
		fputs("<span class=\"seed\">", fp);
		if (p.seed_title != NULL) {
			fputs("<em>", fp);
			esc(fp, p.seed_title);
			fputs(":</em> ", fp);
		}
		esc(fp, p.seed_text);
		fputs("</span>", fp);
	}
	buf_release(&p.suffix);
}

static void
table(FILE *fp, const struct report *rep, const struct report_part *p)
{
	struct buf b = BUF_INIT;
	size_t a, f, i, k, n;

	fputs("<table>\n<thead><tr><th>Area of focus</th><th>Key features"
	    "</th><th>Possible measurements</th><th>Source of data</th>"
	    "<th>Group</th><th>Result</th><th>95% CI</th><th>n</th></tr>"
	    "</thead>\n<tbody>\n", fp);
	for (a = 0; a < p->nareas; a++) {
		const struct report_area *ar = &p->areas[a];
		size_t arows = 0;

		for (f = 0; f < ar->nfeatures; f++)
			for (i = 0; i < ar->features[f].ninds; i++)
				arows += ind_rows(ar->features[f].inds[i]);
		for (f = 0; f < ar->nfeatures; f++) {
			const struct report_feature *ft = &ar->features[f];
			size_t frows = 0;

			for (i = 0; i < ft->ninds; i++)
				frows += ind_rows(ft->inds[i]);
			for (i = 0; i < ft->ninds; i++) {
				const struct report_ind *ind = ft->inds[i];

				n = ind_rows(ind);
				for (k = 0; k < n; k++) {
					const struct report_est *e =
					    k < ind->nests ? &ind->ests[k] :
					    NULL;

					fputs("<tr", fp);
					if (e != NULL) {
						fputs(" class=\"", fp);
						fputs(!headline(e) ? "cat" :
						    strcmp(e->group, "Total")
						    == 0 ? "total" : "grp", fp);
						fputs("\" data-ind=\"", fp);
						esc(fp, ind->survey);
						fputc('/', fp);
						esc(fp, ind->id);
						fputs("\" data-group=\"", fp);
						esc(fp, e->group);
						fputs("\" data-cat=\"", fp);
						esc(fp, e->category);
						fputc('"', fp);
					}
					fputc('>', fp);
					if (f == 0 && i == 0 && k == 0) {
						fprintf(fp, "<td class=\"area\" "
						    "rowspan=\"%zu\">", arows);
						if (ar->code[0] != '\0')
							fprintf(fp, "<span "
							    "class=\"code\">%s"
							    "</span> ",
							    ar->code);
						esc(fp, ar->title);
						fputs("</td>", fp);
					}
					if (i == 0 && k == 0) {
						fprintf(fp, "<td class=\""
						    "feature\" rowspan=\"%zu\">"
						    "<span class=\"code\">",
						    frows);
						esc(fp, ft->code[0] ?
						    ft->code : "(no code)");
						fputs("</span> ", fp);
						esc(fp, ft->title);
						fputs("</td>", fp);
					}
					if (k == 0) {
						fprintf(fp, "<td rowspan=\"%zu\">",
						    n);
						measurement(fp, ind);
						fprintf(fp, "</td><td rowspan="
						    "\"%zu\">Survey results", n);
						if (rep->nsurveys > 1) {
							fputs(" (<code>", fp);
							esc(fp, ind->survey);
							fputs("</code>)", fp);
						}
						fputs("</td>", fp);
					}
					if (e == NULL) {
						fputs("<td colspan=\"4\">no "
						    "estimates</td></tr>\n", fp);
						continue;
					}
					fputs("<td class=\"grp\">", fp);
					if (headline(e))
						esc(fp, e->label);
					else
						esc(fp, e->cat_label);
					buf_reset(&b);
					report_fmt(&b, e, e->est, 1);
					fprintf(fp, "</td><td class=\"num est\">"
					    "%s</td>", buf_str(&b));
					buf_reset(&b);
					report_fmt_ci(&b, e);
					fprintf(fp, "<td class=\"num ci\">%s</td>"
					    "<td class=\"num n\">%ld%s</td>"
					    "</tr>\n", buf_str(&b), e->n,
					    e->small_n ? " <span class=\"flag\">"
					    "†</span>" : "");
				}
			}
		}
	}
	fputs("</tbody>\n</table>\n", fp);
	buf_release(&b);
}

static void
surveys(FILE *fp, const struct report *rep)
{
	struct buf b = BUF_INIT;
	size_t i;

	fputs("<table class=\"surveys\">\n<thead><tr><th>Survey</th>"
	    "<th>Version</th><th>Interviews</th><th>Fieldwork (UTC)</th>"
	    "<th>Sample design</th></tr></thead>\n<tbody>\n", fp);
	for (i = 0; i < rep->nsurveys; i++) {
		const struct report_survey *s = &rep->surveys[i];

		fputs("<tr><td>", fp);
		esc(fp, s->title);
		fputs(" (<code>", fp);
		esc(fp, s->id);
		fputs("</code>)</td><td>", fp);
		esc(fp, s->version);
		fprintf(fp, "</td><td class=\"num\">%ld%s</td><td>",
		    s->ninterviews, s->include_partial ?
		    " (partial ones included)" : "");
		if (s->first[0] == '\0')
			fputs("–", fp);
		else if (strcmp(s->first, s->last) == 0)
			esc(fp, s->first);
		else {
			esc(fp, s->first);
			fputs(" to ", fp);
			esc(fp, s->last);
		}
		fputs("</td><td>", fp);
		buf_reset(&b);
		report_design_text(&b, s);
		if (s->nunweighted > 0)
			buf_addf(&b, "; %ld interview%s without a weight "
			    "counted with weight 1", s->nunweighted,
			    s->nunweighted == 1 ? "" : "s");
		esc(fp, buf_str(&b));
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
	buf_release(&b);
}

int
report_html_write(FILE *fp, const struct report *rep)
{
	size_t i, a;
	int fig = 0;

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\"/>\n"
	    "<title>Key Features of Learning Cities: survey results</title>\n"
	    "<style>\n%s</style>\n</head>\n<body>\n<header>\n"
	    "<p class=\"kicker\">UNESCO Global Network of Learning Cities"
	    "</p>\n<h1>Key Features of Learning Cities: survey results</h1>\n"
	    "</header>\n", css);
	surveys(fp, rep);
	fputs("<p class=\"note\">Every figure is an estimate for the whole "
	    "city from the survey named, weighted where the survey has "
	    "sampling weights. The 95% confidence interval (CI) takes the sample "
	    "design into account: the true city-wide value lies within it "
	    "with 95% confidence. <em>n</em> is the number of respondents the "
	    "estimate rests on; answers of “don't know”, refusals and "
	    "unanswered questions are left out of it. Areas of focus, Key "
	    "Features and the wording of the possible measurements are those "
	    "of the UNESCO Key Features of Learning Cities; only the "
	    "measurements these surveys cover are shown.</p>\n", fp);
	if (rep->nparts == 0)
		fputs("<p>The surveys define no indicators.</p>\n", fp);
	for (i = 0; i < rep->nparts; i++) {
		const struct report_part *p = &rep->parts[i];

		fputs("<section>\n<h2>", fp);
		if (p->code[0] != '\0')
			fprintf(fp, "%s. ", p->code);
		esc(fp, p->title);
		fputs("</h2>\n", fp);
		for (a = 0; a < p->nareas; a++) {
			fputs("<h3>", fp);
			if (p->areas[a].code[0] != '\0')
				fprintf(fp, "%s ", p->areas[a].code);
			esc(fp, p->areas[a].title);
			fputs("</h3>\n", fp);
			chart(fp, &p->areas[a], ++fig, rep->nsurveys);
		}
		table(fp, rep, p);
		fputs("</section>\n", fp);
	}
	fputs("<footer>\n", fp);
	if (rep->any_missing)
		fputs("<p>– No respondents for this estimate.</p>\n", fp);
	if (rep->any_small)
		fprintf(fp, "<p><span class=\"flag\">†</span> Fewer than "
		    "%lld respondents: too few for a precise estimate; read it "
		    "as indicative only (drawn as a paler bar in the charts).</p>\n",
		    (long long)rep->small_n);
	fputs("<p>Produced by lcsurvey " LCSURVEY_VERSION
	    " from the interview database; the same figures as "
	    "<code>lcsurvey aggregate --format csv</code>, rounded.</p>\n"
	    "</footer>\n</body>\n</html>\n", fp);
	return fflush(fp) == EOF || ferror(fp) ? -1 : 0;
}
