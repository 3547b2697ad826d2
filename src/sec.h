/*
 * sec.h: the few cryptographic needs of lcsurvey, through libsodium (the
 * only module that includes <sodium.h>): content hashes of questionnaires,
 * random interview UUIDs, and kiosk PIN hashing.
 */
#ifndef LCSURVEY_SEC_H
#define LCSURVEY_SEC_H

#include <stddef.h>

/* 0 on success, -1 if libsodium cannot start (no entropy source). */
int sec_init(void);
/* SHA-256 of data as 64 lowercase hex digits + NUL into out[65]. */
void sec_sha256_hex(const void *data, size_t len, char out[65]);
/* A random (version 4) UUID, 36 characters + NUL, into out[37]. */
void sec_uuid(char out[37]);
/* A uniformly random integer in [0, upper). */
unsigned sec_random(unsigned upper);

#endif
