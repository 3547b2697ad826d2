/*
 * strutil.h: small string helpers shared by the checkers: identifier rules
 * and "did you mean" suggestions.
 */
#ifndef LCSURVEY_STRUTIL_H
#define LCSURVEY_STRUTIL_H

#include <stddef.h>

/* Edit distance (insertions, deletions, substitutions, transpositions of
 * neighbours), capped: returns cap + 1 when it is larger. */
size_t strutil_distance(const char *a, size_t alen, const char *b,
    size_t blen, size_t cap);
/* The candidate closest to word (1 edit for words under 4 characters, 2
 * under 9, else 3), or NULL. */
const char *strutil_suggest(const char *word, size_t len,
    const char *const *cands, size_t n);
/* Number of UTF-8 code points in s[0..len). */
size_t strutil_utf8_len(const char *s, size_t len);
/* 1 if s[0..len) is valid UTF-8 (no overlongs, no surrogates). */
int strutil_utf8_valid(const char *s, size_t len);

/*
 * Parses s[0..len) written as [+-]digits[.digits] (no exponent, no hex,
 * at most 15 significant digits, independent of the locale) into *out.
 * Returns 0, or -1 if it is not such a number.
 */
int strutil_parse_decimal(const char *s, size_t len, double *out);

#endif
