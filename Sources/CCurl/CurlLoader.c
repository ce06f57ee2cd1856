/* libcurl opened with dlopen on first use, and one request performed entirely in C. */
#include "CCurl.h"
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const library_name = "libcurl.so.4";
static void *library;
static char failure[512];
static pthread_once_t opened = PTHREAD_ONCE_INIT;

static struct {
    __typeof__(&curl_global_init) global_init;
    __typeof__(&curl_easy_init) easy_init;
    __typeof__(&curl_easy_setopt) easy_setopt;
    __typeof__(&curl_easy_perform) easy_perform;
    __typeof__(&curl_easy_getinfo) easy_getinfo;
    __typeof__(&curl_easy_cleanup) easy_cleanup;
    __typeof__(&curl_easy_strerror) easy_strerror;
    __typeof__(&curl_slist_append) slist_append;
    __typeof__(&curl_slist_free_all) slist_free_all;
} curl;

#define RESOLVE(field, name)                                                              \
    if (!(curl.field = (__typeof__(curl.field))dlsym(library, name))) {                  \
        snprintf(failure, sizeof failure, "%s has no %s", library_name, name);           \
        dlclose(library);                                                                 \
        library = NULL;                                                                   \
        return;                                                                           \
    }

static void open_library(void) {
    library = dlopen(library_name, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure, "%s (install libcurl4)", why ? why : library_name);
        return;
    }
    RESOLVE(global_init, "curl_global_init")
    RESOLVE(easy_init, "curl_easy_init")
    RESOLVE(easy_setopt, "curl_easy_setopt")
    RESOLVE(easy_perform, "curl_easy_perform")
    RESOLVE(easy_getinfo, "curl_easy_getinfo")
    RESOLVE(easy_cleanup, "curl_easy_cleanup")
    RESOLVE(easy_strerror, "curl_easy_strerror")
    RESOLVE(slist_append, "curl_slist_append")
    RESOLVE(slist_free_all, "curl_slist_free_all")
    /* Once, before any thread sends: curl_global_init is not thread-safe. */
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(failure, sizeof failure, "curl_global_init failed");
        library = NULL;
    }
}

const char *sd_curl_load(void) {
    pthread_once(&opened, open_library);
    return library ? NULL : failure;
}

/* A fresh easy handle, or NULL with `code` -1 and why in `error`. */
static CURL *open_handle(int *code, char *error, size_t error_size) {
    const char *problem = sd_curl_load();
    CURL *handle = problem ? NULL : curl.easy_init();
    if (!handle) {
        *code = -1;
        snprintf(error, error_size, "%s", problem ? problem : "curl_easy_init failed");
    }
    return handle;
}

typedef struct {
    char *data;
    size_t length;
    size_t limit;
} buffer;

/* Keeps at most `limit` bytes: a platform's answer is small, and a hostile one must not fill memory. */
static size_t collect(char *data, size_t size, size_t count, void *context) {
    buffer *b = context;
    size_t n = size * count;
    size_t keep = b->length + n > b->limit ? b->limit - b->length : n;
    if (keep > 0) {
        char *grown = realloc(b->data, b->length + keep + 1);
        if (!grown) return 0;
        b->data = grown;
        memcpy(b->data + b->length, data, keep);
        b->length += keep;
        b->data[b->length] = '\0';
    }
    return n;
}

int sd_http_perform(const char *method, const char *url, const char *const *headers, int header_count,
                    const char *body, size_t body_length, long timeout_ms, long connect_timeout_ms,
                    sd_http_response *out) {
    memset(out, 0, sizeof *out);
    CURL *handle = open_handle(&out->code, out->error, sizeof out->error);
    if (!handle) return out->code;
    struct curl_slist *list = NULL;
    for (int i = 0; i < header_count; i++) list = curl.slist_append(list, headers[i]);
    buffer received = {NULL, 0, 4 << 20}, header_block = {NULL, 0, 64 << 10};
    char error[CURL_ERROR_SIZE] = {0};

    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_CUSTOMREQUEST, method);
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, list);
    if (body && strcmp(method, "GET") != 0) {
        curl.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
        curl.easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, body);
    }
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "https,http");
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, collect);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &received);
    curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, collect);
    curl.easy_setopt(handle, CURLOPT_HEADERDATA, &header_block);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    curl.easy_setopt(handle, CURLOPT_USERAGENT, "socialdeck");

    CURLcode code = curl.easy_perform(handle);
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &out->status);
    curl.easy_getinfo(handle, CURLINFO_REQUEST_SIZE, &out->request_size);
    out->code = (int)code;
    if (code != CURLE_OK) snprintf(out->error, sizeof out->error, "%s", error[0] ? error : curl.easy_strerror(code));
    out->body = received.data;
    out->body_length = received.length;
    out->headers = header_block.data;
    out->headers_length = header_block.length;
    curl.slist_free_all(list);
    curl.easy_cleanup(handle);
    return out->code;
}

void sd_http_response_free(sd_http_response *response) {
    free(response->body);
    free(response->headers);
    response->body = NULL;
    response->headers = NULL;
}

typedef struct {
    const char *data;
    size_t left;
} source;

static size_t supply(char *into, size_t size, size_t count, void *context) {
    source *s = context;
    size_t n = size * count < s->left ? size * count : s->left;
    memcpy(into, s->data, n);
    s->data += n;
    s->left -= n;
    return n;
}

int sd_smtp_send(const char *url, const char *from, const char *recipient, const char *message, size_t message_length,
                 const char *username, const char *password, const char *ca_file, sd_smtp_tls tls,
                 long timeout_ms, sd_smtp_result *out) {
    memset(out, 0, sizeof *out);
    CURL *handle = open_handle(&out->code, out->error, sizeof out->error);
    if (!handle) return out->code;
    struct curl_slist *recipients = curl.slist_append(NULL, recipient);
    source body = {message, message_length};
    char error[CURL_ERROR_SIZE] = {0};

    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl.easy_setopt(handle, CURLOPT_MAIL_FROM, from);
    curl.easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients);
    curl.easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl.easy_setopt(handle, CURLOPT_READFUNCTION, supply);
    curl.easy_setopt(handle, CURLOPT_READDATA, &body);
    curl.easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, (curl_off_t)message_length);
    curl.easy_setopt(handle, CURLOPT_USE_SSL, tls == SD_SMTP_TLS_STARTTLS ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
    if (ca_file) curl.easy_setopt(handle, CURLOPT_CAINFO, ca_file);
    if (username) curl.easy_setopt(handle, CURLOPT_USERNAME, username);
    if (password) curl.easy_setopt(handle, CURLOPT_PASSWORD, password);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);

    CURLcode code = curl.easy_perform(handle);
    curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &out->reply);
    out->code = (int)code;
    if (code != CURLE_OK) snprintf(out->error, sizeof out->error, "%s", error[0] ? error : curl.easy_strerror(code));
    curl.slist_free_all(recipients);
    curl.easy_cleanup(handle);
    return out->code;
}
