#include <curl/curl.h>

static inline const char *sd_curl_version(void) { return curl_version(); }
