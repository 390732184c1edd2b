#ifndef DOSSIER_CSQLITE_EXTENSION_SHIM_H
#define DOSSIER_CSQLITE_EXTENSION_SHIM_H
/// The loadable-extension interface: `sqlite3_api_routines`, the table of
/// SQLite's functions that the loading library passes to an extension's
/// entry point. An extension calls SQLite only through it, so it works in
/// whichever SQLite loads it (Python's, a static build, the system's).
#include <sqlite3ext.h>
#endif
