// SPDX-License-Identifier: Apache-2.0
// `cinemeasure push`, `fleet` and `registry ...`: the PostgreSQL certification registry.
#include "app/cli/commands.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/registry/admin.h"
#include "app/common/registry/fleet.h"
#include "app/common/registry/migrations.h"
#include "app/common/registry/push.h"
#include "app/common/registry/registry_evaluate.h"
#include "app/common/session/session_store.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

namespace cm::cli {

namespace {

constexpr const char* kRegistryHelp =
    "Registry: a libpq connection string or URI, e.g. postgresql://inspector@db.example/registry "
    "(default: $CINEMEASURE_REGISTRY; passwords from ~/.pgpass or PGPASSWORD)";

std::string registryUrl(const std::string& given) {
    if (!given.empty()) {
        return given;
    }
    if (const char* e = std::getenv("CINEMEASURE_REGISTRY"); e && *e) {
        return e;
    }
    throw errors::InputError("no registry given: use --registry URL or set CINEMEASURE_REGISTRY");
}

registry::Connection connect(const std::string& given) {
    return registry::Connection(registryUrl(given));  // RegistryError: a storage failure
}

/// Runs an administration step, turning registry errors into one-line command errors.
template <typename F>
void admin(const std::string& url, F&& f) {
    auto c = connect(url);
    f(c);
}

void registerPush(CLI::App& app) {
    auto url = std::make_shared<std::string>();
    auto db = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "push",
        "Send the journal's finished, signed sessions to the registry (only what is not there "
        "yet; safe to repeat or to resume after an interruption)");
    cmd->add_option("--registry", *url, kRegistryHelp);
    cmd->add_option("--db", *db,
                    "Session database (default: $CINEMEASURE_DB or "
                    "~/.local/share/cinemeasure/sessions.db)");
    cmd->callback([url, db] {
        const std::filesystem::path file =
            db->empty() ? app::SessionStore::defaultPath() : std::filesystem::path(*db);
        if (!std::filesystem::exists(file)) {
            throw errors::InputError(file.string() + ": no session journal here");
        }
        std::unique_ptr<app::SessionStore> store;
        std::unique_ptr<registry::Outbox> outbox;
        store = std::make_unique<app::SessionStore>(file);
        outbox = std::make_unique<registry::Outbox>(file);
        auto c = connect(*url);
        std::vector<registry::PushOutcome> out;
        try {
            out = registry::push(*store, *outbox, c);
        } catch (const registry::RegistryError& e) {
            throw errors::StorageError(std::string(e.what()) +
                                       " (sessions not committed stay queued; push again)");
        }
        std::size_t sent = 0, there = 0, refused = 0;
        for (const auto& o : out) {
            switch (o.status) {
                case registry::PushOutcome::Status::Sent:
                    ++sent;
                    std::printf("sent      %s  %s  (%zu readings)\n", o.session_id.c_str(),
                                o.session_uuid.c_str(), o.readings);
                    break;
                case registry::PushOutcome::Status::AlreadyThere:
                    ++there;
                    std::printf("had it    %s  %s\n", o.session_id.c_str(), o.session_uuid.c_str());
                    break;
                case registry::PushOutcome::Status::Refused:
                    ++refused;
                    std::printf("REFUSED   %s  %s\n", o.session_id.c_str(), o.reason.c_str());
                    break;
            }
        }
        std::printf("%zu sent, %zu already in the registry, %zu refused (kept in the outbox)\n",
                    sent, there, refused);
        if (refused > 0) {
            throw errors::VerificationError(std::to_string(refused) +
                                            " session(s) refused by the registry");
        }
    });
}

void registerFleet(CLI::App& app) {
    auto url = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("table");
    auto out = std::make_shared<std::string>();
    auto interval = std::make_shared<int>(365);
    auto figure = std::make_shared<std::string>("centre_luminance");
    auto asOf = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "fleet",
        "Per site and screen: last certification, verdict, next due date and the centre "
        "luminance trend with the date it is projected to fall below its limit");
    cmd->add_option("--registry", *url, kRegistryHelp);
    cmd->add_option("--format", *format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    cmd->add_option("--out", *out, "Write to this file instead of standard output");
    cmd->add_option("--interval-days", *interval,
                    "Certification interval in days: next due = last certification + this")
        ->check(CLI::Range(1, 36500));
    cmd->add_option("--figure", *figure, "Figure id whose trend is fitted");
    cmd->add_option("--as-of", *asOf,
                    "Date (YYYY-MM-DD, UTC) the due status is judged at (default: today)");
    cmd->callback([=] {
        registry::FleetOptions o;
        o.figure_id = *figure;
        o.interval_days = *interval;
        try {
            o.as_of_unix_s = asOf->empty() ? static_cast<double>(std::time(nullptr))
                                           : registry::parseUtcDate(*asOf);
        } catch (const std::exception& e) {
            throw errors::InputError(std::string("--as-of: ") + e.what());
        }
        auto c = connect(*url);
        registry::Fleet fleet;
        registry::requireSchema(c);
        fleet = registry::loadFleet(c, o);
        const std::string text = *format == "csv"    ? registry::fleetCsv(fleet)
                                 : *format == "json" ? registry::fleetJson(fleet).dump(2) + "\n"
                                                     : registry::fleetTable(fleet);
        if (out->empty()) {
            std::fputs(text.c_str(), stdout);
            return;
        }
        app::writeFileAtomically(*out, text);
    });
}

void registerAdmin(CLI::App& app) {
    auto url = std::make_shared<std::string>();
    auto* reg = app.add_subcommand("registry", "Set up a registry (for its administrator)");
    reg->add_option("--registry", *url, kRegistryHelp);
    reg->require_subcommand(1);
    reg->fallthrough();  // --registry may also follow the action
    {
        auto* cmd = reg->add_subcommand(
            "migrate", "Create or upgrade the registry's schema, roles and row-level security");
        cmd->callback([url] {
            admin(*url, [](registry::Connection& c) {
                const auto applied = registry::migrate(c);
                for (int v : applied) {
                    std::printf("applied migration %d\n", v);
                }
                std::printf("registry schema at version %d\n", registry::schemaVersion(c));
            });
        });
    }
    {
        auto name = std::make_shared<std::string>();
        auto kind = std::make_shared<std::string>("chain");
        auto* cmd = reg->add_subcommand("add-org", "Add an organisation");
        cmd->add_option("NAME", *name, "Organisation name")->required();
        cmd->add_option("--kind", *kind, "chain, inspection_body or committee")
            ->check(CLI::IsMember({"chain", "inspection_body", "committee"}));
        cmd->callback([url, name, kind] {
            admin(*url,
                  [&](registry::Connection& c) { registry::addOrganisation(c, *name, *kind); });
        });
    }
    {
        auto org = std::make_shared<std::string>();
        auto site = std::make_shared<std::string>();
        auto* cmd = reg->add_subcommand(
            "add-site", "Register a site (cinema) of an organisation, named as reports name it");
        cmd->add_option("ORG", *org, "Organisation")->required();
        cmd->add_option("SITE", *site, "Site name")->required();
        cmd->callback([url, org, site] {
            admin(*url, [&](registry::Connection& c) { registry::addSite(c, *org, *site); });
        });
    }
    {
        auto role = std::make_shared<std::string>();
        auto org = std::make_shared<std::string>();
        auto kind = std::make_shared<std::string>();
        auto display = std::make_shared<std::string>();
        auto* cmd = reg->add_subcommand(
            "add-member",
            "Make a database login role an inspector, chain reader or committee member");
        cmd->add_option("ROLE", *role, "Database role (created when missing)")->required();
        cmd->add_option("--org", *org, "Organisation")->required();
        cmd->add_option("--kind", *kind, "inspector, chain or committee")
            ->required()
            ->check(CLI::IsMember({"inspector", "chain", "committee"}));
        cmd->add_option("--name", *display, "Display name (default: ROLE)");
        cmd->callback([=] {
            admin(*url, [&](registry::Connection& c) {
                registry::addMember(c, *role, *org, *kind, display->empty() ? *role : *display);
            });
        });
    }
    {
        auto role = std::make_shared<std::string>();
        auto pub = std::make_shared<std::string>();
        auto* cmd = reg->add_subcommand(
            "add-key", "Register an inspector's public key (.pub from `cinemeasure keygen`)");
        cmd->add_option("ROLE", *role, "The inspector's database role")->required();
        cmd->add_option("PUBLIC_KEY", *pub, ".pub file")->required()->check(CLI::ExistingFile);
        cmd->callback([url, role, pub] {
            std::string hex;
            hex = app::readTextFile(*pub);
            admin(*url, [&](registry::Connection& c) {
                std::printf("key id %s registered for %s\n",
                            registry::registerKey(c, *role, hex).c_str(), role->c_str());
            });
        });
    }
}

}  // namespace

void runRegistryEvaluate(const std::string& url, const std::string& profileArg, bool record,
                         const std::string& site, const std::string& csvOut) {
    procedure::Profile after;
    std::string afterJson;
    after = app::findProfile(profileArg);
    afterJson = app::readTextFile(app::findProfileFile(profileArg));
    auto c = connect(url);
    registry::RegistryEvaluateOptions o;
    o.record = record;
    o.site = site;
    registry::RegistryEvaluation ev;
    ev = registry::evaluateRegistry(c, after, afterJson, o);
    std::printf("%-20s %-20s %-10s %-20s %-22s %10s  %-14s %-14s -> %-14s %-14s\n", "site",
                "auditorium", "screen", "session started", "figure", "value", "old limit",
                "old verdict", "new limit", "new verdict");
    std::string csv =
        "site,auditorium,screen,session_uuid,started_utc,figure,value,old_limit,old_verdict,"
        "new_limit,new_verdict\n";
    auto q = [](const std::string& v) { return "\"" + v + "\""; };
    for (const auto& x : ev.changed) {
        const auto& ch = x.change;
        std::printf("%-20s %-20s %-10s %-20s %-22s %10.4f  %-14s %-14s -> %-14s %-14s\n",
                    x.site.c_str(), x.auditorium.c_str(), x.screen.c_str(), x.started_utc.c_str(),
                    ch.figure_id.c_str(), ch.value, ch.old_limit.c_str(),
                    evaluation::toString(ch.old_verdict), ch.new_limit.c_str(),
                    evaluation::toString(ch.new_verdict));
        char v[32];
        std::snprintf(v, sizeof v, "%.6g", ch.value);
        csv += q(x.site) + "," + q(x.auditorium) + "," + q(x.screen) + "," + x.session_uuid + "," +
               x.started_utc + "," + ch.figure_id + "," + v + "," + q(ch.old_limit) + "," +
               evaluation::toString(ch.old_verdict) + "," + q(ch.new_limit) + "," +
               evaluation::toString(ch.new_verdict) + "\n";
    }
    std::printf("%zu session(s), %zu figure(s) re-evaluated under %s; %zu verdict(s) changed\n",
                ev.sessions, ev.figures, after.id.c_str(), ev.changed.size());
    if (record) {
        std::printf("recorded as re-evaluation run %s\n", ev.run_uuid.c_str());
    } else {
        std::printf("nothing written to the registry (--record stores this run)\n");
    }
    if (!csvOut.empty()) {
        app::writeFileAtomically(csvOut, csv);
    }
}

void registerRegistryCommands(CLI::App& app) {
    registerPush(app);
    registerFleet(app);
    registerAdmin(app);
}

}  // namespace cm::cli
