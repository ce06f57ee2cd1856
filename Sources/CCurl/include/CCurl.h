/* One HTTP request through libcurl, loaded when first used (as libmongoc is, see
 * CMongoc.h): socialdeck's start does not pay for libcurl and what it links unless
 * something is sent to a platform. The whole request runs in C, so Swift never calls
 * curl's variadic setopt/getinfo. */
#include <stddef.h>

typedef struct {
    /* The HTTP status, 0 when no answer came. */
    long status;
    /* The body and the header block as received (owned; free with sd_http_response_free). */
    char *body;
    size_t body_length;
    char *headers;
    size_t headers_length;
    /* CURLcode: 0 for a completed exchange, 7 could not connect, 28 timed out, 56 reset, … */
    int code;
    /* Bytes of the request that left: 0 means the platform cannot have seen it. */
    long request_size;
    char error[256];
} sd_http_response;

/* Opens libcurl if it is not open yet. NULL when it is usable; otherwise why not. */
const char *sd_curl_load(void);

/* Sends `method url` with `header_count` "Name: value" headers and `body`, waiting at
 * most `timeout_ms` in all and `connect_timeout_ms` to connect. Fills `out`; returns its code. */
int sd_http_perform(const char *method, const char *url, const char *const *headers, int header_count,
                    const char *body, size_t body_length, long timeout_ms, long connect_timeout_ms,
                    sd_http_response *out);

void sd_http_response_free(sd_http_response *response);
