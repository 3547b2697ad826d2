/*
 * schemas.h: the store's schema as released at versions 1 and 2, built
 * by hand into files that the migration tests (test_store.c,
 * test_store_log.c) bring forward. Never change this text: it is what
 * files written by those releases hold.
 */
#ifndef LCSURVEY_TEST_SCHEMAS_H
#define LCSURVEY_TEST_SCHEMAS_H

/* Version 1: the tables, with a few rows of meta. */
#define SCHEMA_V1_TABLES \
	"CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value) " \
	"WITHOUT ROWID;" \
	"INSERT INTO meta (name, value) VALUES ('seq', 41);" \
	"INSERT INTO meta (name, value) VALUES ('created_at', " \
	"'2024-01-02T03:04:05.678Z');" \
	"INSERT INTO meta (name, value) VALUES ('device', " \
	"'11111111-2222-4333-8444-555555555555');" \
	"CREATE TABLE questionnaires (id INTEGER PRIMARY KEY, " \
	"survey_id TEXT NOT NULL, version TEXT NOT NULL, " \
	"hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64 AND " \
	"hash NOT GLOB '*[^0-9a-f]*'), source BLOB NOT NULL, " \
	"added_at TEXT NOT NULL);" \
	"CREATE TABLE interviews (uuid TEXT PRIMARY KEY NOT NULL " \
	"CHECK (length(uuid) = 36), questionnaire INTEGER NOT NULL " \
	"REFERENCES questionnaires (id), status TEXT NOT NULL DEFAULT " \
	"'partial' CHECK (status IN ('partial', 'complete', 'abandoned')), " \
	"started_at TEXT NOT NULL, ended_at TEXT, updated_at TEXT NOT NULL, " \
	"enumerator TEXT, device TEXT NOT NULL CHECK (length(device) = 36), " \
	"language TEXT, mode TEXT NOT NULL CHECK (mode IN ('interview', " \
	"'kiosk', 'import', 'simulate')), stratum TEXT, cluster TEXT, " \
	"household TEXT, weight REAL CHECK (weight IS NULL OR weight > 0), " \
	"CHECK ((status = 'partial') = (ended_at IS NULL)));" \
	"CREATE TABLE answers (interview TEXT NOT NULL REFERENCES " \
	"interviews (uuid), member INTEGER NOT NULL CHECK (member >= 0), " \
	"question TEXT NOT NULL, value CHECK (typeof(value) IN ('null', " \
	"'integer', 'real', 'text')), missing TEXT CHECK (missing IN " \
	"('dont_know', 'refused')), answered_at TEXT NOT NULL, seconds REAL " \
	"CHECK (seconds IS NULL OR seconds >= 0), seq INTEGER NOT NULL " \
	"UNIQUE, PRIMARY KEY (interview, member, question), " \
	"CHECK (missing IS NULL OR value IS NULL)) WITHOUT ROWID;"

#define SCHEMA_APP_ID "PRAGMA application_id = 1279480662;"

#define SCHEMA_V1 SCHEMA_V1_TABLES "PRAGMA user_version = 1;" SCHEMA_APP_ID

/* Version 2: version 1 and its index. */
#define SCHEMA_V2 SCHEMA_V1_TABLES \
	"CREATE UNIQUE INDEX interviews_by_questionnaire " \
	"ON interviews (questionnaire, uuid, status);" \
	"PRAGMA user_version = 2;" SCHEMA_APP_ID

#endif
