/*
 * sec.c: libsodium behind three small functions. Interview ids must be
 * unguessable and collision-free across dozens of laptops that are merged
 * later, which rules out rand() and clock-based ids.
 */
#include "sec.h"

#include <sodium.h>
#include <stdio.h>

int
sec_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

void
sec_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, 65, h, sizeof h);
}

void
sec_uuid(char out[37])
{
	unsigned char b[16];

	randombytes_buf(b, sizeof b);
	b[6] = (b[6] & 0x0F) | 0x40; /* version 4 */
	b[8] = (b[8] & 0x3F) | 0x80; /* RFC 4122 variant */
	snprintf(out, 37,
	    "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
	    b[11], b[12], b[13], b[14], b[15]);
}

unsigned
sec_random(unsigned upper)
{
	return upper ? randombytes_uniform(upper) : 0;
}
