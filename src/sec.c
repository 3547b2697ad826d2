/*
 * sec.c: libsodium behind a few small functions. Interview ids must be
 * unguessable and collision-free across dozens of laptops that are merged
 * later, which rules out rand() and clock-based ids; the kiosk's PIN is
 * kept only as a slow, salted hash.
 */
#include "sec.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

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

int
sec_pin_hash(const char *pin, char out[SEC_PIN_HASH_MAX])
{
	char h[crypto_pwhash_STRBYTES];

	/* The hash is computed into a buffer of libsodium's size, which
	 * the header does not export, and copied: the two may differ. */
	if (crypto_pwhash_str(h, pin, strlen(pin),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return -1;
	if (strlen(h) >= SEC_PIN_HASH_MAX)
		return -1;
	memcpy(out, h, strlen(h) + 1);
	return 0;
}

int
sec_pin_verify(const char *hash, const char *pin)
{
	if (hash == NULL || strnlen(hash, crypto_pwhash_STRBYTES) >=
	    crypto_pwhash_STRBYTES)
		return -1;
	return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0 ? 0 :
	    -1;
}

void
sec_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
