/* sha256.h — SHA-256 (FIPS 180-4), for recording which report a review was
 * made against. */
#ifndef NB_SHA256_H
#define NB_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct nb_sha256 {
    uint32_t h[8];
    uint64_t len;
    unsigned char buf[64];
    size_t nbuf;
    int ni; /* the processor's SHA instructions are used */
} nb_sha256;

void nb_sha256_init(nb_sha256 *s);
void nb_sha256_update(nb_sha256 *s, const void *data, size_t n);
void nb_sha256_final(nb_sha256 *s, unsigned char out[32]);
/* The digest of data as 64 lower-case hex digits and a NUL. */
void nb_sha256_hex(const void *data, size_t n, char out[65]);
/* d[0, n) as 2n lower-case hex digits and a NUL. */
void nb_hex(const unsigned char *d, size_t n, char *out);

#endif
