#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/opensslv.h>

static inline const char *sd_openssl_version(void) { return OpenSSL_version(OPENSSL_VERSION); }
static inline void sd_openssl_free(void *p) { OPENSSL_free(p); }
