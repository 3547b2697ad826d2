* example version 1.0: microdata exported by lcsurvey.
* Don't know and refused are empty (system-missing) values, and 1/2 in the ID_miss columns.
GET DATA /TYPE=TXT /FILE='example.csv' /ENCODING='UTF8'
  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=',' /QUALIFIER='"'
  /VARIABLES=
  interview A36
  member F4.0
  status A9
  started_at A24
  ended_at A24
  enumerator A100
  design_stratum A100
  design_cluster A100
  design_household A100
  design_weight F20.8
  district F12.0
  district_miss F1.0
  cluster F12.0
  household F12.0
  weight F20.8
  weight_miss F1.0
  visit_date A10
  visit_date_miss F1.0
  hh_size F12.0
  hh_size_miss F1.0
  name A1000
  sex F12.0
  sex_miss F1.0
  age F12.0
  age_miss F1.0
  adult A1000
  volunteer F12.0
  volunteer_miss F1.0
  learned_1 F1.0
  learned_2 F1.0
  learned_3 F1.0
  learned_4 F1.0
  learned_miss F1.0
  hours_online F20.8
  hours_online_miss F1.0
  transport F12.0
  transport_miss F1.0
  adults A1000
  comment A1000
  comment_miss F1.0
.
VARIABLE LABELS
  interview 'Interview (UUID)'
  member 'Member (0: the household row)'
  status 'Interview status'
  started_at 'Started (UTC)'
  ended_at 'Ended (UTC)'
  enumerator 'Enumerator'
  design_stratum 'Design: stratum'
  design_cluster 'Design: cluster'
  design_household 'Design: household'
  design_weight 'Design: sampling weight'
  district 'District'
  district_miss 'District (missing code)'
  cluster 'Enumeration area number'
  household 'Household number'
  weight 'Sampling weight (from the sample list)'
  weight_miss 'Sampling weight (from the sample list) (missing code)'
  visit_date 'Date of visit'
  visit_date_miss 'Date of visit (missing code)'
  hh_size 'How many people live in this household?'
  hh_size_miss 'How many people live in this household? (missing code)'
  name 'First name or initials'
  sex 'Sex'
  sex_miss 'Sex (missing code)'
  age 'How old is {name}, in completed years?'
  age_miss 'How old is {name}, in completed years? (missing code)'
  adult 'Aged 15 or more'
  volunteer 'In the last 12 months, did {name} do any unpaid volunteer work?'
  volunteer_miss 'In the last 12 months, did {name} do any unpaid volunteer work? (missing code)'
  learned_1 'In the last 12 months, how did this person learn something new?: A course or class'
  learned_2 'In the last 12 months, how did this person learn something new?: Online learning'
  learned_3 'In the last 12 months, how did this person learn something new?: Learning at work'
  learned_4 'In the last 12 months, how did this person learn something new?: Something else'
  learned_miss 'In the last 12 months, how did this person learn something new? (missing code)'
  hours_online 'Hours a week spent learning online'
  hours_online_miss 'Hours a week spent learning online (missing code)'
  transport 'How satisfied is this person with public transport?'
  transport_miss 'How satisfied is this person with public transport? (missing code)'
  adults 'Adults in the household'
  comment 'Interviewer''s comments'
  comment_miss 'Interviewer''s comments (missing code)'.
VALUE LABELS
  district 1 'North' 2 'South'
  /  district_miss 1 'don''t know' 2 'refused'
  /  weight_miss 1 'don''t know' 2 'refused'
  /  visit_date_miss 1 'don''t know' 2 'refused'
  /  hh_size_miss 1 'don''t know' 2 'refused'
  /  sex 1 'Male' 2 'Female'
  /  sex_miss 1 'don''t know' 2 'refused'
  /  age_miss 1 'don''t know' 2 'refused'
  /  volunteer 1 'Yes' 0 'No'
  /  volunteer_miss 1 'don''t know' 2 'refused'
  /  learned_miss 1 'don''t know' 2 'refused'
  /  hours_online_miss 1 'don''t know' 2 'refused'
  /  transport 5 'Excellent' 4 'Very good' 3 'Good' 2 'Fair' 1 'Poor'
  /  transport_miss 1 'don''t know' 2 'refused'
  /  comment_miss 1 'don''t know' 2 'refused'
.
EXECUTE.
