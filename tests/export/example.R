# example version 1.0: microdata exported by lcsurvey.
# Don't know and refused are NA, and 1/2 in the ID_miss columns (factors).
d <- read.csv("example.csv", na.strings = "", stringsAsFactors = FALSE,
    fileEncoding = "UTF-8", check.names = FALSE)
attr(d[["interview"]], "label") <- "Interview (UUID)"
attr(d[["member"]], "label") <- "Member (0: the household row)"
attr(d[["status"]], "label") <- "Interview status"
attr(d[["started_at"]], "label") <- "Started (UTC)"
attr(d[["ended_at"]], "label") <- "Ended (UTC)"
attr(d[["enumerator"]], "label") <- "Enumerator"
attr(d[["design_stratum"]], "label") <- "Design: stratum"
attr(d[["design_cluster"]], "label") <- "Design: cluster"
attr(d[["design_household"]], "label") <- "Design: household"
attr(d[["design_weight"]], "label") <- "Design: sampling weight"
d[["district"]] <- factor(d[["district"]], levels = c(1, 2),
    labels = c("North", "South"))
attr(d[["district"]], "label") <- "District"
d[["district_miss"]] <- factor(d[["district_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["district_miss"]], "label") <- "District (missing code)"
attr(d[["cluster"]], "label") <- "Enumeration area number"
attr(d[["household"]], "label") <- "Household number"
attr(d[["weight"]], "label") <- "Sampling weight (from the sample list)"
d[["weight_miss"]] <- factor(d[["weight_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["weight_miss"]], "label") <- "Sampling weight (from the sample list) (missing code)"
attr(d[["visit_date"]], "label") <- "Date of visit"
d[["visit_date_miss"]] <- factor(d[["visit_date_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["visit_date_miss"]], "label") <- "Date of visit (missing code)"
attr(d[["hh_size"]], "label") <- "How many people live in this household?"
d[["hh_size_miss"]] <- factor(d[["hh_size_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["hh_size_miss"]], "label") <- "How many people live in this household? (missing code)"
attr(d[["name"]], "label") <- "First name or initials"
d[["sex"]] <- factor(d[["sex"]], levels = c(1, 2),
    labels = c("Male", "Female"))
attr(d[["sex"]], "label") <- "Sex"
d[["sex_miss"]] <- factor(d[["sex_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["sex_miss"]], "label") <- "Sex (missing code)"
attr(d[["age"]], "label") <- "How old is {name}, in completed years?"
d[["age_miss"]] <- factor(d[["age_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["age_miss"]], "label") <- "How old is {name}, in completed years? (missing code)"
attr(d[["adult"]], "label") <- "Aged 15 or more"
d[["volunteer"]] <- factor(d[["volunteer"]], levels = c(1, 0),
    labels = c("Yes", "No"))
attr(d[["volunteer"]], "label") <- "In the last 12 months, did {name} do any unpaid volunteer work?"
d[["volunteer_miss"]] <- factor(d[["volunteer_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["volunteer_miss"]], "label") <- "In the last 12 months, did {name} do any unpaid volunteer work? (missing code)"
attr(d[["learned_1"]], "label") <- "In the last 12 months, how did this person learn something new?: A course or class"
attr(d[["learned_2"]], "label") <- "In the last 12 months, how did this person learn something new?: Online learning"
attr(d[["learned_3"]], "label") <- "In the last 12 months, how did this person learn something new?: Learning at work"
attr(d[["learned_4"]], "label") <- "In the last 12 months, how did this person learn something new?: Something else"
d[["learned_miss"]] <- factor(d[["learned_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["learned_miss"]], "label") <- "In the last 12 months, how did this person learn something new? (missing code)"
attr(d[["hours_online"]], "label") <- "Hours a week spent learning online"
d[["hours_online_miss"]] <- factor(d[["hours_online_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["hours_online_miss"]], "label") <- "Hours a week spent learning online (missing code)"
d[["transport"]] <- factor(d[["transport"]], levels = c(5, 4, 3, 2, 1),
    labels = c("Excellent", "Very good", "Good", "Fair", "Poor"))
attr(d[["transport"]], "label") <- "How satisfied is this person with public transport?"
d[["transport_miss"]] <- factor(d[["transport_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["transport_miss"]], "label") <- "How satisfied is this person with public transport? (missing code)"
attr(d[["adults"]], "label") <- "Adults in the household"
attr(d[["comment"]], "label") <- "Interviewer's comments"
d[["comment_miss"]] <- factor(d[["comment_miss"]], levels = c(1, 2), labels = c("don't know", "refused"))
attr(d[["comment_miss"]], "label") <- "Interviewer's comments (missing code)"
