/* libmongoc's API, loaded when first used rather than when socialdeck starts.
 *
 * Linked normally, libmongoc and what it pulls in (SASL and its plugins, OpenSSL's
 * configuration, ICU, snappy, zstd, libmongocrypt) cost about 10 ms of every start,
 * SQLite or not, because its constructor runs mongoc_init. MongocLoader.c defines each
 * function socialdeck calls; the first call opens the library with dlopen.
 *
 * `mongoc` and `bson` in this directory link to Debian's /usr/include/libmongoc-1.0/mongoc
 * and /usr/include/libbson-1.0/bson (libmongoc-dev): a target that depends on this one
 * finds the headers through them without pkg-config, whose flags would also link the library. */
#include <mongoc/mongoc.h>

/* Opens libmongoc if it is not open yet. NULL when it is usable; otherwise why not. */
const char *sd_mongoc_load(void);

/* bson_t is 128-byte aligned, so Swift sees it as opaque; these read what macros and fields hide. */
static inline uint32_t sd_bson_len(const bson_t *b) { return b->len; }
static inline const char *sd_error_message(const bson_error_t *e) { return e->message; }

/* Writes "host:port,host:port" of a URI into buf; the credentials are never included. */
static inline void sd_uri_hosts(const mongoc_uri_t *uri, char *buf, size_t len) {
    const mongoc_host_list_t *h = mongoc_uri_get_hosts(uri);
    size_t used = 0;
    if (len == 0) return;
    buf[0] = '\0';
    for (; h != NULL; h = h->next) {
        int n = snprintf(buf + used, len - used, "%s%s", used ? "," : "", h->host_and_port);
        if (n < 0 || (size_t)n >= len - used) break;
        used += (size_t)n;
    }
}

static inline uint32_t sd_error_code(const bson_error_t *e) { return e->code; }
static inline uint32_t sd_error_domain(const bson_error_t *e) { return e->domain; }
