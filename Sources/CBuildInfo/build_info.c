#include "CBuildInfo.h"

// scripts/package.sh sets DOSSIER_VERSION and DOSSIER_COMMIT in the
// environment, and Package.swift turns them into these macros for this file
// only: a new commit recompiles this file and relinks, nothing else. Swift
// has no string-valued compilation conditions, hence a C target.
#ifndef DOSSIER_VERSION
#define DOSSIER_VERSION ""
#endif
#ifndef DOSSIER_COMMIT
#define DOSSIER_COMMIT ""
#endif

const char *dossier_build_version(void) { return DOSSIER_VERSION; }

const char *dossier_build_commit(void) { return DOSSIER_COMMIT; }
