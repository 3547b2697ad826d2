# make-data.R: writes data.csv, the wide microdata behind the aggregate
# tests (survey.yaml's columns), deterministically. Kept for the record;
# data.csv is committed and the tests never run R.
#
#   Rscript tests/aggregate/make-data.R     (from the top of the tree)
set.seed(20240505)
psus <- data.frame(district = c(rep(1, 6), rep(2, 5), 3),
	cluster = c(1:6, 1:5, 7))
rows <- list()
for (p in seq_len(nrow(psus))) {
	nh <- if (psus$district[p] == 3) 12 else sample(7:11, 1)
	for (h in seq_len(nh)) {
		d <- psus$district[p]
		r <- list(district = d, cluster = psus$cluster[p],
		    weight = sprintf("%.2f", c(120, 260, 75)[d] * runif(1, 0.6, 1.6)))
		r$setting <- if (runif(1) < 0.05) "" else as.character(sample(1:2, 1,
		    prob = if (d == 2) c(0.3, 0.7) else c(0.8, 0.2)))
		n <- sample(1:5, 1, prob = c(0.15, 0.3, 0.25, 0.2, 0.1))
		r$hh_size <- n
		inc <- round(rlnorm(1, 7.5 + 0.2 * (d == 1), 0.5), 1)
		r$income <- if (runif(1) < 0.06) "dk" else sprintf("%.1f", inc)
		r$spend <- if (runif(1) < 0.05) "refused" else
		    sprintf("%.1f", round(inc * runif(1, 0, 0.12), 1))
		r$library <- if (runif(1) < 0.05) "dk" else
		    as.character(as.integer(runif(1) < 0.35 + 0.1 * (d == 1)))
		for (m in 1:6) {
			k <- function(x) paste0(x, ".", m)
			if (m > n) {
				for (x in c("sex", "age", "learned", "hours",
				    "work_hours", "transport"))
					r[[k(x)]] <- ""
				next
			}
			sex <- sample(1:2, 1)
			age <- if (m == 1) sample(18:80, 1) else sample(0:85, 1)
			r[[k("sex")]] <- if (runif(1) < 0.03) "refused" else sex
			r[[k("age")]] <- age
			adult <- age >= 15
			learn <- runif(1) < 0.3 + 0.15 * (sex == 2) + 0.1 * (d == 1)
			r[[k("learned")]] <- if (!adult) "" else if (runif(1) < 0.05)
			    "dk" else as.character(as.integer(learn))
			r[[k("hours")]] <- if (!adult) "" else if (runif(1) < 0.07)
			    "dk" else sprintf("%.1f", if (learn) round(rexp(1, 1 / 4), 1)
			    else 0)
			r[[k("work_hours")]] <- if (!adult) "" else if (runif(1) < 0.04)
			    "refused" else as.character(sample(c(0, 10, 20, 35, 40, 48),
			    1, prob = c(0.2, 0.05, 0.1, 0.15, 0.4, 0.1)))
			r[[k("transport")]] <- if (!adult) "" else if (runif(1) < 0.06)
			    "dk" else as.character(sample(1:5, 1,
			    prob = if (d == 2) c(.2, .3, .2, .2, .1) else
			    c(.05, .15, .3, .3, .2)))
		}
		rows[[length(rows) + 1]] <- as.data.frame(r, check.names = FALSE,
		    stringsAsFactors = FALSE)
	}
}
d <- do.call(rbind, rows)
write.csv(d, "tests/aggregate/data.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(d), "households\n")
