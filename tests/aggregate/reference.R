# reference.R: the numbers `lcsurvey aggregate` must reproduce on
# data.csv, computed with R's survey package (Lumley 2010). Writes
# expected.csv, read by tests/unit/test_aggregate.c (which never runs R).
#
#   Rscript tests/aggregate/reference.R     (from the top of the tree)
#
# The options are those of tests/stats/reference.R, which src/stats.c
# implements; the ones that matter here:
#  - cluster design (survey.yaml): svydesign(ids = ~cluster,
#    strata = ~district, weights = ~weight, nest = TRUE); the single-PSU
#    stratum (East) by options(survey.lonely.psu = "adjust");
#  - srs design (survey-srs.yaml has no design block): svydesign(ids = ~1),
#    every weight 1, Wilson intervals at the effective sample size;
#  - domains (universe, usable answer, group) by subset() of the full
#    design, which is what svyby() does: no row is dropped first;
#  - member-level indicators run on the member file (one row per roster
#    member, with the household's design fields), household-level ones on
#    the household file;
#  - proportions (and rating shares) are written in percent, as the
#    aggregator reports them; deff = "replace".
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")

raw <- read.csv("tests/aggregate/data.csv", colClasses = "character")
num <- function(x) suppressWarnings(as.numeric(ifelse(x %in% c("", "dk",
    "refused"), NA, x)))
hh <- data.frame(district = num(raw$district), cluster = num(raw$cluster),
    weight = num(raw$weight), setting = num(raw$setting),
    hh_size = num(raw$hh_size), income = num(raw$income),
    spend = num(raw$spend), library = num(raw$library))
mem <- do.call(rbind, lapply(1:6, function(m) {
	g <- function(x) num(raw[[paste0(x, ".", m)]])
	data.frame(hh[, c("district", "cluster", "weight")],
	    keep = hh$hh_size >= m, sex = g("sex"), age = g("age"),
	    learned = g("learned"), hours = g("hours"),
	    work_hours = g("work_hours"), transport = g("transport"))
}))
mem <- mem[mem$keep, ]
mem$adult <- mem$age >= 15
for (k in 1:5)
	mem[[paste0("t", k)]] <- as.numeric(mem$transport == k)

designs <- list(
	cluster = function(d) svydesign(ids = ~cluster, strata = ~district,
	    weights = ~weight, nest = TRUE, data = d),
	srs = function(d) svydesign(ids = ~1, data = d))

# indicator, file, kind, y, x, universe, by, category
ind <- list(
	list("learning", "mem", "prop", "learned", NULL, "adult", "sex", ""),
	list("learning_hours", "mem", "mean", "hours", NULL, "adult", "sex", ""),
	list("learning_work", "mem", "ratio", "hours", "work_hours", "adult",
	    "sex", ""),
	list("transport", "mem", "prop", "t1", NULL, "adult", "sex", "1"),
	list("transport", "mem", "prop", "t2", NULL, "adult", "sex", "2"),
	list("transport", "mem", "prop", "t3", NULL, "adult", "sex", "3"),
	list("transport", "mem", "prop", "t4", NULL, "adult", "sex", "4"),
	list("transport", "mem", "prop", "t5", NULL, "adult", "sex", "5"),
	list("transport", "mem", "mean", "transport", NULL, "adult", "sex",
	    "mean"),
	list("library_use", "hh", "prop", "library", NULL, NULL, "setting", ""),
	list("spend_share", "hh", "ratio", "spend", "income", NULL, "setting",
	    ""))
labels <- list(sex = c("Male", "Female"), setting = c("Urban", "Rural"))

z <- qnorm(0.975)
wilson <- function(p, n) {
	c <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
	h <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
	c(c - h, c + h)
}
f <- function(x) ifelse(is.finite(x), sprintf("%.15g", x), "NA")
out <- "design,indicator,group,category,n,estimate,se,ci_low,ci_high,deff"

for (dn in names(designs)) {
	D <- list(mem = designs[[dn]](mem), hh = designs[[dn]](hh))
	for (i in ind) {
		des <- D[[i[[2]]]]
		v <- des$variables
		base <- !is.na(v[[i[[4]]]])
		if (!is.null(i[[5]]))
			base <- base & !is.na(v[[i[[5]]]])
		if (!is.null(i[[6]]))
			base <- base & v[[i[[6]]]]
		by <- i[[7]]
		groups <- list(Total = rep(TRUE, nrow(v)))
		for (k in 1:2)
			groups[[paste0(by, "=", labels[[by]][k])]] <-
			    !is.na(v[[by]]) & v[[by]] == k
		for (gn in names(groups)) {
			sub <- subset(des, base & groups[[gn]])
			n <- sum(weights(sub) != 0)
			yf <- as.formula(paste0("~", i[[4]]))
			if (i[[3]] == "ratio") {
				m <- svyratio(yf, as.formula(paste0("~", i[[5]])), sub,
				    deff = "replace")
			} else {
				m <- svymean(yf, sub, deff = "replace")
			}
			est <- as.numeric(coef(m)); se <- as.numeric(SE(m))
			de <- as.numeric(deff(m))
			if (dn == "srs") {
				if (i[[3]] == "prop")
					ci <- wilson(est, if (se > 0) n / de else n)
				else
					ci <- est + c(-1, 1) * z * se
			} else {
				df <- degf(sub)
				if (i[[3]] == "prop")
					ci <- suppressWarnings(as.numeric(attr(svyciprop(yf,
					    sub, method = "logit", df = df), "ci")))
				else
					ci <- as.numeric(confint(m, df = df))
			}
			s <- if (i[[3]] == "prop") 100 else 1
			out <- c(out, paste(dn, i[[1]], gn, i[[8]], n, f(s * est),
			    f(s * se), f(s * ci[1]), f(s * ci[2]), f(de), sep = ","))
		}
	}
}

# subset() above is what svyby() computes; check it on one indicator.
dm <- designs$cluster(mem)
b <- svyby(~hours, ~sex, subset(dm, adult & !is.na(hours)), svymean)
s <- svymean(~hours, subset(dm, adult & !is.na(hours) & !is.na(sex) &
    sex == 2))
stopifnot(isTRUE(all.equal(as.numeric(coef(b)[2]), as.numeric(coef(s)))),
    isTRUE(all.equal(as.numeric(SE(b)[2]), as.numeric(SE(s)))))

writeLines(c(paste0("# R ", R.version$major, ".", R.version$minor,
    ", survey ", as.character(packageVersion("survey")),
    "; written by tests/aggregate/reference.R, do not edit"), out),
    "tests/aggregate/expected.csv")
cat("wrote", length(out) - 1, "rows\n")
