/*
 * words.h: every sentence, word and heading lcsurvey writes to the person
 * at the keyboard itself (the screens' key help, status lines, titles,
 * and the engine's and answer parser's refusals), in each language of
 * the catalogue: English, French, Spanish and Chinese (Simplified, and
 * Traditional for zh-Hant, zh-TW, zh-HK and zh-MO). The questions come
 * from the questionnaire; this is the rest. No curses here, so the engine
 * may use it and the catalogue and the choice of its language are
 * unit-tested.
 *
 * Two readers choose the language differently: the enumerator's screens
 * speak the device user's (words_env_lang), the kiosk the language
 * the respondent picked (words_lang of the questionnaire's code).
 * Anything the catalogue lacks is English.
 */
#ifndef LCSURVEY_WORDS_H
#define LCSURVEY_WORDS_H

#include "buf.h"

/*
 * One entry a message. Templates hold "{1}" and "{2}" where the values
 * go (words_fmt), so each language puts them where its grammar
 * wants. A _PL entry is the plural of the entry just before it
 * (words_plural). WORDS_K_*: only the kiosk's respondent reads them;
 * WORDS_S_*: the kiosk's staff screens.
 */
enum words_id {
	/* Key help. */
	WORDS_SELECT, WORDS_CONFIRM, WORDS_SUBMIT, WORDS_CHOOSE, WORDS_MOVE,
	WORDS_TICK, WORDS_BACK, WORDS_CONTINUE, WORDS_KEEP, WORDS_NEXT,
	WORDS_REVIEW, WORDS_LANGUAGE, WORDS_QUIT, WORDS_OPEN,
	WORDS_NEW, WORDS_RESULTS, WORDS_CHANGE, WORDS_MARK_COMPLETE,
	WORDS_LEAVE_PARTIAL, WORDS_BACK_TO_LIST, WORDS_CHANGE_ANSWER,
	WORDS_CANCEL, WORDS_GROUP, WORDS_SCROLL, WORDS_RECOMPUTE,
	/* Answers that are not values, and interview statuses. */
	WORDS_DONT_KNOW, WORDS_REFUSED, WORDS_PARTIAL, WORDS_COMPLETE,
	WORDS_ABANDONED,
	/* The whole program. */
	WORDS_TOO_SMALL, WORDS_QUIT_CONFIRM, WORDS_ONE_LANGUAGE,
	WORDS_LANG_NOT_RECORDED, WORDS_MEMBER, WORDS_CANNOT_START,
	/* Question screen. */
	WORDS_QUESTION_N, WORDS_MEMBER_N, WORDS_QUESTIONS_ABOUT,
	WORDS_PRESS_ENTER, WORDS_ENTER_KEEPS, WORDS_ANSWER_GIVEN,
	WORDS_NO_DONT_KNOW, WORDS_NO_REFUSED, WORDS_FIRST_QUESTION,
	WORDS_NO_CHOICE, WORDS_AT_MOST_CHARS, WORDS_NEEDS_ANSWER,
	WORDS_HINT_DATE, WORDS_HINT_UP_TO, WORDS_HINT_RANGE,
	WORDS_HINT_AT_LEAST, WORDS_HINT_AT_MOST, WORDS_HINT_WHOLE,
	WORDS_HINT_DECIMAL,
	/* Why the answer parser, the engine or the session refuse an
	 * answer (WORDS_E_*): the same words for the enumerator and, in the
	 * kiosk, for the respondent. */
	WORDS_E_NOT_A_CHOICE, WORDS_E_NOT_A_CODE, WORDS_E_YES_NO,
	WORDS_E_NOT_UTF8, WORDS_E_NOT_WHOLE, WORDS_E_NOT_NUMBER,
	WORDS_E_NOT_DATE, WORDS_E_TAKES_NONE, WORDS_E_AT_END,
	WORDS_E_AT_LEAST, WORDS_E_AT_MOST, WORDS_E_NO_DONT_KNOW,
	WORDS_E_NO_REFUSED, WORDS_E_REQUIRED, WORDS_E_TOO_LONG,
	WORDS_E_INCONSISTENT, WORDS_E_UNUSUAL, WORDS_E_UNSAVED,
	WORDS_E_DEP_UNSAVED, WORDS_E_IN_FILE, WORDS_E_CLOSED,
	WORDS_E_NOTHING_PENDING,
	/* Start screen. */
	WORDS_COL_HOUSEHOLD, WORDS_COL_CLUSTER, WORDS_COL_STARTED,
	WORDS_COL_STATUS, WORDS_COL_ANSWERS, WORDS_NEW_INTERVIEW,
	WORDS_ON_DEVICE, WORDS_NONE_YET, WORDS_N_PARTIAL, WORDS_N_PARTIAL_PL,
	WORDS_N_COMPLETE, WORDS_N_COMPLETE_PL, WORDS_ENUMERATOR,
	WORDS_CANNOT_LIST, WORDS_CANNOT_OPEN, WORDS_KEEPS_VERSION,
	/* Review and reason screens. */
	WORDS_REVIEW_TITLE, WORDS_REVIEW_STATUS, WORDS_NO_ANSWER,
	WORDS_N_ANSWERED, WORDS_N_MISSING, WORDS_N_MISSING_PL,
	WORDS_NO_LONGER_ASKED, WORDS_NEEDS_ANSWER_COMPLETE,
	WORDS_CANNOT_COMPLETE, WORDS_SAVED_COMPLETE, WORDS_CLOSED,
	WORDS_SAVED_PARTIAL, WORDS_REASON_TITLE, WORDS_QUESTION_IS,
	WORDS_ANSWER_NOW, WORDS_WHY_COMPLETED, WORDS_WHY_ABANDONED,
	WORDS_REASON_KEPT, WORDS_REASON_STATUS, WORDS_REASON_NEEDED,
	WORDS_CANNOT_REOPEN, WORDS_REOPENED, WORDS_NO_CHANGE,
	/* Results screen. */
	WORDS_RESULTS_TITLE, WORDS_TOTAL, WORDS_GROUP_LABEL,
	WORDS_NO_KEY_FEATURE, WORDS_BY_RATING, WORDS_TOTAL_ONLY,
	WORDS_NOT_BROKEN_BY, WORDS_NO_ESTIMATE, WORDS_COMPUTING,
	WORDS_NO_BREAKDOWN, WORDS_CANNOT_COMPUTE, WORDS_BAD_ANSWERS,
	WORDS_BAD_ANSWERS_PL, WORDS_N_INTERVIEWS, WORDS_N_INTERVIEWS_PL,
	WORDS_CONFIDENCE, WORDS_FEWER_THAN, WORDS_MEAN_SCORE, WORDS_RATING_1,
	WORDS_RATING_2, WORDS_RATING_3, WORDS_RATING_4, WORDS_RATING_5,
	/* Kiosk, for the respondent. */
	WORDS_K_WELCOME, WORDS_K_CHOOSE_LANG, WORDS_K_START, WORDS_K_BEFORE,
	WORDS_K_AGREE, WORDS_K_DECLINE, WORDS_K_THANKS, WORDS_K_CLEARED,
	WORDS_K_DECLINED, WORDS_K_STILL, WORDS_K_STILL_MORE, WORDS_K_OK,
	WORDS_K_DONT_KNOW, WORDS_K_REFUSED, WORDS_K_QUESTION_N,
	WORDS_K_NOT_SAVED,
	/* Kiosk, for staff. */
	WORDS_S_STAFF_ONLY, WORDS_S_TRY_AGAIN, WORDS_S_PIN, WORDS_S_PIN_KEYS,
	WORDS_S_MENU, WORDS_S_TODAY, WORDS_S_COMPLETED, WORDS_S_ABANDONED,
	WORDS_S_IN_PROGRESS, WORDS_S_CANNOT_COUNT, WORDS_S_FAULT, WORDS_S_BACK,
	WORDS_S_AFRESH, WORDS_S_EXIT, WORDS_S_EITHER, WORDS_S_CHOICES,
	WORDS_S_WRONG_PIN,
	WORDS__N
};

/* How many languages the catalogue has; language 0 is English. */
int words_nlangs(void);

/*
 * The catalogue's language for a language code or a locale name: the
 * part before '_', '.', '-' or '@', any case ("fr", "fr-CA",
 * "fr_FR.UTF-8", "FR" are French). 0 (English) for NULL, "C", "POSIX"
 * and any language the catalogue does not have.
 */
int words_lang(const char *code);

/*
 * The language of the device user, from the values of LCSURVEY_UI_LANG,
 * LANGUAGE, LC_ALL, LC_MESSAGES and LANG (each may be NULL; set but empty
 * is not set), as for the C library's message catalogues: LCSURVEY_UI_LANG
 * if set; else the locale is the first set of LC_ALL, LC_MESSAGES and
 * LANG, so LC_ALL=C gives English whatever LANG says; and unless that
 * locale is C or POSIX, LANGUAGE, a list such as "fr_CA:fr:en", picks its
 * first language the catalogue has, or English if it has none.
 */
int words_pick(const char *ui_lang, const char *language, const char *lc_all,
    const char *lc_messages, const char *lang);
/* The same, reading the environment (getenv: no locale needs to be
 * installed for its language to be recognised). */
int words_env_lang(void);

/* The two-letter code of language lang ("en" for one out of range). */
const char *words_code(int lang);
/* Entry w in language lang (static storage; English when lang is out
 * of range). Never NULL. */
const char *words_get(int lang, enum words_id w);
/* 1 when lang has entry w of its own, 0 when words_get falls back
 * to English for it. */
int words_has(int lang, enum words_id w);
/* one, or the entry after it (its _PL) when n calls for the plural in
 * lang: French counts 0 and 1 as singular, English and Spanish 1 only,
 * Chinese has one form (both entries say the same). */
enum words_id words_plural(int lang, enum words_id one, long n);

/* Appends tmpl to b with "{1}" replaced by a1 and "{2}" by a2; a NULL
 * argument leaves its placeholder as written. */
void words_fmt(struct buf *b, const char *tmpl, const char *a1,
    const char *a2);
/* The same with numbers. */
void words_fmtn(struct buf *b, const char *tmpl, long n1, long n2);
/* Entry w of language lang, formatted as words_fmt does, into dst of
 * size bytes: always NUL-terminated, and cut, if it must be, before a
 * character rather than inside one. For callers that report into a
 * fixed buffer (char *err, size_t errsz). */
void words_say(char *dst, size_t size, int lang, enum words_id w,
    const char *a1, const char *a2);

/*
 * The name of a language in that language ("Français" for "fr"), for
 * the kiosk's list of languages: the catalogue's own and a few dozen
 * more; code itself for one it does not know.
 */
const char *words_lang_name(const char *code);

#endif
