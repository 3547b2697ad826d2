/*
 * gen-city.c: writes the synthetic city survey's microdata (bench/city.yaml
 * columns) as CSV on stdout, deterministically: the same N gives the same
 * bytes on every machine (xorshift64*, integer arithmetic only).
 *
 * usage: gen-city N [CLUSTERS]    (default 50000 clusters in 6 strata)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(uint32_t n)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)(((state * 0x2545f4914f6cdd1dULL) >> 32) % n);
}

int
main(int argc, char **argv)
{
	long n, i, clusters;

	if (argc < 2 || (n = atol(argv[1])) <= 0) {
		fputs("usage: gen-city N [CLUSTERS]\n", stderr);
		return 2;
	}
	clusters = argc > 2 ? atol(argv[2]) : 50000;
	printf("district,cluster,weight,sex,age,learned,hours,work_hours,"
	    "transport,library\n");
	for (i = 0; i < n; i++) {
		long c = 1 + rnd((uint32_t)clusters);
		int d = 1 + (int)(c % 6), sex = 1 + (int)rnd(2);
		int learn = rnd(100) < 30u + 10u * (sex == 2) + 2u * (unsigned)d;
		unsigned w = 50 + rnd(200) + 20u * (unsigned)d;

		printf("%d,%ld,%u.%02u,", d, c, w, rnd(100));
		if (rnd(100) < 2)
			fputs("refused,", stdout);
		else
			printf("%d,", sex);
		printf("%u,", 15 + rnd(80));
		if (rnd(100) < 4)
			fputs("dk,", stdout);
		else
			printf("%d,", learn);
		if (rnd(100) < 5)
			fputs("dk,", stdout);
		else
			printf("%u.%u,", learn ? rnd(12) : 0, learn ? rnd(10) : 0);
		if (rnd(100) < 3)
			fputs(",", stdout);
		else
			printf("%u,", rnd(6) * 8);
		if (rnd(100) < 5)
			fputs("dk,", stdout);
		else
			printf("%u,", 1 + rnd(5));
		printf("%d\n", rnd(100) < 30u + (unsigned)d);
	}
	return 0;
}
