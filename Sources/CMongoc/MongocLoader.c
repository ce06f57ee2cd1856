/* Each libmongoc and libbson function socialdeck calls, defined here so that the
 * executable does not link the library: the first call opens it with dlopen and looks
 * the function up, and later calls go straight to it. Add a line when the Swift code
 * calls a function that is not listed; the linker names any that is missing.
 * The definitions must match the headers, so the compiler checks every signature. */
#include "CMongoc.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* Debian's soname; libbson comes with it, and dlsym on this handle finds both. */
static const char *const library_name = "libmongoc-1.0.so.0";
static void *library;
static char failure[512];
static pthread_once_t opened = PTHREAD_ONCE_INIT;

static void open_library(void) {
    library = dlopen(library_name, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(failure, sizeof failure, "%s", why ? why : library_name);
    }
}

const char *sd_mongoc_load(void) {
    pthread_once(&opened, open_library);
    return library ? NULL : failure;
}

/* Callers check sd_mongoc_load first (the store does before anything else), so a
 * missing library or function here is a build or installation fault: say which and stop. */
static void *lookup(const char *name) {
    const char *problem = sd_mongoc_load();
    void *function = problem ? NULL : dlsym(library, name);
    if (!function) {
        fprintf(stderr, "socialdeck: cannot use %s from %s: %s\n", name, library_name, problem ? problem : dlerror());
        abort();
    }
    return function;
}

#define SD_RESOLVED(name)                                                            \
    static __typeof__(&name) resolved;                                               \
    __typeof__(&name) function = __atomic_load_n(&resolved, __ATOMIC_ACQUIRE);       \
    if (!function) {                                                                 \
        function = (__typeof__(&name))lookup(#name);                                 \
        __atomic_store_n(&resolved, function, __ATOMIC_RELEASE);                     \
    }

#define SD_LAZY(result, name, parameters, arguments) \
    result name parameters { SD_RESOLVED(name) return function arguments; }
#define SD_LAZY_VOID(name, parameters, arguments) \
    void name parameters { SD_RESOLVED(name) function arguments; }

SD_LAZY_VOID(bson_destroy, (bson_t *a), (a))
SD_LAZY(const uint8_t *, bson_get_data, (const bson_t *a), (a))
SD_LAZY(const char *, bson_get_version, (void), ())
SD_LAZY_VOID(bson_init, (bson_t *a), (a))
SD_LAZY(bson_t *, bson_new_from_data, (const uint8_t *a, size_t b), (a, b))
SD_LAZY_VOID(mongoc_bulk_operation_destroy, (mongoc_bulk_operation_t *a), (a))
SD_LAZY(uint32_t, mongoc_bulk_operation_execute, (mongoc_bulk_operation_t *a, bson_t *b, bson_error_t *c), (a, b, c))
SD_LAZY(bool, mongoc_bulk_operation_update_one_with_opts, (mongoc_bulk_operation_t *a, const bson_t *b, const bson_t *c, const bson_t *d, bson_error_t *e), (a, b, c, d, e))
SD_LAZY_VOID(mongoc_change_stream_destroy, (mongoc_change_stream_t *a), (a))
SD_LAZY(bool, mongoc_change_stream_error_document, (const mongoc_change_stream_t *a, bson_error_t *b, const bson_t **c), (a, b, c))
SD_LAZY(bool, mongoc_change_stream_next, (mongoc_change_stream_t *a, const bson_t **b), (a, b))
SD_LAZY(bool, mongoc_client_command_simple, (mongoc_client_t *a, const char *b, const bson_t *c, const mongoc_read_prefs_t *d, bson_t *e, bson_error_t *f), (a, b, c, d, e, f))
SD_LAZY(mongoc_collection_t *, mongoc_client_get_collection, (mongoc_client_t *a, const char *b, const char *c), (a, b, c))
SD_LAZY(mongoc_database_t *, mongoc_client_get_database, (mongoc_client_t *a, const char *b), (a, b))
SD_LAZY_VOID(mongoc_client_pool_destroy, (mongoc_client_pool_t *a), (a))
SD_LAZY(mongoc_client_pool_t *, mongoc_client_pool_new_with_error, (const mongoc_uri_t *a, bson_error_t *b), (a, b))
SD_LAZY(mongoc_client_t *, mongoc_client_pool_pop, (mongoc_client_pool_t *a), (a))
SD_LAZY_VOID(mongoc_client_pool_push, (mongoc_client_pool_t *a, mongoc_client_t *b), (a, b))
SD_LAZY(bool, mongoc_client_pool_set_appname, (mongoc_client_pool_t *a, const char *b), (a, b))
SD_LAZY(bool, mongoc_client_pool_set_error_api, (mongoc_client_pool_t *a, int32_t b), (a, b))
SD_LAZY(bool, mongoc_client_session_abort_transaction, (mongoc_client_session_t *a, bson_error_t *b), (a, b))
SD_LAZY(bool, mongoc_client_session_append, (const mongoc_client_session_t *a, bson_t *b, bson_error_t *c), (a, b, c))
SD_LAZY(bool, mongoc_client_session_commit_transaction, (mongoc_client_session_t *a, bson_t *b, bson_error_t *c), (a, b, c))
SD_LAZY_VOID(mongoc_client_session_destroy, (mongoc_client_session_t *a), (a))
SD_LAZY(bool, mongoc_client_session_start_transaction, (mongoc_client_session_t *a, const mongoc_transaction_opt_t *b, bson_error_t *c), (a, b, c))
SD_LAZY(mongoc_client_session_t *, mongoc_client_start_session, (mongoc_client_t *a, const mongoc_session_opt_t *b, bson_error_t *c), (a, b, c))
SD_LAZY(mongoc_bulk_operation_t *, mongoc_collection_create_bulk_operation_with_opts, (mongoc_collection_t *a, const bson_t *b), (a, b))
SD_LAZY(mongoc_cursor_t *, mongoc_collection_aggregate, (mongoc_collection_t *a, mongoc_query_flags_t b, const bson_t *c, const bson_t *d, const mongoc_read_prefs_t *e), (a, b, c, d, e))
SD_LAZY(int64_t, mongoc_collection_count_documents, (mongoc_collection_t *a, const bson_t *b, const bson_t *c, const mongoc_read_prefs_t *d, bson_t *e, bson_error_t *f), (a, b, c, d, e, f))
SD_LAZY(bool, mongoc_collection_delete_many, (mongoc_collection_t *a, const bson_t *b, const bson_t *c, bson_t *d, bson_error_t *e), (a, b, c, d, e))
SD_LAZY(bool, mongoc_collection_delete_one, (mongoc_collection_t *a, const bson_t *b, const bson_t *c, bson_t *d, bson_error_t *e), (a, b, c, d, e))
SD_LAZY_VOID(mongoc_collection_destroy, (mongoc_collection_t *a), (a))
SD_LAZY(int64_t, mongoc_collection_estimated_document_count, (mongoc_collection_t *a, const bson_t *b, const mongoc_read_prefs_t *c, bson_t *d, bson_error_t *e), (a, b, c, d, e))
SD_LAZY(bool, mongoc_collection_find_and_modify_with_opts, (mongoc_collection_t *a, const bson_t *b, const mongoc_find_and_modify_opts_t *c, bson_t *d, bson_error_t *e), (a, b, c, d, e))
SD_LAZY(mongoc_cursor_t *, mongoc_collection_find_indexes_with_opts, (mongoc_collection_t *a, const bson_t *b), (a, b))
SD_LAZY(mongoc_cursor_t *, mongoc_collection_find_with_opts, (mongoc_collection_t *a, const bson_t *b, const bson_t *c, const mongoc_read_prefs_t *d), (a, b, c, d))
SD_LAZY(const mongoc_write_concern_t *, mongoc_collection_get_write_concern, (const mongoc_collection_t *a), (a))
SD_LAZY(bool, mongoc_collection_insert_many, (mongoc_collection_t *a, const bson_t **b, size_t c, const bson_t *d, bson_t *e, bson_error_t *f), (a, b, c, d, e, f))
SD_LAZY(bool, mongoc_collection_update_many, (mongoc_collection_t *a, const bson_t *b, const bson_t *c, const bson_t *d, bson_t *e, bson_error_t *f), (a, b, c, d, e, f))
SD_LAZY(bool, mongoc_collection_update_one, (mongoc_collection_t *a, const bson_t *b, const bson_t *c, const bson_t *d, bson_t *e, bson_error_t *f), (a, b, c, d, e, f))
SD_LAZY(bool, mongoc_collection_write_command_with_opts, (mongoc_collection_t *a, const bson_t *b, const bson_t *c, bson_t *d, bson_error_t *e), (a, b, c, d, e))
SD_LAZY_VOID(mongoc_cursor_destroy, (mongoc_cursor_t *a), (a))
SD_LAZY(bool, mongoc_cursor_error, (mongoc_cursor_t *a, bson_error_t *b), (a, b))
SD_LAZY(bool, mongoc_cursor_next, (mongoc_cursor_t *a, const bson_t **b), (a, b))
SD_LAZY_VOID(mongoc_database_destroy, (mongoc_database_t *a), (a))
SD_LAZY(mongoc_change_stream_t *, mongoc_database_watch, (const mongoc_database_t *a, const bson_t *b, const bson_t *c), (a, b, c))
SD_LAZY_VOID(mongoc_find_and_modify_opts_destroy, (mongoc_find_and_modify_opts_t *a), (a))
SD_LAZY(mongoc_find_and_modify_opts_t *, mongoc_find_and_modify_opts_new, (void), ())
SD_LAZY(bool, mongoc_find_and_modify_opts_set_flags, (mongoc_find_and_modify_opts_t *a, const mongoc_find_and_modify_flags_t b), (a, b))
SD_LAZY(bool, mongoc_find_and_modify_opts_set_sort, (mongoc_find_and_modify_opts_t *a, const bson_t *b), (a, b))
SD_LAZY(bool, mongoc_find_and_modify_opts_set_update, (mongoc_find_and_modify_opts_t *a, const bson_t *b), (a, b))
SD_LAZY(const char *, mongoc_get_version, (void), ())
SD_LAZY_VOID(mongoc_init, (void), ())
SD_LAZY_VOID(mongoc_log_set_handler, (mongoc_log_func_t a, void *b), (a, b))
SD_LAZY_VOID(mongoc_uri_destroy, (mongoc_uri_t *a), (a))
SD_LAZY(const char *, mongoc_uri_get_database, (const mongoc_uri_t *a), (a))
SD_LAZY(const mongoc_host_list_t *, mongoc_uri_get_hosts, (const mongoc_uri_t *a), (a))
SD_LAZY(int32_t, mongoc_uri_get_option_as_int32, (const mongoc_uri_t *a, const char *b, int32_t c), (a, b, c))
SD_LAZY(const mongoc_write_concern_t *, mongoc_uri_get_write_concern, (const mongoc_uri_t *a), (a))
SD_LAZY(mongoc_uri_t *, mongoc_uri_new_with_error, (const char *a, bson_error_t *b), (a, b))
SD_LAZY(bool, mongoc_uri_set_option_as_int32, (mongoc_uri_t *a, const char *b, int32_t c), (a, b, c))
SD_LAZY(int32_t, mongoc_write_concern_get_w, (const mongoc_write_concern_t *a), (a))
SD_LAZY(bool, mongoc_write_concern_get_wmajority, (const mongoc_write_concern_t *a), (a))
