#ifndef DOSSIER_CBUILDINFO_H
#define DOSSIER_CBUILDINFO_H

/// The version this build was given, e.g. "0.1.0" or "0.2.0+3.g1a2b3c4",
/// or "" when it was given none (a plain `swift build`).
const char *dossier_build_version(void);

/// The commit this build was made from, e.g. "1a2b3c4", or "".
const char *dossier_build_commit(void);

#endif
