/*
 * export-json.c: aggregate results as JSON through jansson (the only
 * module that includes <jansson.h>): an object describing the run, with
 * the rows under "rows", each with the columns listed in export.h.
 */
#include "export.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static json_t *
num(double v)
{
	/* Rounded like the CSV, so the two formats print the same values. */
	char tmp[64];

	if (!isfinite(v))
		return json_null();
	snprintf(tmp, sizeof tmp, "%.10g", v);
	return json_real(strtod(tmp, NULL));
}

int
export_json_aggregate(FILE *fp, const struct questionnaire *qn,
    const struct aggregate_result *res)
{
	json_t *root, *rows;
	size_t i;
	int rc;

	root = json_object();
	json_object_set_new(root, "survey", json_string(qn->id));
	json_object_set_new(root, "version", json_string(qn->version));
	json_object_set_new(root, "design", json_string(res->design ==
	    STATS_CLUSTER ? "cluster" : "srs"));
	json_object_set_new(root, "interviews",
	    json_integer(res->ninterviews));
	json_object_set_new(root, "level", json_real(0.95));
	rows = json_array();
	for (i = 0; i < res->nrows; i++) {
		const struct aggregate_row *r = &res->rows[i];
		json_t *o = json_object();

		json_object_set_new(o, "indicator", json_string(r->ind->id));
		json_object_set_new(o, "code", json_string(r->ind->code ?
		    r->ind->code : ""));
		json_object_set_new(o, "name", json_string(r->ind->name[0]));
		json_object_set_new(o, "group", json_string(r->group));
		json_object_set_new(o, "category", json_string(r->category));
		json_object_set_new(o, "n", json_integer(r->r.n));
		json_object_set_new(o, "estimate", num(r->r.est));
		json_object_set_new(o, "se", num(r->r.se));
		json_object_set_new(o, "ci_low", num(r->r.ci_low));
		json_object_set_new(o, "ci_high", num(r->r.ci_high));
		json_object_set_new(o, "deff", num(r->r.deff));
		json_object_set_new(o, "flag", json_string(r->r.small_n ?
		    "small_n" : ""));
		json_array_append_new(rows, o);
	}
	json_object_set_new(root, "rows", rows);
	rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_REAL_PRECISION(10));
	json_decref(root);
	if (rc < 0 || fputc('\n', fp) == EOF || fflush(fp) == EOF)
		return -1;
	return 0;
}
