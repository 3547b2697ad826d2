/*
 * sec.c: libsodium behind a few small functions. Interview ids must be
 * collision-free across dozens of laptops that are merged later, which
 * rules out rand() and ids made of the clock alone; the kiosk's PIN is
 * kept only as a slow, salted hash.
 */
#include "sec.h"

#include <sodium.h>
#include <stdint.h>
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

static void
uuid_format(const unsigned char b[16], char out[37])
{
	snprintf(out, 37,
	    "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
	    b[11], b[12], b[13], b[14], b[15]);
}

void
sec_uuid(char out[37])
{
	unsigned char b[16];

	randombytes_buf(b, sizeof b);
	b[6] = (b[6] & 0x0F) | 0x40; /* version 4 */
	b[8] = (b[8] & 0x3F) | 0x80; /* RFC 4122 variant */
	uuid_format(b, out);
}

/* The value of hex digit c, 0 for anything else (a hand-edited prefix
 * still gives an id, only a less well placed one). */
static unsigned
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (unsigned)(c - 'A' + 10);
	return 0;
}

/*
 * The 122 bits of payload (prefix, ms, random: 32 + 48 + 42) go into the
 * UUID in order around the 4 version bits (48-51) and the 2 variant bits
 * (64-65), so that UUIDs compare as their payloads do: by prefix, then
 * by time. Overwriting timestamp bits instead, as a version 4 id's random
 * bits are, would break that order every few days.
 */
void
sec_uuid_ordered(const char *prefix, uint64_t ms, char out[37])
{
	unsigned char p[16] = { 0 }, b[16] = { 0 };
	int pos, bit = 0, i, v;

	for (i = 0; i < 8 && prefix[i] != '\0'; i++)
		p[i / 2] |= (unsigned char)(hexval(prefix[i]) <<
		    (i % 2 ? 0 : 4));
	for (i = 0; i < 6; i++)
		p[4 + i] = (unsigned char)(ms >> (40 - 8 * i));
	randombytes_buf(p + 10, 6);
	for (pos = 0; pos < 128; pos++) {
		if (pos >= 48 && pos < 52)
			v = pos == 48;		/* version 8: 1000 */
		else if (pos == 64 || pos == 65)
			v = pos == 64;		/* RFC 9562 variant: 10 */
		else {
			v = p[bit / 8] >> (7 - bit % 8) & 1;
			bit++;
		}
		b[pos / 8] |= (unsigned char)(v << (7 - pos % 8));
	}
	uuid_format(b, out);
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
