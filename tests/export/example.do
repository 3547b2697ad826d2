* example version 1.0: microdata exported by lcsurvey.
* Don't know and refused are the extended missing values .a and .b
* of numeric questions, and 1/2 in the ID_miss columns.
import delimited using `"example.csv"', varnames(1) case(preserve) encoding(utf-8) bindquote(strict) stringcols(1 3/9) clear
label define lcs_miss 1 `"don't know"' 2 `"refused"'
label variable interview `"Interview (UUID)"'
label variable member `"Member (0: the household row)"'
label variable status `"Interview status"'
label variable started_at `"Started (UTC)"'
label variable ended_at `"Ended (UTC)"'
label variable enumerator `"Enumerator"'
label variable design_stratum `"Design: stratum"'
label variable design_cluster `"Design: cluster"'
label variable design_household `"Design: household"'
label variable design_weight `"Design: sampling weight"'
label variable district `"District"'
label define district 1 `"North"' 2 `"South"' .a `"don't know"' .b `"refused"'
label values district district
label variable district_miss `"District (missing code)"'
label values district_miss lcs_miss
replace district = .a if district_miss == 1
replace district = .b if district_miss == 2
label variable cluster `"Enumeration area number"'
label variable household `"Household number"'
label variable weight `"Sampling weight (from the sample list)"'
label variable weight_miss `"Sampling weight (from the sample list) (missing code)"'
label values weight_miss lcs_miss
replace weight = .a if weight_miss == 1
replace weight = .b if weight_miss == 2
label variable visit_date `"Date of visit"'
label variable visit_date_miss `"Date of visit (missing code)"'
label values visit_date_miss lcs_miss
label variable hh_size `"How many people live in this household?"'
label variable hh_size_miss `"How many people live in this household? (missing code)"'
label values hh_size_miss lcs_miss
replace hh_size = .a if hh_size_miss == 1
replace hh_size = .b if hh_size_miss == 2
label variable name `"First name or initials"'
label variable sex `"Sex"'
label define sex 1 `"Male"' 2 `"Female"' .a `"don't know"' .b `"refused"'
label values sex sex
label variable sex_miss `"Sex (missing code)"'
label values sex_miss lcs_miss
replace sex = .a if sex_miss == 1
replace sex = .b if sex_miss == 2
label variable age `"How old is {name}, in completed years?"'
label variable age_miss `"How old is {name}, in completed years? (missing code)"'
label values age_miss lcs_miss
replace age = .a if age_miss == 1
replace age = .b if age_miss == 2
label variable adult `"Aged 15 or more"'
label variable volunteer `"In the last 12 months, did {name} do any unpaid volunteer work?"'
label define volunteer 1 `"Yes"' 0 `"No"' .a `"don't know"' .b `"refused"'
label values volunteer volunteer
label variable volunteer_miss `"In the last 12 months, did {name} do any unpaid volunteer work? (missing code)"'
label values volunteer_miss lcs_miss
replace volunteer = .a if volunteer_miss == 1
replace volunteer = .b if volunteer_miss == 2
label variable learned_1 `"In the last 12 months, how did this person learn something new?: A course or class"'
label variable learned_2 `"In the last 12 months, how did this person learn something new?: Online learning"'
label variable learned_3 `"In the last 12 months, how did this person learn something new?: Learning at work"'
label variable learned_4 `"In the last 12 months, how did this person learn something new?: Something else"'
label variable learned_miss `"In the last 12 months, how did this person learn something new? (missing code)"'
label values learned_miss lcs_miss
label variable hours_online `"Hours a week spent learning online"'
label variable hours_online_miss `"Hours a week spent learning online (missing code)"'
label values hours_online_miss lcs_miss
replace hours_online = .a if hours_online_miss == 1
replace hours_online = .b if hours_online_miss == 2
label variable transport `"How satisfied is this person with public transport?"'
label define transport 5 `"Excellent"' 4 `"Very good"' 3 `"Good"' 2 `"Fair"' 1 `"Poor"' .a `"don't know"' .b `"refused"'
label values transport transport
label variable transport_miss `"How satisfied is this person with public transport? (missing code)"'
label values transport_miss lcs_miss
replace transport = .a if transport_miss == 1
replace transport = .b if transport_miss == 2
label variable adults `"Adults in the household"'
label variable comment `"Interviewer's comments"'
label variable comment_miss `"Interviewer's comments (missing code)"'
label values comment_miss lcs_miss
