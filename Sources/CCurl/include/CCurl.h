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

/* How an SMTP session is protected. */
typedef enum {
    /* Plain text: only for a relay on the same machine. */
    SD_SMTP_TLS_NONE = 0,
    /* STARTTLS, and the message is not sent when the server does not offer it. */
    SD_SMTP_TLS_STARTTLS = 1,
} sd_smtp_tls;

typedef struct {
    /* CURLcode: 0 sent; 7 could not connect, 28 timed out, 55/56 refused mid-session, 64 TLS required but missing, … */
    int code;
    /* The server's last SMTP reply code (250, 550, …), 0 when none came. */
    long reply;
    char error[256];
} sd_smtp_result;

/* Sends one message (`message`, RFC 5322 with CRLF line ends) to one recipient through
 * `url` (smtp://host:port or smtps://host:port). `username`/`password`, `ca_file` may be NULL. */
int sd_smtp_send(const char *url, const char *from, const char *recipient, const char *message, size_t message_length,
                 const char *username, const char *password, const char *ca_file, sd_smtp_tls tls,
                 long timeout_ms, sd_smtp_result *out);
