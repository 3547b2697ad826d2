# make-data.R: writes data.csv, the small survey used by reference.R and
# tests/unit/test_stats.c.  Run once (Rscript tests/stats/make-data.R from
# the top of the tree); data.csv is committed, so rerunning is only needed
# to change the data, after which reference.R must be rerun too.
#
# Shape: 4 strata, cluster codes reused across strata (so the design needs
# nest=TRUE), stratum 4 holds a single cluster (lonely PSU), cluster 3 of
# stratum 2 holds men only (an empty PSU for the female domain), unequal
# weights, and missing answers in every outcome.
set.seed(20240611)
ncl <- c(4, 3, 3, 1)
rows <- list()
id <- 0
for (h in seq_along(ncl)) {
	for (c in seq_len(ncl[h])) {
		m <- sample(5:9, 1)
		base <- c(120, 340, 75, 500)[h]
		for (i in seq_len(m)) {
			id <- id + 1
			sex <- if (h == 2 && c == 3) 1 else sample(1:2, 1)
			w <- round(base * runif(1, 0.6, 1.6), 2)
			smoker <- rbinom(1, 1, c(0.2, 0.35, 0.5, 0.3)[h] + 0.1 * (sex == 1) + 0.05 * c)
			income <- round(rlnorm(1, 7 + 0.2 * h + 0.1 * c, 0.5))
			spend <- round(income * runif(1, 0.3, 0.9) + rnorm(1, 0, 40))
			rating <- sample(1:5, 1, prob = c(0.1, 0.15, 0.25, 0.3, 0.2) + c(0, 0, 0, 0.05 * c, 0))
			if (runif(1) < 0.05) smoker <- NA
			if (runif(1) < 0.12) income <- NA
			if (runif(1) < 0.08) spend <- NA
			if (runif(1) < 0.07) rating <- NA
			rows[[id]] <- data.frame(id = id, stratum = h, cluster = c, weight = w,
			    sex = sex, smoker = smoker, income = income, spend = spend,
			    rating = rating)
		}
	}
}
d <- do.call(rbind, rows)
write.csv(d, "tests/stats/data.csv", row.names = FALSE, na = "", quote = FALSE)
cat(nrow(d), "rows\n")
