// SPDX-License-Identifier: Apache-2.0
// The registry's PostgreSQL schema as numbered migrations, and the version check every command
// runs.
#pragma once

#include "app/common/registry/pg.h"

#include <string>
#include <vector>

namespace cm::registry {

struct Migration {
    int version;
    std::string description;
    std::string sql;
};

/// Every migration in order; the schema this build expects is the last one's version.
const std::vector<Migration>& migrations();
int expectedSchemaVersion();

/// The version recorded in the registry (0 when it has no cinemeasure schema yet).
int schemaVersion(Connection& c);

/// Applies the missing migrations, each in its own transaction, under an advisory lock so two
/// administrators running it at once do not collide. Returns the versions applied. Needs a role
/// that may create tables and roles (the registry's owner).
std::vector<int> migrate(Connection& c);

/// Throws RegistryError (one line, saying what to run) unless the registry is at exactly the
/// version this build expects.
void requireSchema(Connection& c);

}  // namespace cm::registry
