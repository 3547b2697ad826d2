# reference.R: the data and the numbers lcsurvey's weighting must
# reproduce, from R's survey package (Lumley 2010). Run from the top of
# the tree to regenerate every file of tests/weights/ but the YAML:
#
#   Rscript tests/weights/reference.R
#
# Nothing in `make check` runs R: tests/unit/test_calib.c and
# tests/cli/t-weights-r.sh read the files written here.
#
# Kiosk: 500 self-selected respondents, skewed to young women, weighted
# from 1 (a) post-stratified to sex x agegroup census cells and (b) raked
# to the sex, agegroup and district margins.  Household: a stratified
# cluster sample (district = stratum), base weights 1 / prob from the
# frame, a non-response adjustment within district x area, the number of
# eligible adults as the selection factor, then (a) and (b) again.
#
# Options that matter:
#  - rake() to convergence (epsilon 1e-13 of the weight total) so that
#    the weights are the fixed point, not R's default 10 sweeps;
#  - svymean() SEs: svyrecvar() residualizes on the post-strata (weighted
#    cell means) or, after rake(), by 10 sweeps over the margins of
#    unweighted means of x / w: src/calib.c does the same;
#  - options(survey.lonely.psu = "adjust"), as src/stats.c.
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust", digits = 15)
set.seed(20240611)
dir <- "tests/weights"

# ---- the city ------------------------------------------------------------
# Adults by sex (1 male, 2 female) x agegroup (1 15-29, 2 30-44, 3 45-59,
# 4 60+), and by district (1 Centre, 2 River, 3 Hills).
cells <- expand.grid(sex = 1:2, agegroup = 1:4)
cells$total <- c(61000, 59000, 72000, 70000, 58000, 60000, 44000, 56000)
districts <- data.frame(district = 1:3, total = c(210000, 175000, 95000))
stopifnot(sum(cells$total) == sum(districts$total))
msex <- aggregate(total ~ sex, cells, sum)
mage <- aggregate(total ~ agegroup, cells, sum)

# Plain decimals (no 1e+05): lcsurvey reads numbers without exponents.
wcsv <- function(x, f) write.csv(format(x, scientific = FALSE, trim = TRUE,
    digits = 15), file.path(dir, f), row.names = FALSE, quote = FALSE)
wcsv(cells, "census-sex-age.csv")
wcsv(msex, "census-sex.csv")
wcsv(mage, "census-agegroup.csv")
wcsv(districts, "census-district.csv")

# The outcome: learned in the last 12 months (yes/no) and hours of learning
# per week; both fall with age, women learn a little more.
outcome <- function(d) {
	p <- plogis(1.2 - 0.55 * d$agegroup + 0.3 * (d$sex == 2) +
	    0.15 * (d$district == 1))
	d$learned <- rbinom(nrow(d), 1, p)
	d$hours <- round(ifelse(d$learned == 1,
	    rgamma(nrow(d), 2, 0.5) * (1 + 0.2 * (d$district == 1)), 0), 1)
	d
}

# ---- kiosk ---------------------------------------------------------------
n <- 500
kp <- cells$total * c(0.5, 1.8, 0.7, 1.3, 0.6, 0.8, 0.3, 0.4)
kc <- sample(nrow(cells), n, replace = TRUE, prob = kp)
kiosk <- data.frame(sex = cells$sex[kc], agegroup = cells$agegroup[kc],
    district = sample(1:3, n, replace = TRUE, prob = c(0.55, 0.3, 0.15)))
kiosk <- outcome(kiosk)
wcsv(kiosk, "kiosk.csv")

# ---- household -----------------------------------------------------------
# 24 clusters (8 per district), 12 households selected in each; the
# frame gives each cluster's selection probability of a household.
frame <- data.frame(stratum = rep(1:3, each = 8), cluster = 1:24)
frame$prob <- round(runif(24, 0.002, 0.006), 5)
wcsv(frame, "frame.csv")
hh <- frame[rep(1:24, each = 12), ]
hh$area <- ifelse(hh$cluster %% 3 == 0, 2, 1)
hh$responded <- rbinom(nrow(hh), 1, ifelse(hh$area == 1, 0.85, 0.7))
hh$adults <- sample(1:4, nrow(hh), replace = TRUE, prob = c(.3, .4, .2, .1))
hh$sex <- sample(1:2, nrow(hh), replace = TRUE, prob = c(.42, .58))
hh$agegroup <- sample(1:4, nrow(hh), replace = TRUE,
    prob = c(.18, .27, .28, .27))
names(hh)[names(hh) == "stratum"] <- "district"
hh <- outcome(hh)
resp <- hh[hh$responded == 1, ]
nonresp <- hh[hh$responded == 0, ]
wcsv(resp[, c("district", "cluster", "area", "adults", "sex", "agegroup",
    "learned", "hours")], "household.csv")
wcsv(nonresp[, c("district", "cluster", "area")], "household-nonresp.csv")

# Weights before calibration: base weight 1 / prob, non-response
# adjustment within district x area on the base weights, then the
# number of adults (one adult selected per household).
hh$w0 <- 1 / hh$prob
cls <- interaction(hh$district, hh$area)
hh$nr <- ave(hh$w0, cls, FUN = sum) /
    ave(hh$w0 * hh$responded, cls, FUN = sum)
resp <- hh[hh$responded == 1, ]
resp$wadj <- resp$w0 * resp$nr * resp$adults

# ---- the estimates ---------------------------------------------------------
out <- NULL
wout <- NULL
put <- function(case, stat, value)
	out <<- rbind(out, data.frame(case = case, stat = stat,
	    value = sprintf("%.17g", value)))
estimates <- function(case, des) {
	wout <<- rbind(wout, data.frame(case = case,
	    row = seq_along(weights(des)) - 1,
	    weight = sprintf("%.17g", weights(des))))
	for (v in c("learned", "hours")) {
		m <- svymean(as.formula(paste0("~", v)), des)
		put(case, paste0(v, "_est"), coef(m))
		put(case, paste0(v, "_se"), SE(m))
		m <- svymean(as.formula(paste0("~", v)), subset(des, sex == 2))
		put(case, paste0(v, "_women_est"), coef(m))
		put(case, paste0(v, "_women_se"), SE(m))
	}
}
ctl <- list(maxit = 1000, epsilon = 1e-13)
pop_cells <- data.frame(sex = cells$sex, agegroup = cells$agegroup,
    Freq = cells$total)
pop_sex <- data.frame(sex = msex$sex, Freq = msex$total)
pop_age <- data.frame(agegroup = mage$agegroup, Freq = mage$total)
pop_dis <- data.frame(district = districts$district, Freq = districts$total)
calibrate_all <- function(prefix, des) {
	estimates(paste0(prefix, "_none"), des)
	estimates(paste0(prefix, "_ps"),
	    postStratify(des, ~sex + agegroup, pop_cells))
	estimates(paste0(prefix, "_rake"),
	    rake(des, list(~sex, ~agegroup, ~district),
	    list(pop_sex, pop_age, pop_dis), control = ctl))
}
kiosk$w <- 1
calibrate_all("kiosk", svydesign(ids = ~1, weights = ~w, data = kiosk))
calibrate_all("hh", svydesign(ids = ~cluster, strata = ~district,
    weights = ~wadj, nest = TRUE, data = resp))

# The unit test's inputs: the rows with their weights before calibration.
wcsv(data.frame(stratum = 0, cluster = seq_len(n), w = 1,
    kiosk[, c("sex", "agegroup", "district", "learned", "hours")]),
    "unit-kiosk.csv")
wcsv(data.frame(stratum = resp$district, cluster = resp$cluster,
    w = sprintf("%.17g", resp$wadj),
    resp[, c("sex", "agegroup", "district", "learned", "hours")]),
    "unit-household.csv")
wcsv(out, "expected.csv")
wcsv(wout, "expected-weights.csv")

# The man page's worked example: the kiosk before and after raking.
b <- svydesign(ids = ~1, weights = ~w, data = kiosk)
r <- rake(b, list(~sex, ~agegroup, ~district),
    list(pop_sex, pop_age, pop_dis), control = ctl)
print(prop.table(table(kiosk$sex, kiosk$agegroup)))
print(svymean(~learned + hours, b))
print(svymean(~learned + hours, r))
