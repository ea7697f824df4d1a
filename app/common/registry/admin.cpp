// SPDX-License-Identifier: Apache-2.0
// Registry administration statements; identifiers are quoted by the server (format %I).
#include "app/common/registry/admin.h"

#include <algorithm>
#include <cctype>

namespace cm::registry {

void addOrganisation(Connection& c, const std::string& name, const std::string& kind) {
    c.exec("INSERT INTO organisations (name, kind) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
           {name, kind});
}

void addSite(Connection& c, const std::string& organisation, const std::string& site) {
    const Result r = c.exec(
        "INSERT INTO sites (organisation_id, name) SELECT id, $2 FROM organisations WHERE name = "
        "$1 ON CONFLICT (organisation_id, name) DO NOTHING RETURNING id",
        {organisation, site});
    if (r.rows() == 0 &&
        c.exec("SELECT 1 FROM organisations WHERE name = $1", {organisation}).rows() == 0) {
        throw RegistryError("registry: no organisation named \"" + organisation + "\"");
    }
}

void addMember(Connection& c, const std::string& db_role, const std::string& organisation,
               const std::string& kind, const std::string& display_name) {
    if (kind != "inspector" && kind != "chain" && kind != "committee") {
        throw RegistryError("registry: member kind must be inspector, chain or committee");
    }
    Transaction t(c);
    if (c.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {db_role}).rows() == 0) {
        c.execScript(
            c.exec("SELECT format('CREATE ROLE %I LOGIN', $1::text)", {db_role}).text(0, 0));
    }
    c.execScript(
        c.exec("SELECT format('GRANT %I TO %I', $1::text, $2::text)", {"cm_" + kind, db_role})
            .text(0, 0));
    const Result r = c.exec(
        "INSERT INTO members (db_role, organisation_id, kind, display_name) SELECT $1, id, $3, $4 "
        "FROM organisations WHERE name = $2 ON CONFLICT (db_role) DO NOTHING RETURNING 1",
        {db_role, organisation, kind, display_name});
    if (r.rows() == 0 &&
        c.exec("SELECT 1 FROM organisations WHERE name = $1", {organisation}).rows() == 0) {
        throw RegistryError("registry: no organisation named \"" + organisation + "\"");
    }
    t.commit();
}

std::string registerKey(Connection& c, const std::string& db_role,
                        const std::string& public_key_hex) {
    std::string hex;
    for (char ch : public_key_hex) {
        if (!std::isspace(static_cast<unsigned char>(ch))) {
            hex += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
    }
    if (hex.size() != 64 || !std::all_of(hex.begin(), hex.end(), [](char ch) {
            return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
        })) {
        throw RegistryError(
            "registry: a public key is 64 hex digits (the .pub file from "
            "`cinemeasure keygen`)");
    }
    // Same key id as app/common/signing: the first 16 hex digits of SHA-256(public key).
    const Result r = c.exec(
        "INSERT INTO inspector_keys (key_id, db_role, public_key_hex) "
        "SELECT substr(encode(sha256(decode($2, 'hex')), 'hex'), 1, 16), $1, $2 "
        "ON CONFLICT (key_id) DO NOTHING RETURNING key_id",
        {db_role, hex});
    if (r.rows() == 1) {
        return r.text(0, 0);
    }
    return c.exec("SELECT key_id FROM inspector_keys WHERE public_key_hex = $1", {hex}).text(0, 0);
}

}  // namespace cm::registry
