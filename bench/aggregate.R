# aggregate.R: what `lcsurvey aggregate` computes for bench/city.yaml, in
# R's survey package, timed from the data frame in memory (reading the CSV
# is not counted, which favours R). Prints "seconds N".
#   Rscript bench/aggregate.R city.csv
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
d <- read.csv(commandArgs(TRUE)[1], colClasses = "character")
num <- function(x) suppressWarnings(as.numeric(ifelse(x %in% c("", "dk",
    "refused"), NA, x)))
for (v in names(d)) d[[v]] <- num(d[[v]])
for (k in 1:5) d[[paste0("t", k)]] <- as.numeric(d$transport == k)
t0 <- proc.time()[["elapsed"]]
des <- svydesign(ids = ~cluster, strata = ~district, weights = ~weight,
    nest = TRUE, data = d)
one <- function(D) {
	df <- degf(D)
	for (y in c("learned", "library", paste0("t", 1:5))) {
		s <- subset(D, !is.na(D$variables[[y]]))
		svymean(as.formula(paste0("~", y)), s, deff = "replace")
		svyciprop(as.formula(paste0("~", y)), s, method = "logit",
		    df = degf(s))
	}
	for (y in c("hours", "transport")) {
		s <- subset(D, !is.na(D$variables[[y]]))
		confint(svymean(as.formula(paste0("~", y)), s, deff = "replace"),
		    df = degf(s))
	}
	s <- subset(D, !is.na(hours) & !is.na(work_hours))
	confint(svyratio(~hours, ~work_hours, s, deff = "replace"), df = degf(s))
}
invisible(one(des))
invisible(one(subset(des, !is.na(sex) & sex == 1)))
invisible(one(subset(des, !is.na(sex) & sex == 2)))
cat(sprintf("%.3f %d\n", proc.time()[["elapsed"]] - t0, nrow(d)))
