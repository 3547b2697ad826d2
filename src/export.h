/*
 * export.h: the aggregate's results as CSV (export-csv.c), JSON
 * (export-json.c) and a table for people (export-table.c).
 *
 * CSV and JSON have the same stable, documented columns, in this order
 * (lcsurvey-aggregate(1)): indicator, code, name, group, category, n,
 * estimate, se, ci_low, ci_high, deff, flag. Names are in the
 * questionnaire's first language; proportions and rating shares are
 * percentages; numbers have 10 significant digits; a number that does not
 * exist (no data, no variation for a design effect) is an empty CSV field
 * and a JSON null. Each function returns 0, or -1 when writing to fp
 * failed.
 */
#ifndef LCSURVEY_EXPORT_H
#define LCSURVEY_EXPORT_H

#include <stdio.h>

#include "aggregate.h"
#include "questionnaire.h"

int export_csv_aggregate(FILE *fp, const struct questionnaire *qn,
    const struct aggregate_result *res);
int export_json_aggregate(FILE *fp, const struct questionnaire *qn,
    const struct aggregate_result *res);
int export_table_aggregate(FILE *fp, const struct questionnaire *qn,
    const struct aggregate_result *res);

#endif
