/*
 * session.h: one interview being taken — the questionnaire, the engine and
 * the store wired together, so that every screen (ncurses, kiosk) and the
 * scripted driver record answers the same way.
 *
 * An interview is tied to the exact questionnaire it began with: the store
 * keeps every questionnaire's source bytes, and resuming loads the stored
 * version rather than the file on disk. If the file has changed since, the
 * session says so (session.version_changed) and carries on with the old
 * version, so that answers are never reinterpreted under questions they
 * were not given to.
 */
#ifndef LCSURVEY_SESSION_H
#define LCSURVEY_SESSION_H

#include "buf.h"
#include "interview.h"
#include "questionnaire.h"
#include "store.h"

struct session {
	struct store *st;		   /* borrowed */
	const struct questionnaire *qn;	   /* the version in use */
	struct questionnaire *owned_qn;	   /* set when an older version was loaded */
	int64_t qrow;
	char uuid[37];
	struct interview *iv;
	int lang;
	int words;	     /* the language of refusals (words.h) */
	int version_changed; /* resumed under an older stored version */
	double shown_at;     /* when the current question was shown (seconds) */
	/* An answer whose soft check failed, kept for session_confirm. */
	struct expr_value pending;
	char *pending_text;
	int has_pending;
	/* The audit trail: the interview's status as this session last set
	 * or read it, and the reason it was reopened for editing (NULL when
	 * it was not), recorded with every change until it is complete. */
	char status[12];
	char *reason;
	int restoring;	/* session_resume: the engine's writes are not changes */
	/* A new interview gets its UUID at once but its row only with the
	 * first write: opening an interview and leaving without answering
	 * leaves nothing behind, and the first screen waits for no disk
	 * sync. */
	int has_row;
	int calc_pending; /* calculations to write with the row */
	char *mode, *enumerator;
};

/*
 * Registers qn's source (the file at qn->path, which must still hold the
 * bytes qn was loaded from) and returns its row in *qrow. -1 with a
 * message in err.
 */
int session_register(struct store *st, const struct questionnaire *qn,
    int64_t *qrow, struct buf *err);

/* Starts a new interview of qn. mode: "interview", "kiosk", "simulate". */
int session_begin(struct session *s, struct store *st,
    const struct questionnaire *qn, const char *mode, const char *enumerator,
    int lang, struct buf *err);
/*
 * Reopens interview uuid with the questionnaire version it began with and
 * puts the engine at its first unanswered question. current is the
 * questionnaire the user opened (used when the versions are the same).
 */
int session_resume(struct session *s, struct store *st,
    const struct questionnaire *current, const char *uuid, struct buf *err);
/* Marks the interview complete (every required answer must be there),
 * abandoned, or partial again (editing a completed interview). */
int session_set_status(struct session *s, const char *status,
    struct buf *err);
/*
 * Reopens a complete or abandoned interview for editing, with the reason
 * the enumerator gave (not empty), which the audit trail records with the
 * reopening and with every change until the interview is complete again.
 * While an interview is complete or abandoned, session_answer_* refuse to
 * change it. session_set_status(s, "partial") reopens it without a reason.
 */
int session_reopen(struct session *s, const char *reason, struct buf *err);
/* Sets the language of the interview (shown and recorded). */
int session_set_language(struct session *s, int lang);
/* Sets the language (of the catalogue, words.h) in which answers are
 * refused: the screens' language. English until set, and after each
 * session_begin or session_resume. */
void session_set_words(struct session *s, int lang);
/* Answers the current question with typed text (see answer_parse);
 * seconds spent are measured from the last call. */
int session_answer_text(struct session *s, const char *input,
    struct buf *err);
/* Answers the current question with a value (e.g. "don't know" from a
 * key, which text questions cannot take as typed text).
 * session_answer_text and session_answer_value return 0 when the answer
 * is saved, -1 when it is refused, 1 when its soft check failed (err then
 * holds the warning, and session_confirm() saves it anyway), and
 * INTERVIEW_UNSAVED when it could not be written (err says why). */
int session_answer_value(struct session *s, const struct expr_value *v,
    struct buf *err);
/* Saves the answer last warned about, recording the confirmation; -1 if
 * there is none (or the question has moved on). */
int session_confirm(struct session *s, struct buf *err);
/* Frees what the session owns; the store stays open. */
void session_end(struct session *s);

/* Seconds since an arbitrary fixed point (CLOCK_MONOTONIC). */
double session_clock(void);

#endif
