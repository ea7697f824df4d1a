// SPDX-License-Identifier: Apache-2.0
// What a registry's administrator does besides migrating: organisations, sites, members (login
// roles in one of the three groups) and the inspectors' signing keys.
#pragma once

#include "app/common/registry/pg.h"

#include <string>

namespace cm::registry {

/// kind: "chain", "inspection_body" or "committee". Existing names are left as they are.
void addOrganisation(Connection& c, const std::string& name, const std::string& kind);
/// Registers a site (cinema) of an organisation; auditoriums and screens are added by push.
void addSite(Connection& c, const std::string& organisation, const std::string& site);
/// Makes `db_role` a member: creates the login role when missing (authentication is the
/// server's: pg_hba.conf, passwords or certificates) and grants it cm_inspector, cm_chain or
/// cm_committee per `kind`.
void addMember(Connection& c, const std::string& db_role, const std::string& organisation,
               const std::string& kind, const std::string& display_name);
/// Registers an inspector's Ed25519 public key (64 hex digits); returns its key id.
std::string registerKey(Connection& c, const std::string& db_role,
                        const std::string& public_key_hex);

}  // namespace cm::registry
