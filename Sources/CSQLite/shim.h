#ifndef DOSSIER_CSQLITE_SHIM_H
#define DOSSIER_CSQLITE_SHIM_H
#include <sqlite3.h>

/// Variadic sqlite3_db_config cannot be called from Swift: wrap the
/// integer-flag form.
static inline int dossier_db_config_int(sqlite3 *db, int op, int value) {
    int out = 0;
    return sqlite3_db_config(db, op, value, &out);
}

/// Turns off SQLite's memory statistics, which take a global mutex on
/// every allocation. Only before SQLite is initialized (the first open);
/// returns SQLITE_MISUSE afterwards, changing nothing.
static inline int dossier_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/// The current value of an integer flag of sqlite3_db_config (-1 leaves it
/// as it is), or -1 when the option is unknown.
static inline int dossier_db_config_get(sqlite3 *db, int op) {
    int out = -1;
    if (sqlite3_db_config(db, op, -1, &out) != SQLITE_OK) return -1;
    return out;
}
#endif
