/*
 * tui-words.h: every sentence, word and heading the screens write
 * themselves (key help, status lines, titles, messages), in each language
 * of the catalogue: English, French, Spanish and Chinese. The questions
 * come from the questionnaire; this is the rest. No curses here, so the
 * catalogue and the choice of its language are unit-tested.
 *
 * Two readers choose the language differently: the enumerator's screens
 * speak the device user's (tui_words_env_lang), the kiosk the language
 * the respondent picked (tui_words_lang of the questionnaire's code).
 * Anything the catalogue lacks is English.
 */
#ifndef LCSURVEY_TUI_WORDS_H
#define LCSURVEY_TUI_WORDS_H

#include "buf.h"

/*
 * One entry a message. Templates hold "{1}" and "{2}" where the values
 * go (tui_words_fmt), so each language puts them where its grammar
 * wants. A _PL entry is the plural of the entry just before it
 * (tui_words_plural). TUI_W_K_*: only the kiosk's respondent reads them;
 * TUI_W_S_*: the kiosk's staff screens.
 */
enum tui_words_id {
	/* Key help. */
	TUI_W_SELECT, TUI_W_CONFIRM, TUI_W_SUBMIT, TUI_W_CHOOSE, TUI_W_MOVE,
	TUI_W_TICK, TUI_W_BACK, TUI_W_CONTINUE, TUI_W_KEEP, TUI_W_NEXT,
	TUI_W_REVIEW, TUI_W_LANGUAGE, TUI_W_QUIT, TUI_W_OPEN,
	TUI_W_NEW, TUI_W_RESULTS, TUI_W_CHANGE, TUI_W_MARK_COMPLETE,
	TUI_W_LEAVE_PARTIAL, TUI_W_BACK_TO_LIST, TUI_W_CHANGE_ANSWER,
	TUI_W_CANCEL, TUI_W_GROUP, TUI_W_SCROLL, TUI_W_RECOMPUTE,
	/* Answers that are not values, and interview statuses. */
	TUI_W_DONT_KNOW, TUI_W_REFUSED, TUI_W_PARTIAL, TUI_W_COMPLETE,
	TUI_W_ABANDONED,
	/* The whole program. */
	TUI_W_TOO_SMALL, TUI_W_QUIT_CONFIRM, TUI_W_ONE_LANGUAGE,
	TUI_W_LANG_NOT_RECORDED, TUI_W_MEMBER, TUI_W_CANNOT_START,
	/* Question screen. */
	TUI_W_QUESTION_N, TUI_W_MEMBER_N, TUI_W_QUESTIONS_ABOUT,
	TUI_W_PRESS_ENTER, TUI_W_ENTER_KEEPS, TUI_W_ANSWER_GIVEN,
	TUI_W_NO_DONT_KNOW, TUI_W_NO_REFUSED, TUI_W_FIRST_QUESTION,
	TUI_W_NO_CHOICE, TUI_W_AT_MOST_CHARS, TUI_W_NEEDS_ANSWER,
	TUI_W_HINT_DATE, TUI_W_HINT_UP_TO, TUI_W_HINT_RANGE,
	TUI_W_HINT_AT_LEAST, TUI_W_HINT_AT_MOST, TUI_W_HINT_WHOLE,
	TUI_W_HINT_DECIMAL,
	/* Start screen. */
	TUI_W_COL_HOUSEHOLD, TUI_W_COL_CLUSTER, TUI_W_COL_STARTED,
	TUI_W_COL_STATUS, TUI_W_COL_ANSWERS, TUI_W_NEW_INTERVIEW,
	TUI_W_ON_DEVICE, TUI_W_NONE_YET, TUI_W_N_PARTIAL, TUI_W_N_PARTIAL_PL,
	TUI_W_N_COMPLETE, TUI_W_N_COMPLETE_PL, TUI_W_ENUMERATOR,
	TUI_W_CANNOT_LIST, TUI_W_CANNOT_OPEN, TUI_W_KEEPS_VERSION,
	/* Review and reason screens. */
	TUI_W_REVIEW_TITLE, TUI_W_REVIEW_STATUS, TUI_W_NO_ANSWER,
	TUI_W_N_ANSWERED, TUI_W_N_MISSING, TUI_W_N_MISSING_PL,
	TUI_W_NO_LONGER_ASKED, TUI_W_NEEDS_ANSWER_COMPLETE,
	TUI_W_CANNOT_COMPLETE, TUI_W_SAVED_COMPLETE, TUI_W_CLOSED,
	TUI_W_SAVED_PARTIAL, TUI_W_REASON_TITLE, TUI_W_QUESTION_IS,
	TUI_W_ANSWER_NOW, TUI_W_WHY_COMPLETED, TUI_W_WHY_ABANDONED,
	TUI_W_REASON_KEPT, TUI_W_REASON_STATUS, TUI_W_REASON_NEEDED,
	TUI_W_CANNOT_REOPEN, TUI_W_REOPENED, TUI_W_NO_CHANGE,
	/* Results screen. */
	TUI_W_RESULTS_TITLE, TUI_W_TOTAL, TUI_W_GROUP_LABEL,
	TUI_W_NO_KEY_FEATURE, TUI_W_BY_RATING, TUI_W_TOTAL_ONLY,
	TUI_W_NOT_BROKEN_BY, TUI_W_NO_ESTIMATE, TUI_W_COMPUTING,
	TUI_W_NO_BREAKDOWN, TUI_W_CANNOT_COMPUTE, TUI_W_BAD_ANSWERS,
	TUI_W_BAD_ANSWERS_PL, TUI_W_N_INTERVIEWS, TUI_W_N_INTERVIEWS_PL,
	TUI_W_CONFIDENCE, TUI_W_FEWER_THAN, TUI_W_MEAN_SCORE, TUI_W_RATING_1,
	TUI_W_RATING_2, TUI_W_RATING_3, TUI_W_RATING_4, TUI_W_RATING_5,
	/* Kiosk, for the respondent. */
	TUI_W_K_WELCOME, TUI_W_K_CHOOSE_LANG, TUI_W_K_START, TUI_W_K_BEFORE,
	TUI_W_K_AGREE, TUI_W_K_DECLINE, TUI_W_K_THANKS, TUI_W_K_CLEARED,
	TUI_W_K_DECLINED, TUI_W_K_STILL, TUI_W_K_STILL_MORE, TUI_W_K_OK,
	TUI_W_K_DONT_KNOW, TUI_W_K_REFUSED, TUI_W_K_QUESTION_N,
	/* Kiosk, for staff. */
	TUI_W_S_STAFF_ONLY, TUI_W_S_TRY_AGAIN, TUI_W_S_PIN, TUI_W_S_PIN_KEYS,
	TUI_W_S_MENU, TUI_W_S_TODAY, TUI_W_S_COMPLETED, TUI_W_S_ABANDONED,
	TUI_W_S_IN_PROGRESS, TUI_W_S_CANNOT_COUNT, TUI_W_S_BACK,
	TUI_W_S_AFRESH, TUI_W_S_EXIT, TUI_W_S_EITHER, TUI_W_S_CHOICES,
	TUI_W_S_WRONG_PIN,
	TUI_W__N
};

/* How many languages the catalogue has; language 0 is English. */
int tui_words_nlangs(void);

/*
 * The catalogue's language for a language code or a locale name: the
 * part before '_', '.', '-' or '@', any case ("fr", "fr-CA",
 * "fr_FR.UTF-8", "FR" are French). 0 (English) for NULL, "C", "POSIX"
 * and any language the catalogue does not have.
 */
int tui_words_lang(const char *code);

/*
 * The language of the device user, from the values of LCSURVEY_UI_LANG,
 * LC_ALL, LC_MESSAGES and LANG in that order (each may be NULL): the
 * first that is set and not empty decides, as for the C library's
 * message catalogues, so LC_ALL=C gives English whatever LANG says.
 */
int tui_words_pick(const char *ui_lang, const char *lc_all,
    const char *lc_messages, const char *lang);
/* The same, reading the environment (getenv: no locale needs to be
 * installed for its language to be recognised). */
int tui_words_env_lang(void);

/* The two-letter code of language lang ("en" for one out of range). */
const char *tui_words_code(int lang);
/* Entry w in language lang (static storage; English when lang is out
 * of range). Never NULL. */
const char *tui_words_get(int lang, enum tui_words_id w);
/* 1 when lang has entry w of its own, 0 when tui_words_get falls back
 * to English for it. */
int tui_words_has(int lang, enum tui_words_id w);
/* one, or the entry after it (its _PL) when n calls for the plural in
 * lang: French counts 0 and 1 as singular, English and Spanish 1 only,
 * Chinese has one form (both entries say the same). */
enum tui_words_id tui_words_plural(int lang, enum tui_words_id one, long n);

/* Appends tmpl to b with "{1}" replaced by a1 and "{2}" by a2; a NULL
 * argument leaves its placeholder as written. */
void tui_words_fmt(struct buf *b, const char *tmpl, const char *a1,
    const char *a2);
/* The same with numbers. */
void tui_words_fmtn(struct buf *b, const char *tmpl, long n1, long n2);

/*
 * The name of a language in that language ("Français" for "fr"), for
 * the kiosk's list of languages: the catalogue's own and a few dozen
 * more; code itself for one it does not know.
 */
const char *tui_words_lang_name(const char *code);

#endif
