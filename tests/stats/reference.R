# reference.R: reference numbers for tests/unit/test_stats.c, computed with
# R's survey package (Lumley 2010) from data.csv.  Writes expected.h.
#
#   Rscript tests/stats/reference.R     (from the top of the tree)
#
# The choices below are the ones src/stats.c implements; change both or
# neither.
#  - Lonely PSUs: options(survey.lonely.psu = "adjust").  A stratum with one
#    PSU contributes that PSU's linearized total squared, i.e. centred at
#    the grand mean, which is 0 for a mean or ratio.  Conservative, unlike
#    "certainty"/"remove", which give such a stratum zero variance.
#  - Domains: subset() of the full design, as svyby() does (checked below).
#    subset() keeps each stratum's PSU count from the full design and pads
#    the missing PSUs with zero totals (onestrat()), which is the same as
#    keeping out-of-domain rows with zero weight, what stats.c does.
#  - deff = "replace": design variance over the variance of a simple random
#    sample of the same size drawn WITH replacement.  Our variance is the
#    with-replacement (ultimate cluster) one, so the comparison is like with
#    like; the default deff = TRUE needs weights summing to the population
#    size and gives NA otherwise.
#  - Cluster design CIs use the design degrees of freedom of the domain,
#    degf(subset) = PSUs with domain members - strata with domain members:
#    proportions by svyciprop(method = "logit", df = degf), means and ratios
#    by confint(df = degf), i.e. est +- qt(0.975, degf) SE.
#  - srs_strat, stratified simple random sampling, is the SRS design with
#    strata: stats.c gets it for free from one SRS cell per stratum.
#  - SRS design CIs use the normal quantile: means and ratios est +- qnorm SE,
#    proportions the Wilson score interval at the effective sample size
#    n / deff (n when the variance is 0), computed explicitly below since
#    survey has no Wilson interval.
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")

d <- read.csv("tests/stats/data.csv")
out <- "tests/stats/expected.h"

# Cluster code 1 exists in every stratum: nest = TRUE makes them distinct.
des <- list(
	srs = svydesign(ids = ~1, weights = ~weight, data = d),
	srs_strat = svydesign(ids = ~1, strata = ~stratum, weights = ~weight,
	    data = d),
	cluster = svydesign(ids = ~cluster, strata = ~stratum, weights = ~weight,
	    nest = TRUE, data = d))

for (k in 1:5)
	d[[paste0("rating", k)]] <- as.numeric(d$rating == k)
for (n in names(des))
	des[[n]] <- update(des[[n]], rating1 = as.numeric(rating == 1),
	    rating2 = as.numeric(rating == 2), rating3 = as.numeric(rating == 3),
	    rating4 = as.numeric(rating == 4), rating5 = as.numeric(rating == 5))

indicators <- list(
	list(name = "smoker", kind = "prop", y = "smoker"),
	list(name = "income", kind = "mean", y = "income"),
	list(name = "spend_income", kind = "ratio", y = "spend", x = "income"),
	list(name = "rating1", kind = "prop", y = "rating1"),
	list(name = "rating2", kind = "prop", y = "rating2"),
	list(name = "rating3", kind = "prop", y = "rating3"),
	list(name = "rating4", kind = "prop", y = "rating4"),
	list(name = "rating5", kind = "prop", y = "rating5"),
	list(name = "rating", kind = "mean", y = "rating"))
groups <- list(total = function(v) rep(TRUE, nrow(v)),
	sex1 = function(v) v$sex == 1, sex2 = function(v) v$sex == 2)

z <- qnorm(0.975)
wilson <- function(p, n) {
	c <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
	h <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
	c(c - h, c + h)
}

f15 <- function(x) ifelse(is.finite(x), sprintf("%.15g", x),
	ifelse(is.na(x), "NAN", ifelse(x > 0, "INFINITY", "-INFINITY")))
lines <- character()
add <- function(...) lines <<- c(lines, paste0(...))

for (dn in names(des)) {
	D <- des[[dn]]
	for (ind in indicators) {
		for (gn in names(groups)) {
			v <- D$variables
			keep <- groups[[gn]](v) & !is.na(v[[ind$y]])
			if (!is.null(ind$x))
				keep <- keep & !is.na(v[[ind$x]])
			sub <- subset(D, keep)
			n <- sum(weights(sub) != 0)
			yf <- as.formula(paste0("~", ind$y))
			if (ind$kind == "ratio") {
				m <- svyratio(yf, as.formula(paste0("~", ind$x)), sub,
				    deff = "replace")
				est <- as.numeric(coef(m)); se <- as.numeric(SE(m))
				de <- as.numeric(deff(m))
			} else {
				m <- svymean(yf, sub, deff = "replace")
				est <- as.numeric(coef(m)); se <- as.numeric(SE(m))
				de <- as.numeric(deff(m))
			}
			if (dn != "cluster") {
				df <- Inf
				if (ind$kind == "prop") {
					neff <- if (se > 0) n / de else n
					ci <- wilson(est, neff)
				} else {
					ci <- est + c(-1, 1) * z * se
				}
			} else {
				df <- degf(sub)
				if (ind$kind == "prop") {
					ci <- suppressWarnings(as.numeric(attr(svyciprop(yf, sub,
					    method = "logit", df = df), "ci")))
				} else {
					ci <- as.numeric(confint(m, df = df))
				}
			}
			add("\t{ \"", dn, "\", \"", ind$name, "\", \"", gn, "\", ", n,
			    ", ", f15(est), ", ", f15(se), ", ", f15(ci[1]), ", ",
			    f15(ci[2]), ", ", f15(de), ", ", f15(df), " },")
		}
	}
}

# The subset() domains above must be what svyby() computes.
for (dn in names(des)) {
	b <- svyby(~income, ~sex, des[[dn]], svymean, na.rm = TRUE, deff = "replace")
	s <- svymean(~income, subset(des[[dn]], sex == 2 & !is.na(income)),
	    deff = "replace")
	stopifnot(isTRUE(all.equal(as.numeric(coef(b)[2]), as.numeric(coef(s)))),
	    isTRUE(all.equal(as.numeric(SE(b)[2]), as.numeric(SE(s)))),
	    isTRUE(all.equal(b[["DEff.income"]][2], as.numeric(deff(s)))))
	b <- svyby(~spend, ~sex, des[[dn]], denominator = ~income, svyratio,
	    na.rm = TRUE)
	s <- svyratio(~spend, ~income, subset(des[[dn]], sex == 1 &
	    !is.na(income) & !is.na(spend)))
	stopifnot(isTRUE(all.equal(as.numeric(coef(b)[1]), as.numeric(coef(s)))),
	    isTRUE(all.equal(as.numeric(SE(b)[1]), as.numeric(SE(s)))))
}

qt_df <- c(1, 2, 3, 4, 7, 10, 30, 100, 1000)
qn_p <- c(0.975, 0.5, 0.9, 0.001, 1e-10, 0.999999)
pt1 <- prop.test(7, 20, correct = FALSE)$conf.int
pt2 <- prop.test(0, 12, correct = FALSE)$conf.int

h <- c(
	"/*",
	" * expected.h: reference numbers from R's survey package, written by",
	" * tests/stats/reference.R from tests/stats/data.csv.  Do not edit.",
	paste0(" * R ", R.version$major, ".", R.version$minor, ", survey ",
	    as.character(packageVersion("survey")), "."),
	" */",
	"#ifndef LCSURVEY_TESTS_STATS_EXPECTED_H",
	"#define LCSURVEY_TESTS_STATS_EXPECTED_H",
	"",
	"#include <math.h>",
	"",
	"struct expected {",
	"\tconst char *design, *indicator, *group;",
	"\tlong n;",
	"\tdouble est, se, ci_low, ci_high, deff, df;",
	"};",
	"",
	"static const struct expected expected[] = {",
	lines,
	"};",
	"",
	"/* qt(0.975, df) */",
	"static const double expected_qt[][2] = {",
	paste0("\t{ ", f15(qt_df), ", ", f15(qt(0.975, qt_df)), " },"),
	"};",
	"",
	"/* qnorm(p) */",
	"static const double expected_qnorm[][2] = {",
	paste0("\t{ ", f15(qn_p), ", ", f15(qnorm(qn_p)), " },"),
	"};",
	"",
	"/* prop.test(x, n, correct = FALSE)$conf.int: the plain Wilson interval */",
	"static const double expected_wilson[][4] = {",
	paste0("\t{ 7, 20, ", f15(pt1[1]), ", ", f15(pt1[2]), " },"),
	paste0("\t{ 0, 12, ", f15(pt2[1]), ", ", f15(pt2[2]), " },"),
	"};",
	"",
	"#endif")
writeLines(h, out)
cat("wrote", out, "\n")
