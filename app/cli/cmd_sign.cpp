// SPDX-License-Identifier: Apache-2.0
// `cinemeasure keygen`, `sign`, `verify`: Ed25519 signatures an inspector attaches to a report.
#include "app/cli/commands.h"
#include "app/common/signing.h"

#include <cstdio>
#include <memory>

namespace cm::cli {

void registerSigningCommands(CLI::App& app) {
    {
        auto dir = std::make_shared<std::string>();
        auto name = std::make_shared<std::string>("inspector");
        auto* cmd = app.add_subcommand(
            "keygen", "Create an Ed25519 signing key pair (secret key file mode 0600)");
        cmd->add_option("--out", *dir,
                        "Key folder (default: $CINEMEASURE_KEYS or ~/.config/cinemeasure/keys)");
        cmd->add_option("--name", *name, "Base name of the .key/.pub files");
        cmd->callback([dir, name] {
            const auto f = app::generateKeyPair(
                dir->empty() ? app::defaultKeyDir() : std::filesystem::path(*dir), *name);
            std::printf("secret key: %s (keep private)\npublic key: %s\nkey id:     %s\n",
                        f.secret_key.c_str(), f.public_key.c_str(), f.key_id.c_str());
        });
    }
    {
        auto report = std::make_shared<std::string>();
        auto key = std::make_shared<std::string>();
        auto* cmd = app.add_subcommand("sign", "Sign a report file; writes REPORT.sig beside it");
        cmd->add_option("REPORT", *report, "report.json (any report file)")
            ->required()
            ->check(CLI::ExistingFile);
        cmd->add_option("--key", *key,
                        "Secret key from `cinemeasure keygen`: its file, or the name keygen was "
                        "given (looked up in $CINEMEASURE_KEYS or ~/.config/cinemeasure/keys)")
            ->required();
        cmd->callback([report, key] {
            std::printf("%s\n", app::signReport(*report, app::resolveSecretKey(*key)).c_str());
        });
    }
    {
        auto report = std::make_shared<std::string>();
        auto sig = std::make_shared<std::string>();
        auto trusted = std::make_shared<std::string>();
        auto pub = std::make_shared<std::string>();
        auto* cmd = app.add_subcommand(
            "verify",
            "Check a report's signature; exit 0 only if intact and signed by a trusted key");
        cmd->add_option("REPORT", *report, "The signed report")
            ->required()
            ->check(CLI::ExistingFile);
        cmd->add_option("--signature", *sig, "Signature file (default: REPORT.sig)");
        cmd->add_option("--trusted-keys", *trusted,
                        "Folder of trusted *.pub keys (default: $CINEMEASURE_TRUSTED_KEYS or "
                        "~/.config/cinemeasure/trusted-keys)");
        cmd->add_option("--public-key", *pub, "Also trust this public key file");
        cmd->callback([=] {
            // An unusable signature file is a SigningError (a verification failure).
            const app::VerifyResult r = app::verifyReport(
                *report, *sig,
                trusted->empty() ? app::defaultTrustedKeyDir() : std::filesystem::path(*trusted),
                *pub);
            if (!r.valid || !r.trusted) {
                throw errors::VerificationError(r.message);
            }
            std::printf("%s\n", r.message.c_str());
        });
    }
}

}  // namespace cm::cli
