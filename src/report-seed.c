/*
 * report-seed.c: the titles and measurements of the Key Features of
 * Learning Cities, as the seed document ("UNESCO Global Network of
 * Learning Cities: Guiding Documents", section 2, "List of key features
 * and measurement") words them, so that the report reads like the table
 * the city fills in. Kept as static tables: the text is fixed by UNESCO,
 * not by a questionnaire.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

struct seed_title {
	const char *code, *title;
};

/* Parts, areas of focus and Key Features, in the seed's order. */
static const struct seed_title titles[] = {
	{ "1", "Wider benefits of building a learning city" },
	{ "1.1", "Empowering individuals and promoting social cohesion" },
	{ "1.1.1", "Ensuring that every citizen has the opportunity to "
	    "become literate and obtain basic skills" },
	{ "1.1.2", "Encouraging and enabling individuals to actively "
	    "participate in the public life of their city" },
	{ "1.1.3", "Guaranteeing gender equality" },
	{ "1.1.4", "Creating a safe, harmonious and inclusive community" },
	{ "1.2", "Enhancing economic development and cultural prosperity" },
	{ "1.2.1", "Stimulating inclusive and sustainable economic growth" },
	{ "1.2.2", "Creating employment opportunities for all citizens" },
	{ "1.2.3", "Actively supporting science, technology and innovation" },
	{ "1.2.4", "Ensuring access to diverse cultural activities" },
	{ "1.2.5", "Encouraging participation in leisure and physical "
	    "recreation" },
	{ "1.3", "Promoting sustainable development" },
	{ "1.3.1", "Reducing the negative impacts of economic and other human "
	    "activities on the natural environment" },
	{ "1.3.2", "Enhancing the liveability of cities" },
	{ "1.3.3", "Promoting sustainable development through active learning "
	    "in all settings" },
	{ "2", "Major building blocks of a learning city" },
	{ "2.1", "Promoting inclusive learning in the education system" },
	{ "2.1.1", "Expanding access to early childhood care and education" },
	{ "2.1.2", "Expanding access to education from primary to tertiary "
	    "level" },
	{ "2.1.3", "Expanding access to and participation in adult education "
	    "and technical and vocational education and training" },
	{ "2.1.4", "Providing support for marginalized groups, including "
	    "migrant families, to ensure access to education" },
	{ "2.2", "Revitalizing learning in families and communities" },
	{ "2.2.1", "Establishing community-based learning spaces and "
	    "providing resources for learning in families and communities" },
	{ "2.2.2", "Motivating people to participate in family and community "
	    "learning" },
	{ "2.2.3", "Recognizing community history and culture, and indigenous "
	    "ways of knowing and learning as unique and precious resources" },
	{ "2.3", "Facilitating learning for and in the workplace" },
	{ "2.3.1", "Ensuring that all members of the workforce, including "
	    "migrant workers, have access to a broad array of learning "
	    "opportunities" },
	{ "2.3.2", "Helping public and private organizations to become "
	    "learning organizations" },
	{ "2.3.3", "Encouraging employers and trade unions to support "
	    "workplace learning" },
	{ "2.3.4", "Providing appropriate learning opportunities for "
	    "unemployed youth and adults" },
	{ "2.4", "Extending the use of modern learning technologies" },
	{ "2.4.1", "Training administrators, teachers and educators to use "
	    "technologies that enhance learning" },
	{ "2.5", "Enhancing quality in learning" },
	{ "2.5.1", "Promoting a paradigm shift in education and learning" },
	{ "2.5.2", "Raising awareness of shared moral, ethical and cultural "
	    "values, and promoting tolerance of differences" },
	{ "2.5.3", "Employing appropriately trained administrators, teachers "
	    "and educators" },
	{ "2.5.4", "Fostering a learner-friendly environment" },
	{ "2.6", "Fostering a culture of learning throughout life" },
	{ "2.6.1", "Organizing and supporting public events that encourage and "
	    "celebrate learning" },
	{ "2.6.2", "Providing adequate information, guidance and support to "
	    "all citizens, and stimulating them to learn through diverse "
	    "pathways" },
	{ "2.6.3", "Developing systems that recognize and reward all forms of "
	    "learning" },
	{ "3", "Fundamental conditions for building a learning city" },
	{ "3.1", "Strengthening political will and commitment" },
	{ "3.1.1", "Demonstrating strong political leadership and making a "
	    "steadfast commitment to turning our cities into learning cities" },
	{ "3.1.2", "Developing and implementing well grounded and "
	    "participatory strategies for promoting lifelong learning for all" },
	{ "3.1.3", "Monitoring progress towards becoming a learning city" },
	{ "3.2", "Improving governance and participation of all stakeholders" },
	{ "3.2.1", "Establishing inter-sectoral coordination mechanisms to "
	    "involve governmental and non-governmental organizations and the "
	    "private sector" },
	{ "3.2.2", "Encouraging all stakeholders to provide quality learning "
	    "opportunities and to make their own unique contribution to "
	    "building a learning city" },
	{ "3.3", "Boosting resource mobilization and utilization" },
	{ "3.3.1", "Encouraging greater financial investment in lifelong "
	    "learning by government" },
	{ "3.3.2", "Making effective use of the learning resources of all "
	    "stakeholders to support lifelong learning for all" },
	{ "3.3.3", "Adopting pro-poor funding policies and providing various "
	    "types of support to disadvantaged groups" },
	{ "3.3.4", "Encouraging citizens and residents to contribute their "
	    "talents, skills, knowledge and experience on a voluntary basis" },
	{ "3.3.5", "Encouraging the exchange of ideas, experiences and best "
	    "practice between different cities" },
};

#define OFFICIAL "Official data provided by city authorities"
#define EXPERTS "Experts' review"
#define SURVEY "Survey results"
#define EITHER "Official data provided by city authorities or survey results"

/*
 * Every measurement the seed lists, experts' reviews included, since a
 * city may well survey what the seed expects from its statistics office.
 * The seed gives the internet measurements of 2.4 no feature number of
 * their own; the shipped instruments file them under 2.4.1, and so do we.
 */
static const struct report_measure measures[] = {
	{ "1.1.1", "Adult literacy rate", "Total number of literate persons "
	    "aged 15 and above, expressed as a percentage of the total "
	    "population of that age group", OFFICIAL, "" },
	{ "1.1.2", "Participation rate in election", "Participation rate of "
	    "population of eligible age in the most recent major election in "
	    "the city", OFFICIAL, "" },
	{ "1.1.2", "Participation in volunteering and community activities",
	    "Percentage of citizens involved in unpaid volunteering and "
	    "community activities in the 12 months preceding the survey",
	    SURVEY, "volunteering" },
	{ "1.1.3", "Gender equality in politics", "Percentage of seats held "
	    "by women in city council/congress", OFFICIAL, "" },
	{ "1.1.3", "Gender equality in business management", "Percentage of "
	    "seats held by women in boards of top 10 enterprises", SURVEY,
	    "women_board_seats" },
	{ "1.1.4", "Crime level", "Number of recorded crimes per 100,000 "
	    "inhabitants", OFFICIAL, "" },
	{ "1.1.4", "Social mobility", "Percentage of citizens with "
	    "disadvantaged social background who believe that their children "
	    "will enjoy higher social status than themselves", SURVEY,
	    "social_mobility" },
	{ "1.2.1", "Gross Domestic Product (GDP) per capita", "Total value "
	    "produced (adjusted for purchasing power parity in US$) within a "
	    "city divided by the total number of inhabitants", OFFICIAL, "" },
	{ "1.2.1", "Urban poverty", "Percentage of citizens living below "
	    "US $1.25 a day (PPP) at 2005 international prices", OFFICIAL, "" },
	{ "1.2.2", "Unemployment rate", "Unemployed working age population "
	    "(15 years or older) as a percentage of the total labour force",
	    OFFICIAL, "" },
	{ "1.2.3", "Human resources in science and technology (HRST)",
	    "Professionals working in a science and technology occupation as "
	    "a percentage of total employment", OFFICIAL, "" },
	{ "1.2.3", "Patent filing", "Number of new patents per 100,000 "
	    "inhabitants", OFFICIAL, "" },
	{ "1.2.4", "Participation in cultural activities", "Number of visits "
	    "to museums, theatres, cinemas, concert halls and sporting events "
	    "per inhabitant per month", EITHER, "culture_visits" },
	{ "1.2.5", "Participation in physical exercise and sports",
	    "Percentage of population participating in physical exercise or "
	    "sports no less than five times a week", SURVEY, "sport_5_week" },
	{ "1.3.1", "CO2 emissions", "Total CO2 emissions, in tonnes per "
	    "capita", OFFICIAL, "" },
	{ "1.3.1", "Waste management", "Total annual domestic waste collected "
	    "and processed, in kg per capita per year", OFFICIAL, "" },
	{ "1.3.2", "Living condition", "Percentage of population living in "
	    "slums", OFFICIAL, "" },
	{ "1.3.2", "Public transportation", "Citizens' satisfaction with the "
	    "public transportation system", SURVEY, "transport_rating" },
	{ "1.3.3", "Education for sustainable development", "Effective "
	    "measures for promoting sustainable development at all levels of "
	    "education", EXPERTS, "" },
	{ "1.3.3", "Environmental stewardship", "Citizens' perception of "
	    "their own behaviours in terms of environmental responsibility",
	    SURVEY, "env_stewardship" },
	{ "2.1.1", "Enrolment in pre-primary education", "Net enrolment rate "
	    "in pre-primary education (ISCED 0)", OFFICIAL, "" },
	{ "2.1.2", "Mean years of schooling", "Average number of years of "
	    "formal schooling received by people aged 25 and older", OFFICIAL,
	    "years_schooling" },
	{ "2.1.3", "Participation in adult learning and education",
	    "Percentage of citizens aged 25–64 that reported receiving "
	    "education/training in the 12 months preceding the survey", SURVEY,
	    "adult_learning" },
	{ "2.1.4", "Support for disadvantaged groups", "Measures adopted by "
	    "the city authorities to support learners from linguistic/ethnic "
	    "minorities and disadvantaged backgrounds", EXPERTS, "" },
	{ "2.1.4", "Support for senior citizens", "Measures adopted by the "
	    "city authorities to support senior-citizen learners (aged 65 "
	    "years and older)", EXPERTS, "" },
	{ "2.2.1", "Infrastructure", "Number of functional community-based "
	    "learning spaces (including community learning centres, cultural "
	    "houses and public libraries) per 100,000 inhabitants", OFFICIAL,
	    "" },
	{ "2.2.1", "Policy initiative for supporting learning in families",
	    "Availability of policy to support learning in families", EXPERTS,
	    "" },
	{ "2.2.2", "Participation in community learning", "Percentage of "
	    "citizens participating in community learning activities on a "
	    "regular basis (not less than 2 hours per week)", OFFICIAL,
	    "community_learning" },
	{ "2.2.2", "Participation in family learning", "Percentage of citizens "
	    "engaging in learning activities in their families in the 12 "
	    "months preceding the survey", SURVEY, "family_learning" },
	{ "2.2.3", "Development of learning resources through indigenous "
	    "knowledge", "Number of learning programmes based on community "
	    "history, culture and indigenous knowledge developed by the city "
	    "authorities", OFFICIAL, "" },
	{ "2.3.1", "Employees' participation in education and training",
	    "Employed people's participation rate in job-related education and "
	    "training", EITHER, "job_related_training" },
	{ "2.3.1", "Migrant workers' participation in education and training",
	    "Existence of initiatives or strategies adopted by city to support "
	    "migrant workers' participation in education and training",
	    EXPERTS, "" },
	{ "2.3.2", "Learning organizations", "Existence of initiatives or "
	    "strategies to develop learning organizations that encourage "
	    "employees' participation in learning", EXPERTS, "" },
	{ "2.3.3", "Employers' financial commitment to skill development",
	    "Total investment in employees' education and training as a "
	    "percentage of the employees' payroll in both the public and "
	    "private sectors", OFFICIAL, "" },
	{ "2.3.4", "Youth involvement in education and employment", "Total "
	    "number of youth (aged 15–24) not in education, employment or "
	    "training as a percentage of the total youth population", OFFICIAL,
	    "" },
	{ "2.3.4", "Training for the unemployed", "Percentage of the "
	    "unemployed enrolled in various employment training programmes "
	    "offered in the city", OFFICIAL, "" },
	{ "2.4.1", "ICT Training for administrators, teachers and educators",
	    "Percentage of teachers/educators who have received ICT training "
	    "in the 12 months preceding the survey", SURVEY,
	    "educators_ict_training" },
	{ "2.4.1", "Use of ICT for class activities", "Percentage of "
	    "teachers/educators who use ICT on a regular basis for class "
	    "activities in schools and community learning spaces", SURVEY,
	    "ict_class_use" },
	{ "2.4.1", "Mobile penetration rate", "Total number of people with "
	    "mobile phone connections as a percentage of the total population",
	    OFFICIAL, "mobile_phone" },
	{ "2.4.1", "Internet usage", "Percentage of citizens with household or "
	    "shared access to the internet", SURVEY, "internet_access" },
	{ "2.4.1", "Participation in learning through the internet", "Average "
	    "number of hours per week that citizens use the internet for "
	    "learning purposes", SURVEY, "internet_learning_hours" },
	{ "2.5.1", "Paradigm shift in education and learning", "Education "
	    "policy to promote a paradigm shift from teaching to learning, and "
	    "from the mere acquisition of information to the development of "
	    "creativity and learning skills", EXPERTS, "" },
	{ "2.5.2", "Learning to live together", "Percentage of citizens who "
	    "socialized with people from other cultures on a regular basis",
	    SURVEY, "living_together" },
	{ "2.5.3", "Availability of appropriately trained teachers/educators",
	    "Ratio of students/learners to teachers/educators in pre-primary, "
	    "primary, secondary, and adult and continuing education", OFFICIAL,
	    "" },
	{ "2.5.4", "Learner-friendly environment", "Percentage of learners "
	    "satisfied with their learning environment", SURVEY,
	    "learner_environment" },
	{ "2.6.1", "Advocacy for learning", "Existence of public activities "
	    "(adult learning week and learning festivals) and use of all media "
	    "to promote and celebrate learning", EXPERTS, "" },
	{ "2.6.2", "Information and services", "Percentage of learners "
	    "satisfied with the provision of information and counselling to "
	    "learners", SURVEY, "learner_information" },
	{ "2.6.3", "Recognition and reward of learning outcomes", "Availability "
	    "of policy and practice of recognizing, validating and accrediting "
	    "all learning outcomes", EXPERTS, "" },
	{ "3.1.1", "Leadership", "The strength and commitment of leadership "
	    "demonstrated in developing and implementing the learning city "
	    "strategy", EXPERTS, "" },
	{ "3.1.2", "Public policy and strategy", "Legislation, public policy "
	    "and strategy for promoting 'lifelong learning for all' adopted by "
	    "the city council", EXPERTS, "" },
	{ "3.1.3", "Measures to monitor progress", "Measures adopted by the "
	    "city authorities to monitor progress in developing and "
	    "implementing the learning city strategy", EXPERTS, "" },
	{ "3.2.1", "Mechanisms for stakeholder coordination", "The "
	    "effectiveness of measures to encourage stakeholder mobilization "
	    "and coordination in developing learning cities", EXPERTS, "" },
	{ "3.2.2", "Stakeholders' participation", "Stakeholders' commitment, "
	    "plans and actions to develop better and more accessible learning "
	    "opportunities within their areas of responsibility", EXPERTS, "" },
	{ "3.2.2", "Private sectors' commitment", "The existence of "
	    "partnerships and cooperation between the city and the private "
	    "sectors to support the learning city strategy", EXPERTS, "" },
	{ "3.3.1", "Financial investment in education and learning", "Public "
	    "expenditure on education and learning as a percentage of the "
	    "total city budget", OFFICIAL, "" },
	{ "3.3.1", "Distribution of public education expenditure",
	    "Percentage of public education expenditure spent at different "
	    "levels/types of education", OFFICIAL, "" },
	{ "3.3.2", "Effective use of resources", "Innovative ways of mapping "
	    "and utilizing human, financial, cultural and other resources "
	    "available to city to facilitate learning in the city", EXPERTS,
	    "" },
	{ "3.3.3", "Subsidies to disadvantaged groups", "The allocation and "
	    "effective use of funds to support the participation of "
	    "disadvantaged groups in learning", EXPERTS, "" },
	{ "3.3.4", "Citizens' contribution to helping other citizens learn",
	    "Percentage of citizens who contribute their skills, knowledge and "
	    "experience to help other citizens learn at least once a month in "
	    "the 12 months preceding the survey", SURVEY,
	    "helping_others_learn" },
	{ "3.3.5", "International partnership", "Progress in facilitating and "
	    "utilizing opportunities for international partnerships and "
	    "exchanges with other learning cities", EXPERTS, "" },
};

#define NTITLES (sizeof titles / sizeof *titles)
#define NMEASURES (sizeof measures / sizeof *measures)

static int
title_index(const char *code)
{
	size_t i;

	if (code == NULL)
		return -1;
	for (i = 0; i < NTITLES; i++)
		if (strcmp(titles[i].code, code) == 0)
			return (int)i;
	return -1;
}

const char *
report_seed_title(const char *code)
{
	int i = title_index(code);

	return i < 0 ? NULL : titles[i].title;
}

int
report_seed_order(const char *code)
{
	int i = title_index(code);

	return i < 0 ? (int)NTITLES : i;
}

/* 1 if word is one of the space-separated words of list. */
static int
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = list; *p != '\0'; p++) {
		if ((p == list || p[-1] == ' ') && strncmp(p, word, n) == 0 &&
		    (p[n] == ' ' || p[n] == '\0'))
			return 1;
	}
	return 0;
}

/*
 * An indicator the shipped instruments name is matched by its id; any
 * other one only when its feature has a single measurement, or a single
 * one the seed expects from a survey. Guessing among several would put
 * the seed's words on a figure that does not measure them.
 */
const struct report_measure *
report_seed_measure(const char *code, const char *id)
{
	const struct report_measure *only = NULL, *survey = NULL;
	size_t i;
	int n = 0, nsurvey = 0;

	if (code == NULL)
		return NULL;
	for (i = 0; i < NMEASURES; i++) {
		if (strcmp(measures[i].code, code) != 0)
			continue;
		if (id != NULL && has_word(measures[i].ids, id))
			return &measures[i];
		only = &measures[i];
		n++;
		if (strcmp(measures[i].source, SURVEY) == 0) {
			survey = &measures[i];
			nsurvey++;
		}
	}
	if (n == 1)
		return only;
	if (nsurvey == 1)
		return survey;
	return NULL;
}
