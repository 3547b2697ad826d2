/*
 * sec.h: the few cryptographic needs of lcsurvey, through libsodium (the
 * only module that includes <sodium.h>): content hashes of questionnaires,
 * interview UUIDs, and kiosk PIN hashing.
 */
#ifndef LCSURVEY_SEC_H
#define LCSURVEY_SEC_H

#include <stddef.h>
#include <stdint.h>

/* 0 on success, -1 if libsodium cannot start (no entropy source). */
int sec_init(void);
/* SHA-256 of data as 64 lowercase hex digits + NUL into out[65]. */
void sec_sha256_hex(const void *data, size_t len, char out[65]);
/* A random (version 4) UUID, 36 characters + NUL, into out[37]. */
void sec_uuid(char out[37]);
/*
 * A version 8 UUID (RFC 9562) into out[37] that sorts by prefix, then by
 * ms: the first 8 hex digits of prefix (missing or non-hex digits count
 * as 0), then the 48 bits of ms, then 42 random bits.
 */
void sec_uuid_ordered(const char *prefix, uint64_t ms, char out[37]);
/* A uniformly random integer in [0, upper). */
unsigned sec_random(unsigned upper);

/*
 * Kiosk PINs (lcsurvey kiosk --set-pin): Argon2id through
 * crypto_pwhash_str at libsodium's interactive limits, so a copied
 * database does not give the PIN away to a quick search of all 4- to
 * 12-digit numbers. SEC_PIN_HASH_MAX bytes hold any hash with its NUL.
 */
#define SEC_PIN_HASH_MAX 128
/* Hashes pin into out; -1 when libsodium cannot (out of memory). */
int sec_pin_hash(const char *pin, char out[SEC_PIN_HASH_MAX]);
/* 0 when pin matches hash (a string from sec_pin_hash), -1 otherwise,
 * also for a malformed hash. Takes a noticeable fraction of a second. */
int sec_pin_verify(const char *hash, const char *pin);
/* Overwrites n bytes at p with zeros in a way the compiler keeps. */
void sec_wipe(void *p, size_t n);

#endif
